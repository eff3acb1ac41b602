package dev.trader.execution.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trader.domain.order.OrderStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class BinanceOrderTrackerTest {
    @Test
    void anEndedOrderIsNotReopenedByAReportThatCameLate() {
        OrderTracker orders = new OrderTracker();
        orders.sending("tExit", "BTCUSDT", true);
        orders.learn("BTCUSDT", 7, "tExit", OrderStatus.FILLED);
        orders.learn("BTCUSDT", 7, "tExit", OrderStatus.PARTIALLY_FILLED); // the earlier trade's report, overtaken
        assertEquals(OrderStatus.FILLED, orders.get("tExit").orElseThrow().status());
        assertEquals(List.of(), orders.openReduceOnly("BTCUSDT"), "not a resting reduce-only order to cancel");
        orders.learn("BTCUSDT", 7, "tExit", null);
        assertEquals(OrderStatus.FILLED, orders.get("tExit").orElseThrow().status(), "an answer without a status (ACK) changes nothing");

        orders.sending("tOpen", "BTCUSDT", true);
        orders.learn("BTCUSDT", 8, "tOpen", OrderStatus.PARTIALLY_FILLED);
        orders.learn("BTCUSDT", 8, "tOpen", OrderStatus.ACCEPTED);
        assertEquals(List.of("tOpen"), orders.openReduceOnly("BTCUSDT"));
        orders.learn("BTCUSDT", 8, "tOpen", OrderStatus.CANCELLED);
        assertEquals(OrderStatus.CANCELLED, orders.get("tOpen").orElseThrow().status(), "open to ended is always taken");
    }
}
