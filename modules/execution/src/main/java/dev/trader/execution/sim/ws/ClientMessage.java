package dev.trader.execution.sim.ws;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.model.ws.Message;
import org.apache.pekko.http.javadsl.model.ws.TextMessage;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Sink;

/**
 * One message from a client, read whole: its text, or why it is not a request. A streamed
 * (fragmented) message is collected up to the size limit, so a client cannot make the server
 * buffer without bound.
 */
record ClientMessage(String text, String problem) {
    private static final ClientMessage BINARY = new ClientMessage(null, "binary frame");

    static CompletionStage<ClientMessage> read(Message message, int maxChars, Materializer materializer) {
        if (!message.isText()) {
            // A streamed binary message must still be consumed, or the connection stalls.
            message.asBinaryMessage().getStreamedData().runWith(Sink.ignore(), materializer);
            return CompletableFuture.completedFuture(BINARY);
        }
        TextMessage text = message.asTextMessage();
        if (text.isStrict()) {
            return CompletableFuture.completedFuture(ofText(text.getStrictText(), maxChars));
        }
        return text.getStreamedText()
                .limitWeighted(maxChars, s -> (long) s.length())
                .runFold(new StringBuilder(), StringBuilder::append, materializer)
                .thenApply(sb -> ofText(sb.toString(), maxChars))
                .exceptionally(e -> tooLarge(maxChars));
    }

    private static ClientMessage ofText(String text, int maxChars) {
        return text.length() > maxChars ? tooLarge(maxChars) : new ClientMessage(text, null);
    }

    private static ClientMessage tooLarge(int maxChars) {
        return new ClientMessage(null, "a message longer than " + maxChars + " characters");
    }
}
