package dev.trader.risk.intrade;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/** The trade after one bar and the events that bar produced, in the order they happened. */
public record Transition(ManagedTrade trade, List<TradeEvent> events) {
    public Transition {
        Objects.requireNonNull(trade, "trade");
        events = List.copyOf(events);
    }

    /** The exit fills among the events. */
    public List<TradeEvent.ExitFill> fills() {
        return events.stream().filter(TradeEvent.ExitFill.class::isInstance).map(TradeEvent.ExitFill.class::cast).toList();
    }

    /** The P&L this bar realized: the sum over its fills, exact. */
    public BigDecimal realizedPnlDelta() {
        return Decimals.canonical(fills().stream().map(TradeEvent.ExitFill::realizedPnl).reduce(BigDecimal.ZERO, BigDecimal::add));
    }
}
