package dev.trader.risk.intrade;

/** Why an exit order exists, or what kind of exit a fill was. */
public enum ExitKind {
    /** The protective stop (a stop-market order for everything open). */
    STOP,
    /** A scale-out rung (a limit order for the rung's share). */
    RUNG,
    /** The final target (a limit order for everything the ladder leaves). */
    TARGET,
    /** The time stop: a market order decided at the close of the last bar allowed. */
    TIME,
    /** The opposite signal: a market order decided at the bar's close. */
    OPPOSITE_SIGNAL,
    /** An exit the manager did not place: a strategy's exit signal, a flatten after a floor. */
    OTHER
}
