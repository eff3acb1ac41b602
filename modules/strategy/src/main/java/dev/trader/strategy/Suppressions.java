package dev.trader.strategy;

/**
 * Implemented by the state of a strategy that can hold back an entry (a higher-timeframe gate,
 * a session filter): how many it has suppressed and why the last one was. The engine and the
 * backtester count and log them; the strategy itself stays free of logging.
 */
public interface Suppressions {
    long suppressedEntries();

    /** Why the last entry was suppressed, with the inputs that decided it; empty before any. */
    String lastSuppression();
}
