package dev.trader.domain.id;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ChildOrderIdsTest {
    /** The range Binance's error -1100 states for newClientOrderId (narrower than its documented one), which the exchange simulator applies. */
    private static final Pattern BINANCE = Pattern.compile("^[a-zA-Z0-9-_]{1,36}$");
    private static final ClientOrderId PARENT = ClientOrderId.derive(new StrategyId("ema-cross"), InstrumentId.parse("binance:BTCUSDT"),
            Instant.ofEpochMilli(1_700_000_000_000L), 0);

    @Test
    void childIdsAreTheParentAndTwoBase36DigitsWithinBinancesLimit() {
        assertEquals("t24b1a8e80718b6e952d36b3b82eb89ee-01", ChildOrderIds.of(PARENT, 1).value());
        assertEquals("t24b1a8e80718b6e952d36b3b82eb89ee-0a", ChildOrderIds.of(PARENT, 10).value());
        assertEquals("t24b1a8e80718b6e952d36b3b82eb89ee-zz", ChildOrderIds.of(PARENT, ChildOrderIds.MAX_CHILDREN).value());
        Set<String> all = new HashSet<>();
        for (int seq = 1; seq <= ChildOrderIds.MAX_CHILDREN; seq++) {
            ClientOrderId child = ChildOrderIds.of(PARENT, seq);
            assertTrue(BINANCE.matcher(child.value()).matches(), child.value());
            assertEquals(Optional.of(PARENT), ChildOrderIds.parentOf(child));
            assertEquals(seq, ChildOrderIds.seqOf(child));
            all.add(child.value());
        }
        assertEquals(ChildOrderIds.MAX_CHILDREN, all.size(), "every child has its own id");
    }

    @Test
    void derivedAndKeyedIdsAreNeverTakenForChildren() {
        assertEquals(Optional.empty(), ChildOrderIds.parentOf(PARENT));
        assertEquals(Optional.empty(), ChildOrderIds.parentOf(ClientOrderId.ofKey("paper:binance:BTCUSDT:1|stop|0")));
        assertEquals(Optional.empty(), ChildOrderIds.parentOf(new ClientOrderId(PARENT.value() + "-00")), "sequence 0 is never a child's");
        assertEquals(Optional.empty(), ChildOrderIds.parentOf(new ClientOrderId("ab-01")), "only a derived id has children");
        assertEquals(Optional.empty(), ChildOrderIds.parentOf(new ClientOrderId(PARENT.value() + ".01")));
        assertEquals(0, ChildOrderIds.seqOf(PARENT));
    }

    @Test
    void aParentThatCannotCarryChildrenOrASequenceOutOfRangeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ChildOrderIds.of(PARENT, 0));
        assertThrows(IllegalArgumentException.class, () -> ChildOrderIds.of(PARENT, ChildOrderIds.MAX_CHILDREN + 1));
        assertThrows(IllegalArgumentException.class, () -> ChildOrderIds.of(new ClientOrderId("o-1"), 1), "not a derived id");
        assertThrows(IllegalArgumentException.class, () -> ChildOrderIds.of(ChildOrderIds.of(PARENT, 1), 1), "no grandchildren");
    }
}
