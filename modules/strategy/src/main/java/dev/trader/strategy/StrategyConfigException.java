package dev.trader.strategy;

/** A strategy's configuration is wrong; the message names the key. */
public final class StrategyConfigException extends IllegalArgumentException {
    public StrategyConfigException(String message) {
        super(message);
    }
}
