package dev.trader.strategy.volume;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** The real-data fixtures of the volume tests, read without any JSON or CSV library. */
final class VolumeFixtures {
    /** One trade as text, so that the test's BigDecimal sums see exactly what the file says. */
    record TradeRow(long timeMs, String price, String amount) {
    }

    private VolumeFixtures() {
    }

    /** The 9,999 tardis Binance futures BTCUSDT trades of 2020-02-22 00:00-02:05 UTC. */
    static List<TradeRow> tardisTrades() {
        List<TradeRow> out = new ArrayList<>();
        try (BufferedReader r = reader(resource("/ticks/tardis_binance-futures_BTCUSDT_trades_20200222.csv.gz"))) {
            String header = r.readLine();
            if (!header.equals("exchange,symbol,timestamp,local_timestamp,id,side,price,amount")) {
                throw new IllegalStateException("unexpected header " + header);
            }
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] c = line.split(",", -1);
                // timestamp is in microseconds
                out.add(new TradeRow(Math.floorDiv(Long.parseLong(c[2]), 1000), c[6], c[7]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Bitstamp BTC/USD trades {@code unix_seconds,price,amount} from the shared data set. */
    static List<TradeRow> bitstampTrades(Path path) {
        List<TradeRow> out = new ArrayList<>();
        try (BufferedReader r = reader(Files.newInputStream(path))) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] c = line.split(",", -1);
                out.add(new TradeRow(Long.parseLong(c[0]) * 1000, c[1], c[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * Freqtrade OHLCV JSON {@code [[open_ms, o, h, l, c, v], ...]} as columns: time, open, high,
     * low, close, volume.
     */
    static double[][] candles(String resource) {
        String text;
        try (BufferedReader r = reader(resource(resource))) {
            StringBuilder sb = new StringBuilder();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                sb.append(line);
            }
            text = sb.toString().trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!text.startsWith("[[") || !text.endsWith("]]")) {
            throw new IllegalStateException(resource + " is not a Freqtrade candle array");
        }
        String[] rows = text.substring(2, text.length() - 2).split("\\]\\s*,\\s*\\[");
        double[][] out = new double[6][rows.length];
        for (int i = 0; i < rows.length; i++) {
            String[] c = rows[i].split(",");
            for (int j = 0; j < 6; j++) {
                out[j][i] = Double.parseDouble(c[j].trim());
            }
        }
        return out;
    }

    static double[][] btcMinuteCandles() {
        return candles("/engine/BTC_USDT-1m_20230316-first720.json.gz");
    }

    private static InputStream resource(String name) {
        InputStream in = VolumeFixtures.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("test resource " + name + " is missing");
        }
        return in;
    }

    private static BufferedReader reader(InputStream raw) throws IOException {
        return new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8));
    }
}
