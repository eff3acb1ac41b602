package dev.trader.risk.sizing;

import static dev.trader.risk.testkit.Fixtures.EURUSD;
import static dev.trader.risk.testkit.Fixtures.XAUUSD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.OrderSide;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Stops, targets and quantities on the instrument's grids, rounded to the safe side. */
class PositionSizerTest {
    private static final PositionSizer DEFAULT = new PositionSizer(SizingConfig.defaults());

    private static Price p(String v) {
        return Price.of(v);
    }

    @Test
    void atrStopIsTheMultipleAwayRoundedAwayFromTheEntry() {
        // 2 × 0.000333 = 0.000666 → 1.099334 floors to 1.09933 (long), 1.100666 ceils to 1.10067 (short)
        assertEquals(p("1.09933"), DEFAULT.stop(OrderSide.BUY, p("1.10000"), p("0.000333"), null, null, EURUSD).stop());
        assertEquals(p("1.10067"), DEFAULT.stop(OrderSide.SELL, p("1.10000"), p("0.000333"), null, null, EURUSD).stop());
        assertEquals("atr", DEFAULT.stop(OrderSide.BUY, p("1.10000"), p("0.000333"), null, null, EURUSD).method());
    }

    @Test
    void structureStopSitsBeyondTheLastSwingByABufferOfAtr() {
        StopPlan s = DEFAULT.stop(OrderSide.BUY, p("1.10000"), p("0.00100"), p("1.09850"), null, EURUSD);
        assertEquals(p("1.09840"), s.stop());
        assertEquals("structure", s.method());
        assertEquals(p("1.10160"), DEFAULT.stop(OrderSide.SELL, p("1.10000"), p("0.00100"), null, p("1.10150"), EURUSD).stop());
    }

    @Test
    void aSwingOnTheWrongSideFallsBackToAtrOrIsRefused() {
        StopPlan fallback = DEFAULT.stop(OrderSide.BUY, p("1.10000"), p("0.00100"), p("1.10050"), null, EURUSD);
        assertEquals(p("1.09800"), fallback.stop());
        assertEquals("atr", fallback.method());
        PositionSizer structureOnly = new PositionSizer(SizingConfig.defaults().withStop(StopMethod.STRUCTURE, new BigDecimal("2")));
        StopPlan refused = structureOnly.stop(OrderSide.BUY, p("1.10000"), p("0.00100"), p("1.10050"), null, EURUSD);
        assertFalse(refused.valid());
        assertTrue(refused.problem().contains("wrong side"), refused.problem());
        assertFalse(structureOnly.stop(OrderSide.BUY, p("1.10000"), p("0.00100"), null, null, EURUSD).valid());
        assertFalse(DEFAULT.stop(OrderSide.BUY, p("1.10000"), null, null, null, EURUSD).valid(), "no swing and no ATR");
    }

    @Test
    void aStopCloserThanTheMinimumTicksIsRefused() {
        // 2 × ATR 0.001 from 2000.00 floors to 1999.99: one tick away. Fine at the default minimum of 1 tick, refused at 5.
        assertEquals(p("1999.99"), DEFAULT.stop(OrderSide.BUY, p("2000.00"), p("0.001"), null, null, XAUUSD).stop());
        SizingConfig d = SizingConfig.defaults();
        PositionSizer five = new PositionSizer(new SizingConfig(d.riskFraction(), Map.of(), Map.of(), d.stopMethod(), d.atrMultiple(),
                d.structureBufferAtr(), 5, d.takeProfitR()));
        StopPlan tooClose = five.stop(OrderSide.BUY, p("2000.00"), p("0.001"), null, null, XAUUSD);
        assertFalse(tooClose.valid());
        assertEquals("the stop 1999.99 is 0.01 from the entry 2000, closer than 5 tick(s)", tooClose.problem());
    }

    @Test
    void targetsAreRMultiplesRoundedTowardTheEntry() {
        PositionSizer three = new PositionSizer(new SizingConfig(new BigDecimal("0.01"), Map.of(), Map.of(), StopMethod.ATR, new BigDecimal("2"),
                BigDecimal.ZERO, 1, List.of(BigDecimal.ONE, new BigDecimal("1.5"), new BigDecimal("2"))));
        // distance 0.00067: 1R 1.10067, 1.5R 1.101005 → 1.10100, 2R 1.10134
        assertEquals(List.of(p("1.10067"), p("1.10100"), p("1.10134")), three.targets(OrderSide.BUY, p("1.10000"), p("1.09933"), EURUSD));
        // short: 1.5R 1.098995 → ceil 1.09900
        assertEquals(List.of(p("1.09933"), p("1.09900"), p("1.09866")), three.targets(OrderSide.SELL, p("1.10000"), p("1.10067"), EURUSD));
    }

    @Test
    void riskFractionByRegimeTimesSessionMultiplier() {
        PositionSizer s = new PositionSizer(SizingConfig.defaults().withRegimesAndSessions(Map.of("TREND", new BigDecimal("0.01"), "VOLATILE",
                new BigDecimal("0.0025")), Map.of("ASIA", new BigDecimal("0.5"))));
        assertEquals(0, new BigDecimal("0.01").compareTo(s.riskFraction("trend", "LONDON")));
        assertEquals(0, new BigDecimal("0.005").compareTo(s.riskFraction("TREND", "ASIA")));
        assertEquals(0, new BigDecimal("0.00125").compareTo(s.riskFraction("VOLATILE", "asia")));
        assertEquals(0, new BigDecimal("0.005").compareTo(s.riskFraction("RANGE", null)), "unlisted regime: the base fraction");
        assertEquals(0, new BigDecimal("0.005").compareTo(s.riskFraction(null, null)));
    }

    @Test
    void quantityIsFlooredToTheLot() {
        assertEquals(Quantity.of("250000"), PositionSizer.lotsFor(new BigDecimal("500"), new BigDecimal("0.002"), EURUSD));
        assertEquals(Quantity.of("119000"), PositionSizer.lotsFor(new BigDecimal("500"), new BigDecimal("0.004198"), EURUSD));
        assertEquals(Quantity.of("23.85"), PositionSizer.lotsFor(new BigDecimal("477"), new BigDecimal("20"), XAUUSD));
        assertEquals(Quantity.ZERO, PositionSizer.lotsFor(new BigDecimal("0.001"), new BigDecimal("20"), XAUUSD));
        assertEquals(Quantity.ZERO, PositionSizer.lotsFor(new BigDecimal("-5"), new BigDecimal("20"), XAUUSD));
    }
}
