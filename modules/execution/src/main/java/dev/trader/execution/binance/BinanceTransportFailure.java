package dev.trader.execution.binance;

/**
 * No answer: a timeout, a refused or reset connection, a 5xx without Binance's error body. The
 * request may have reached the matching engine, so its outcome is unknown.
 */
public final class BinanceTransportFailure extends BinanceException {
    private static final long serialVersionUID = 1L;

    BinanceTransportFailure(String reason, Throwable cause) {
        super(reason, cause);
    }

    @Override
    public boolean outcomeUnknown() {
        return true;
    }
}
