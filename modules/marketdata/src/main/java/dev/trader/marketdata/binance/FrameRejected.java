package dev.trader.marketdata.binance;

/** A frame that is not a valid Binance market-data message, and why: the reason names the field and the value. */
public final class FrameRejected extends Exception {
    private static final long serialVersionUID = 1L;

    public FrameRejected(String reason) {
        super(reason);
    }
}
