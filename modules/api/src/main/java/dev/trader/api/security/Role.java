package dev.trader.api.security;

import java.util.Locale;

/**
 * What a key may do: {@code viewer} reads; {@code trader} also controls strategies (start, stop,
 * parameters); {@code admin} also the kill switch, flatten, halts, the governor and the calendar.
 */
public enum Role {
    VIEWER, TRADER, ADMIN;

    public boolean atLeast(Role needed) {
        return compareTo(needed) >= 0;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role parse(String text) {
        for (Role r : values()) {
            if (r.id().equals(text)) {
                return r;
            }
        }
        throw new IllegalArgumentException("role must be one of viewer, trader, admin but was '" + text + "'");
    }
}
