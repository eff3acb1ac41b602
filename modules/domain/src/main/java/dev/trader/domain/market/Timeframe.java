package dev.trader.domain.market;

import java.time.Duration;
import java.time.Instant;

/** Bar durations, aligned to UTC boundaries from the epoch. */
public enum Timeframe {
    M1("1m", Duration.ofMinutes(1)),
    M5("5m", Duration.ofMinutes(5)),
    M15("15m", Duration.ofMinutes(15)),
    H1("1h", Duration.ofHours(1)),
    H4("4h", Duration.ofHours(4)),
    D1("1d", Duration.ofDays(1));

    private final String label;
    private final Duration duration;

    Timeframe(String label, Duration duration) {
        this.label = label;
        this.duration = duration;
    }

    public String label() {
        return label;
    }

    public Duration duration() {
        return duration;
    }

    public long millis() {
        return duration.toMillis();
    }

    /** The open time of the bar of this timeframe that contains {@code time}. */
    public Instant alignedOpen(Instant time) {
        long ms = time.toEpochMilli();
        return Instant.ofEpochMilli(Math.floorDiv(ms, millis()) * millis());
    }

    public boolean isAligned(Instant time) {
        return Math.floorMod(time.toEpochMilli(), millis()) == 0;
    }

    public static Timeframe ofLabel(String label) {
        for (Timeframe t : values()) {
            if (t.label.equals(label)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown timeframe '" + label + "' (expected one of 1m, 5m, 15m, 1h, 4h, 1d)");
    }
}
