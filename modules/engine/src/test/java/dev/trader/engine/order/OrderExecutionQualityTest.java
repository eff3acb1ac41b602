package dev.trader.engine.order;

import static dev.trader.engine.testing.Fixtures.fill;
import static dev.trader.engine.testing.Fixtures.marketOrder;
import static dev.trader.engine.testing.Fixtures.minute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.money.Money;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.Fill;
import dev.trader.domain.order.OrderRequest;
import dev.trader.domain.order.OrderSide;
import dev.trader.domain.order.OrderStatus;
import dev.trader.domain.order.OrderType;
import dev.trader.engine.order.OrderEntity.ApplyFill;
import dev.trader.engine.order.OrderEntity.Command;
import dev.trader.engine.order.OrderEntity.Event;
import dev.trader.engine.order.OrderEntity.FillApplied;
import dev.trader.engine.order.OrderEntity.OrderAccepted;
import dev.trader.engine.order.OrderEntity.OrderFilled;
import dev.trader.engine.order.OrderEntity.OrderRequested;
import dev.trader.engine.order.OrderEntity.OrderSubmitted;
import dev.trader.engine.order.OrderEntity.Place;
import dev.trader.engine.testing.Fixtures;
import dev.trader.engine.testing.PekkoTestKit;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.serialization.jackson.JacksonObjectMapperProvider;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.SerializerWithStringManifest;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The order records what its execution quality is computed from: the decision price and the wall-clock
 * instants of its decision, its acknowledgement and its fills. A venue that answers at once and a clock
 * that moves 7 ms per reading make every latency exact.
 */
class OrderExecutionQualityTest {
    @RegisterExtension
    static final PekkoTestKit PEKKO = new PekkoTestKit();

    private static final ClientOrderId ID = ClientOrderId.derive(Fixtures.EMA_CROSS, Fixtures.BTCUSDT, minute(6), 0);
    private static final String POSITION = "paper:binance:BTCUSDT:1";
    private static final OrderRequest BUY = marketOrder(ID, OrderSide.BUY, "0.04016", minute(6));
    private static final Price SIGNAL_PRICE = Price.of("24899.99");
    private static final Instant START = Instant.parse("2026-11-21T09:30:00Z");

    /** Each reading 7 ms after the one before: the order reads it once per thing it measures. */
    private static final class SteppingClock implements InstantSource {
        private final AtomicLong readings = new AtomicLong();

        @Override
        public Instant instant() {
            return START.plusMillis(7 * readings.getAndIncrement());
        }
    }

    private FakeExecutionClient venue;
    private EventSourcedBehaviorTestKit<Command, Event, OrderState> kit;

    @BeforeEach
    void startEntity() {
        venue = new FakeExecutionClient(id -> PEKKO.journal().persistedInStorage("Order|" + id.value()));
        kit = PEKKO.eventSourced(OrderEntity.create(ID.value(), venue, Fixtures.tuning(), new SteppingClock()));
    }

    @AfterEach
    void everyJournaledEventAndTheStateSurviveSerialization() {
        PEKKO.journal().persistedInStorage("Order|" + ID.value()).forEach(PEKKO::verifySerialization);
        PEKKO.verifySerialization(kit.getState());
    }

    private OrderState place(OrderRequest request, Price decisionPrice) {
        TestProbe<OrderState> probe = PEKKO.testKit().createTestProbe();
        kit.runCommand(new Place(request, POSITION, decisionPrice, probe.ref()));
        return probe.receiveMessage();
    }

    private OrderState apply(Fill fill) {
        return kit.<FillApplied>runCommand(r -> new ApplyFill(fill, r)).reply().order();
    }

    private static Fill buyFill(String tradeId, String price, String quantity) {
        return fill(ID, tradeId, OrderSide.BUY, price, quantity, "0", minute(7));
    }

    @Test
    void aPlacedOrderRecordsItsDecisionPriceAckLatencyAndSlippageOverPartialFills() {
        OrderState accepted = place(BUY, SIGNAL_PRICE);

        assertEquals(new OrderRequested(BUY, POSITION, SIGNAL_PRICE, START), PEKKO.journal().persistedInStorage("Order|" + ID.value()).get(0));
        assertEquals(OrderStatus.ACCEPTED, accepted.status());
        assertEquals(SIGNAL_PRICE, accepted.decisionPrice());
        assertEquals(Duration.ofMillis(7), accepted.decisionToAck(), "the venue's answer is the clock's next reading");
        assertNull(accepted.decisionToFirstFill(), "nothing filled yet");
        assertNull(accepted.slippageBps());
        assertNull(accepted.averageFillPrice());

        OrderState part = apply(buyFill("3069712240", "24901.37", "0.01"));
        assertEquals(Duration.ofMillis(14), part.decisionToFirstFill());
        assertEquals(Duration.ofMillis(14), part.decisionToLastFill());
        assertEquals(Price.of("24901.37"), part.averageFillPrice());
        // (24901.37 − 24899.99) / 24899.99 × 10000 = 0.5542169...
        assertEquals(new BigDecimal("0.554217"), part.slippageBps());

        OrderState filled = apply(buyFill("3069712241", "24901.40", "0.03016"));
        assertEquals(OrderStatus.FILLED, filled.status());
        assertEquals(Duration.ofMillis(7), filled.decisionToAck());
        assertEquals(Duration.ofMillis(14), filled.decisionToFirstFill());
        assertEquals(Duration.ofMillis(21), filled.decisionToLastFill(), "the completing fill");
        // notional 249.0137 + 751.026224 = 1000.039924 over 0.04016; against 24899.99 × 0.04016 = 999.9835984
        assertEquals(Price.of("24901.3925298805"), filled.averageFillPrice());
        assertEquals(Money.of("0.0563256", "USDT"), filled.slippageQuote(), "a buy above its decision price: positive, worse for us");
        assertEquals(new BigDecimal("0.563265"), filled.slippageBps());

        assertEquals(filled, kit.restart().state(), "every figure comes back from the journal");
    }

    @Test
    void aSellFilledBelowItsStopIsMeasuredAgainstTheTriggerNotTheMarketPriceGiven() {
        OrderRequest stop = new OrderRequest(ID, Fixtures.EMA_CROSS, Fixtures.BTCUSDT, OrderSide.SELL, OrderType.STOP_MARKET, Quantity.of("0.01"),
                Price.of("24800"), minute(6), true);
        OrderState placed = place(stop, SIGNAL_PRICE);
        assertEquals(Price.of("24800"), placed.decisionPrice(), "a stop's decision price is its trigger");

        OrderState filled = apply(fill(ID, "3069712250", OrderSide.SELL, "24790", "0.01", "0", minute(9)));
        assertEquals(Money.of("0.1", "USDT"), filled.slippageQuote(), "10 below the trigger × 0.01");
        assertEquals(new BigDecimal("4.032258"), filled.slippageBps(), "10 / 24800 × 10000");
    }

    @Test
    void aFillArrivingBeforeTheAcceptanceIsTheAcknowledgement() {
        kit.initialize(new OrderRequested(BUY, POSITION, SIGNAL_PRICE, START.minusMillis(30)));

        OrderState filled = apply(buyFill("3069712240", "24899.99", "0.04016"));

        assertEquals(Duration.ofMillis(30), filled.decisionToAck(), "the fill proved the venue had it");
        assertEquals(Duration.ofMillis(30), filled.decisionToFirstFill());
        assertEquals(0, filled.slippageBps().signum(), "filled at the decision price");
    }

    @Test
    void anOrderFromAJournalWrittenBeforeTheMeasurementsHasNoFiguresButItsFills() {
        Fill all = buyFill("3069712240", "24901.37", "0.04016");
        kit.initialize(new OrderRequested(BUY, POSITION), new OrderSubmitted(ID.value()), new OrderAccepted("8401123"),
                new OrderFilled(all, OrderStatus.FILLED));

        OrderState old = kit.getState();
        assertEquals(OrderStatus.FILLED, old.status());
        assertNull(old.decisionPrice());
        assertNull(old.decisionToAck());
        assertNull(old.decisionToLastFill());
        assertNull(old.slippageBps());
        assertNull(old.slippageQuote());
        assertEquals(Price.of("24901.37"), old.averageFillPrice());
    }

    @Test
    void eventsJournaledWithoutTheNewFieldsStillDecode() throws Exception {
        Serialization serialization = SerializationExtension.get(PEKKO.system());
        ObjectMapper cbor = JacksonObjectMapperProvider.get(PEKKO.system()).getOrCreate("jackson-cbor", Optional.of(new CBORFactory()));
        Fill all = buyFill("3069712240", "24901.37", "0.04016");
        List<Event> current = List.of(new OrderRequested(BUY, POSITION, SIGNAL_PRICE, START), new OrderAccepted("8401123", null, START),
                new OrderFilled(all, OrderStatus.FILLED, START));
        List<Event> before = List.of(new OrderRequested(BUY, POSITION), new OrderAccepted("8401123"), new OrderFilled(all, OrderStatus.FILLED));
        List<List<String>> added = List.of(List.of("decisionPrice", "decidedAt", "traceId"), List.of("ackedAt"), List.of("arrivedAt"));
        for (int i = 0; i < current.size(); i++) {
            Event event = current.get(i);
            Serializer serializer = serialization.findSerializerFor(event);
            String manifest = ((SerializerWithStringManifest) serializer).manifest(event);
            // the bytes an older build wrote: the same event without the fields added since
            ObjectNode tree = (ObjectNode) cbor.readTree(serializer.toBinary(event));
            added.get(i).forEach(tree::remove);
            byte[] old = cbor.writeValueAsBytes(tree);

            Object decoded = serialization.deserialize(old, serializer.identifier(), manifest).get();
            assertEquals(before.get(i), decoded, event.getClass().getSimpleName());
        }
    }
}
