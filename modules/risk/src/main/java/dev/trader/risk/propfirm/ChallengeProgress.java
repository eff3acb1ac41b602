package dev.trader.risk.propfirm;

import dev.trader.domain.money.Money;

/**
 * Where a challenge stands: the profit so far against the target, and the days with at least
 * one fill against the minimum. {@code passed} when both are met (floors are never breached
 * while trading is allowed: a breach halts the account instead).
 */
public record ChallengeProgress(Money profit, Money target, boolean targetReached, int tradingDays, int minTradingDays,
                                boolean passed) {
}
