package dev.trader.domain.order;

/** A (state, transition) pair the order state machine does not allow. */
public final class IllegalOrderTransitionException extends IllegalStateException {
    public IllegalOrderTransitionException(OrderStatus from, OrderTransition transition) {
        super("order in state " + from + " cannot " + transition);
    }
}
