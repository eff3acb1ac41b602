package dev.trader.engine.readmodel.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The query parameters of the read endpoints: good ones read as meant, and every bad one refused with its name first. */
class ReadQueryTest {
    private static final ZoneId PRAGUE = ZoneId.of("Europe/Prague");

    @Test
    void aFullQueryReadsAsMeant() {
        ReadQuery q = ReadQuery.parse(ReadKind.ORDERS, Map.of("status", "filled, Cancelled", "symbol", "btcusdt", "strategy", "ema-cross",
                "from", "2023-03-17", "to", "2023-03-17", "limit", "20"), PRAGUE);
        assertEquals(Set.of("FILLED", "CANCELLED"), q.filter().statuses());
        assertEquals("BTCUSDT", q.filter().symbol());
        assertEquals("ema-cross", q.filter().strategy());
        // A date is a whole day in the day zone (UTC+1 in March): from its first instant to the next day's.
        assertEquals(Instant.parse("2023-03-16T23:00:00Z"), q.filter().from());
        assertEquals(Instant.parse("2023-03-17T23:00:00Z"), q.filter().to());
        assertEquals(20, q.page().limit());
        assertNull(q.page().cursor());
    }

    @Test
    void defaultsInstantsAndInstrumentIds() {
        ReadQuery q = ReadQuery.parse(ReadKind.TRADES, Map.of("symbol", "Binance:btcusdt", "from", "2023-03-17T10:00:00Z",
                "to", "2023-03-17T12:00:00+01:00"), PRAGUE);
        assertEquals("binance:BTCUSDT", q.filter().symbol());
        assertEquals(Instant.parse("2023-03-17T10:00:00Z"), q.filter().from());
        assertEquals(Instant.parse("2023-03-17T11:00:00Z"), q.filter().to());
        assertEquals(PageRequest.DEFAULT_LIMIT, q.page().limit());
        assertTrue(q.filter().statuses().isEmpty());
    }

    @Test
    void aCursorGoesBackToWhereItWasGivenOut() {
        Cursor c = new Cursor(ReadKind.SIGNALS, Instant.parse("2023-03-17T10:00:00.123Z"), "t0123456789abcdef0123456789abcdef");
        assertEquals(c, ReadQuery.parse(ReadKind.SIGNALS, Map.of("cursor", c.encode()), PRAGUE).page().cursor());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ORDERS  | status=FOO                      | status: 'FOO' is not one of [NEW, SUBMITTED, ACCEPTED",
            "TRADES  | status=FILLED                   | status: 'FILLED' is not one of [WIN, LOSS, BREAKEVEN] for trades",
            "SIGNALS | status=APPROVED,                | status: 'APPROVED,' has an empty value",
            "ORDERS  | limit=0                         | limit must be within 1..500 but was 0",
            "ORDERS  | limit=501                       | limit must be within 1..500 but was 501",
            "ORDERS  | limit=ten                       | limit must be a whole number within 1..500 but was 'ten'",
            "ORDERS  | from=2023-13-01                 | from: '2023-13-01' is neither a date (2023-03-17) nor an instant",
            "ORDERS  | to=yesterday                    | to: 'yesterday' is neither a date",
            "ORDERS  | from=2023-03-18;to=2023-03-17   | from must be before to",
            "ORDERS  | symbol=BTC$USDT                 | symbol: symbol must be 1-64 characters",
            "ORDERS  | symbol=binance:                 | symbol: instrument id must look like venue:SYMBOL",
            "ORDERS  | strategy=ema cross              | strategy: ",
            "ORDERS  | strategy=                       | strategy is empty",
            "ORDERS  | cursor=%%%                      | cursor: '%%%' is not a cursor a page gave out",
            "ORDERS  | cursor=dHx4                     | cursor: 'dHx4' is not a cursor a page gave out",
            "ORDERS  | colour=red                      | colour: not a parameter here (known: status, symbol, strategy, from, to, limit, cursor)"})
    void aBadParameterIsRefusedNamingIt(ReadKind kind, String params, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReadQuery.parse(kind, params(params), PRAGUE));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    @Test
    void aCursorOfAnotherListIsRefused() {
        String trades = new Cursor(ReadKind.TRADES, Instant.parse("2023-03-17T10:00:00Z"), "x#1").encode();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReadQuery.parse(ReadKind.ORDERS, Map.of("cursor", trades), PRAGUE));
        assertEquals("cursor: '" + trades + "' belongs to the trades, not the orders", e.getMessage());
    }

    @Test
    void theExportAndTheMetricsTakeAFilterButNoPage() {
        assertEquals(Set.of("WIN"), ReadQuery.parseFilter(ReadKind.TRADES, Map.of("status", "win"), PRAGUE).statuses());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReadQuery.parseFilter(ReadKind.TRADES, Map.of("limit", "10"), PRAGUE));
        assertEquals("limit: not a parameter here (known: status, symbol, strategy, from, to)", e.getMessage());
    }

    private static Map<String, String> params(String text) {
        Map<String, String> out = new HashMap<>();
        for (String pair : text.split(";")) {
            int eq = pair.indexOf('=');
            out.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return out;
    }
}
