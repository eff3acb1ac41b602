package dev.trader.engine.export;

import dev.trader.domain.money.Price;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the journal holds for an export, as rows: every order, every booked fill and every closed round trip (all days),
 * and the bar closes of the days asked for, with each instrument's last close before them.
 */
record JournalFacts(List<OrderRow> orders, List<FillRow> fills, List<TradeRow> trades, Map<String, Price> marksBefore,
                    List<EquityCurve.Close> closes) {
    JournalFacts {
        orders = List.copyOf(orders);
        fills = List.copyOf(fills);
        trades = List.copyOf(trades);
        marksBefore = Map.copyOf(marksBefore);
        closes = List.copyOf(closes);
    }

    /** The first and last day anything happened on (a bar, an order, a fill, a trade's close); empty for an empty journal. */
    Optional<LocalDate[]> span() {
        List<LocalDate> days = Stream.of(
                orders.stream().map(o -> EquityCurve.day(o.decisionTime())),
                fills.stream().map(f -> EquityCurve.day(f.fill().time())),
                trades.stream().map(t -> EquityCurve.day(t.closedAt())),
                closes.stream().map(EquityCurve.Close::day)).flatMap(s -> s).sorted().toList();
        return days.isEmpty() ? Optional.empty() : Optional.of(new LocalDate[] {days.get(0), days.get(days.size() - 1)});
    }
}
