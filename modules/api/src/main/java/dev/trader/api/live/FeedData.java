package dev.trader.api.live;

import dev.trader.domain.market.Bar;
import dev.trader.domain.money.Price;
import dev.trader.domain.order.Fill;
import dev.trader.domain.order.OrderRequest;
import dev.trader.domain.signal.Signal;
import dev.trader.engine.account.IntentDecision;
import dev.trader.engine.alert.Alert;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code data} of each message: amounts and prices as exact decimal strings, times as ISO
 * instants (market facts in event time: a bar's open, a signal's bar close, a fill's trade time).
 * Maps are sorted, so one event always renders to the same bytes.
 */
final class FeedData {
    private FeedData() {
    }

    record BarData(String instrument, String timeframe, String openTime, String closeTime, String open, String high, String low, String close,
                   String volume) {
        static BarData of(Bar b) {
            return new BarData(b.instrument().value(), b.timeframe().label(), b.openTime().toString(), b.closeTime().toString(), b.open().toString(),
                    b.high().toString(), b.low().toString(), b.close().toString(), b.volume().toString());
        }
    }

    record SignalData(String strategy, String instrument, String timeframe, String time, String direction, double confidence, String price,
                      String reason, Map<String, String> metadata) {
        static SignalData of(Signal s) {
            return new SignalData(s.strategy().value(), s.instrument().value(), s.timeframe().label(), s.time().toString(), s.direction().name(),
                    s.confidence(), s.price().toString(), s.reason(), new TreeMap<>(s.metadata()));
        }
    }

    /** An intent the account refused: {@code guard_reject} or {@code constraint_violation}. */
    record DecisionData(String clientOrderId, String strategy, String instrument, String decisionTime, String rule, String reason,
                        Map<String, String> inputs) {
        static DecisionData of(IntentDecision d, String strategy) {
            return new DecisionData(d.clientOrderId(), strategy, d.instrument(), text(d.decisionTime()), d.rule(), d.reason(), new TreeMap<>(d.inputs()));
        }
    }

    /** An order journaled before it goes to the venue ({@code order_submitted}). */
    record OrderSubmittedData(String clientOrderId, String strategy, String instrument, String side, String orderType, String quantity, String price,
                              boolean reduceOnly, String decisionPrice, String decisionTime, String positionId) {
        static OrderSubmittedData of(OrderRequest r, String positionId, Price decisionPrice) {
            return new OrderSubmittedData(r.clientOrderId().value(), r.strategy().value(), r.instrument().value(), r.side().name(), r.type().name(),
                    r.quantity().toString(), text(r.limitPrice()), r.reduceOnly(), text(decisionPrice), r.decisionTime().toString(), positionId);
        }
    }

    /** A step of an order's life after it was requested ({@code order}). */
    record OrderData(String clientOrderId, String strategy, String instrument, String status, String venueOrderId, String quantity, String reason) {
    }

    record FillData(String clientOrderId, String strategy, String tradeId, String instrument, String side, String price, String quantity, String fee,
                    String feeCurrency, String time, String orderStatus) {
        static FillData of(Fill f, String strategy, String orderStatus) {
            return new FillData(f.clientOrderId().value(), strategy, f.tradeId().value(), f.instrument().value(), f.side().name(), f.price().toString(),
                    f.quantity().toString(), f.fee().toBigDecimal().toPlainString(), f.fee().currency(), f.time().toString(), orderStatus);
        }
    }

    /** A position as its entity holds it when the message is made ({@code event}: what last happened to it). */
    record PositionData(String positionId, String strategy, String instrument, String event, String side, String quantity, String averagePrice,
                        String realizedPnl, String fees, String stop) {
    }

    /** An alert that fired or cleared (wall-clock times: alerts are about the running node). */
    record AlertData(String state, String alert, String severity, String subject, String message, String since, String resolvedAt) {
        static AlertData of(Alert a) {
            return new AlertData(a.active() ? "fired" : "resolved", a.kind().id(), a.kind().severity().name().toLowerCase(Locale.ROOT), a.subject(),
                    a.message(), a.since().toString(), text(a.resolvedAt()));
        }
    }

    /** The answer to a valid auth message. */
    record WelcomeData(String key, String role, String account, List<String> strategies) {
    }

    /** Everything up to the message's seq has been sent (the replay or the latest state); what follows is live. */
    record LiveData(Long from) {
    }

    /** Messages dropped because the client read too slowly; resubscribing from {@code resubscribeFrom} gets them from the journal. */
    record LaggedData(long dropped, long resubscribeFrom) {
    }

    static String text(Object o) {
        return o == null ? null : o.toString();
    }
}
