package dev.trader.domain.money;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.function.Executable;

/** Fixed-point overflow must fail loudly: either an ArithmeticException or an IllegalArgumentException. */
final class OverflowAssertions {
    private OverflowAssertions() {
    }

    static void assertOverflowThrows(Executable executable) {
        RuntimeException e = assertThrows(RuntimeException.class, executable);
        assertTrue(e instanceof ArithmeticException || e instanceof IllegalArgumentException,
                () -> "overflow should throw ArithmeticException or IllegalArgumentException but threw " + e);
    }
}
