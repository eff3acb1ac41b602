package dev.trader.execution.binance;

/**
 * An answer we refused to read: too large, not JSON, a missing or mistyped field, NaN, a negative
 * quantity, an unknown enum value. Nothing of it was applied. The exchange did answer, but what it
 * did is unknown to us.
 */
public final class BinanceResponseRejected extends BinanceException {
    private static final long serialVersionUID = 1L;

    BinanceResponseRejected(String reason) {
        super(reason, null);
    }

    @Override
    public boolean outcomeUnknown() {
        return true;
    }
}
