package dev.trader.engine.account;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.trader.domain.money.Money;
import dev.trader.domain.id.StrategyId;
import dev.trader.risk.account.AccountRisk;
import dev.trader.risk.account.ClosedTrade;
import dev.trader.risk.account.Halt;
import dev.trader.risk.account.OpenPosition;
import dev.trader.risk.account.PendingEntry;
import dev.trader.risk.account.RiskEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The risk module's {@link AccountRisk} as part of the account's state: it changes only by the
 * {@link RiskEvent}s the account journals, and it is compared and serialized (in snapshots) by
 * value, through {@link Fields}.
 */
public final class RiskBook {
    /** Not a property: the fields stand for it ({@link #fields()}). */
    @JsonIgnore
    private final AccountRisk risk;

    private RiskBook(AccountRisk risk) {
        this.risk = Objects.requireNonNull(risk, "risk");
    }

    public static RiskBook of(AccountRisk risk) {
        return new RiskBook(risk);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static RiskBook fromFields(Fields fields) {
        return new RiskBook(AccountRiskAccess.build(fields));
    }

    /**
     * Checks at boot that the snapshot form still covers the risk module's state (see
     * {@link AccountRiskAccess}): a fresh book must come back from its fields equal.
     */
    public static void verify(Money initialCapital) {
        try {
            Fields f = of(AccountRisk.start(initialCapital, LocalDate.EPOCH)).fields();
            if (!fromFields(f).fields().equals(f)) {
                throw new IllegalStateException("the account's risk book does not survive its snapshot form");
            }
        } catch (LinkageError e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("the account's risk book cannot be snapshotted: " + cause.getMessage(), cause);
        }
    }

    public AccountRisk risk() {
        return risk;
    }

    /** The book after {@code events}, in order. */
    RiskBook apply(List<? extends RiskEvent> events) {
        return events.isEmpty() ? this : new RiskBook(risk.applyAll(events));
    }

    /** Everything the risk state holds, as plain values: the snapshot form and the basis of equality. */
    @JsonValue
    public Fields fields() {
        return AccountRiskAccess.read(risk);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RiskBook other && (other.risk == risk || fields().equals(other.fields()));
    }

    @Override
    public int hashCode() {
        return fields().hashCode();
    }

    @Override
    public String toString() {
        return risk.toString();
    }

    /** The fields of {@link AccountRisk}'s state, by name; positions by instrument and reservations by order id become lists. */
    public record Fields(Money initial, Money balance, Money dayStart, Money highestEod, LocalDate tradingDay, int tradingDays,
                         LocalDate lastFillDay, List<OpenPosition> positions, List<PendingEntry> pending, boolean globalKill,
                         List<StrategyId> strategyKills, Map<String, Long> blocked, Halt halt, Instant lockUntil, LocalDate lockDay,
                         List<ClosedTrade> closed, List<Instant> lossesToday, Integer selfState, Instant selfAt,
                         Map<String, List<Instant>> signals, Map<String, List<Instant>> orders) {
        public Fields {
            positions = List.copyOf(positions);
            pending = List.copyOf(pending);
            strategyKills = List.copyOf(strategyKills);
            blocked = Map.copyOf(blocked);
            closed = List.copyOf(closed);
            lossesToday = List.copyOf(lossesToday);
            signals = windows(signals);
            orders = windows(orders);
        }
    }

    private static Map<String, List<Instant>> windows(Map<String, List<Instant>> m) {
        Map<String, List<Instant>> out = new java.util.TreeMap<>();
        m.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return Map.copyOf(out);
    }

    @SuppressWarnings("unchecked")
    static <K, V> Map<K, V> map(Object value) {
        return (Map<K, V>) value;
    }

    @SuppressWarnings("unchecked")
    static <T> Collection<T> collection(Object value) {
        return (Collection<T>) value;
    }
}
