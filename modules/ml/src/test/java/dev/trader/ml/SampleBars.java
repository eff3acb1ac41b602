package dev.trader.ml;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.market.Timeframe;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The project's week of real Binance 1m candles (sample-data/, 2023-03-17 to 03-23, BTC and ETH),
 * read as the file has them: the numbers' text goes into the bar's prices unchanged.
 */
public final class SampleBars {
    public static final InstrumentId BTC = InstrumentId.parse("binance:BTCUSDT");
    public static final InstrumentId ETH = InstrumentId.parse("binance:ETHUSDT");
    public static final Path DIR = Path.of("..", "..", "sample-data").toAbsolutePath().normalize();
    public static final Path BTC_FILE = DIR.resolve("BTC_USDT-1m_20230317-20230324.json.gz");
    public static final Path ETH_FILE = DIR.resolve("ETH_USDT-1m_20230317-20230324.json.gz");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Map<InstrumentId, List<Bar>> cache;

    private SampleBars() {
    }

    public static synchronized Map<InstrumentId, List<Bar>> both() {
        if (cache == null) {
            Map<InstrumentId, List<Bar>> m = new LinkedHashMap<>();
            m.put(BTC, read(BTC_FILE, BTC));
            m.put(ETH, read(ETH_FILE, ETH));
            cache = m;
        }
        return cache;
    }

    public static List<Bar> btc() {
        return both().get(BTC);
    }

    public static List<Bar> read(Path file, InstrumentId instrument) {
        List<Bar> out = new ArrayList<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file)); JsonParser p = JSON.getFactory().createParser(in)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new IOException(file + " is not a JSON array");
            }
            while (p.nextToken() == JsonToken.START_ARRAY) {
                p.nextToken();
                long openMs = p.getLongValue();
                String[] v = new String[5];
                for (int k = 0; k < 5; k++) {
                    p.nextToken();
                    v[k] = p.getText();
                }
                p.nextToken();
                out.add(new Bar(instrument, Timeframe.M1, Instant.ofEpochMilli(openMs), Price.of(v[0]), Price.of(v[1]), Price.of(v[2]),
                        Price.of(v[3]), Quantity.of(v[4])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
