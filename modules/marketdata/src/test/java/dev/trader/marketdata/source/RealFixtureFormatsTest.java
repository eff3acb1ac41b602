package dev.trader.marketdata.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.market.Timeframe;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.marketdata.BarItem;
import dev.trader.marketdata.file.FileFormat;
import dev.trader.marketdata.testing.Fixtures;
import dev.trader.marketdata.testing.Ingest;
import dev.trader.marketdata.testing.StreamTestSystem;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each real layout parses to the exact values of its fixture, first row to last. */
class RealFixtureFormatsTest extends StreamTestSystem {
    private static final InstrumentId BTC = InstrumentId.parse("binance:BTCUSDT");
    private static final InstrumentId FIL = InstrumentId.parse("binance:FILUSDT");

    @Test
    void binanceFuturesArchiveParsesEveryRowWithExactValues() {
        Ingest run = Ingest.run(BarFileSource.of(Fixtures.path(Fixtures.FIL_FUTURES_CSV), FIL, Timeframe.M1), materializer);

        List<BarItem> bars = run.barItems();
        assertEquals(300, bars.size());
        assertEquals(new BarItem(bar(FIL, Timeframe.M1, "2023-08-01T00:00:00Z", "4.255", "4.256", "4.252", "4.252", "25259.1"), 2), bars.get(0));
        assertEquals(new BarItem(bar(FIL, Timeframe.M1, "2023-08-01T04:59:00Z", "4.172", "4.175", "4.171", "4.171", "19880.2"), 301), bars.get(299));
        assertEquals(300, run.report().rowsRead());
        assertEquals(300, run.report().barsAccepted());
        assertEquals(0, run.report().rejected());
        assertEquals(300, run.items().size(), "no gaps, no rejections");
    }

    @Test
    void binanceSpotKlinesParseEveryRowWithExactValues() {
        Ingest run = Ingest.run(BarFileSource.of(Fixtures.path(Fixtures.BTC_1H_CSV), BTC, Timeframe.H1), materializer);

        List<BarItem> bars = run.barItems();
        assertEquals(287, bars.size());
        assertEquals(new BarItem(bar(BTC, Timeframe.H1, "2023-03-20T00:00:00Z",
                "27972.87", "28057.44", "27779.65", "27825.47", "16809.29216"), 2), bars.get(0));
        assertEquals(new BarItem(bar(BTC, Timeframe.H1, "2023-03-31T23:00:00Z",
                "28570.31", "28595.75", "28465.36", "28465.36", "1377.36769"), 288), bars.get(286));
        assertEquals(0, run.report().rejected());
    }

    @Test
    void freqtradeJsonParsesEveryCandleWithExactValues() {
        Ingest run = Ingest.run(BarFileSource.of(Fixtures.path(Fixtures.BTC_OUTAGE_JSON), BTC, Timeframe.M1), materializer);

        List<BarItem> bars = run.barItems();
        assertEquals(280, bars.size());
        assertEquals(new BarItem(bar(BTC, Timeframe.M1, "2023-03-24T10:00:00Z",
                "28041.11", "28041.12", "28026.62", "28032.36", "39.30844"), 1), bars.get(0));
        assertEquals(new BarItem(bar(BTC, Timeframe.M1, "2023-03-24T15:59:00Z",
                "28028.73", "28029.55", "28018.03", "28018.04", "36.38682"), 280), bars.get(279));
        assertEquals(280, run.report().rowsRead());
        assertEquals(0, run.report().rejected());
    }

    @Test
    void explicitFormatGivesTheSameBarsAsDetection() {
        Ingest detected = Ingest.run(BarFileSource.of(Fixtures.path(Fixtures.FIL_FUTURES_CSV), FIL, Timeframe.M1), materializer);
        Ingest explicit = Ingest.run(BarFileSource.of(Fixtures.path(Fixtures.FIL_FUTURES_CSV), FIL, Timeframe.M1,
                FileFormat.BINANCE_KLINES), materializer);

        assertEquals(detected.items(), explicit.items());
    }

    @Test
    void instrumentAndTimeframeCanComeFromTheFileName() {
        Ingest run = Ingest.run(BarFileSource.of(Fixtures.path(Fixtures.BTC_1H_CSV)), materializer);

        assertEquals(287, run.bars().size());
        assertTrue(run.bars().stream().allMatch(b -> b.instrument().equals(BTC) && b.timeframe() == Timeframe.H1));
    }

    @Test
    void aSourceCanBeRunTwiceWithIndependentReports() {
        var source = BarFileSource.of(Fixtures.path(Fixtures.FIL_FUTURES_CSV), FIL, Timeframe.M1);

        Ingest first = Ingest.run(source, materializer);
        Ingest second = Ingest.run(source, materializer);

        assertEquals(first.items(), second.items());
        assertEquals(300, second.report().rowsRead(), "the second run must not continue the first run's counts");
    }

    static Bar bar(InstrumentId instrument, Timeframe timeframe, String openTime,
                   String open, String high, String low, String close, String volume) {
        return new Bar(instrument, timeframe, Instant.parse(openTime),
                Price.of(open), Price.of(high), Price.of(low), Price.of(close), Quantity.of(volume));
    }
}
