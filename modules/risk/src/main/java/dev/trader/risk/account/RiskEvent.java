package dev.trader.risk.account;

import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.id.StrategyId;
import dev.trader.domain.money.Money;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.Fill;
import dev.trader.domain.order.OrderSide;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What changes an {@link AccountRisk}. Events carry event time (a bar's or a fill's time),
 * never the wall clock; {@link AccountRisk#apply} is a pure function of the state and the event,
 * so replaying the journal rebuilds the same state. The decisions of {@code PreTradeRisk} come
 * with the events the engine must persist and apply.
 */
public sealed interface RiskEvent {
    Instant time();

    /** The trading day changed (local midnight in the prop firm's zone passed): the day-start balance is the balance now. */
    record DayRolled(Instant time, LocalDate day) implements RiskEvent {
        public DayRolled {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(day, "day");
        }
    }

    /** A new price for an instrument (a bar close): floating P&L is marked to it. */
    record Marked(Instant time, InstrumentId instrument, Price mark) implements RiskEvent {
        public Marked {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(instrument, "instrument");
            Objects.requireNonNull(mark, "mark");
        }
    }

    /**
     * One execution. A fill against an open position reduces it (and books P&L); otherwise it
     * opens or adds, with {@code stop} the protective stop of the order (null for exits). A
     * fill of a pending entry also consumes its reservation.
     */
    record Filled(Instant time, ClientOrderId orderId, StrategyId strategy, InstrumentId instrument, OrderSide side, Price price,
                  Quantity quantity, Money fee, Price stop) implements RiskEvent {
        public Filled {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(strategy, "strategy");
            Objects.requireNonNull(instrument, "instrument");
            Objects.requireNonNull(side, "side");
            Objects.requireNonNull(price, "price");
            Objects.requireNonNull(fee, "fee");
            if (quantity.isZero()) {
                throw new IllegalArgumentException("a fill needs a quantity");
            }
        }

        /** From the domain's fill; {@code stop} is the protective stop of the order (null for an exit). */
        public static Filled of(Fill fill, StrategyId strategy, Price stop) {
            return new Filled(fill.time(), fill.clientOrderId(), strategy, fill.instrument(), fill.side(), fill.price(), fill.quantity(),
                    fill.fee(), stop);
        }
    }

    /** An order is done (filled, cancelled, rejected, expired): whatever it still reserved is released. */
    record OrderClosed(Instant time, ClientOrderId orderId) implements RiskEvent {
        public OrderClosed {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(orderId, "orderId");
        }
    }

    /** The in-trade manager moved a position's stop. */
    record StopMoved(Instant time, InstrumentId instrument, Price stop) implements RiskEvent {
        public StopMoved {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(instrument, "instrument");
            Objects.requireNonNull(stop, "stop");
        }
    }

    /** The kill switch, globally ({@code strategy} null) or for one strategy. */
    record KillSwitchSet(Instant time, StrategyId strategy, boolean on, String reason) implements RiskEvent {
        public KillSwitchSet {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** An order attempt the kill switch stopped; {@code scope} is "global" or the strategy id. */
    record AttemptBlocked(Instant time, String scope) implements RiskEvent {
        public AttemptBlocked {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(scope, "scope");
        }
    }

    /** The trader's self-reported state, 1 (worst) to 5 (best), for the mental governor. */
    record SelfReported(Instant time, int state) implements RiskEvent {
        public SelfReported {
            Objects.requireNonNull(time, "time");
            if (state < 1 || state > 5) {
                throw new IllegalArgumentException("self-reported state must be within 1..5 but was " + state);
            }
        }
    }

    /**
     * An entry intent was decided: it counts as a signal of {@code tier}; if approved it counts
     * as an order and reserves {@code quantity} at {@code price} with {@code stop} until it fills
     * or closes. {@code rule} is the rejecting rule, null when approved.
     */
    record IntentDecided(Instant time, StrategyId strategy, String tier, ClientOrderId orderId, InstrumentId instrument, OrderSide side,
                         boolean approved, Quantity quantity, Price price, Price stop, String rule) implements RiskEvent {
        public IntentDecided {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(strategy, "strategy");
            Objects.requireNonNull(tier, "tier");
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(instrument, "instrument");
            Objects.requireNonNull(side, "side");
            if (approved && (quantity == null || quantity.isZero() || price == null)) {
                throw new IllegalArgumentException("an approved intent needs a quantity and a price");
            }
        }
    }

    /** A time lock on new entries (the daily drawdown lock) until {@code until}. */
    record LockEngaged(Instant time, String rule, Instant until, Map<String, String> inputs) implements RiskEvent {
        public LockEngaged {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(until, "until");
            inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        }
    }

    /** A floor was reached: new entries stop, until the next trading day or until cleared. */
    record Halted(Instant time, String rule, boolean untilNextDay, Map<String, String> inputs) implements RiskEvent {
        public Halted {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(rule, "rule");
            inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        }
    }

    /** Every open position is to be closed at market (the engine sends the reduce-only orders). */
    record FlattenRequested(Instant time, String rule) implements RiskEvent {
        public FlattenRequested {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(rule, "rule");
        }
    }

    /** An operator lifted a halt. */
    record HaltCleared(Instant time, String reason) implements RiskEvent {
        public HaltCleared {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
