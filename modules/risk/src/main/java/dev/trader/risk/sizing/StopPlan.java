package dev.trader.risk.sizing;

import dev.trader.domain.money.Price;

/** Where the stop goes and how it was placed, or why no valid stop exists ({@code stop} null, {@code problem} set). */
public record StopPlan(Price stop, String method, String problem) {
    static StopPlan ok(Price stop, String method) {
        return new StopPlan(stop, method, null);
    }

    static StopPlan invalid(String method, String problem) {
        return new StopPlan(null, method, problem);
    }

    public boolean valid() {
        return stop != null;
    }
}
