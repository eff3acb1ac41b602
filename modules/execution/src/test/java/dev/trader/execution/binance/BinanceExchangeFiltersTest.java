package dev.trader.execution.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.OrderSide;
import dev.trader.domain.order.OrderType;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BinanceExchangeFiltersTest {
    /** BTCUSDT as exchangeInfo lists it (tick 0.01, step 0.00001, NOTIONAL min 5, max 9,000,000). */
    private static ExchangeFilters btc() throws MalformedAnswer {
        String info = "{\"rateLimits\":[],\"symbols\":[" + BinanceStandIn.symbol("BTCUSDT", "BTC", "0.01000000", "0.00001000", "5.00000000") + "]}";
        return BinanceResponses.exchangeInfo(StrictJson.parse(info), Set.of("BTCUSDT")).symbols().get("BTCUSDT").filters();
    }

    @Test
    void readsExchangeInfosFilters() throws MalformedAnswer {
        ExchangeFilters f = btc();
        assertEquals(Price.of("0.01"), f.tickSize());
        assertEquals(Quantity.of("0.00001"), f.stepSize());
        assertEquals(Quantity.of("9000"), f.maxQty());
        assertEquals(0, f.minNotional().compareTo(new java.math.BigDecimal("5")));
        assertTrue(f.minNotionalAppliesToMarket());
    }

    @Test
    void quantityRoundsDownToTheStep() throws MalformedAnswer {
        ExchangeFilters.Checked c = btc().check(OrderSide.BUY, OrderType.LIMIT, Quantity.of("0.123456789"), Price.of("25000"), null);
        assertEquals(Quantity.of("0.12345"), c.quantity());
    }

    @Test
    void pricesRoundInTheSafeDirection() throws MalformedAnswer {
        ExchangeFilters f = btc();
        Quantity q = Quantity.of("0.01");
        Price p = Price.of("25000.019");
        assertEquals(Price.of("25000.01"), f.check(OrderSide.BUY, OrderType.LIMIT, q, p, null).price(), "a limit buy never pays more");
        assertEquals(Price.of("25000.02"), f.check(OrderSide.SELL, OrderType.LIMIT, q, p, null).price(), "a limit sell never gets less");
        assertEquals(Price.of("25000.02"), f.check(OrderSide.SELL, OrderType.STOP_MARKET, q, p, null).price(),
                "a sell stop (below the market) moves up, toward it");
        assertEquals(Price.of("25000.01"), f.check(OrderSide.BUY, OrderType.STOP_MARKET, q, p, null).price(),
                "a buy stop (above the market) moves down, toward it");
        assertEquals(Price.of("25000.01"), f.check(OrderSide.SELL, OrderType.LIMIT, q, Price.of("25000.01"), null).price(), "on the grid: unchanged");
    }

    @Test
    void refusesWhatTheExchangeMustRefuseNamingTheFilter() throws MalformedAnswer {
        ExchangeFilters f = btc();
        ExchangeFilters.Checked small = f.check(OrderSide.BUY, OrderType.LIMIT, Quantity.of("0.000009"), Price.of("25000"), null);
        assertTrue(small.refused());
        assertTrue(small.refusal().startsWith("LOT_SIZE: quantity 0.000009 is below minQty 0.00001"), small.refusal());
        ExchangeFilters.Checked cheap = f.check(OrderSide.BUY, OrderType.LIMIT, Quantity.of("0.0001"), Price.of("25000"), null);
        assertTrue(cheap.refusal().startsWith("NOTIONAL: 0.0001 x 25000 = 2.5 is below minNotional 5"), cheap.refusal());
        ExchangeFilters.Checked big = f.check(OrderSide.BUY, OrderType.LIMIT, Quantity.of("9000.1"), Price.of("1"), null);
        assertTrue(big.refusal().startsWith("LOT_SIZE: quantity 9000.1 is above maxQty 9000"), big.refusal());
        ExchangeFilters.Checked tooHigh = f.check(OrderSide.SELL, OrderType.LIMIT, Quantity.of("0.01"), Price.of("1000000.01"), null);
        assertTrue(tooHigh.refusal().startsWith("PRICE_FILTER"), tooHigh.refusal());
    }

    @Test
    void aMarketOrdersNotionalIsCheckedOnlyAgainstAKnownPrice() throws MalformedAnswer {
        ExchangeFilters f = btc();
        assertFalse(f.check(OrderSide.BUY, OrderType.MARKET, Quantity.of("0.0001"), null, null).refused(), "no reference price: Binance decides");
        assertTrue(f.check(OrderSide.BUY, OrderType.MARKET, Quantity.of("0.0001"), null, Price.of("25000")).refusal().startsWith("NOTIONAL"));
        assertTrue(f.check(OrderSide.SELL, OrderType.STOP_MARKET, Quantity.of("0.0001"), Price.of("25000"), null).refusal()
                .startsWith("NOTIONAL"), "a stop is checked at its trigger");
    }

    @Test
    void aSymbolWithoutItsPriceOrLotFilterIsRefused() {
        String noPrice = "{\"rateLimits\":[],\"symbols\":[{\"symbol\":\"BTCUSDT\",\"status\":\"TRADING\",\"baseAsset\":\"BTC\",\"quoteAsset\":\"USDT\","
                + "\"orderTypes\":[\"LIMIT\"],\"filters\":[{\"filterType\":\"LOT_SIZE\",\"minQty\":\"0.001\",\"maxQty\":\"10\",\"stepSize\":\"0.001\"}]}]}";
        MalformedAnswer e = assertThrows(MalformedAnswer.class, () -> BinanceResponses.exchangeInfo(StrictJson.parse(noPrice), Set.of()));
        assertEquals("BTCUSDT has no PRICE_FILTER with a positive tickSize", e.getMessage());
        String nanStep = noPrice.replace("\"stepSize\":\"0.001\"", "\"stepSize\":\"NaN\"");
        assertTrue(assertThrows(MalformedAnswer.class, () -> BinanceResponses.exchangeInfo(StrictJson.parse(nanStep), Set.of()))
                .getMessage().contains("'stepSize' must be a non-negative decimal but was 'NaN'"));
    }
}
