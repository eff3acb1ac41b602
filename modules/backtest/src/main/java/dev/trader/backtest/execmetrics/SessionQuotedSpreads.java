package dev.trader.backtest.execmetrics;

import dev.trader.domain.cost.QuotedSpreads;
import dev.trader.domain.id.InstrumentId;
import dev.trader.strategy.session.SessionClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The quoted spreads of an {@link ExecutionMetrics} file, by instrument and the session a moment
 * falls in, for the execution algorithms' limit-or-market choice: the session's figure where it
 * rests on at least {@link SessionTakerCosts#MIN_OBSERVATIONS} quote updates, else the symbol's
 * {@code all}; nothing where no quotes were measured (the algorithms then send at market). Unlike
 * {@link SessionTakerCosts}, the spread is given even where the slippage estimator already spans
 * it: here it is the spread itself that is asked for. Immutable.
 */
public final class SessionQuotedSpreads implements QuotedSpreads {
    private final SessionClock clock;
    private final Map<InstrumentId, Map<ExecutionSession, BigDecimal>> table;

    public SessionQuotedSpreads(ExecutionMetrics metrics, CostStatistic statistic) {
        this(metrics, statistic, SessionClock.defaults());
    }

    public SessionQuotedSpreads(ExecutionMetrics metrics, CostStatistic statistic, SessionClock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(statistic, "statistic");
        Map<InstrumentId, Map<ExecutionSession, BigDecimal>> t = new HashMap<>();
        metrics.symbols().forEach((id, symbol) -> {
            Map<ExecutionSession, BigDecimal> row = new EnumMap<>(ExecutionSession.class);
            for (ExecutionSession s : ExecutionSession.values()) {
                BpsStats cell = symbol.session(s).spread();
                BpsStats spread = cell.n() >= SessionTakerCosts.MIN_OBSERVATIONS ? cell : symbol.all().spread();
                if (!spread.isEmpty()) {
                    row.put(s, spread.get(statistic).max(BigDecimal.ZERO));
                }
            }
            t.put(InstrumentId.parse(id), Collections.unmodifiableMap(row));
        });
        this.table = Collections.unmodifiableMap(t);
    }

    @Override
    public Optional<BigDecimal> spreadBps(InstrumentId instrument, Instant time) {
        Map<ExecutionSession, BigDecimal> row = table.get(instrument);
        return row == null ? Optional.empty() : Optional.ofNullable(row.get(ExecutionSession.of(clock, time)));
    }
}
