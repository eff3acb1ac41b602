package dev.trader.risk.intrade;

import dev.trader.domain.market.InstrumentRules;
import dev.trader.domain.money.Money;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.OrderSide;
import dev.trader.domain.position.PositionSide;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Objects;

/**
 * The in-trade manager's state for one trade: immutable, with value equality, so a replay can
 * compare states. Create it with {@link #open} when the entry has filled; advance it with
 * {@link InTradeManager#onBar}.
 *
 * @param plan             the plan, fixed for the life of the trade
 * @param side             {@link PositionSide#LONG} or {@link PositionSide#SHORT}
 * @param entry            the entry (average fill) price; may be finer than the tick
 * @param initialStop      the initial stop, on the tick grid; it defines R = |entry − initialStop| per unit
 * @param originalQuantity the quantity entered, on the lot grid
 * @param openQuantity     what is still open: zero once closed, otherwise on the lot grid and at least the
 *                         venue's minimum (no dust is ever left)
 * @param stop             the stop in force from the next bar, on the tick grid
 * @param barsInTrade      bars processed so far; the first bar given to the manager is bar 1
 * @param rungsDone        how many ladder rungs are done (filled, or skipped because their share rounded
 *                         below the venue's minimum)
 * @param realizedPnl      the sum of the exit fills' exact P&L so far, in the quote currency
 * @param highestHigh      the highest high since entry (the entry price before the first bar)
 * @param lowestLow        the lowest low since entry (the entry price before the first bar)
 * @param lastBarOpen      the open time of the last bar processed; null before the first
 */
public record ManagedTrade(InTradePlan plan, PositionSide side, Price entry, Price initialStop, Quantity originalQuantity,
                           Quantity openQuantity, Price stop, int barsInTrade, int rungsDone, BigDecimal realizedPnl,
                           Price highestHigh, Price lowestLow, Instant lastBarOpen) {

    public ManagedTrade {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(initialStop, "initialStop");
        Objects.requireNonNull(originalQuantity, "originalQuantity");
        Objects.requireNonNull(openQuantity, "openQuantity");
        Objects.requireNonNull(stop, "stop");
        Objects.requireNonNull(highestHigh, "highestHigh");
        Objects.requireNonNull(lowestLow, "lowestLow");
        if (side == PositionSide.FLAT) {
            throw new IllegalArgumentException("a managed trade is LONG or SHORT, not FLAT");
        }
        if (openQuantity.compareTo(originalQuantity) > 0) {
            throw new IllegalArgumentException("open quantity " + openQuantity + " exceeds the original " + originalQuantity);
        }
        if (barsInTrade < 0) {
            throw new IllegalArgumentException("bars in trade must not be negative but was " + barsInTrade);
        }
        if (rungsDone < 0 || rungsDone > plan.ladder().size()) {
            throw new IllegalArgumentException("rungs done must be within 0.." + plan.ladder().size() + " but was " + rungsDone);
        }
        realizedPnl = Decimals.canonical(Objects.requireNonNull(realizedPnl, "realizedPnl"));
    }

    /**
     * A trade just entered: {@code quantity} filled at {@code entry} with {@code initialStop}.
     * The stop is rounded to the tick in the protective direction (up for a long, down for a
     * short) and R is measured from the rounded stop, the one actually in force.
     *
     * @throws IllegalArgumentException with a message naming the problem: a stop that is not
     *     beyond the entry on the losing side, a quantity off the lot grid or below the venue's
     *     minimum, a break-even offset that is not below the trigger distance
     */
    public static ManagedTrade open(InTradePlan plan, PositionSide side, Price entry, Price initialStop, Quantity quantity) {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(initialStop, "initialStop");
        Objects.requireNonNull(quantity, "quantity");
        InstrumentRules rules = plan.rules();
        String where = "managed " + side + " trade in " + rules.instrument() + ": ";
        if (side == PositionSide.FLAT) {
            throw new IllegalArgumentException(where + "the side must be LONG or SHORT");
        }
        if (!entry.isPositive() || !initialStop.isPositive()) {
            throw new IllegalArgumentException(where + "entry " + entry + " and stop " + initialStop + " must be positive");
        }
        boolean isLong = side == PositionSide.LONG;
        Price stop = Decimals.toTick(initialStop.toBigDecimal(), rules.tickSize(), isLong ? RoundingMode.CEILING : RoundingMode.FLOOR);
        if (isLong ? stop.compareTo(entry) >= 0 : stop.compareTo(entry) <= 0) {
            throw new IllegalArgumentException(where + "the initial stop " + initialStop + (stop.equals(initialStop) ? "" : " (" + stop + " on the tick)")
                    + " must lie " + (isLong ? "below" : "above") + " the entry " + entry);
        }
        if (quantity.isZero()) {
            throw new IllegalArgumentException(where + "the quantity must be positive");
        }
        if (!Decimals.isOnGrid(quantity.toBigDecimal(), rules.lotSize().toBigDecimal())) {
            throw new IllegalArgumentException(where + "the quantity " + quantity + " is not a multiple of the lot size " + rules.lotSize());
        }
        if (quantity.compareTo(rules.minQuantity()) < 0) {
            throw new IllegalArgumentException(where + "the quantity " + quantity + " is below the venue's minimum " + rules.minQuantity());
        }
        if (plan.hasBreakEven()) {
            BigDecimal triggerDistance = plan.breakEvenTriggerR().multiply(entry.toBigDecimal().subtract(stop.toBigDecimal()).abs());
            if (plan.breakEvenOffset().toBigDecimal().compareTo(triggerDistance) >= 0) {
                throw new IllegalArgumentException(where + "the break-even offset " + plan.breakEvenOffset() + " must be below the trigger distance "
                        + triggerDistance.toPlainString() + " (" + plan.breakEvenTriggerR().toPlainString() + "R)");
            }
        }
        return new ManagedTrade(plan, side, entry, stop, quantity, quantity, stop, 0, 0, BigDecimal.ZERO, entry, entry, null);
    }

    public boolean isLong() {
        return side == PositionSide.LONG;
    }

    public boolean isClosed() {
        return openQuantity.isZero();
    }

    /** The side of every exit order: SELL for a long, BUY for a short. */
    public OrderSide exitSide() {
        return isLong() ? OrderSide.SELL : OrderSide.BUY;
    }

    /** R, the initial risk per unit: |entry − initial stop|. */
    public BigDecimal riskPerUnit() {
        return entry.toBigDecimal().subtract(initialStop.toBigDecimal()).abs();
    }

    /** The price {@code r} × R in the trade's favour, exact (not rounded to the tick). */
    public BigDecimal levelAt(BigDecimal r) {
        BigDecimal distance = r.multiply(riskPerUnit());
        return isLong() ? entry.toBigDecimal().add(distance) : entry.toBigDecimal().subtract(distance);
    }

    /**
     * The limit price of ladder rung {@code index}: {@link #levelAt} its R level rounded to the tick
     * away from the entry, so a rung never fills short of its R level. For a short it can be zero
     * or negative when the R level lies below zero: such a rung never fills.
     */
    public Price rungPrice(int index) {
        return awayFromEntry(levelAt(plan.ladder().get(index).r()));
    }

    /**
     * What rung {@code index} sells when {@code open} is still open: its share of the original
     * quantity, rounded down to the lot and capped at what is open; the last rung of a ladder
     * that sells everything takes all that remains; a rung that would leave less than the
     * venue's minimum takes that too (no dust); a share below the minimum that leaves enough
     * open is skipped (zero).
     */
    public Quantity rungQuantity(int index, Quantity open) {
        BigDecimal lot = plan.rules().lotSize().toBigDecimal();
        BigDecimal minimum = lot.max(plan.rules().minQuantity().toBigDecimal());
        BigDecimal remaining = open.toBigDecimal();
        BigDecimal share;
        if (index == plan.ladder().size() - 1 && plan.ladderSellsEverything()) {
            share = remaining;
        } else {
            BigDecimal wanted = plan.ladder().get(index).fraction().multiply(originalQuantity.toBigDecimal());
            share = wanted.divide(lot, 0, RoundingMode.FLOOR).multiply(lot).min(remaining);
        }
        BigDecimal left = remaining.subtract(share);
        if (left.signum() > 0 && left.compareTo(minimum) < 0) {
            share = remaining;
        }
        return share.compareTo(minimum) < 0 ? Quantity.ZERO : Quantity.of(share);
    }

    /** The final target's price, rounded like a rung's; null when the plan has no target. */
    public Price targetPrice() {
        return plan.targetR() == null ? null : awayFromEntry(levelAt(plan.targetR()));
    }

    /** The exact P&L of closing {@code quantity} at {@code price}: (price − entry) × quantity, negated for a short. */
    public BigDecimal pnlOf(Quantity quantity, Price price) {
        BigDecimal perUnit = price.toBigDecimal().subtract(entry.toBigDecimal());
        return Decimals.canonical((isLong() ? perUnit : perUnit.negate()).multiply(quantity.toBigDecimal()));
    }

    /** Open P&L at {@code mark}, exact; zero when closed. */
    public BigDecimal unrealizedPnl(Price mark) {
        return pnlOf(openQuantity, mark);
    }

    /** The realized P&L as ledger money in the quote currency (rounded half-even to {@link Money#SCALE}). */
    public Money realizedMoney() {
        return Money.of(realizedPnl, plan.rules().quoteAsset());
    }

    private Price awayFromEntry(BigDecimal level) {
        return Decimals.toTick(level, plan.rules().tickSize(), isLong() ? RoundingMode.CEILING : RoundingMode.FLOOR);
    }
}
