package dev.trader.domain.market;

/** Why a bar is not a valid bar. The reason codes are stable: they label metrics and reports. */
public enum BarDefect {
    NON_POSITIVE_PRICE("non_positive_price"),
    HIGH_BELOW_OPEN_CLOSE_OR_LOW("high_below_body"),
    LOW_ABOVE_OPEN_OR_CLOSE("low_above_body"),
    NEGATIVE_VOLUME("negative_volume"),
    MISALIGNED_TIME("misaligned_time");

    private final String code;

    BarDefect(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
