package dev.trader.engine.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.trader.domain.id.TraceId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class LogScopeTest {
    private static final TraceId ENTRY = new TraceId("t00000000000000000000000000000001");
    private static final TraceId EXIT = new TraceId("t00000000000000000000000000000002");

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void theFieldsAreSetInsideAndGoneAfter() {
        LogScope.run("Order|t1", ENTRY, () -> {
            assertEquals("Order|t1", MDC.get(LogScope.ENTITY_ID));
            assertEquals(ENTRY.value(), MDC.get(LogScope.TRACE_ID));
        });
        assertNull(MDC.get(LogScope.ENTITY_ID));
        assertNull(MDC.get(LogScope.TRACE_ID));
    }

    @Test
    void anInnerScopeReplacesTheFieldsAndClosingPutsTheOuterOnesBack() {
        LogScope.run("Account|paper", ENTRY, () -> {
            LogScope.run(EXIT, () -> {
                assertNull(MDC.get(LogScope.ENTITY_ID), "a null entity takes the outer one off: the line is not that entity's");
                assertEquals(EXIT.value(), MDC.get(LogScope.TRACE_ID));
            });
            assertEquals("Account|paper", MDC.get(LogScope.ENTITY_ID));
            assertEquals(ENTRY.value(), MDC.get(LogScope.TRACE_ID));
        });
    }

    @Test
    void theFieldsAreRestoredWhenTheLineThrows() {
        MDC.put(LogScope.TRACE_ID, ENTRY.value());
        try {
            LogScope.run("Position|p", EXIT, () -> {
                throw new IllegalStateException("boom");
            });
        } catch (IllegalStateException expected) {
            // the scope closed on the way out
        }
        assertEquals(ENTRY.value(), MDC.get(LogScope.TRACE_ID));
        assertNull(MDC.get(LogScope.ENTITY_ID));
    }
}
