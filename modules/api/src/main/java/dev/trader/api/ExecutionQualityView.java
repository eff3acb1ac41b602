package dev.trader.api;

import java.util.List;

/**
 * The JSON of {@code GET /api/execution-quality}: per instrument, over every order this node has
 * placed, how fast the venue confirmed and filled them and how far their fills landed from the
 * decision price. Latencies are milliseconds of wall-clock time from the decision; slippage is
 * positive when worse for us. Orders journaled before these were measured count in {@code orders}
 * but in none of the figures.
 */
public record ExecutionQualityView(long orders, List<InstrumentQuality> instruments) {

    /**
     * @param orders                the orders placed on the instrument
     * @param filled                those with at least one fill
     * @param decisionToAckMs       from the decision to the venue's first confirmation
     * @param decisionToFirstFillMs from the decision to the first fill's arrival, over market orders (a resting stop or
     *                              limit waits for the market, not for us)
     * @param decisionToFillMs      from the decision to the completing fill's arrival, over market orders completely filled
     * @param slippageBps           each filled order's slippage against its decision price, in basis points (a stop's
     *                              against its trigger, a limit's against its limit)
     * @param slippageQuote         the sum of those slippages in the quote currency (what they cost in all)
     */
    public record InstrumentQuality(String instrument, long orders, long filled, DecimalStats decisionToAckMs,
                                    DecimalStats decisionToFirstFillMs, DecimalStats decisionToFillMs, DecimalStats slippageBps,
                                    String slippageQuote, String currency) {
    }
}
