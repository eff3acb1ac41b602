package dev.trader.marketdata.validation;

import dev.trader.marketdata.RejectReason;

/**
 * Thrown inside validation when a row breaks a rule, caught by {@link BarValidator} and turned
 * into a rejection. It never leaves this package, so it carries no stack trace.
 */
final class RowRejectedException extends Exception {
    private final RejectReason reason;

    RowRejectedException(RejectReason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    RejectReason reason() {
        return reason;
    }

    String detail() {
        return getMessage();
    }
}
