package dev.trader.domain.algo;

import dev.trader.domain.money.Quantity;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * Participation of volume: after each bar, a child of {@code participation} × the volume that bar
 * traded, capped by what remains, rounded down to the lot; once {@code maxBars} bars have passed
 * since the start, whatever remains goes at market.
 */
public record PovSchedule(BigDecimal participation, int maxBars) {
    public PovSchedule {
        Objects.requireNonNull(participation, "participation");
        if (participation.signum() <= 0 || participation.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("participation must be within (0, 1] but was " + participation.toPlainString());
        }
        if (maxBars < 1) {
            throw new IllegalArgumentException("the horizon must be at least one bar but was " + maxBars);
        }
    }

    /**
     * The child after a bar that traded {@code barVolume}, with {@code remaining} still to do: zero
     * when that share is below what the venue takes (nothing goes this bar). When what would be left
     * after it could never be sent on its own, the child takes all that remains.
     */
    public Quantity child(Quantity barVolume, Quantity remaining, SliceSizing sizing) {
        Quantity share = sizing.lots(participation.multiply(barVolume.toBigDecimal())).min(remaining);
        if (!sizing.placeable(share)) {
            return Quantity.ZERO;
        }
        Quantity rest = remaining.minus(share);
        return rest.isZero() || sizing.placeable(rest) ? share : remaining;
    }

    /** Whether {@code barsSinceStart} bars after the start, the rest must go at market. */
    public boolean horizonReached(long barsSinceStart) {
        return barsSinceStart >= maxBars;
    }
}
