package dev.trader.backtest.challenge;

import java.util.Locale;

/** How one challenge run ended. */
public enum ChallengeOutcome {
    /** Target and trading days reached before any breach. */
    PASSED,
    /** A floor was breached first. */
    FAILED,
    /** Neither within the days. */
    NOT_PASSED;

    /** {@code passed}, {@code failed}, {@code not_passed}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
