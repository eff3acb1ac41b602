package dev.trader.app.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A feed client on a raw socket with a tiny receive buffer, which authenticates, subscribes and then
 * reads nothing until told to: the slowest client there is. {@link #drain} reads what the server
 * managed to send it afterwards.
 */
public final class NeverReadingFeedClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    public NeverReadingFeedClient(int port, String key) throws Exception {
        socket = new Socket();
        socket.setReceiveBufferSize(1024);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
        out.write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        String head = readHead();
        if (!head.startsWith("HTTP/1.1 101")) {
            throw new IllegalStateException("no upgrade: " + head);
        }
        sendText("{\"type\":\"auth\",\"key\":\"" + key + "\"}");
        sendText("{\"type\":\"subscribe\"}");
    }

    /** Reads every text message the server sent until it has been quiet for {@code quietMillis}. */
    public List<JsonNode> drain(int quietMillis) throws Exception {
        socket.setSoTimeout(quietMillis);
        DataInputStream data = new DataInputStream(in);
        List<JsonNode> texts = new ArrayList<>();
        try {
            while (true) {
                int b0 = data.readUnsignedByte();
                int b1 = data.readUnsignedByte();
                long length = b1 & 0x7F;
                if (length == 126) {
                    length = data.readUnsignedShort();
                } else if (length == 127) {
                    length = data.readLong();
                }
                byte[] payload = new byte[(int) length];
                data.readFully(payload);
                if ((b0 & 0x0F) == 0x1) {
                    texts.add(JSON.readTree(payload));
                } else if ((b0 & 0x0F) == 0x8) {
                    break;
                }
            }
        } catch (SocketTimeoutException | EOFException quiet) {
            // nothing more for now
        }
        return texts;
    }

    private void sendText(String text) throws Exception {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        if (payload.length > 125) {
            throw new IllegalArgumentException("short messages only");
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x81);
        frame.write(0x80 | payload.length);
        frame.write(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        out.write(frame.toByteArray());
        out.flush();
    }

    private String readHead() throws Exception {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                throw new EOFException("closed during the handshake: " + head);
            }
            head.append((char) c);
        }
        return head.toString();
    }

    @Override
    public void close() throws java.io.IOException {
        socket.close();
    }
}
