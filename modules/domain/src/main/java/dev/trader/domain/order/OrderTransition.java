package dev.trader.domain.order;

/** What can happen to an order: the inputs of {@link OrderStateMachine}. */
public enum OrderTransition { SUBMIT, ACCEPT, PARTIAL_FILL, FILL, CANCEL, REJECT, EXPIRE, MARK_UNKNOWN }
