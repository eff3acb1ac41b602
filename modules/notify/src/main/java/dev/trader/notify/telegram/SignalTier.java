package dev.trader.notify.telegram;

import java.util.Locale;

/**
 * How sure a signal is, for people: its own {@code tier} metadata when the strategy gives one (the
 * ML strategy does), else from its confidence: HIGH at 0.75 or more, MEDIUM at 0.5, LOW below.
 */
public enum SignalTier {
    LOW, MEDIUM, HIGH;

    public static SignalTier of(String metadataTier, double confidence) {
        if (metadataTier != null) {
            for (SignalTier t : values()) {
                if (t.name().equals(metadataTier.toUpperCase(Locale.ROOT))) {
                    return t;
                }
            }
        }
        return confidence >= 0.75 ? HIGH : confidence >= 0.5 ? MEDIUM : LOW;
    }
}
