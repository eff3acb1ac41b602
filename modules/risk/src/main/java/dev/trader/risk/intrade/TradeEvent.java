package dev.trader.risk.intrade;

import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What one bar did to a managed trade, in the order it happened. Each {@link ExitFill} is one
 * (modelled) fill of the exit side and carries its exact realized P&L,
 * {@code (price − entry) × quantity} for a long and {@code (entry − price) × quantity} for a
 * short, unrounded, in the quote currency: summed over a trade they equal
 * {@link PositionClosed#totalRealizedPnl()} and {@link ManagedTrade#realizedPnl()} exactly.
 */
public sealed interface TradeEvent {

    /** A fill that reduces the trade. */
    sealed interface ExitFill extends TradeEvent {
        Quantity quantity();

        Price price();

        BigDecimal realizedPnl();
    }

    /** The stop tightened at a bar's close; {@code to} is in force from the next bar. */
    record StopMoved(Price from, Price to, StopReason reason) implements TradeEvent {
        public StopMoved {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** A scale-out rung filled. */
    record ScaledOut(Quantity quantity, Price price, BigDecimal realizedPnl) implements ExitFill {
        public ScaledOut {
            realizedPnl = checkFill(quantity, price, realizedPnl);
        }
    }

    /** The stop filled: at the stop price, or at the open when the bar gapped through it. */
    record StopHit(Quantity quantity, Price price, BigDecimal realizedPnl) implements ExitFill {
        public StopHit {
            realizedPnl = checkFill(quantity, price, realizedPnl);
        }
    }

    /** The final target filled everything still open. */
    record TargetHit(Quantity quantity, Price price, BigDecimal realizedPnl) implements ExitFill {
        public TargetHit {
            realizedPnl = checkFill(quantity, price, realizedPnl);
        }
    }

    /** The time stop closed everything still open at the bar's close. */
    record TimeExit(Quantity quantity, Price price, BigDecimal realizedPnl) implements ExitFill {
        public TimeExit {
            realizedPnl = checkFill(quantity, price, realizedPnl);
        }
    }

    /** An opposite signal closed everything still open at the bar's close. */
    record OppositeSignalExit(Quantity quantity, Price price, BigDecimal realizedPnl) implements ExitFill {
        public OppositeSignalExit {
            realizedPnl = checkFill(quantity, price, realizedPnl);
        }
    }

    /** An exit the manager did not place (a strategy's exit, a flatten) reduced the trade. */
    record OtherExit(Quantity quantity, Price price, BigDecimal realizedPnl) implements ExitFill {
        public OtherExit {
            realizedPnl = checkFill(quantity, price, realizedPnl);
        }
    }

    /**
     * The time stop or an opposite signal at a bar's close asks for a market exit of everything
     * open. Where orders rest at a venue, the exit fills on the next bar and is booked as its
     * {@link TimeExit} or {@link OppositeSignalExit} then.
     */
    record ExitRequested(ExitKind kind) implements TradeEvent {
        public ExitRequested {
            if (kind != ExitKind.TIME && kind != ExitKind.OPPOSITE_SIGNAL) {
                throw new IllegalArgumentException("only a time or signal exit is requested at the close, not " + kind);
            }
        }
    }

    /** Nothing is open any more; the trade's realized P&L over all its exit fills. */
    record PositionClosed(BigDecimal totalRealizedPnl) implements TradeEvent {
        public PositionClosed {
            totalRealizedPnl = Decimals.canonical(Objects.requireNonNull(totalRealizedPnl, "totalRealizedPnl"));
        }
    }

    private static BigDecimal checkFill(Quantity quantity, Price price, BigDecimal realizedPnl) {
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(realizedPnl, "realizedPnl");
        if (quantity.isZero()) {
            throw new IllegalArgumentException("an exit fill has a positive quantity");
        }
        if (!price.isPositive()) {
            throw new IllegalArgumentException("an exit fill has a positive price but was " + price);
        }
        return Decimals.canonical(realizedPnl);
    }
}
