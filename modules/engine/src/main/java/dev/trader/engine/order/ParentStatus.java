package dev.trader.engine.order;

/** Where a parent order stands. */
public enum ParentStatus {
    /** Sending children as its plan says. */
    WORKING,
    /** Asked to stop: its working child is being cancelled, and nothing new goes out. */
    CANCELLING,
    /** Done as planned: filled, or ended with a remainder it could not send (its note says why). */
    DONE,
    /** Stopped before the plan was done (a flatten, an exit, its position closed). */
    CANCELLED;

    public boolean isOver() {
        return this == DONE || this == CANCELLED;
    }
}
