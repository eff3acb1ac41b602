package dev.trader.marketdata.binance;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.market.Timeframe;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** The real 1m candles of src-shared/test-data/engine (Freqtrade JSON), as bars, read exactly (no double). */
final class FixtureBars {
    static final String BTC = "/engine/BTC_USDT-1m_20230316-first720.json.gz";
    static final String ETH = "/engine/ETH_USDT-1m_20230316-first720.json.gz";
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private FixtureBars() {
    }

    static List<Bar> load(String resource, String symbol) {
        InstrumentId instrument = new InstrumentId("binance", symbol);
        try (InputStream in = new GZIPInputStream(FixtureBars.class.getResourceAsStream(resource))) {
            List<Bar> bars = new ArrayList<>();
            for (JsonNode c : JSON.readTree(in)) {
                bars.add(new Bar(instrument, Timeframe.M1, Instant.ofEpochMilli(c.get(0).asLong()), Price.of(c.get(1).decimalValue()),
                        Price.of(c.get(2).decimalValue()), Price.of(c.get(3).decimalValue()), Price.of(c.get(4).decimalValue()),
                        Quantity.of(c.get(5).decimalValue())));
            }
            return bars;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
