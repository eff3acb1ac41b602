package dev.trader.notify.telegram;

/**
 * What a configured chat may do. A chat the configuration does not name gets nothing at all, not
 * even a refusal: the bot does not confirm to strangers that it exists.
 */
public enum ChatRole {
    /** Reads, and steers: {@code /threshold}, {@code /kill_switch}. */
    ADMIN,
    /** Reads only: {@code /check}, {@code /stats}, {@code /ftmo_status}, {@code /positions}. */
    VIEWER
}
