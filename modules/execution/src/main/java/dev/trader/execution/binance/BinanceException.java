package dev.trader.execution.binance;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Why a Binance request did not give a usable answer. The one question every caller must ask is
 * {@link #outcomeUnknown()}: whether the request may have taken effect at the exchange (an order
 * may exist) or certainly did not.
 */
public abstract sealed class BinanceException extends RuntimeException
        permits BinanceApiError, BinanceTransportFailure, BinanceResponseRejected, BinanceRequestNotSent {
    private static final long serialVersionUID = 1L;

    BinanceException(String message, Throwable cause) {
        super(message, cause);
    }

    /** True when the exchange may have executed the request: a timeout, a 5xx, an unreadable answer. */
    public abstract boolean outcomeUnknown();

    /** The BinanceException inside a failed stage's throwable; anything else is an unknown-outcome transport failure. */
    public static BinanceException unwrap(Throwable t) {
        Throwable e = t;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof BinanceException b) {
            return b;
        }
        return new BinanceTransportFailure("unexpected failure: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
    }
}
