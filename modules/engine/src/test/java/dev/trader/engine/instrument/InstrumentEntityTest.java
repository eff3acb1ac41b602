package dev.trader.engine.instrument;

import static dev.trader.engine.testing.Fixtures.bar;
import static dev.trader.engine.testing.Fixtures.minute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.market.Bar;
import dev.trader.domain.money.Price;
import dev.trader.engine.instrument.InstrumentEntity.BarAccepted;
import dev.trader.engine.instrument.InstrumentEntity.BarIngested;
import dev.trader.engine.instrument.InstrumentEntity.BarRejected;
import dev.trader.engine.instrument.InstrumentEntity.Command;
import dev.trader.engine.instrument.InstrumentEntity.Event;
import dev.trader.engine.instrument.InstrumentEntity.IngestBar;
import dev.trader.engine.instrument.InstrumentEntity.RecordRejection;
import dev.trader.engine.instrument.InstrumentEntity.RejectionRecorded;
import dev.trader.engine.testing.Fixtures;
import dev.trader.engine.testing.PekkoTestKit;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit.CommandResultWithReply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class InstrumentEntityTest {
    @RegisterExtension
    static final PekkoTestKit PEKKO = new PekkoTestKit();

    private EventSourcedBehaviorTestKit<Command, Event, InstrumentState> kit;

    @BeforeEach
    void startEntity() {
        kit = PEKKO.eventSourced(InstrumentEntity.create("binance:BTCUSDT", Fixtures.tuning()));
    }

    private CommandResultWithReply<Command, Event, InstrumentState, BarIngested> ingest(Bar bar) {
        return kit.<BarIngested>runCommand(replyTo -> new IngestBar(bar, replyTo));
    }

    private static final String SOURCE = "BTCUSDT-1m-2023-03.csv";

    private CommandResultWithReply<Command, Event, InstrumentState, RejectionRecorded> reject(long line, String reason) {
        return kit.<RejectionRecorded>runCommand(replyTo -> new RecordRejection(SOURCE, line, reason, "row " + line + " dropped: " + reason, replyTo));
    }

    @Test
    void newBarIsJournaledAsBarAcceptedAndMovesWatermarkAndLastClose() {
        Bar first = bar(0, "24910.02", "24915.77", "24893.40", "24899.18", "38.52614");

        var result = ingest(first);

        assertTrue(result.reply().accepted());
        assertEquals(List.of(new BarAccepted(first)), result.events());
        InstrumentState state = result.state();
        assertEquals("binance:BTCUSDT", state.instrument());
        assertEquals(minute(0), state.watermark());
        assertEquals(Price.of("24899.18"), state.lastClose());
        assertEquals(1, state.barsAccepted());
        assertEquals(List.of(first), state.recentBars());

        Bar second = bar(1, "24899.18", "24930.00", "24898.11", "24927.64", "52.11093");
        var next = ingest(second);

        assertTrue(next.reply().accepted());
        assertEquals(List.of(new BarAccepted(second)), next.events());
        assertEquals(minute(1), next.state().watermark());
        assertEquals(Price.of("24927.64"), next.state().lastClose());
        assertEquals(2, next.state().barsAccepted());
        assertEquals(List.of(first, second), next.state().recentBars());
    }

    @Test
    void sameBarAgainOrAnOlderBarIsADuplicateThatChangesNothing() {
        Bar first = bar(0, "24910.02", "24899.18");
        Bar second = bar(1, "24899.18", "24927.64");
        ingest(first);
        ingest(second);
        InstrumentState before = kit.getState();

        var again = ingest(second);
        assertFalse(again.reply().accepted());
        assertTrue(again.hasNoEvents());
        assertEquals(before, again.state());

        var older = ingest(first);
        assertFalse(older.reply().accepted());
        assertTrue(older.hasNoEvents());

        // A different bar for a minute already seen (a revised candle) is a duplicate as well: first one wins.
        var revised = ingest(bar(1, "24899.18", "24950.00"));
        assertFalse(revised.reply().accepted());
        assertTrue(revised.hasNoEvents());
        assertEquals(before, revised.state());
        assertEquals(Price.of("24927.64"), revised.state().lastClose());
    }

    @Test
    void aBarAfterAGapIsAcceptedAndMovesTheWatermarkForward() {
        ingest(bar(0, "24910.02", "24899.18"));
        var afterGap = ingest(bar(7, "24899.18", "24881.05"));
        assertTrue(afterGap.reply().accepted());
        assertEquals(minute(7), afterGap.state().watermark());
        // and the minutes skipped are now behind the watermark
        assertFalse(ingest(bar(3, "24899.18", "24890.00")).reply().accepted());
    }

    @Test
    void recordRejectionCountsPerReasonAndCountsNoLineOfASourceTwice() {
        var first = reject(17, "high_below_body");
        assertTrue(first.reply().counted());
        assertEquals(List.of(new BarRejected(SOURCE, 17, "high_below_body",
                "row 17 dropped: high_below_body")), first.events());

        assertTrue(reject(18, "high_below_body").reply().counted());
        assertTrue(reject(40, "misaligned_time").reply().counted());

        var repeated = reject(17, "high_below_body");
        assertFalse(repeated.reply().counted());
        assertTrue(repeated.hasNoEvents());
        // A replay of the file meets its earlier lines again: none is counted twice.
        assertFalse(reject(18, "high_below_body").reply().counted());
        assertEquals(Map.of(SOURCE, 40L), kit.getState().rejectedThroughLine());

        InstrumentState state = kit.getState();
        assertEquals(Map.of("high_below_body", 2L, "misaligned_time", 1L), state.rejectionsByReason());
        assertEquals(3, state.rejectedTotal());
        assertEquals(0, state.barsAccepted());
        assertNull(state.watermark());
    }

    @Test
    void recentBarsKeepOnlyTheNewestInOrder() {
        int total = InstrumentState.RECENT_BARS + 5;
        List<Bar> all = new ArrayList<>();
        BigDecimal close = new BigDecimal("24899.18");
        for (int i = 0; i < total; i++) {
            BigDecimal next = close.add(new BigDecimal(i % 2 == 0 ? "4.25" : "-3.10"));
            Bar b = bar(i, close.toPlainString(), next.toPlainString());
            all.add(b);
            assertTrue(ingest(b).reply().accepted());
            close = next;
        }

        InstrumentState state = kit.getState();
        assertEquals(total, state.barsAccepted());
        assertEquals(InstrumentState.RECENT_BARS, state.recentBars().size());
        assertEquals(all.subList(5, total), state.recentBars());
        assertEquals(all.get(total - 1).close(), state.lastClose());
    }

    @Test
    void stateAfterRestartEqualsStateBefore() {
        ingest(bar(0, "24910.02", "24899.18"));
        ingest(bar(1, "24899.18", "24927.64"));
        reject(17, "high_below_body");
        InstrumentState before = kit.getState();

        assertEquals(before, kit.restart().state());
        // the watermark survived: the same bar is still a duplicate
        assertFalse(ingest(bar(1, "24899.18", "24927.64")).reply().accepted());
        assertFalse(reject(17, "high_below_body").reply().counted());
    }
}
