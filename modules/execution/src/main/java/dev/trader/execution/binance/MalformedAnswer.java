package dev.trader.execution.binance;

/** A REST answer or a stream frame that does not read as Binance documents it; the message names the field and the value. */
final class MalformedAnswer extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedAnswer(String reason) {
        super(reason, null, false, false);
    }
}
