package dev.trader.domain.id;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TraceIdTest {
    private static final StrategyId STRATEGY = new StrategyId("ema-cross");
    private static final InstrumentId BTC = InstrumentId.parse("binance:BTCUSDT");
    private static final Instant T = Instant.ofEpochMilli(1_700_000_000_000L);

    @Test
    void aSignalsTraceIsTheClientOrderIdItsDecisionIsKeyedBy() {
        TraceId trace = TraceId.ofSignal(STRATEGY, BTC, T);
        assertEquals(ClientOrderId.derive(STRATEGY, BTC, T, TraceId.SIGNAL_LEG).value(), trace.value());
        assertEquals(trace, TraceId.ofSignal(new StrategyId("ema-cross"), InstrumentId.parse("binance:BTCUSDT"), Instant.parse("2023-11-14T22:13:20Z")),
                "the same signal has the same trace on every run");
        assertNotEquals(trace, TraceId.ofSignal(STRATEGY, BTC, T.plusSeconds(60)), "the next bar's signal is another chain");
    }

    @Test
    void anEntryAndItsChildrenCarryTheSignalsTrace() {
        ClientOrderId entry = ClientOrderId.derive(STRATEGY, BTC, T, TraceId.SIGNAL_LEG);
        TraceId trace = TraceId.ofSignal(STRATEGY, BTC, T);
        assertEquals(trace, TraceId.ofOrder(entry));
        assertEquals(trace, TraceId.ofOrder(ChildOrderIds.of(entry, 1)));
        assertEquals(trace, TraceId.ofOrder(ChildOrderIds.of(entry, ChildOrderIds.MAX_CHILDREN)));
    }

    @Test
    void anOrderKeyedByAPositionIsItsOwnTraceUnlessHandedOne() {
        ClientOrderId exit = ClientOrderId.ofKey("paper:binance:BTCUSDT:1|stop|0");
        assertEquals(exit.value(), TraceId.ofOrder(exit).value());
    }
}
