package dev.trader.execution.binance;

import java.util.Locale;
import java.util.Set;

/**
 * Binance answered with its error JSON {@code {"code":..,"msg":..}}. A 4xx is a refusal (the
 * request did not take effect) except for the codes Binance itself calls "execution status
 * unknown"; a 5xx never proves anything.
 */
public final class BinanceApiError extends BinanceException {
    private static final long serialVersionUID = 1L;
    /** -1000 UNKNOWN, -1001 DISCONNECTED, -1006 UNEXPECTED_RESP, -1007 TIMEOUT: "execution status unknown". */
    private static final Set<Integer> OUTCOME_UNKNOWN_CODES = Set.of(-1000, -1001, -1006, -1007);
    public static final int TIMESTAMP_OUTSIDE_RECV_WINDOW = -1021;
    public static final int NEW_ORDER_REJECTED = -2010;
    public static final int CANCEL_REJECTED = -2011;
    public static final int NO_SUCH_ORDER = -2013;
    public static final int LISTEN_KEY_UNKNOWN = -1125;

    private final int httpStatus;
    private final int code;
    private final String msg;

    BinanceApiError(int httpStatus, int code, String msg) {
        super("binance HTTP " + httpStatus + " code " + code + ": " + msg, null);
        this.httpStatus = httpStatus;
        this.code = code;
        this.msg = msg;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public int code() {
        return code;
    }

    public String msg() {
        return msg;
    }

    @Override
    public boolean outcomeUnknown() {
        return httpStatus >= 500 || OUTCOME_UNKNOWN_CODES.contains(code);
    }

    /** "Duplicate order sent.": an open order already has this client order id. */
    public boolean isDuplicateOrder() {
        return msg.toLowerCase(Locale.ROOT).contains("duplicate order");
    }

    /** The reason as the engine records it: code and message. */
    public String reason() {
        return "binance " + code + ": " + msg;
    }
}
