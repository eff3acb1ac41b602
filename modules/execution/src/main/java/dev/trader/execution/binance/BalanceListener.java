package dev.trader.execution.binance;

/** Told the account's whole balance sheet every time it changes (called on the adapter's threads; keep it quick). */
@FunctionalInterface
public interface BalanceListener {
    void onBalances(BalanceSnapshot balances);
}
