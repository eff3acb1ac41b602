package dev.trader.notify.telegram;

/**
 * The bot's token, read from the environment. It is part of every Bot API URL, so anything that
 * may print a URL (an exception, a log line) goes through {@link #redact} first, and this object
 * prints as stars.
 */
public final class BotToken {
    private final String value;

    private BotToken(String value) {
        this.value = value;
    }

    /** The token in environment variable {@code name}; the error names the variable, never a value. */
    public static BotToken fromEnvironment(String name, java.util.function.Function<String, String> env) {
        String v = env.apply(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("the Telegram bot token is read from environment variable " + name + ", which is not set");
        }
        if (!v.strip().matches("[0-9]+:[A-Za-z0-9_-]{20,}")) {
            throw new IllegalArgumentException("environment variable " + name + " does not hold a Telegram bot token (digits, a colon, then the secret)");
        }
        return new BotToken(v.strip());
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
