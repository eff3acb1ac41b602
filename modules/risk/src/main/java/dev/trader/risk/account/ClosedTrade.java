package dev.trader.risk.account;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.money.Money;
import java.math.BigDecimal;
import java.time.Instant;

/** A position that went flat: its net P&L and its result in R (null when it had no stop, so no R). */
public record ClosedTrade(Instant time, InstrumentId instrument, Money netPnl, BigDecimal r) {
    public boolean loss() {
        return netPnl.isNegative();
    }
}
