package dev.trader.backtest.execmetrics;

import dev.trader.domain.cost.TakerCost;
import dev.trader.domain.cost.TakerCosts;
import dev.trader.domain.id.InstrumentId;
import dev.trader.strategy.session.SessionClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Measured costs as the fill prices of the backtest and the paper venue use them: the
 * {@link TakerCost} of an instrument in the session a bar opens in ({@link ExecutionSession} on the
 * strategy module's {@link SessionClock}), from an {@link ExecutionMetrics} file.
 *
 * <p>A cell becomes a cost by these rules, here only:
 * <ul>
 *   <li>each figure (spread, slippage) is the session's when it rests on at least
 *       {@value #MIN_OBSERVATIONS} observations, else the symbol's {@code all} figure: a
 *       handful of trades that happened to fall into a session says little about it;</li>
 *   <li>a taker-sweep slippage is what a taker pays beyond the touch, so the cost is
 *       {@code slippage + spread / 2} (no spread where no quotes were measured);</li>
 *   <li>a bar-gap slippage already spans the bounce across the spread, so it is the whole cost:
 *       the quoted spread, where measured, is not added again;</li>
 *   <li>the chosen statistic of the slippage is floored at 0: a negative figure is orders that
 *       printed better than their first fill, which a model must not hand out as a rebate;</li>
 *   <li>a late market order ({@link #late}, see {@code LatencyPenalty}) pays the slippage's 90th
 *       percentile instead of the chosen statistic, by the same rules; its spread is unchanged.</li>
 * </ul>
 * Built once, immutable: a sweep's threads share it.
 */
public final class SessionTakerCosts implements TakerCosts {
    /** Fewer observations than this in a session, and the symbol's figure over all sessions stands in. */
    public static final int MIN_OBSERVATIONS = 100;

    private final SessionClock clock;
    private final CostStatistic statistic;
    private final Map<InstrumentId, Map<ExecutionSession, TakerCost>> table;
    /** The same with the 90th percentile of the slippage: what a late decision pays. */
    private final Map<InstrumentId, Map<ExecutionSession, TakerCost>> lateTable;

    public SessionTakerCosts(ExecutionMetrics metrics, CostStatistic statistic) {
        this(metrics, statistic, SessionClock.defaults());
    }

    public SessionTakerCosts(ExecutionMetrics metrics, CostStatistic statistic, SessionClock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.statistic = Objects.requireNonNull(statistic, "statistic");
        this.table = table(metrics, statistic, statistic);
        this.lateTable = table(metrics, statistic, CostStatistic.P90);
    }

    private static Map<InstrumentId, Map<ExecutionSession, TakerCost>> table(ExecutionMetrics metrics, CostStatistic spreadStatistic,
                                                                            CostStatistic slippageStatistic) {
        Map<InstrumentId, Map<ExecutionSession, TakerCost>> t = new HashMap<>();
        metrics.symbols().forEach((id, symbol) -> {
            Map<ExecutionSession, TakerCost> row = new EnumMap<>(ExecutionSession.class);
            for (ExecutionSession s : ExecutionSession.values()) {
                row.put(s, cost(symbol.session(s), symbol.all(), spreadStatistic, slippageStatistic));
            }
            t.put(InstrumentId.parse(id), Collections.unmodifiableMap(row));
        });
        return Collections.unmodifiableMap(t);
    }

    private static TakerCost cost(CellMetrics cell, CellMetrics all, CostStatistic spreadStatistic, CostStatistic slippageStatistic) {
        BpsStats spread = enough(cell.spread()) ? cell.spread() : all.spread();
        BpsStats slippage = enough(cell.slippage()) ? cell.slippage() : all.slippage();
        BigDecimal slip = slippage.isEmpty() ? BigDecimal.ZERO : slippage.get(slippageStatistic).max(BigDecimal.ZERO);
        boolean allInclusive = BpsStats.BAR_GAP.equals(slippage.method());
        BigDecimal spreadBps = spread.isEmpty() || allInclusive ? BigDecimal.ZERO : spread.get(spreadStatistic);
        return new TakerCost(spreadBps, slip);
    }

    private static boolean enough(BpsStats stats) {
        return stats.n() >= MIN_OBSERVATIONS;
    }

    @Override
    public TakerCost at(InstrumentId instrument, Instant time) {
        return cost(instrument, ExecutionSession.of(clock, time));
    }

    @Override
    public TakerCost late(InstrumentId instrument, Instant time) {
        return lateCost(instrument, ExecutionSession.of(clock, time));
    }

    /** The cost of {@code instrument} in {@code session}; an instrument the file does not have is an error, never a free fill. */
    public TakerCost cost(InstrumentId instrument, ExecutionSession session) {
        return row(table, instrument).get(session);
    }

    /** What a late market order of {@code instrument} pays in {@code session}: the slippage's 90th percentile, the usual spread. */
    public TakerCost lateCost(InstrumentId instrument, ExecutionSession session) {
        return row(lateTable, instrument).get(session);
    }

    private static Map<ExecutionSession, TakerCost> row(Map<InstrumentId, Map<ExecutionSession, TakerCost>> table, InstrumentId instrument) {
        Map<ExecutionSession, TakerCost> row = table.get(instrument);
        if (row == null) {
            throw new IllegalStateException("the execution metrics have no figures for " + instrument);
        }
        return row;
    }

    public CostStatistic statistic() {
        return statistic;
    }

    /** Refuses, naming them, instruments the metrics have no figures for: checked before a run rather than at its first fill. */
    public void requireCovers(Collection<InstrumentId> instruments) {
        List<String> missing = instruments.stream().filter(i -> !table.containsKey(i)).map(InstrumentId::value).sorted().toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the execution metrics have no figures for " + String.join(", ", missing) + " (they have "
                    + String.join(", ", table.keySet().stream().map(InstrumentId::value).sorted().toList()) + ")");
        }
    }
}
