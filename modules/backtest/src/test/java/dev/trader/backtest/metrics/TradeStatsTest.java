package dev.trader.backtest.metrics;

import static dev.trader.backtest.metrics.Made.usdt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Trade statistics worked out by hand on the four made-up trades of {@link Made#fourTrades()}. */
class TradeStatsTest {
    private final TradeStats s = TradeStats.of(Made.fourTrades(), Made.USDT);

    @Test
    void countsWinsAndLossesAfterFees() {
        assertEquals(4, s.trades());
        assertEquals(2, s.wins(), "T1 +39, T3 +19.7");
        assertEquals(2, s.losses(), "T2 −15.5, and T4 broke even before fees: −0.2 after");
        assertEquals(new BigDecimal("0.5000"), s.winRate());
    }

    @Test
    void moneySumsAndAveragesAreExact() {
        assertEquals(usdt("58.7"), s.grossProfit(), "39 + 19.7");
        assertEquals(usdt("15.7"), s.grossLoss(), "15.5 + 0.2");
        assertEquals(usdt("43"), s.netPnl());
        assertEquals(usdt("2"), s.fees(), "1 + 0.5 + 0.3 + 0.2");
        assertEquals(usdt("0.35"), s.slippage(), "0.25 + 0.1");
        assertEquals(usdt("29.35"), s.avgWin(), "58.7 / 2");
        assertEquals(usdt("7.85"), s.avgLoss(), "15.7 / 2");
        assertEquals(usdt("10.75"), s.expectancy(), "43 / 4");
    }

    @Test
    void profitFactorIsGrossProfitOverGrossLoss() {
        assertEquals(58.7 / 15.7, s.profitFactor(), 1e-12);
        assertEquals(3.738853503, s.profitFactor(), 1e-9);
    }

    @Test
    void profitFactorIsNotDefinedWithoutALosingTrade() {
        TradeStats winners = TradeStats.of(List.of(Made.fourTrades().get(0)), Made.USDT);
        assertTrue(Double.isNaN(winners.profitFactor()));
    }

    @Test
    void rMultiplesUseTheInitialStopAndSkipTradesWithoutOne() {
        assertEquals(1.95, RMultiples.of(Made.fourTrades().get(0)), 1e-12, "39 / ((100 − 90) × 2)");
        assertEquals(-1.55, RMultiples.of(Made.fourTrades().get(1)), 1e-12, "−15.5 / ((200 − 190) × 1)");
        assertTrue(Double.isNaN(RMultiples.of(Made.fourTrades().get(2))), "T3 has no stop: R is N/A");
        assertEquals(-0.02, RMultiples.of(Made.fourTrades().get(3)), 1e-12, "−0.2 / ((10 − 9) × 10)");
        assertEquals(3, s.rTrades());
        assertEquals((1.95 - 1.55 - 0.02) / 3, s.expectancyR(), 1e-12, "mean R = 0.12666…");
        assertEquals(1.95, s.avgWinR(), 1e-12);
        assertEquals((-1.55 - 0.02) / 2, s.avgLossR(), 1e-12, "−0.785");
    }

    @Test
    void aStopAtOrAboveTheEntryGivesNoR() {
        assertTrue(Double.isNaN(RMultiples.of(Made.trade("2024-01-08T08:30:00Z", "2024-01-08T09:30:00Z", "100", "95", "1", "0", "101", "0"))));
    }

    @Test
    void averageHoldIsTheMeanOfCloseMinusOpen() {
        assertEquals(Duration.ofSeconds(2715), s.avgHold(), "(60 + 30 + 90 + 1) min / 4 = 45.25 min");
    }

    @Test
    void noTradesGiveZerosAndUndefinedRatios() {
        TradeStats none = TradeStats.of(List.of(), Made.USDT);
        assertEquals(0, none.trades());
        assertEquals(BigDecimal.ZERO, none.winRate());
        assertEquals(usdt("0"), none.expectancy());
        assertTrue(Double.isNaN(none.profitFactor()));
        assertTrue(Double.isNaN(none.expectancyR()));
        assertEquals(Duration.ZERO, none.avgHold());
    }
}
