package dev.trader.marketdata.binance;

import dev.trader.marketdata.RejectReason;

/**
 * A frame that is not a valid Binance market-data message, and why: the message names the field
 * and the value, {@link #code()} is a stable snake_case category for counting rejections (the
 * value-level ones are {@link RejectReason} codes, shared with file ingest).
 */
public final class FrameRejected extends Exception {
    /** Not JSON, not the expected shape, a field missing or of the wrong type. */
    public static final String MALFORMED = "malformed_frame";
    /** Longer than {@link BinanceFrameParser#MAX_FRAME_CHARS}. */
    public static final String OVERSIZE = "oversize_frame";
    /** A stream or event type this parser does not know. */
    public static final String UNKNOWN_STREAM = "unknown_stream";
    /** A kline interval that is not one of the domain's timeframes. */
    public static final String UNKNOWN_INTERVAL = "unknown_interval";
    /** Data for another symbol than the stream (or the request) names. */
    public static final String SYMBOL_MISMATCH = "symbol_mismatch";
    private static final long serialVersionUID = 1L;

    private final String code;

    public FrameRejected(String reason) {
        this(MALFORMED, reason);
    }

    public FrameRejected(RejectReason reason, String detail) {
        this(reason.code(), detail);
    }

    public FrameRejected(String code, String reason) {
        // Hostile input is expected and counted, not a programming error: no stack trace to fill.
        super(reason, null, false, false);
        this.code = code;
    }

    /** The stable category of the rejection. */
    public String code() {
        return code;
    }
}
