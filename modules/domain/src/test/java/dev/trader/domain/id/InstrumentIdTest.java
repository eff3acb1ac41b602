package dev.trader.domain.id;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class InstrumentIdTest {

    @Test
    void parseAndFormatRoundTrip() {
        InstrumentId id = InstrumentId.parse("binance:BTCUSDT");
        assertEquals("binance", id.venue());
        assertEquals("BTCUSDT", id.symbol());
        assertEquals("binance:BTCUSDT", id.value());
        assertEquals("binance:BTCUSDT", id.toString());
        assertEquals(id, InstrumentId.parse(id.value()));
        assertEquals(id, new InstrumentId("binance", "BTCUSDT"));
    }

    @Test
    void venueIsLowerCasedAndSymbolUpperCased() {
        InstrumentId id = InstrumentId.parse("Binance:btcUsdt");
        assertEquals(InstrumentId.parse("binance:BTCUSDT"), id);
        assertEquals("binance:BTCUSDT", id.value());
    }

    @Test
    void symbolMayContainSlash() {
        assertEquals("kraken:BTC/USD", InstrumentId.parse("kraken:btc/usd").value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"BTCUSDT", ":BTCUSDT", "binance:", "binance:BTC:USDT", "", ":"})
    void malformedTextIsRejectedNamingTheInput(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InstrumentId.parse(text));
        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("venue:SYMBOL"), e.getMessage());
    }

    @Test
    void invalidCharactersInVenueOrSymbolAreRejected() {
        IllegalArgumentException venue = assertThrows(IllegalArgumentException.class, () -> InstrumentId.parse("bin ance:BTCUSDT"));
        assertTrue(venue.getMessage().startsWith("venue must be"), venue.getMessage());
        IllegalArgumentException symbol = assertThrows(IllegalArgumentException.class, () -> InstrumentId.parse("binance:BTC|USDT"));
        assertTrue(symbol.getMessage().startsWith("symbol must be"), symbol.getMessage());
        assertTrue(symbol.getMessage().contains("'BTC|USDT'"), symbol.getMessage());
    }

    @Test
    void overlongSymbolIsRejected() {
        String sixtyFour = "A".repeat(64);
        assertEquals(sixtyFour, InstrumentId.parse("x:" + sixtyFour).symbol());
        assertThrows(IllegalArgumentException.class, () -> InstrumentId.parse("x:" + sixtyFour + "A"));
    }

    @Test
    void nullIsRejected() {
        assertThrows(NullPointerException.class, () -> InstrumentId.parse(null));
        assertThrows(IllegalArgumentException.class, () -> new InstrumentId(null, "BTCUSDT"));
    }
}
