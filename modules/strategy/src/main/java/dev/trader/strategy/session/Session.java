package dev.trader.strategy.session;

/**
 * The trading sessions a {@link SessionClock} tags an instant with: the three main sessions,
 * and the overlaps, which hold exactly when both of their sessions do.
 */
public enum Session {
    /** Tokyo: 09:00-18:00 Asia/Tokyo by default. */
    ASIA,
    /** London: 08:00-17:00 Europe/London by default. */
    LONDON,
    /** New York: 08:00-17:00 America/New_York by default. */
    NEW_YORK,
    /** Both {@link #ASIA} and {@link #LONDON}. */
    ASIA_LONDON_OVERLAP,
    /** Both {@link #LONDON} and {@link #NEW_YORK}: usually the most liquid hours. */
    LONDON_NEW_YORK_OVERLAP
}
