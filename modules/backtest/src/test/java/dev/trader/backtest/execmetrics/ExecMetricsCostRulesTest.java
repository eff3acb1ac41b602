package dev.trader.backtest.execmetrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trader.domain.cost.TakerCost;
import dev.trader.domain.id.InstrumentId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a symbol × session cell becomes the cost a taker fill pays (SessionTakerCosts). */
class ExecMetricsCostRulesTest {
    private static final InstrumentId BTC = InstrumentId.parse("binance:BTCUSDT");
    private static final InstrumentId ETH = InstrumentId.parse("binance:ETHUSDT");
    private final ExecutionMetrics metrics = MetricsFixture.twoSymbols("2024-08-09");

    private static TakerCost cost(String spread, String slippage) {
        return new TakerCost(new BigDecimal(spread), new BigDecimal(slippage));
    }

    @Test
    void aBarGapIsTheWholeCostTheQuotedSpreadIsNotAddedAgain() {
        SessionTakerCosts mean = new SessionTakerCosts(metrics, CostStatistic.MEAN);
        assertEquals(cost("0", "2"), mean.cost(BTC, ExecutionSession.ASIA));
        assertEquals(cost("0", "5"), mean.cost(BTC, ExecutionSession.NEW_YORK), "New York has quotes too, but the bar gap spans the spread");
        assertEquals(cost("0", "11"), new SessionTakerCosts(metrics, CostStatistic.P90).cost(BTC, ExecutionSession.NEW_YORK));
        assertEquals(cost("0", "1"), new SessionTakerCosts(metrics, CostStatistic.P50).cost(BTC, ExecutionSession.LONDON));
    }

    @Test
    void aTakerSweepPaysHalfTheSpreadOnTopAndNeverARebate() {
        SessionTakerCosts mean = new SessionTakerCosts(metrics, CostStatistic.MEAN);
        assertEquals(cost("2", "1.5"), mean.cost(ETH, ExecutionSession.LONDON));
        assertEquals(new BigDecimal("2.5"), mean.cost(ETH, ExecutionSession.LONDON).bps());
        assertEquals(cost("1", "0"), mean.cost(ETH, ExecutionSession.ASIA), "a mean of -0.25 bps is floored at 0");
    }

    @Test
    void aSessionWithTooFewObservationsTakesTheSymbolsAll() {
        SessionTakerCosts mean = new SessionTakerCosts(metrics, CostStatistic.MEAN);
        assertEquals(cost("1.6", "1.2"), mean.cost(ETH, ExecutionSession.NEW_YORK), "99 < 100 observations: not 40 bps");
        assertEquals(cost("1.6", "1.2"), mean.cost(ETH, ExecutionSession.OUTSIDE), "nothing measured");
    }

    @Test
    void theCostOfAFillIsThatOfTheSessionItsBarOpensIn() {
        SessionTakerCosts mean = new SessionTakerCosts(metrics, CostStatistic.MEAN);
        assertEquals(cost("0", "2"), mean.at(BTC, Instant.parse("2024-01-01T00:30:00Z")));
        assertEquals(cost("0", "3"), mean.at(BTC, Instant.parse("2024-01-01T08:30:00Z")));
        assertEquals(cost("0", "5"), mean.at(BTC, Instant.parse("2024-01-01T14:00:00Z")));
        assertEquals(cost("0", "4"), mean.at(BTC, Instant.parse("2024-01-06T14:00:00Z")));
    }

    @Test
    void aLateOrderPaysTheSlippagesP90WithTheUsualSpreadByTheSameRules() {
        SessionTakerCosts mean = new SessionTakerCosts(metrics, CostStatistic.MEAN);
        assertEquals(cost("0", "11"), mean.lateCost(BTC, ExecutionSession.NEW_YORK), "a bar gap: its p90 is the whole cost");
        assertEquals(cost("2", "4"), mean.lateCost(ETH, ExecutionSession.LONDON), "the sweep's p90 4, the spread's mean 2 (not its p90 3)");
        assertEquals(cost("1", "0.5"), mean.lateCost(ETH, ExecutionSession.ASIA), "p90 0.5 where the mean was floored at 0");
        assertEquals(cost("1.6", "3"), mean.lateCost(ETH, ExecutionSession.NEW_YORK), "too few observations: the symbol's all, p90");
        assertEquals(cost("1.5", "4"), new SessionTakerCosts(metrics, CostStatistic.P50).lateCost(ETH, ExecutionSession.LONDON),
                "the spread keeps the run's statistic (p50 1.5)");
        assertEquals(cost("0", "5"), mean.late(BTC, Instant.parse("2024-01-01T00:30:00Z")), "by the session the bar opens in (Asia)");
        assertEquals(mean.cost(BTC, ExecutionSession.ASIA), mean.at(BTC, Instant.parse("2024-01-01T00:30:00Z")), "the usual cost is unchanged");
    }

    @Test
    void anInstrumentWithoutFiguresIsRefusedNeverFilledForFree() {
        SessionTakerCosts mean = new SessionTakerCosts(metrics, CostStatistic.MEAN);
        InstrumentId sol = InstrumentId.parse("binance:SOLUSDT");
        assertEquals("the execution metrics have no figures for binance:SOLUSDT (they have binance:BTCUSDT, binance:ETHUSDT)",
                assertThrows(IllegalArgumentException.class, () -> mean.requireCovers(List.of(BTC, sol))).getMessage());
        assertThrows(IllegalStateException.class, () -> mean.at(sol, Instant.EPOCH));
        mean.requireCovers(List.of(BTC, ETH));
    }

    @Test
    void theStatisticIsNamedMeanP50OrP90() {
        assertEquals(CostStatistic.P90, CostStatistic.parse("P90"));
        assertEquals("execution-metrics statistic must be mean, p50 or p90 but was 'max'",
                assertThrows(IllegalArgumentException.class, () -> CostStatistic.parse("max")).getMessage());
    }
}
