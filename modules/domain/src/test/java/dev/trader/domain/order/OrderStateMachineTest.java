package dev.trader.domain.order;

import static dev.trader.domain.order.OrderStatus.ACCEPTED;
import static dev.trader.domain.order.OrderStatus.CANCELLED;
import static dev.trader.domain.order.OrderStatus.EXPIRED;
import static dev.trader.domain.order.OrderStatus.FILLED;
import static dev.trader.domain.order.OrderStatus.NEW;
import static dev.trader.domain.order.OrderStatus.PARTIALLY_FILLED;
import static dev.trader.domain.order.OrderStatus.REJECTED;
import static dev.trader.domain.order.OrderStatus.SUBMITTED;
import static dev.trader.domain.order.OrderStatus.UNKNOWN;
import static dev.trader.domain.order.OrderTransition.ACCEPT;
import static dev.trader.domain.order.OrderTransition.CANCEL;
import static dev.trader.domain.order.OrderTransition.EXPIRE;
import static dev.trader.domain.order.OrderTransition.FILL;
import static dev.trader.domain.order.OrderTransition.MARK_UNKNOWN;
import static dev.trader.domain.order.OrderTransition.PARTIAL_FILL;
import static dev.trader.domain.order.OrderTransition.REJECT;
import static dev.trader.domain.order.OrderTransition.SUBMIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OrderStateMachineTest {
    /** The documented lifecycle, written out independently of the implementation's table. */
    private static final Map<OrderStatus, Map<OrderTransition, OrderStatus>> EXPECTED = new EnumMap<>(OrderStatus.class);

    static {
        expect(NEW, SUBMIT, SUBMITTED);
        expect(NEW, REJECT, REJECTED);
        expect(NEW, CANCEL, CANCELLED);

        expect(SUBMITTED, ACCEPT, ACCEPTED);
        expect(SUBMITTED, PARTIAL_FILL, PARTIALLY_FILLED);
        expect(SUBMITTED, FILL, FILLED);
        expect(SUBMITTED, CANCEL, CANCELLED);
        expect(SUBMITTED, REJECT, REJECTED);
        expect(SUBMITTED, EXPIRE, EXPIRED);
        expect(SUBMITTED, MARK_UNKNOWN, UNKNOWN);

        expect(ACCEPTED, PARTIAL_FILL, PARTIALLY_FILLED);
        expect(ACCEPTED, FILL, FILLED);
        expect(ACCEPTED, CANCEL, CANCELLED);
        expect(ACCEPTED, EXPIRE, EXPIRED);
        expect(ACCEPTED, MARK_UNKNOWN, UNKNOWN);

        expect(PARTIALLY_FILLED, PARTIAL_FILL, PARTIALLY_FILLED);
        expect(PARTIALLY_FILLED, FILL, FILLED);
        expect(PARTIALLY_FILLED, CANCEL, CANCELLED);
        expect(PARTIALLY_FILLED, EXPIRE, EXPIRED);
        expect(PARTIALLY_FILLED, MARK_UNKNOWN, UNKNOWN);

        expect(UNKNOWN, SUBMIT, SUBMITTED);
        expect(UNKNOWN, ACCEPT, ACCEPTED);
        expect(UNKNOWN, PARTIAL_FILL, PARTIALLY_FILLED);
        expect(UNKNOWN, FILL, FILLED);
        expect(UNKNOWN, CANCEL, CANCELLED);
        expect(UNKNOWN, REJECT, REJECTED);
        expect(UNKNOWN, EXPIRE, EXPIRED);
    }

    private static void expect(OrderStatus from, OrderTransition transition, OrderStatus to) {
        EXPECTED.computeIfAbsent(from, k -> new EnumMap<>(OrderTransition.class)).put(transition, to);
    }

    private static Optional<OrderStatus> expected(OrderStatus from, OrderTransition transition) {
        return Optional.ofNullable(EXPECTED.getOrDefault(from, Map.of()).get(transition));
    }

    static Stream<Arguments> everyStatusAndTransition() {
        List<Arguments> pairs = new ArrayList<>();
        for (OrderStatus s : OrderStatus.values()) {
            for (OrderTransition t : OrderTransition.values()) {
                pairs.add(Arguments.of(s, t));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} --{1}-->")
    @MethodSource("everyStatusAndTransition")
    void everyPairMapsToTheDocumentedStateOrIsRejected(OrderStatus from, OrderTransition transition) {
        Optional<OrderStatus> expected = expected(from, transition);
        assertEquals(expected, OrderStateMachine.next(from, transition));
        if (expected.isPresent()) {
            assertEquals(expected.get(), OrderStateMachine.require(from, transition));
        } else {
            IllegalOrderTransitionException e = assertThrows(IllegalOrderTransitionException.class,
                    () -> OrderStateMachine.require(from, transition));
            assertEquals("order in state " + from + " cannot " + transition, e.getMessage());
        }
    }

    @Test
    void tableCoversExactlyTwentySevenAllowedTransitions() {
        int allowed = 0;
        for (OrderStatus s : OrderStatus.values()) {
            for (OrderTransition t : OrderTransition.values()) {
                if (OrderStateMachine.next(s, t).isPresent()) {
                    allowed++;
                }
            }
        }
        assertEquals(27, allowed);
    }

    @Test
    void terminalStatesAcceptNothing() {
        for (OrderStatus s : List.of(FILLED, CANCELLED, REJECTED, EXPIRED)) {
            assertTrue(s.isTerminal(), s.name());
            for (OrderTransition t : OrderTransition.values()) {
                assertEquals(Optional.empty(), OrderStateMachine.next(s, t), s + " " + t);
                assertThrows(IllegalOrderTransitionException.class, () -> OrderStateMachine.require(s, t));
            }
        }
    }

    @Test
    void everyOpenStateHasAWayToATerminalState() {
        for (OrderStatus s : OrderStatus.values()) {
            if (s.isOpen()) {
                assertFalse(s.isTerminal());
                boolean reachesTerminal = false;
                for (OrderTransition t : OrderTransition.values()) {
                    reachesTerminal |= OrderStateMachine.next(s, t).map(OrderStatus::isTerminal).orElse(false);
                }
                assertTrue(reachesTerminal, s.name());
            }
        }
    }

    @Test
    void filledNeverGoesBackToPartiallyFilled() {
        assertThrows(IllegalOrderTransitionException.class, () -> OrderStateMachine.require(FILLED, PARTIAL_FILL));
        assertThrows(IllegalOrderTransitionException.class, () -> OrderStateMachine.require(FILLED, FILL));
    }

    @Test
    void lateAcceptAfterPartialFillIsRejected() {
        assertThrows(IllegalOrderTransitionException.class, () -> OrderStateMachine.require(PARTIALLY_FILLED, ACCEPT));
        assertThrows(IllegalOrderTransitionException.class, () -> OrderStateMachine.require(PARTIALLY_FILLED, SUBMIT));
    }

    @Test
    void venueRejectAfterAcceptanceIsRejected() {
        assertThrows(IllegalOrderTransitionException.class, () -> OrderStateMachine.require(ACCEPTED, REJECT));
        assertThrows(IllegalOrderTransitionException.class, () -> OrderStateMachine.require(PARTIALLY_FILLED, REJECT));
    }

    @Test
    void unsentOrderCannotBeUnknownOrFilled() {
        assertThrows(IllegalOrderTransitionException.class, () -> OrderStateMachine.require(NEW, MARK_UNKNOWN));
        assertThrows(IllegalOrderTransitionException.class, () -> OrderStateMachine.require(NEW, FILL));
        assertThrows(IllegalOrderTransitionException.class, () -> OrderStateMachine.require(NEW, ACCEPT));
    }

    @Test
    void unknownOrderIsResubmittedUnderTheSameLifecycle() {
        OrderStatus s = NEW;
        for (OrderTransition t : List.of(SUBMIT, MARK_UNKNOWN, SUBMIT, ACCEPT, PARTIAL_FILL, PARTIAL_FILL, FILL)) {
            s = OrderStateMachine.require(s, t);
        }
        assertEquals(FILLED, s);
    }

    @Test
    void illegalTransitionIsAnIllegalStateException() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> OrderStateMachine.require(CANCELLED, FILL));
        assertEquals("order in state CANCELLED cannot FILL", e.getMessage());
    }
}
