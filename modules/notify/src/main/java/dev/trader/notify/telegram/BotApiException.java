package dev.trader.notify.telegram;

/** A Bot API call that did not succeed: its method and Telegram's answer (or the I/O failure), never the token. */
public final class BotApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int code;

    BotApiException(String message, int code) {
        super(message);
        this.code = code;
    }

    /** Telegram's error code (429, 403, ...), 0 when no answer came. */
    public int code() {
        return code;
    }
}
