package dev.trader.execution.sim.api;

/** Ends the handling of a request with a Binance error answer; nothing has been changed when it is thrown. */
public final class BinanceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient BinanceError error;

    public BinanceException(BinanceError error) {
        super(error.code() + " " + error.msg(), null, false, false);
        this.error = error;
    }

    public BinanceError error() {
        return error;
    }
}
