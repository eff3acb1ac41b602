package dev.trader.api;

import dev.trader.api.ExecutionQualityView.InstrumentQuality;
import dev.trader.domain.money.Money;
import dev.trader.domain.order.OrderStatus;
import dev.trader.domain.order.OrderType;
import dev.trader.engine.order.OrderState;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/** The orders' execution quality summed up per instrument: a pure function of their states. */
final class ExecutionQualityReport {
    private ExecutionQualityReport() {
    }

    static ExecutionQualityView of(List<OrderState> orders) {
        Map<String, List<OrderState>> byInstrument = new TreeMap<>();
        for (OrderState o : orders) {
            if (o.exists()) {
                byInstrument.computeIfAbsent(o.request().instrument().value(), k -> new ArrayList<>()).add(o);
            }
        }
        List<InstrumentQuality> instruments = byInstrument.entrySet().stream().map(e -> instrument(e.getKey(), e.getValue())).toList();
        return new ExecutionQualityView(instruments.stream().mapToLong(InstrumentQuality::orders).sum(), instruments);
    }

    private static InstrumentQuality instrument(String instrument, List<OrderState> orders) {
        List<OrderState> filled = orders.stream().filter(o -> !o.fills().isEmpty()).toList();
        // A resting stop or limit waits for the market, not for us: only market orders say how fast a decision is filled.
        List<OrderState> filledMarket = filled.stream().filter(o -> o.request().type() == OrderType.MARKET).toList();
        List<OrderState> complete = filledMarket.stream().filter(o -> o.status() == OrderStatus.FILLED).toList();
        List<Money> slippage = filled.stream().map(OrderState::slippageQuote).filter(Objects::nonNull).toList();
        Money total = slippage.stream().reduce(Money::plus).orElse(null);
        return new InstrumentQuality(instrument, orders.size(), filled.size(), millis(orders, OrderState::decisionToAck),
                millis(filledMarket, OrderState::decisionToFirstFill), millis(complete, OrderState::decisionToLastFill),
                DecimalStats.of(filled.stream().map(OrderState::slippageBps).filter(Objects::nonNull).toList()),
                total == null ? null : total.toBigDecimal().toPlainString(), total == null ? null : total.currency());
    }

    private static DecimalStats millis(List<OrderState> orders, Function<OrderState, Duration> latency) {
        return DecimalStats.of(orders.stream().map(latency).filter(Objects::nonNull).map(Millis::of).toList());
    }
}
