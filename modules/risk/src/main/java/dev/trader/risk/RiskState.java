package dev.trader.risk;

import dev.trader.domain.money.Money;
import java.util.Objects;

/** The account-level inputs of a pre-trade decision. */
public record RiskState(Money cash, boolean killSwitch) {
    public RiskState {
        Objects.requireNonNull(cash, "cash");
    }
}
