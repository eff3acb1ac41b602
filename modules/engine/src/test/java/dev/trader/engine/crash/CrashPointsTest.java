package dev.trader.engine.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.order.OrderType;
import org.junit.jupiter.api.Test;

class CrashPointsTest {
    @Test
    void aSpecNamesThePointTheOptionalOrderTypeAndTheCount() {
        var armed = CrashPoints.parse("order-journaled-not-sent:LIMIT:3");
        assertEquals(CrashPoints.Point.ORDER_JOURNALED_NOT_SENT, armed.point());
        assertEquals(OrderType.LIMIT, armed.type());
        assertEquals(3, armed.nth());
        var any = CrashPoints.parse("fill-arrived-not-journaled:1");
        assertNull(any.type());
        assertNull(CrashPoints.parse(""));
    }

    @Test
    void aBadSpecIsRefusedNamingTheVariableAndThePoints() {
        var e = assertThrows(IllegalArgumentException.class, () -> CrashPoints.parse("after-lunch:1"));
        assertTrue(e.getMessage().contains("TRADER_CRASH_AT") && e.getMessage().contains("sent-answer-not-journaled"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CrashPoints.parse("order-journaled-not-sent:0"));
        assertThrows(IllegalArgumentException.class, () -> CrashPoints.parse("order-journaled-not-sent:LIMIT:1:2"));
    }
}
