package dev.trader.execution.sim.fault;

/**
 * The failures the simulator can inject, each one a way a real venue has been seen to misbehave
 * that a client must survive without losing track of its orders.
 */
public enum FaultKind {
    /** The order is placed, then the response never comes within {@code duration} (the client times out). */
    STALL_ORDER_RESPONSE,
    /** The order is placed, then the connection is aborted before a complete response. */
    ABORT_ORDER_RESPONSE,
    /** HTTP 503 "Unknown error..." although the order was placed. */
    SERVER_ERROR_PLACED,
    /** HTTP 503 "Unknown error..." and the order was not placed: the same answer, a different truth. */
    SERVER_ERROR_NOT_PLACED,
    /** -1007 "Timeout waiting for response from backend server..." with the order placed. */
    TIMEOUT_PLACED,
    /** GET /api/v3/order answers -2013 "Order does not exist." for the first {@code count} queries of an affected order. */
    ORDER_NOT_FOUND_ON_QUERY,
    /** A TRADE executionReport is published twice on the user stream. */
    DUPLICATE_FILL,
    /** A TRADE executionReport is held back and published after the next one (or at the end of the bar). */
    REORDER_FILLS,
    /** The user stream's connections are closed (SimStreams.disconnect) after an event. */
    KILL_USER_STREAM,
    /** The paced market replay pauses for {@code duration} before a bar. */
    STALL_REPLAY,
    /** A REST answer is delayed by {@code duration}. */
    DELAY_REST
}
