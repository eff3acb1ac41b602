package dev.trader.execution.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trader.execution.sim.config.SymbolSpec;
import dev.trader.execution.sim.exchange.LedgerSnapshot;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bad orders get Binance's error naming what is wrong, and leave the ledger exactly as it was.
 * Symbol BTCUSDT: tick 0.01, step 0.00001, min qty 0.00001, max qty 9000, min notional 5.
 */
class SimOrderValidationTest extends SimHttpTestBase {
    private SimServer s;
    private LedgerSnapshot before;

    @BeforeEach
    void start() {
        s = new SimServer(system, SimFixtures.config().symbol(
                SymbolSpec.of("XRPUSDT", "XRP", "USDT", "0.0001", "1", "1", "900000", "10")
                        .withNotionalFilter(SymbolSpec.NotionalFilter.MIN_NOTIONAL, BigDecimal.ZERO)).build());
        s.sim.step();
        before = s.sim.snapshot();
    }

    @AfterEach
    void stop() {
        assertEquals(before, s.sim.snapshot(), "a refused order must leave no trace in the ledger");
        s.close();
    }

    private void refused(int code, String msg, String... kv) {
        SimServer.Reply r = s.signed("POST", "/api/v3/order", params(kv));
        assertEquals(400, r.status(), r.body().toString());
        assertEquals(code, r.code(), r.body().toString());
        assertEquals(msg, r.msg());
    }

    private static Map<String, String> limit(String qty, String price) {
        return params("symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT", "timeInForce", "GTC", "quantity", qty, "price", price);
    }

    @Test
    void priceOffTheTickIsPriceFilter() {
        refused(-1013, "Filter failure: PRICE_FILTER", "symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT", "timeInForce", "GTC",
                "quantity", "0.01", "price", "24000.005");
    }

    @Test
    void priceAboveMaxPriceIsPriceFilter() {
        refused(-1013, "Filter failure: PRICE_FILTER", "symbol", "BTCUSDT", "side", "SELL", "type", "LIMIT", "timeInForce", "GTC",
                "quantity", "0.01", "price", "1000000.01");
    }

    @Test
    void quantityOffTheStepOrTooLargeIsLotSize() {
        refused(-1013, "Filter failure: LOT_SIZE", "symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT", "timeInForce", "GTC",
                "quantity", "0.000015", "price", "24000");
        refused(-1013, "Filter failure: LOT_SIZE", "symbol", "BTCUSDT", "side", "SELL", "type", "MARKET", "quantity", "9000.1");
    }

    @Test
    void tooSmallAnOrderIsNotionalOrMinNotionalAsTheSymbolShowsIt() {
        refused(-1013, "Filter failure: NOTIONAL", "symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT", "timeInForce", "GTC",
                "quantity", "0.0002", "price", "24000"); // 4.8 USDT < 5
        refused(-1013, "Filter failure: NOTIONAL", "symbol", "BTCUSDT", "side", "BUY", "type", "MARKET", "quoteOrderQty", "4.99");
        refused(-1013, "Filter failure: MIN_NOTIONAL", "symbol", "XRPUSDT", "side", "BUY", "type", "LIMIT", "timeInForce", "GTC",
                "quantity", "10", "price", "0.5");
    }

    @Test
    void moreThanTheFreeBalanceIsInsufficientBalance() {
        refused(-2010, "Account has insufficient balance for requested action.", "symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT",
                "timeInForce", "GTC", "quantity", "4", "price", "25000"); // 100,000 USDT + reserve needed for 100,000 of BTC
        refused(-2010, "Account has insufficient balance for requested action.", "symbol", "BTCUSDT", "side", "SELL", "type", "MARKET",
                "quantity", "2.00001");
    }

    @Test
    void clientOrderIdOfAnOpenOrderIsADuplicate() {
        SimServer.Reply first = s.signed("POST", "/api/v3/order", withId(limit("0.01", "20000"), "dup-1"));
        assertEquals(200, first.status());
        before = s.sim.snapshot();
        SimServer.Reply second = s.signed("POST", "/api/v3/order", withId(limit("0.02", "20000"), "dup-1"));
        assertEquals(-2010, second.code());
        assertEquals("Duplicate order sent.", second.msg());
    }

    private static Map<String, String> withId(Map<String, String> p, String id) {
        p.put("newClientOrderId", id);
        return p;
    }

    @Test
    void unknownSymbolIsMinus1121() {
        refused(-1121, "Invalid symbol.", "symbol", "DOGEUSDT", "side", "BUY", "type", "MARKET", "quantity", "1");
    }

    @Test
    void missingMandatoryParametersAreNamed() {
        refused(-1102, "Mandatory parameter 'side' was not sent, was empty/null, or malformed.", "symbol", "BTCUSDT", "type", "MARKET",
                "quantity", "1");
        refused(-1102, "Mandatory parameter 'price' was not sent, was empty/null, or malformed.", "symbol", "BTCUSDT", "side", "BUY",
                "type", "LIMIT", "timeInForce", "GTC", "quantity", "1");
        refused(-1102, "Mandatory parameter 'timeInForce' was not sent, was empty/null, or malformed.", "symbol", "BTCUSDT", "side", "BUY",
                "type", "LIMIT", "quantity", "1", "price", "20000");
        refused(-1102, "Mandatory parameter 'stopPrice' was not sent, was empty/null, or malformed.", "symbol", "BTCUSDT", "side", "SELL",
                "type", "STOP_LOSS", "quantity", "1");
        refused(-1102, "Param 'quantity' or 'quoteOrderQty' must be sent, but both were empty/null!", "symbol", "BTCUSDT", "side", "BUY",
                "type", "MARKET");
    }

    @Test
    void parametersATypeMustNotHaveAreRefused() {
        refused(-1106, "Parameter 'price' sent when not required.", "symbol", "BTCUSDT", "side", "BUY", "type", "MARKET",
                "quantity", "0.01", "price", "20000");
        refused(-1106, "Parameter 'stopPrice' sent when not required.", "symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT",
                "timeInForce", "GTC", "quantity", "0.01", "price", "20000", "stopPrice", "20000");
    }

    @Test
    void badEnumValuesHaveTheirOwnCodes() {
        refused(-1117, "Invalid side.", "symbol", "BTCUSDT", "side", "HOLD", "type", "MARKET", "quantity", "0.01");
        refused(-1116, "Invalid orderType.", "symbol", "BTCUSDT", "side", "BUY", "type", "ICEBERG", "quantity", "0.01");
        refused(-1115, "Invalid timeInForce.", "symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT", "timeInForce", "GTX",
                "quantity", "0.01", "price", "20000");
    }

    @Test
    void malformedNumbersNameTheParameter() {
        refused(-1100, "Illegal characters found in parameter 'quantity'; legal range is '^([0-9]{1,20})(\\.[0-9]{1,20})?$'.",
                "symbol", "BTCUSDT", "side", "BUY", "type", "MARKET", "quantity", "1e-3");
        refused(-1111, "Parameter 'price' has too much precision.", "symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT",
                "timeInForce", "GTC", "quantity", "0.01", "price", "20000.000000001");
        refused(-1100, "Illegal characters found in parameter 'newClientOrderId'; legal range is '^[a-zA-Z0-9-_]{1,36}$'.",
                "symbol", "BTCUSDT", "side", "BUY", "type", "MARKET", "quantity", "0.01", "newClientOrderId", "has space");
    }

    @Test
    void unknownOrderQueriesAreMinus2013() {
        SimServer.Reply r = s.signed("GET", "/api/v3/order", params("symbol", "BTCUSDT", "orderId", "999"));
        assertEquals(-2013, r.code());
        assertEquals("Order does not exist.", r.msg());
        SimServer.Reply neither = s.signed("GET", "/api/v3/order", params("symbol", "BTCUSDT"));
        assertEquals(-1102, neither.code());
        assertEquals("Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null!", neither.msg());
    }
}
