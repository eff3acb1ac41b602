package dev.trader.execution.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.OrderSide;
import dev.trader.execution.binance.UserDataEvent.AccountPosition;
import dev.trader.execution.binance.UserDataEvent.ExecutionReport;
import dev.trader.execution.binance.UserDataEvent.ExecutionType;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BinanceUserDataParserTest {
    /** Binance's documented executionReport example (comments removed). */
    static final String DOCUMENTED_EXECUTION_REPORT = """
            {
              "e": "executionReport", "E": 1499405658658, "s": "ETHBTC", "c": "mUvoqJxFIILMdfAW5iGSOW", "S": "BUY", "o": "LIMIT",
              "f": "GTC", "q": "1.00000000", "p": "0.10264410", "P": "0.00000000", "F": "0.00000000", "g": -1, "C": "", "x": "NEW",
              "X": "NEW", "r": "NONE", "i": 4293153, "l": "0.00000000", "z": "0.00000000", "L": "0.00000000", "n": "0", "N": null,
              "T": 1499405658657, "t": -1, "v": 3, "I": 8641984, "w": true, "m": false, "M": false, "O": 1499405658657,
              "Z": "0.00000000", "Y": "0.00000000", "Q": "0.00000000", "W": 1499405658657, "V": "NONE"
            }""";

    static String trade(String symbol, String clientId, long tradeId, String side, String price, String qty, String commission, String asset,
                        String status) {
        return DOCUMENTED_EXECUTION_REPORT.replace("\"ETHBTC\"", "\"" + symbol + "\"").replace("mUvoqJxFIILMdfAW5iGSOW", clientId)
                .replace("\"S\": \"BUY\"", "\"S\": \"" + side + "\"").replace("\"x\": \"NEW\"", "\"x\": \"TRADE\"")
                .replace("\"X\": \"NEW\"", "\"X\": \"" + status + "\"").replace("\"l\": \"0.00000000\"", "\"l\": \"" + qty + "\"")
                .replace("\"L\": \"0.00000000\"", "\"L\": \"" + price + "\"").replace("\"n\": \"0\"", "\"n\": \"" + commission + "\"")
                .replace("\"N\": null", "\"N\": \"" + asset + "\"").replace("\"t\": -1", "\"t\": " + tradeId);
    }

    private static UserDataEvent parse(String frame) throws MalformedAnswer {
        return UserDataParser.parse(frame, 1 << 20);
    }

    @Test
    void readsBinancesDocumentedExecutionReport() throws MalformedAnswer {
        ExecutionReport r = assertInstanceOf(ExecutionReport.class, parse(DOCUMENTED_EXECUTION_REPORT));
        assertEquals(Instant.ofEpochMilli(1499405658658L), r.eventTime());
        assertEquals("ETHBTC", r.symbol());
        assertEquals("mUvoqJxFIILMdfAW5iGSOW", r.orderClientId());
        assertEquals(OrderSide.BUY, r.side());
        assertEquals(BinanceOrderType.LIMIT, r.orderType());
        assertEquals(ExecutionType.NEW, r.executionType());
        assertEquals(BinanceOrderStatus.NEW, r.status());
        assertEquals(4293153, r.orderId());
        assertEquals(-1, r.tradeId());
        assertNull(r.commissionAsset());
        assertFalse(r.isTrade());
    }

    @Test
    void readsATrade() throws MalformedAnswer {
        ExecutionReport r = assertInstanceOf(ExecutionReport.class,
                parse(trade("BTCUSDT", "t0123", 28457, "SELL", "25000.01000000", "0.00200000", "0.05000002", "USDT", "PARTIALLY_FILLED")));
        assertTrue(r.isTrade());
        assertEquals(28457, r.tradeId());
        assertEquals(Price.of("25000.01"), r.lastPrice());
        assertEquals(Quantity.of("0.002"), r.lastQuantity());
        assertEquals(new BigDecimal("0.05000002"), r.commission());
        assertEquals("USDT", r.commissionAsset());
        assertEquals(Instant.ofEpochMilli(1499405658657L), r.transactionTime());
    }

    @Test
    void aCancelNamesTheOrderInCapitalC() throws MalformedAnswer {
        String cancel = DOCUMENTED_EXECUTION_REPORT.replace("\"C\": \"\"", "\"C\": \"tOriginal\"").replace("\"x\": \"NEW\"", "\"x\": \"CANCELED\"")
                .replace("\"X\": \"NEW\"", "\"X\": \"CANCELED\"");
        ExecutionReport r = assertInstanceOf(ExecutionReport.class, parse(cancel));
        assertEquals("tOriginal", r.orderClientId());
        assertEquals(BinanceOrderStatus.CANCELED, r.status());
    }

    @Test
    void readsBinancesDocumentedAccountPosition() throws MalformedAnswer {
        AccountPosition p = assertInstanceOf(AccountPosition.class, parse("""
                {"e": "outboundAccountPosition", "E": 1564034571105, "u": 1564034571073,
                 "B": [{"a": "ETH", "f": "10000.000000", "l": "0.000000"}]}"""));
        assertEquals(Instant.ofEpochMilli(1564034571073L), p.updateTime());
        assertEquals(new AssetBalance("ETH", Quantity.of("10000"), Quantity.ZERO), p.balances().get(0));
    }

    @Test
    void readsListenKeyExpiredAndIgnoresDocumentedEventsItDoesNotUse() throws MalformedAnswer {
        assertInstanceOf(UserDataEvent.ListenKeyExpired.class,
                parse("{\"e\": \"listenKeyExpired\", \"E\": 1699596037418, \"listenKey\": \"OfYGbUzi3PraNagEkdKuFwUHn48brFsItTdsuiIXrucEvD0rhRXZ7I6URWfE8YE8\"}"));
        assertInstanceOf(UserDataEvent.Ignored.class,
                parse("{\"e\": \"balanceUpdate\", \"E\": 1573200697110, \"a\": \"BTC\", \"d\": \"100.00000000\", \"T\": 1573200697068}"));
    }

    @Test
    void hostileFramesAreRefusedWithAReason() {
        String goodTrade = trade("BTCUSDT", "t1", 1, "BUY", "25000", "0.001", "0", "USDT", "FILLED");
        assertRefused("not JSON", "{\"e\": \"executionReport\"");
        assertRefused("unknown event type 'futuresThing'", "{\"e\": \"futuresThing\", \"E\": 1}");
        assertRefused("field 'X' has the unknown value 'ALMOST_FILLED'", goodTrade.replace("\"X\": \"FILLED\"", "\"X\": \"ALMOST_FILLED\""));
        assertRefused("field 'L' must be a non-negative decimal but was 'NaN'", goodTrade.replace("\"L\": \"25000\"", "\"L\": \"NaN\""));
        assertRefused("field 'l' must be a non-negative decimal but was '-0.001'", goodTrade.replace("\"l\": \"0.001\"", "\"l\": \"-0.001\""));
        assertRefused("field 'L' must be a non-negative decimal but was 'Infinity'", goodTrade.replace("\"L\": \"25000\"", "\"L\": \"Infinity\""));
        assertRefused("field 'i' must be an integer", goodTrade.replace("\"i\": 4293153", "\"i\": \"4293153\""));
        assertRefused("field 's' is missing", goodTrade.replace("\"s\": \"BTCUSDT\",", ""));
        assertRefused("a TRADE report of order 4293153 has last quantity 0", goodTrade.replace("\"l\": \"0.001\"", "\"l\": \"0\""));
        assertRefused("Duplicate field 'E'", goodTrade.replace("\"E\": 1499405658658,", "\"E\": 1499405658658, \"E\": 2,"));
        assertRefused("frame of", "x".repeat(2 << 20));
    }

    private static void assertRefused(String reason, String frame) {
        MalformedAnswer e = assertThrows(MalformedAnswer.class, () -> parse(frame));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
