package dev.trader.marketdata.validation;

import dev.trader.marketdata.RejectReason;
import java.math.BigDecimal;

/** Parses one numeric field exactly, from its text, classifying what is wrong with it. */
final class DecimalField {
    /** More integer digits than a {@code long} holds cannot become a price or quantity anyway. */
    private static final int MAX_INTEGER_DIGITS = 19;

    private DecimalField() {
    }

    /**
     * The exact value of {@code text}. Never goes through {@code double}: {@code 0.1} must stay
     * {@code 0.1}.
     *
     * @param name the column, for the rejection detail
     */
    static BigDecimal parse(String text, String name) throws RowRejectedException {
        String value = text.strip();
        if (value.isEmpty()) {
            throw new RowRejectedException(RejectReason.NOT_A_NUMBER, name + " is empty");
        }
        if (isNonFinite(value)) {
            throw new RowRejectedException(RejectReason.NON_FINITE, name + " is not finite: '" + value + "'");
        }
        BigDecimal number;
        try {
            number = new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new RowRejectedException(RejectReason.NOT_A_NUMBER, name + " is not a number: '" + abbreviate(value) + "'");
        }
        // Checked before anything rescales it: "1e999999999" parses cheaply but would expand
        // to a billion digits.
        if (number.precision() - number.scale() > MAX_INTEGER_DIGITS) {
            throw new RowRejectedException(RejectReason.OUT_OF_RANGE, name + " is too large: '" + abbreviate(value) + "'");
        }
        return number;
    }

    private static boolean isNonFinite(String value) {
        String unsigned = value.startsWith("-") || value.startsWith("+") ? value.substring(1) : value;
        return unsigned.equalsIgnoreCase("nan") || unsigned.equalsIgnoreCase("inf") || unsigned.equalsIgnoreCase("infinity");
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
