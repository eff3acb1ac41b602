package dev.trader.backtest.challenge;

import dev.trader.backtest.floor.FloorSpec;
import dev.trader.domain.money.Money;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a challenge asks: reach {@code profitTarget × initial} of profit, trading on at least
 * {@code minTradingDays} days, within {@code days} calendar days, never letting equity below the
 * floors of {@code floors}. FTMO 2-step: 10%, 4 days, 5% daily, 10% overall.
 */
public record ChallengeRules(BigDecimal profitTarget, int minTradingDays, int days, FloorSpec floors) {
    public ChallengeRules {
        Objects.requireNonNull(profitTarget, "profitTarget");
        Objects.requireNonNull(floors, "floors");
        if (profitTarget.signum() <= 0 || minTradingDays < 0 || days < 1) {
            throw new IllegalArgumentException("a challenge needs a positive target, days ≥ 1 and min trading days ≥ 0");
        }
    }

    public static ChallengeRules ftmo(Money initial, int days) {
        return new ChallengeRules(new BigDecimal("0.10"), 4, days, FloorSpec.ftmo(initial));
    }

    public Money initial() {
        return floors.initial();
    }

    /** The equity (flat) that passes: {@code initial × (1 + target)}. */
    public Money targetEquity() {
        return initial().plus(initial().times(profitTarget));
    }
}
