package dev.trader.execution.sim.exchange;

import java.math.BigDecimal;

/** One asset's balance at one moment: free to use and locked by open orders. */
public record BalanceView(String asset, BigDecimal free, BigDecimal locked) {
    public BigDecimal total() {
        return free.add(locked);
    }
}
