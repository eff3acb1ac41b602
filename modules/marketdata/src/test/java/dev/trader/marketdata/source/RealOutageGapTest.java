package dev.trader.marketdata.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.market.Timeframe;
import dev.trader.marketdata.BarItem;
import dev.trader.marketdata.FeedItem;
import dev.trader.marketdata.Gap;
import dev.trader.marketdata.testing.Fixtures;
import dev.trader.marketdata.testing.Ingest;
import dev.trader.marketdata.testing.StreamTestSystem;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Binance spot outage of 2023-03-24 (no candles 12:40-13:59 UTC) is reported as a gap, not an error. */
class RealOutageGapTest extends StreamTestSystem {
    private static final InstrumentId BTC = InstrumentId.parse("binance:BTCUSDT");

    @Test
    void oneMinuteOutageIsOneGapOfEightyBarsBeforeTheFirstBarAfterIt() {
        Ingest run = Ingest.run(BarFileSource.of(Fixtures.path(Fixtures.BTC_OUTAGE_JSON), BTC, Timeframe.M1), materializer);

        Gap expected = new Gap(BTC, Instant.parse("2023-03-24T12:40:00Z"), Instant.parse("2023-03-24T14:00:00Z"), 80);
        assertEquals(List.of(expected), run.gaps());
        assertEquals(1, run.report().gaps());
        assertEquals(80, run.report().missingBars());

        List<FeedItem> items = run.items();
        int at = items.indexOf(expected);
        BarItem before = assertInstanceOf(BarItem.class, items.get(at - 1));
        BarItem after = assertInstanceOf(BarItem.class, items.get(at + 1));
        assertEquals(Instant.parse("2023-03-24T12:39:00Z"), before.bar().openTime());
        assertEquals(Instant.parse("2023-03-24T14:00:00Z"), after.bar().openTime());
        assertEquals(161, after.line(), "the 161st candle of the fixture resumes after the outage");
        assertEquals(280, run.report().barsAccepted(), "the bar after the gap is emitted, nothing is rejected");
        assertEquals(0, run.report().rejected());
    }

    @Test
    void hourlyKlinesShowTheSameOutageAsOneMissingHour() {
        Ingest run = Ingest.run(BarFileSource.of(Fixtures.path(Fixtures.BTC_1H_CSV), BTC, Timeframe.H1), materializer);

        assertEquals(List.of(new Gap(BTC, Instant.parse("2023-03-24T13:00:00Z"), Instant.parse("2023-03-24T14:00:00Z"), 1)),
                run.gaps());
        assertEquals(1, run.report().missingBars());
        // The 12:00 candle Binance published during the outage is flat and empty, but valid.
        assertEquals(287, run.report().barsAccepted());
    }
}
