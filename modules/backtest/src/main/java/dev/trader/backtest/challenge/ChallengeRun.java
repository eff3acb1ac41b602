package dev.trader.backtest.challenge;

import dev.trader.backtest.floor.FloorBreach;
import dev.trader.domain.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One challenge: from a start date on the data ({@code kind} "start") or on a resampled trade
 * sequence ("monte-carlo", times then count days from the epoch start of the sequence).
 *
 * @param daysToPass  days from the start to the pass, 2 decimals; null unless passed
 * @param tradingDays days with a fill up to the end of the challenge
 * @param endEquity   equity at the pass, at the first breach, or at the end of the window
 * @param breaches    every breach in the window (the first decides a failure; the rest show how far it would have gone)
 * @param rejected    entries pre-trade risk rejected (0 with rules off)
 */
public record ChallengeRun(String kind, int index, Instant start, Instant end, ChallengeOutcome outcome, BigDecimal daysToPass, int tradingDays,
                           int trades, Money endEquity, List<FloorBreach> breaches, long rejected) {
    public ChallengeRun {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(endEquity, "endEquity");
        breaches = List.copyOf(breaches);
    }
}
