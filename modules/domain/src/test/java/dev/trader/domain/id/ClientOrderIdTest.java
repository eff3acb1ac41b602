package dev.trader.domain.id;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientOrderIdTest {
    /** Binance's documented rule for newClientOrderId. */
    private static final Pattern BINANCE = Pattern.compile("^[\\.A-Z\\:/a-z0-9_-]{1,36}$");

    private static final StrategyId STRATEGY = new StrategyId("ema-cross");
    private static final InstrumentId BTC = InstrumentId.parse("binance:BTCUSDT");
    private static final Instant T = Instant.ofEpochMilli(1_700_000_000_000L);

    @Test
    void deriveIsDeterministic() {
        assertEquals(ClientOrderId.derive(STRATEGY, BTC, T, 0), ClientOrderId.derive(new StrategyId("ema-cross"),
                InstrumentId.parse("binance:BTCUSDT"), Instant.parse("2023-11-14T22:13:20Z"), 0));
    }

    @Test
    void deriveIsStableAcrossReleases() {
        // SHA-256("ema-cross|binance:BTCUSDT|1700000000000|0"), first 16 bytes, hex, prefixed "t".
        // If this changes, orders in flight across an upgrade would be sent twice.
        assertEquals("t24b1a8e80718b6e952d36b3b82eb89ee", ClientOrderId.derive(STRATEGY, BTC, T, 0).value());
    }

    @Test
    void deriveDiffersPerLegTimeStrategyAndInstrument() {
        Set<ClientOrderId> ids = new HashSet<>();
        ids.add(ClientOrderId.derive(STRATEGY, BTC, T, 0));
        ids.add(ClientOrderId.derive(STRATEGY, BTC, T, 1));
        ids.add(ClientOrderId.derive(STRATEGY, BTC, T.plusMillis(1), 0));
        ids.add(ClientOrderId.derive(STRATEGY, BTC, T.plusSeconds(60), 0));
        ids.add(ClientOrderId.derive(new StrategyId("ema-cross-2"), BTC, T, 0));
        ids.add(ClientOrderId.derive(STRATEGY, InstrumentId.parse("binance:ETHUSDT"), T, 0));
        ids.add(ClientOrderId.derive(STRATEGY, InstrumentId.parse("kraken:BTCUSDT"), T, 0));
        assertEquals(7, ids.size());
    }

    @Test
    void derivedIdsMatchBinanceRule() {
        for (int leg = 0; leg < 50; leg++) {
            String value = ClientOrderId.derive(STRATEGY, BTC, T.plusSeconds(leg * 3600L), leg).value();
            assertTrue(BINANCE.matcher(value).matches(), value);
            assertEquals(33, value.length());
            assertTrue(value.startsWith("t"), value);
        }
    }

    @Test
    void constructorAcceptsEveryCharacterBinanceAllows() {
        String all = ".AZ:/az09_-";
        assertEquals(all, new ClientOrderId(all).value());
        assertEquals("x".repeat(36), new ClientOrderId("x".repeat(36)).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "a|b", "a+b", "ä", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void constructorRejectsWhatBinanceRejects(String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ClientOrderId(value));
        assertTrue(e.getMessage().contains("'" + value + "'"), e.getMessage());
    }

    @Test
    void constructorRejectsNull() {
        assertThrows(IllegalArgumentException.class, () -> new ClientOrderId(null));
    }

    @Test
    void differentIdsAreNotEqual() {
        assertNotEquals(ClientOrderId.derive(STRATEGY, BTC, T, 0), ClientOrderId.derive(STRATEGY, BTC, T, 1));
    }
}
