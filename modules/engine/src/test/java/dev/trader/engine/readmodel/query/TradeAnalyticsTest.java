package dev.trader.engine.readmodel.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trader.domain.position.PositionSide;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The analytics on five hand-made trades whose every figure was worked out by hand (in the comments),
 * not by the code under test. 13 March 2023 is a Monday; Prague is UTC+1 until 26 March.
 */
class TradeAnalyticsTest {
    private static final ZoneId PRAGUE = ZoneId.of("Europe/Prague");
    private static final BigDecimal CAPITAL = new BigDecimal("10000");
    private static final String BTC = "binance:BTCUSDT";
    private static final String ETH = "binance:ETHUSDT";

    //                    id    strategy         instrument entry (UTC)              exit (UTC)               pnl after fees  risk   R      regime
    private static final List<TradeRow> FIVE = List.of(
            trade("t1", "ema-cross", BTC, "2023-03-13T09:30:00Z", "2023-03-13T10:30:00Z", "150", "100", "1.5", "trend"),
            trade("t2", "ema-cross", BTC, "2023-03-13T11:00:00Z", "2023-03-13T11:30:00Z", "-100", "100", "-1", "trend"),
            trade("t3", "rsi-reversion", ETH, "2023-03-14T23:30:00Z", "2023-03-15T00:30:00Z", "-50", null, null, null),
            trade("t4", "ema-cross", BTC, "2023-03-15T22:30:00Z", "2023-03-15T23:30:00Z", "200", "50", "4", "range"),
            trade("t5", "rsi-reversion", ETH, "2023-03-16T10:00:00Z", "2023-03-16T10:10:00Z", "0", "20", "0", "range"));

    @Test
    void fiveTradesGiveTheFiguresWorkedOutByHand() {
        // Given in any order: the analytics order them by exit time themselves.
        List<TradeRow> shuffled = new ArrayList<>(FIVE);
        Collections.reverse(shuffled);
        TradeMetrics m = TradeAnalytics.of(shuffled, CAPITAL, PRAGUE);

        // Winners t1, t4 (350); losers t2, t3 (150); t5 broke even. 350 / 150 = 2.3333…
        assertEquals(new BigDecimal("2.333333"), m.profitFactor());
        assertEquals(new BigDecimal("0.4"), m.winRate(), "2 of 5");
        // R of t1, t2, t4, t5: (1.5 − 1 + 4 + 0) / 4.
        assertEquals(new BigDecimal("1.125"), m.expectedR());
        // (150 − 100 + 200 + 0) / (100 + 100 + 50 + 20) = 250 / 270 = 0.925925…
        assertEquals(new BigDecimal("0.925926"), m.avgR());
        // Running R: 1.5, 0.5, 4.5, 4.5: from the peak 1.5 down to 0.5.
        assertEquals(new BigDecimal("1"), m.maxDrawdownR());
        // Equity 10000 → 10150 → 10050 → 10000 (t3) → 10200 → 10200: (10150 − 10000) / 10150 = 0.014778…
        assertEquals(new BigDecimal("0.014778"), m.maxDrawdownPct());
        // Open 60 + 30 + 60 + 60 + 10 = 220 minutes of the 3 days 40 minutes (4360) from the first entry to the last exit.
        assertEquals(new BigDecimal("0.050459"), m.timeInMarket());
        assertEquals(new BigDecimal("44"), m.avgHoldMinutes(), "220 / 5");
        // Exits in Prague: t1, t2 on the 13th; t3 at 01:30 on the 15th; t4 at 00:30 on the 16th (the 15th in UTC); t5 on the 16th.
        assertEquals(Map.of(LocalDate.parse("2023-03-13"), new BigDecimal("50"), LocalDate.parse("2023-03-15"), new BigDecimal("-50"),
                LocalDate.parse("2023-03-16"), new BigDecimal("200")), new TreeMap<>(m.pnlByDay()));
        List<BigDecimal> hours = zeros();
        hours.set(9, new BigDecimal("150"));
        hours.set(11, new BigDecimal("-100"));
        hours.set(23, new BigDecimal("-50"));
        hours.set(22, new BigDecimal("200"));
        assertEquals(hours, m.pnlByHour(), "by the UTC hour of the entry; t5 at 10 made 0");
        assertEquals(7, m.pnlByWeekdayHour().size());
        assertEquals(new BigDecimal("150"), m.pnlByWeekdayHour().get(0).get(9), "Monday 09");
        assertEquals(new BigDecimal("-100"), m.pnlByWeekdayHour().get(0).get(11), "Monday 11");
        assertEquals(new BigDecimal("-50"), m.pnlByWeekdayHour().get(1).get(23), "Tuesday 23");
        assertEquals(new BigDecimal("200"), m.pnlByWeekdayHour().get(2).get(22), "Wednesday 22");
        assertEquals(new BigDecimal("350").subtract(new BigDecimal("150")),
                m.pnlByWeekdayHour().stream().flatMap(List::stream).reduce(BigDecimal.ZERO, BigDecimal::add), "every trade in one cell");

        assertEquals(List.of("none", "range", "trend"), List.copyOf(m.regimeStrategySymbolMatrix().keySet()));
        assertEquals(new MatrixCell(1, new BigDecimal("-50"), BigDecimal.ZERO, null), m.regimeStrategySymbolMatrix().get("none").get("rsi-reversion").get(ETH));
        assertEquals(new MatrixCell(1, new BigDecimal("200"), BigDecimal.ONE, new BigDecimal("4")),
                m.regimeStrategySymbolMatrix().get("range").get("ema-cross").get(BTC));
        assertEquals(new MatrixCell(1, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO),
                m.regimeStrategySymbolMatrix().get("range").get("rsi-reversion").get(ETH));
        // t1 and t2: 150 − 100, one of two won, (1.5 − 1) / 2.
        assertEquals(new MatrixCell(2, new BigDecimal("50"), new BigDecimal("0.5"), new BigDecimal("0.25")),
                m.regimeStrategySymbolMatrix().get("trend").get("ema-cross").get(BTC));
    }

    @Test
    void withoutTradesTheRatiosAreNotDefinedAndTheSumsAreZero() {
        TradeMetrics m = TradeAnalytics.of(List.of(), CAPITAL, PRAGUE);
        assertNull(m.profitFactor());
        assertEquals(BigDecimal.ZERO, m.winRate(), "as the backtest's win_rate");
        assertNull(m.expectedR());
        assertNull(m.avgR());
        assertEquals(BigDecimal.ZERO, m.maxDrawdownR());
        assertEquals(BigDecimal.ZERO, m.maxDrawdownPct());
        assertNull(m.timeInMarket());
        assertEquals(BigDecimal.ZERO, m.avgHoldMinutes());
        assertEquals(Map.of(), m.pnlByDay());
        assertEquals(zeros(), m.pnlByHour());
        assertEquals(Map.of(), m.regimeStrategySymbolMatrix());
    }

    @Test
    void withoutALoserThereIsNoProfitFactorAndWithoutAStopNoR() {
        TradeMetrics m = TradeAnalytics.of(List.of(trade("w", "ema-cross", BTC, "2023-03-13T09:00:00Z", "2023-03-13T09:05:00Z", "10", null, null, null)),
                CAPITAL, PRAGUE);
        assertNull(m.profitFactor());
        assertEquals(BigDecimal.ONE, m.winRate());
        assertNull(m.expectedR());
        assertNull(m.avgR());
        assertEquals(BigDecimal.ONE, m.timeInMarket(), "the only trade covers its own period");
        assertEquals(new BigDecimal("5"), m.avgHoldMinutes());
    }

    @Test
    void aFirstLosingTradeDrawsDownFromTheInitialCapital() {
        TradeMetrics m = TradeAnalytics.of(List.of(trade("l", "ema-cross", BTC, "2023-03-13T09:00:00Z", "2023-03-13T10:00:00Z", "-100", "50", "-2", null),
                trade("w", "ema-cross", BTC, "2023-03-13T11:00:00Z", "2023-03-13T12:00:00Z", "300", "100", "3", null)), new BigDecimal("1000"), PRAGUE);
        // 1000 → 900 → 1200: 100 / 1000; R from 0 to −2, then 1.
        assertEquals(new BigDecimal("0.1"), m.maxDrawdownPct());
        assertEquals(new BigDecimal("2"), m.maxDrawdownR());
        // (−100 + 300) / (50 + 100) = 1.3333…; mean (−2 + 3) / 2.
        assertEquals(new BigDecimal("1.333333"), m.avgR());
        assertEquals(new BigDecimal("0.5"), m.expectedR());
        assertEquals(new BigDecimal("3"), m.profitFactor());
    }

    @Test
    void overlappingTradesCountTheirCommonTimeOnce() {
        // [0, 60] and [30, 90] overlap: 90 minutes open; then [120, 150]: 30 more, of the 150-minute period.
        TradeMetrics m = TradeAnalytics.of(List.of(
                trade("a", "ema-cross", BTC, "2023-03-13T00:00:00Z", "2023-03-13T01:00:00Z", "1", null, null, null),
                trade("b", "rsi-reversion", ETH, "2023-03-13T00:30:00Z", "2023-03-13T01:30:00Z", "1", null, null, null),
                trade("c", "ema-cross", BTC, "2023-03-13T02:00:00Z", "2023-03-13T02:30:00Z", "1", null, null, null)), CAPITAL, PRAGUE);
        assertEquals(new BigDecimal("0.8"), m.timeInMarket());
    }

    @Test
    void theInitialCapitalMustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TradeAnalytics.of(FIVE, BigDecimal.ZERO, PRAGUE));
        assertEquals("initial capital must be positive but was 0", e.getMessage());
    }

    private static List<BigDecimal> zeros() {
        return new ArrayList<>(Collections.nCopies(24, BigDecimal.ZERO));
    }

    static TradeRow trade(String id, String strategy, String instrument, String entry, String exit, String pnlAfterFees, String risk, String r,
                          String regime) {
        return new TradeRow(id, "account:" + instrument + ":1", 1, strategy, instrument, PositionSide.LONG, BigDecimal.ONE, Instant.parse(entry),
                new BigDecimal("100"), Instant.parse(exit), new BigDecimal("101"), new BigDecimal(pnlAfterFees), BigDecimal.ZERO,
                new BigDecimal(pnlAfterFees), "USDT", null, risk == null ? null : new BigDecimal(risk), r == null ? null : new BigDecimal(r),
                BigDecimal.ZERO, null, regime, "LONDON");
    }
}
