package dev.trader.backtest.execmetrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trader.domain.id.InstrumentId;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The quoted spread the execution algorithms route children by (SessionQuotedSpreads). */
class SessionQuotedSpreadsTest {
    private static final InstrumentId BTC = InstrumentId.parse("binance:BTCUSDT");
    private static final InstrumentId ETH = InstrumentId.parse("binance:ETHUSDT");
    /** A Wednesday, 10:00 UTC: London. */
    private static final Instant LONDON = Instant.parse("2024-01-03T10:00:00Z");
    /** A Saturday: outside every session. */
    private static final Instant WEEKEND = Instant.parse("2024-01-06T10:00:00Z");

    @Test
    void theSessionsFigureWhereItRestsOnEnoughQuotesElseTheSymbolsAll() {
        ExecutionMetrics metrics = MetricsFixture.twoSymbols("2024-08-09");
        SessionQuotedSpreads mean = new SessionQuotedSpreads(metrics, CostStatistic.MEAN);

        assertEquals(Optional.of(new BigDecimal("2")), mean.spreadBps(ETH, LONDON), "300 quote updates in London");
        assertEquals(Optional.of(new BigDecimal("1.6")), mean.spreadBps(ETH, WEEKEND), "nothing measured outside: the symbol's all");
        assertEquals(Optional.of(new BigDecimal("3")), new SessionQuotedSpreads(metrics, CostStatistic.P90).spreadBps(ETH, LONDON));
        // BTCUSDT's slippage is a bar gap, which spans the spread, so SessionTakerCosts charges no spread: the spread is still known.
        assertEquals(Optional.empty(), mean.spreadBps(BTC, LONDON), "no quotes in London and none overall");
        assertEquals(Optional.empty(), mean.spreadBps(InstrumentId.parse("binance:SOLUSDT"), LONDON), "an instrument the file does not have");
    }

    @Test
    void theShippedMetricsFileGivesTheSpotSpreadsMeasuredOutsideTheSessionsEverywhere() throws Exception {
        ExecutionMetrics metrics = ExecutionMetricsFiles.load(Path.of("..", "..", "data", "execution_metrics_2026-11-21.json").toString());
        SessionQuotedSpreads mean = new SessionQuotedSpreads(metrics, CostStatistic.MEAN);

        assertEquals(Optional.of(new BigDecimal("0.050344")), mean.spreadBps(BTC, LONDON), "28,040 quote updates, all outside the sessions");
        assertEquals(Optional.of(new BigDecimal("0.050344")), mean.spreadBps(BTC, WEEKEND));
        assertEquals(Optional.of(new BigDecimal("0.037280")), new SessionQuotedSpreads(metrics, CostStatistic.P50).spreadBps(ETH, LONDON));
        assertEquals(Optional.empty(), mean.spreadBps(InstrumentId.parse("binance:FILUSDT"), LONDON), "candles only: no spread measured");
    }
}
