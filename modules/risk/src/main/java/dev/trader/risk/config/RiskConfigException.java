package dev.trader.risk.config;

/**
 * A risk setting that is missing, malformed or out of range. The message always starts with
 * the full key, e.g. {@code trader.risk.leverage-cap must be within 1..10 but was 12}, so that
 * a boot that stops on it says what to fix.
 */
public final class RiskConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String key;

    public RiskConfigException(String key, String problem) {
        super(key + " " + problem);
        this.key = key;
    }

    /** The full key, e.g. {@code trader.risk.leverage-cap}. */
    public String key() {
        return key;
    }
}
