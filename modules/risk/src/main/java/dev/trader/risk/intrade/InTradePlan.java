package dev.trader.risk.intrade;

import dev.trader.domain.market.InstrumentRules;
import dev.trader.domain.money.Price;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * How an open trade is managed, validated on construction. Levels are in R, the initial risk
 * per unit {@code |entry − initial stop|}.
 *
 * @param rules                the instrument's tick and lot: stops and rung prices are rounded to the tick,
 *                             scale-out quantities to the lot (see the package documentation)
 * @param breakEvenTriggerR    once the trade has been {@code breakEvenTriggerR} × R in profit (a long's high
 *                             reached {@code entry + trigger × R}), the stop moves to break-even; null disables it
 * @param breakEvenOffset      the break-even stop is {@code entry + offset} for a long, {@code entry − offset} for
 *                             a short (say, to cover fees); a non-negative price distance
 * @param trailing             the trailing mode
 * @param ladder               scale-out rungs, strictly ascending in R, whose fractions of the original quantity
 *                             sum to at most 1; what they leave leaves by stop, target, time or signal
 * @param targetR              a final target in R that closes everything still open; null for none. It must lie
 *                             beyond every rung, and the ladder must leave something for it
 * @param maxBarsInTrade       time stop: the trade is closed at the close of bar {@code maxBarsInTrade}
 *                             (bars counted from 1); 0 disables it
 * @param exitOnOppositeSignal close at the bar's close when the strategy signals the opposite direction
 */
public record InTradePlan(InstrumentRules rules, BigDecimal breakEvenTriggerR, Price breakEvenOffset, Trailing trailing,
                          List<ScaleOutRung> ladder, BigDecimal targetR, int maxBarsInTrade, boolean exitOnOppositeSignal) {

    /** Break-even at +1R unless configured otherwise. */
    public static final BigDecimal DEFAULT_BREAK_EVEN_R = BigDecimal.ONE;

    private static final Price ZERO_PRICE = new Price(0, 0);

    public InTradePlan {
        Objects.requireNonNull(rules, "in-trade plan: the instrument rules are required");
        String where = "in-trade plan for " + rules.instrument() + ": ";
        if (breakEvenTriggerR != null) {
            if (breakEvenTriggerR.signum() <= 0) {
                throw new IllegalArgumentException(where + "the break-even trigger must be a positive number of R but was "
                        + breakEvenTriggerR.toPlainString());
            }
            breakEvenTriggerR = Decimals.canonical(breakEvenTriggerR);
        }
        breakEvenOffset = breakEvenOffset == null ? ZERO_PRICE : breakEvenOffset;
        if (breakEvenOffset.compareTo(ZERO_PRICE) < 0) {
            throw new IllegalArgumentException(where + "the break-even offset must not be negative but was " + breakEvenOffset);
        }
        Objects.requireNonNull(trailing, () -> where + "the trailing mode is required (Trailing.none() for none)");
        ladder = List.copyOf(ladder == null ? List.of() : ladder);
        BigDecimal sum = BigDecimal.ZERO;
        ScaleOutRung previous = null;
        for (ScaleOutRung rung : ladder) {
            if (previous != null && rung.r().compareTo(previous.r()) <= 0) {
                throw new IllegalArgumentException(where + "scale-out rungs must be strictly ascending in R, but "
                        + rung.r().toPlainString() + "R follows " + previous.r().toPlainString() + "R");
            }
            sum = sum.add(rung.fraction());
            previous = rung;
        }
        if (sum.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException(where + "the scale-out fractions sum to " + sum.toPlainString()
                    + ", more than the whole position (1)");
        }
        if (targetR != null) {
            if (targetR.signum() <= 0) {
                throw new IllegalArgumentException(where + "the target must be a positive number of R but was " + targetR.toPlainString());
            }
            if (previous != null && targetR.compareTo(previous.r()) <= 0) {
                throw new IllegalArgumentException(where + "the target " + targetR.toPlainString() + "R must lie beyond the last scale-out rung "
                        + previous.r().toPlainString() + "R");
            }
            if (sum.compareTo(BigDecimal.ONE) == 0) {
                throw new IllegalArgumentException(where + "the scale-out ladder sells the whole position, so the target "
                        + targetR.toPlainString() + "R could never fill");
            }
            targetR = Decimals.canonical(targetR);
        }
        if (maxBarsInTrade < 0) {
            throw new IllegalArgumentException(where + "max bars in trade must be 0 (no time stop) or positive but was " + maxBarsInTrade);
        }
    }

    /** Break-even at +1R with no offset; no trailing, ladder, target, time stop or signal exit. */
    public static InTradePlan defaults(InstrumentRules rules) {
        return new InTradePlan(rules, DEFAULT_BREAK_EVEN_R, ZERO_PRICE, Trailing.none(), List.of(), null, 0, false);
    }

    public InTradePlan withBreakEven(BigDecimal triggerR, Price offset) {
        return new InTradePlan(rules, triggerR, offset, trailing, ladder, targetR, maxBarsInTrade, exitOnOppositeSignal);
    }

    public InTradePlan withoutBreakEven() {
        return new InTradePlan(rules, null, ZERO_PRICE, trailing, ladder, targetR, maxBarsInTrade, exitOnOppositeSignal);
    }

    public InTradePlan withTrailing(Trailing mode) {
        return new InTradePlan(rules, breakEvenTriggerR, breakEvenOffset, mode, ladder, targetR, maxBarsInTrade, exitOnOppositeSignal);
    }

    public InTradePlan withLadder(List<ScaleOutRung> rungs) {
        return new InTradePlan(rules, breakEvenTriggerR, breakEvenOffset, trailing, rungs, targetR, maxBarsInTrade, exitOnOppositeSignal);
    }

    /** A final target in R; null removes it. */
    public InTradePlan withTargetR(BigDecimal r) {
        return new InTradePlan(rules, breakEvenTriggerR, breakEvenOffset, trailing, ladder, r, maxBarsInTrade, exitOnOppositeSignal);
    }

    public InTradePlan withMaxBarsInTrade(int bars) {
        return new InTradePlan(rules, breakEvenTriggerR, breakEvenOffset, trailing, ladder, targetR, bars, exitOnOppositeSignal);
    }

    public InTradePlan withExitOnOppositeSignal(boolean exit) {
        return new InTradePlan(rules, breakEvenTriggerR, breakEvenOffset, trailing, ladder, targetR, maxBarsInTrade, exit);
    }

    public boolean hasBreakEven() {
        return breakEvenTriggerR != null;
    }

    /** True when the ladder's fractions sum to exactly 1: its last rung then takes all that remains. */
    public boolean ladderSellsEverything() {
        return ladder.stream().map(ScaleOutRung::fraction).reduce(BigDecimal.ZERO, BigDecimal::add).compareTo(BigDecimal.ONE) == 0;
    }
}
