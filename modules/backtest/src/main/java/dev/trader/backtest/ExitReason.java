package dev.trader.backtest;

import java.util.Locale;

/** How a round trip ended, as written in {@code trades.csv}. */
public enum ExitReason {
    SIGNAL, STOP, TARGET, END_OF_DATA;

    /** The lower-case code written to files: {@code signal}, {@code stop}, {@code target}, {@code end_of_data}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ExitReason of(OrderRole role) {
        return switch (role) {
            case EXIT -> SIGNAL;
            case STOP -> STOP;
            case TARGET -> TARGET;
            case END_OF_DATA -> END_OF_DATA;
            case ENTRY -> throw new IllegalArgumentException("an entry does not end a trade");
        };
    }
}
