package dev.trader.engine.account;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.trader.risk.account.AccountRisk;
import dev.trader.risk.account.RiskEvent;
import java.util.List;
import java.util.Objects;

/**
 * The risk module's {@link AccountRisk} as part of the account's state: it changes only by the
 * {@link RiskEvent}s the account journals, and it is compared and serialized (in snapshots) by
 * value, as its {@link AccountRisk.Snapshot}.
 */
public final class RiskBook {
    /** Not a property: the snapshot stands for it ({@link #snapshot()}). */
    @JsonIgnore
    private final AccountRisk risk;

    private RiskBook(AccountRisk risk) {
        this.risk = Objects.requireNonNull(risk, "risk");
    }

    public static RiskBook of(AccountRisk risk) {
        return new RiskBook(risk);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static RiskBook fromSnapshot(AccountRisk.Snapshot snapshot) {
        return new RiskBook(AccountRisk.restore(snapshot));
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
    public AccountRisk.Snapshot snapshot() {
        return risk.snapshot();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RiskBook other && (other.risk == risk || snapshot().equals(other.snapshot()));
    }

    @Override
    public int hashCode() {
        return snapshot().hashCode();
    }

    @Override
    public String toString() {
        return risk.toString();
    }
}
