package dev.trader.backtest;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.OrderSide;
import dev.trader.domain.order.OrderType;
import java.util.Objects;

/**
 * An order working at the {@link SimulatedExchange}. Read-only to callers; the exchange fills and
 * cancels it. An entry may carry a protective stop and a take-profit: they are placed as the
 * entry fills, for the filled quantity, as a one-cancels-the-other pair (a fill of one reduces
 * the other by as much, so both always cover what is left of the position).
 */
public final class SimOrder {
    private final long id;
    private final InstrumentId instrument;
    private final OrderSide side;
    private final OrderType type;
    private final OrderRole role;
    private final Price price;
    private final Price attachedStop;
    private final Price attachedTarget;
    private Quantity quantity;
    private Quantity filled = Quantity.ZERO;
    private Quantity remaining;
    private boolean working = true;
    boolean triggered;
    /** Placed while the exchange was working through a bar's range (see {@link SimulatedExchange}). */
    boolean bornInRange;
    SimOrder stopChild;
    SimOrder targetChild;
    SimOrder ocoPartner;

    SimOrder(long id, InstrumentId instrument, OrderSide side, OrderType type, OrderRole role, Quantity quantity, Price price,
             Price attachedStop, Price attachedTarget) {
        this.id = id;
        this.instrument = Objects.requireNonNull(instrument, "instrument");
        this.side = Objects.requireNonNull(side, "side");
        this.type = Objects.requireNonNull(type, "type");
        this.role = Objects.requireNonNull(role, "role");
        this.quantity = Objects.requireNonNull(quantity, "quantity");
        if (quantity.isZero()) {
            throw new IllegalArgumentException("an order needs a positive quantity");
        }
        if ((type == OrderType.MARKET) != (price == null)) {
            throw new IllegalArgumentException(type + " order " + (price == null ? "needs a price" : "takes no price"));
        }
        this.price = price;
        this.attachedStop = attachedStop;
        this.attachedTarget = attachedTarget;
        this.remaining = quantity;
    }

    public long id() {
        return id;
    }

    public InstrumentId instrument() {
        return instrument;
    }

    public OrderSide side() {
        return side;
    }

    public OrderType type() {
        return type;
    }

    public OrderRole role() {
        return role;
    }

    /** The limit or stop price; null for a market order. */
    public Price price() {
        return price;
    }

    public Quantity quantity() {
        return quantity;
    }

    public Quantity filled() {
        return filled;
    }

    public Quantity remaining() {
        return remaining;
    }

    /** Still able to fill: neither completely filled nor cancelled. */
    public boolean isWorking() {
        return working;
    }

    /** A stop whose price was reached; what is left of it fills at the next open. */
    public boolean isTriggered() {
        return triggered;
    }

    /** The protective stop this entry places as it fills; null for none. */
    public Price attachedStop() {
        return attachedStop;
    }

    /** The take-profit this entry places as it fills; null for none. */
    public Price attachedTarget() {
        return attachedTarget;
    }

    /** The protective stop placed for this entry so far, or null. */
    public SimOrder stopChild() {
        return stopChild;
    }

    /** The take-profit placed for this entry so far, or null. */
    public SimOrder targetChild() {
        return targetChild;
    }

    void fill(Quantity amount) {
        filled = filled.plus(amount);
        remaining = remaining.minus(amount);
        if (remaining.isZero()) {
            working = false;
        }
    }

    void grow(Quantity amount) {
        quantity = quantity.plus(amount);
        remaining = remaining.plus(amount);
    }

    /** Takes {@code amount} off what is left (an OCO partner filled); done when nothing is left. */
    void reduce(Quantity amount) {
        Quantity cut = remaining.min(amount);
        quantity = quantity.minus(cut);
        remaining = remaining.minus(cut);
        if (remaining.isZero()) {
            working = false;
        }
    }

    void cancel() {
        working = false;
    }

    @Override
    public String toString() {
        return "SimOrder[" + id + " " + instrument + " " + role + " " + side + " " + type + (price == null ? "" : " @" + price)
                + " qty=" + quantity + " filled=" + filled + (working ? " working" : " done") + (triggered ? " triggered" : "") + "]";
    }
}
