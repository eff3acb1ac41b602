package dev.trader.execution.binance;

/**
 * The request never left: the circuit breaker is open, a rate-limit window or a ban would not end
 * within the allowed wait, or the adapter is stopping. It certainly had no effect.
 */
public final class BinanceRequestNotSent extends BinanceException {
    private static final long serialVersionUID = 1L;

    BinanceRequestNotSent(String reason) {
        super("not sent: " + reason, null);
    }

    @Override
    public boolean outcomeUnknown() {
        return false;
    }
}
