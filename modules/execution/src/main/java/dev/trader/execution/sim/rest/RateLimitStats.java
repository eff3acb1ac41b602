package dev.trader.execution.sim.rest;

/**
 * What the simulator's rate limiter refused since it started, for tests and the status of a run:
 * the truth a client's claim "I never exceeded a limit" is checked against.
 *
 * @param tooMuchWeight    requests that pushed an IP past its request weight (429 -1003, a new Retry-After)
 * @param ignoredRetries   requests sent while a 429's Retry-After still ran (429 again; these lead to bans)
 * @param bans             bans imposed (418)
 * @param refusedWhileBanned requests sent while their IP was banned (418 again)
 * @param tooManyOrders    orders refused for an order-count limit (429 -1015)
 */
public record RateLimitStats(long tooMuchWeight, long ignoredRetries, long bans, long refusedWhileBanned, long tooManyOrders) {
    /** Every 429 and 418 answered. */
    public long refusals() {
        return tooMuchWeight + ignoredRetries + bans + refusedWhileBanned + tooManyOrders;
    }
}
