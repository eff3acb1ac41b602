package dev.trader.marketdata;

import dev.trader.domain.market.BarDefect;

/**
 * Why a row was rejected. The {@link #code()}s are stable: they label metrics, logs and the
 * {@link IngestReport}, so rename a constant freely but never its code.
 */
public enum RejectReason {
    /** Wrong number of columns, a truncated or overlong line, or a JSON value that is not a candle array. */
    MALFORMED_ROW("malformed_row"),
    /** A field that does not parse as a decimal number (text in a price, an empty cell). */
    NOT_A_NUMBER("not_a_number"),
    /** NaN or Infinity, which some exporters write for missing values. */
    NON_FINITE("non_finite"),
    /** A number too large or too finely divided for the fixed-point price and quantity types, or a time before 1970. */
    OUT_OF_RANGE("out_of_range"),
    NON_POSITIVE_PRICE(BarDefect.NON_POSITIVE_PRICE.code()),
    HIGH_BELOW_BODY(BarDefect.HIGH_BELOW_OPEN_CLOSE_OR_LOW.code()),
    LOW_ABOVE_BODY(BarDefect.LOW_ABOVE_OPEN_OR_CLOSE.code()),
    NEGATIVE_VOLUME(BarDefect.NEGATIVE_VOLUME.code()),
    /** An open time that is not on a boundary of the timeframe. */
    MISALIGNED_TIME(BarDefect.MISALIGNED_TIME.code()),
    /** The same open time as the last accepted bar. */
    DUPLICATE("duplicate"),
    /** An open time earlier than the last accepted bar. */
    OUT_OF_ORDER("out_of_order");

    private final String code;

    RejectReason(String code) {
        this.code = code;
    }

    /** The stable snake_case code. */
    public String code() {
        return code;
    }

    /** The reason matching a domain bar defect. */
    public static RejectReason of(BarDefect defect) {
        return switch (defect) {
            case NON_POSITIVE_PRICE -> NON_POSITIVE_PRICE;
            case HIGH_BELOW_OPEN_CLOSE_OR_LOW -> HIGH_BELOW_BODY;
            case LOW_ABOVE_OPEN_OR_CLOSE -> LOW_ABOVE_BODY;
            case NEGATIVE_VOLUME -> NEGATIVE_VOLUME;
            case MISALIGNED_TIME -> MISALIGNED_TIME;
        };
    }
}
