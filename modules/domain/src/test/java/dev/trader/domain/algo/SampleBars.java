package dev.trader.domain.algo;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.market.Timeframe;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The repository's real Binance 1m candles ({@code sample-data/}, Freqtrade JSON:
 * {@code [[open_time_ms, open, high, low, close, volume], ...]}), read without the market-data
 * module, which the domain does not depend on.
 */
final class SampleBars {
    static final InstrumentId BTCUSDT = InstrumentId.parse("binance:BTCUSDT");

    private SampleBars() {
    }

    /** BTCUSDT, 2023-03-17 00:00 to 2023-03-23 23:59 UTC, 10,080 bars without gaps. */
    static List<Bar> btcusdt() throws IOException {
        return read(find("sample-data/BTC_USDT-1m_20230317-20230324.json.gz"), BTCUSDT);
    }

    static List<Bar> read(Path file, InstrumentId instrument) throws IOException {
        String text;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
        if (!text.startsWith("[[") || !text.endsWith("]]")) {
            throw new IOException(file + " is not a Freqtrade candle array");
        }
        List<Bar> bars = new ArrayList<>();
        for (String row : text.substring(2, text.length() - 2).split("\\],\\[")) {
            String[] f = row.split(",");
            if (f.length != 6) {
                throw new IOException(file + ": a candle of " + f.length + " fields: " + row);
            }
            bars.add(new Bar(instrument, Timeframe.M1, Instant.ofEpochMilli(Long.parseLong(f[0].trim())), Price.of(f[1]), Price.of(f[2]),
                    Price.of(f[3]), Price.of(f[4]), Quantity.of(f[5])));
        }
        return bars;
    }

    private static Path find(String relative) {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.exists(d.resolve(relative))) {
                return d.resolve(relative);
            }
        }
        throw new IllegalStateException(relative + " not found above " + Path.of("").toAbsolutePath());
    }
}
