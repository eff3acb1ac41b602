package dev.trader.notify.telegram;

/**
 * The bot's token (from the environment: {@code TELEGRAM_BOT_TOKEN} feeds {@code trader.telegram.token}). It is part of every Bot API URL, so anything that
 * may print a URL (an exception, a log line) goes through {@link #redact} first, and this object
 * prints as stars.
 */
public final class BotToken {
    private final String value;

    private BotToken(String value) {
        this.value = value;
    }

    /** The token {@code where} names (a configuration key fed by an environment variable); an error names where, never a value. */
    public static BotToken of(String where, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the Telegram bot token (" + where + ") is not set");
        }
        if (!value.strip().matches("[0-9]+:[A-Za-z0-9_-]{20,}")) {
            throw new IllegalArgumentException(where + " does not hold a Telegram bot token (digits, a colon, then the secret)");
        }
        return new BotToken(value.strip());
    }

    String value() {
        return value;
    }

    /** {@code text} with every occurrence of the token replaced by stars. */
    public String redact(String text) {
        return text == null ? null : text.replace(value, "***");
    }

    @Override
    public String toString() {
        return "BotToken[***]";
    }
}
