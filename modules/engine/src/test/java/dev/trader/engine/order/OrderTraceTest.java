package dev.trader.engine.order;

import static dev.trader.engine.testing.Fixtures.marketOrder;
import static dev.trader.engine.testing.Fixtures.minute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import dev.trader.domain.id.ChildOrderIds;
import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.id.TraceId;
import dev.trader.domain.order.OrderRequest;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.OrderSide;
import dev.trader.domain.order.OrderStatus;
import dev.trader.engine.logging.LogScope;
import dev.trader.engine.order.OrderEntity.Command;
import dev.trader.engine.order.OrderEntity.Event;
import dev.trader.engine.order.OrderEntity.OrderRequested;
import dev.trader.engine.order.OrderEntity.Place;
import dev.trader.engine.testing.Fixtures;
import dev.trader.engine.testing.PekkoTestKit;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializer;
import org.apache.pekko.serialization.SerializerWithStringManifest;
import org.apache.pekko.serialization.jackson.JacksonObjectMapperProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * Which decision chain an order's log lines carry: the one its id says (an entry, a child: its
 * parent's), or the one it was handed (a position's exit: the entry's), journaled with the request
 * only in that case and kept across a restart; an order journaled before traces existed replays
 * under the one its id says, and one snapshotted before decodes.
 */
class OrderTraceTest {
    @RegisterExtension
    static final PekkoTestKit PEKKO = new PekkoTestKit();

    private static final ClientOrderId ENTRY = ClientOrderId.derive(Fixtures.EMA_CROSS, Fixtures.BTCUSDT, minute(6), TraceId.SIGNAL_LEG);
    private static final TraceId ENTRY_TRACE = TraceId.ofSignal(Fixtures.EMA_CROSS, Fixtures.BTCUSDT, minute(6));
    private static final ClientOrderId STOP = ClientOrderId.ofKey("paper:binance:BTCUSDT:1|stop|0");
    private static final String POSITION = "paper:binance:BTCUSDT:1";
    private static final Instant NOW = Instant.parse("2026-11-21T09:30:00.123456Z");

    private final Lines lines = new Lines();

    @BeforeEach
    void capture() {
        lines.start();
        ((Logger) LoggerFactory.getLogger(OrderEntity.class)).addAppender(lines);
    }

    @AfterEach
    void release() {
        ((Logger) LoggerFactory.getLogger(OrderEntity.class)).detachAppender(lines);
        lines.stop();
    }

    private EventSourcedBehaviorTestKit<Command, Event, OrderState> order(ClientOrderId id) {
        return PEKKO.eventSourced(OrderEntity.create(id.value(), new FakeExecutionClient(i -> List.of()), Fixtures.tuning(), InstantSource.fixed(NOW)));
    }

    private static OrderState place(EventSourcedBehaviorTestKit<Command, Event, OrderState> kit, OrderRequest request, TraceId handed) {
        TestProbe<OrderState> probe = PEKKO.testKit().createTestProbe();
        kit.runCommand(new Place(request, POSITION, null, handed, probe.ref()));
        return probe.receiveMessage();
    }

    @Test
    void anEntryIsItsOwnTraceAndJournalsNone() {
        var kit = order(ENTRY);
        OrderState placed = place(kit, marketOrder(ENTRY, OrderSide.BUY, "0.04016", minute(6)), ENTRY_TRACE);

        assertEquals(ENTRY_TRACE, placed.trace());
        assertNull(((OrderRequested) PEKKO.journal().persistedInStorage("Order|" + ENTRY.value()).get(0)).traceId(),
                "an entry's request is journaled as it always was");
        assertEquals(List.of("Order|" + ENTRY.value() + " " + ENTRY_TRACE + " order " + ENTRY + " requested",
                "Order|" + ENTRY.value() + " " + ENTRY_TRACE + " order " + ENTRY + " accepted"), lines.starts());
    }

    @Test
    void aChildCarriesItsParentsTrace() {
        ClientOrderId child = ChildOrderIds.of(ENTRY, 3);
        var kit = order(child);
        OrderState placed = place(kit, marketOrder(child, OrderSide.BUY, "0.01", minute(8)), null);

        assertEquals(ENTRY_TRACE, placed.trace());
        assertTrue(lines.starts().stream().allMatch(l -> l.startsWith("Order|" + child.value() + " " + ENTRY_TRACE + " ")), lines.starts().toString());
    }

    @Test
    void anExitHandedItsEntrysTraceJournalsItAndKeepsItAfterARestart() {
        var kit = order(STOP);
        OrderState placed = place(kit, marketOrder(STOP, OrderSide.SELL, "0.04016", minute(9)), ENTRY_TRACE);

        assertEquals(ENTRY_TRACE, placed.trace());
        assertEquals(ENTRY_TRACE.value(), ((OrderRequested) PEKKO.journal().persistedInStorage("Order|" + STOP.value()).get(0)).traceId());
        assertEquals(ENTRY_TRACE, kit.restart().state().trace(), "recovered from the journal");
        assertTrue(lines.starts().stream().allMatch(l -> l.startsWith("Order|" + STOP.value() + " " + ENTRY_TRACE + " ")), lines.starts().toString());
    }

    @Test
    void anOrderJournaledBeforeTracesReplaysUnderTheTraceItsIdSays() {
        var kit = order(STOP);
        kit.initialize(new OrderRequested(marketOrder(STOP, OrderSide.SELL, "0.04016", minute(9)), POSITION));

        assertEquals(TraceId.ofOrder(STOP), kit.getState().trace());
    }

    @Test
    void aSnapshotTakenBeforeTracesStillDecodes() throws Exception {
        OrderState before = new OrderState(marketOrder(STOP, OrderSide.SELL, "0.04016", minute(9)), POSITION, OrderStatus.ACCEPTED, "8401123",
                Quantity.ZERO, List.of(), "", null, NOW, NOW, null, null);
        Serialization serialization = SerializationExtension.get(PEKKO.system());
        Serializer serializer = serialization.findSerializerFor(before);
        String manifest = ((SerializerWithStringManifest) serializer).manifest(before);
        ObjectMapper cbor = JacksonObjectMapperProvider.get(PEKKO.system()).getOrCreate("jackson-cbor", Optional.of(new CBORFactory()));
        ObjectNode tree = (ObjectNode) cbor.readTree(serializer.toBinary(before));
        tree.remove("traceId");

        Object decoded = serialization.deserialize(cbor.writeValueAsBytes(tree), serializer.identifier(), manifest).get();
        assertEquals(before, decoded);
        assertEquals(TraceId.ofOrder(STOP), ((OrderState) decoded).trace());
    }

    /** "entity_id trace_id message-start" of each line, with the MDC read when the line was written (on the actor's thread). */
    private static final class Lines extends AppenderBase<ILoggingEvent> {
        private final List<String> seen = new CopyOnWriteArrayList<>();

        @Override
        protected void append(ILoggingEvent e) {
            Map<String, String> mdc = e.getMDCPropertyMap();
            String[] words = e.getFormattedMessage().replace(":", "").split(" ");
            seen.add(mdc.get(LogScope.ENTITY_ID) + " " + mdc.get(LogScope.TRACE_ID) + " " + words[0] + " " + words[1] + " " + words[2]);
        }

        List<String> starts() {
            return List.copyOf(seen);
        }
    }
}
