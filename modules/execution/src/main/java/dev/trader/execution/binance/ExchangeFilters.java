package dev.trader.execution.binance;

import static dev.trader.domain.money.FixedPoint.plain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trader.domain.market.InstrumentRules;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.OrderSide;
import dev.trader.domain.order.OrderType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.Set;

/**
 * A symbol's exchangeInfo filters that an order must pass, applied here before it is sent so that
 * nothing the exchange must refuse ever leaves. A zero value means "no limit", as in exchangeInfo.
 *
 * <p>Rounding, always in the direction that cannot hurt:
 * <ul>
 * <li>quantity down to the step (LOT_SIZE, and MARKET_LOT_SIZE for market and stop orders): never
 *     more than risk sized, never more than is held;</li>
 * <li>a LIMIT BUY price down and a LIMIT SELL price up to the tick: never a worse price than decided;</li>
 * <li>a STOP trigger toward the market (a SELL stop, below the market, up; a BUY stop, above it,
 *     down): it triggers a tick early rather than late, so the loss taken at the stop is never
 *     larger than the one the position was sized for.</li>
 * </ul>
 * After rounding an order below minQty or minNotional (or above maxQty, maxNotional, the price
 * band) is refused with the filter named. A MARKET order's notional is checked only against a
 * reference price when one is known (Binance checks it against its average price, which we do not
 * have); a stop's notional is checked at its trigger.
 */
public record ExchangeFilters(String symbol, Price tickSize, Price minPrice, Price maxPrice, Quantity stepSize, Quantity minQty,
                              Quantity maxQty, Quantity marketStepSize, Quantity marketMinQty, Quantity marketMaxQty,
                              BigDecimal minNotional, boolean minNotionalAppliesToMarket, BigDecimal maxNotional,
                              boolean maxNotionalAppliesToMarket) {

    /** The order as it may be sent, or why it may not. */
    public record Checked(Quantity quantity, Price price, String refusal) {
        public boolean refused() {
            return refusal != null;
        }

        static Checked refuse(String reason) {
            return new Checked(null, null, reason);
        }
    }

    /** The filters of an instrument as configured here, until exchangeInfo has been read. */
    public static ExchangeFilters of(InstrumentRules rules) {
        Price zeroPrice = new Price(0, 0);
        return new ExchangeFilters(rules.instrument().symbol(), rules.tickSize(), zeroPrice, zeroPrice, rules.lotSize(), rules.minQuantity(),
                Quantity.ZERO, Quantity.ZERO, Quantity.ZERO, Quantity.ZERO, rules.minNotional().toBigDecimal(), true, BigDecimal.ZERO, false);
    }

    /** Reads the {@code filters} array of one exchangeInfo symbol; filter types we do not enforce are skipped. */
    static ExchangeFilters fromExchangeInfo(String symbol, JsonNode filters) throws MalformedAnswer {
        StrictJson.array(filters, "filters of " + symbol, 64);
        Price zeroPrice = new Price(0, 0);
        Price tick = null;
        Price minPrice = zeroPrice;
        Price maxPrice = zeroPrice;
        Quantity step = null;
        Quantity minQty = null;
        Quantity maxQty = Quantity.ZERO;
        Quantity mStep = Quantity.ZERO;
        Quantity mMin = Quantity.ZERO;
        Quantity mMax = Quantity.ZERO;
        BigDecimal minNotional = BigDecimal.ZERO;
        boolean minToMarket = true;
        BigDecimal maxNotional = BigDecimal.ZERO;
        boolean maxToMarket = false;
        Set<String> seen = new HashSet<>();
        for (JsonNode f : filters) {
            StrictJson.object(f, "a filter of " + symbol);
            String type = StrictJson.text(f, "filterType");
            if (!seen.add(type)) {
                throw new MalformedAnswer(symbol + " has the filter " + type + " twice");
            }
            switch (type) {
                case "PRICE_FILTER" -> {
                    minPrice = price(f, "minPrice");
                    maxPrice = price(f, "maxPrice");
                    tick = price(f, "tickSize");
                }
                case "LOT_SIZE" -> {
                    minQty = StrictJson.quantity(f, "minQty");
                    maxQty = StrictJson.quantity(f, "maxQty");
                    step = StrictJson.quantity(f, "stepSize");
                }
                case "MARKET_LOT_SIZE" -> {
                    mMin = StrictJson.quantity(f, "minQty");
                    mMax = StrictJson.quantity(f, "maxQty");
                    mStep = StrictJson.quantity(f, "stepSize");
                }
                case "MIN_NOTIONAL" -> {
                    minNotional = minNotional.max(StrictJson.decimal(f, "minNotional"));
                    minToMarket = StrictJson.bool(f, "applyToMarket");
                }
                case "NOTIONAL" -> {
                    minNotional = minNotional.max(StrictJson.decimal(f, "minNotional"));
                    minToMarket = StrictJson.bool(f, "applyMinToMarket");
                    maxNotional = StrictJson.decimal(f, "maxNotional");
                    maxToMarket = StrictJson.bool(f, "applyMaxToMarket");
                }
                default -> {
                    // PERCENT_PRICE_BY_SIDE, MAX_NUM_ORDERS, ...: enforced by the exchange, answered as a rejection.
                }
            }
        }
        if (tick == null || !tick.isPositive()) {
            throw new MalformedAnswer(symbol + " has no PRICE_FILTER with a positive tickSize");
        }
        if (step == null || step.isZero() || minQty == null) {
            throw new MalformedAnswer(symbol + " has no LOT_SIZE with a positive stepSize");
        }
        return new ExchangeFilters(symbol, tick, minPrice, maxPrice, step, minQty, maxQty, mStep, mMin, mMax, minNotional, minToMarket,
                maxNotional, maxToMarket);
    }

    private static Price price(JsonNode f, String name) throws MalformedAnswer {
        return StrictJson.price(StrictJson.decimal(f, name), name);
    }

    /**
     * Rounds an order to these filters and checks it. {@code price} is the limit or the stop trigger
     * (null for MARKET); {@code marketReference} a recent price for a MARKET order's notional, or null.
     */
    public Checked check(OrderSide side, OrderType type, Quantity quantity, Price price, Price marketReference) {
        boolean marketLike = type != OrderType.LIMIT;
        Quantity q = floorToStep(quantity, minQty, stepSize);
        if (quantity.compareTo(minQty) < 0 || q.isZero()) {
            return Checked.refuse("LOT_SIZE: quantity " + quantity + " is below minQty " + minQty + " of " + symbol);
        }
        if (!maxQty.isZero() && q.compareTo(maxQty) > 0) {
            return Checked.refuse("LOT_SIZE: quantity " + q + " is above maxQty " + maxQty + " of " + symbol);
        }
        if (marketLike && !marketStepSize.isZero()) {
            q = floorToStep(q, marketMinQty, marketStepSize);
        }
        if (marketLike && (q.compareTo(marketMinQty) < 0 || q.isZero())) {
            return Checked.refuse("MARKET_LOT_SIZE: quantity " + quantity + " is below minQty " + marketMinQty + " of " + symbol);
        }
        if (marketLike && !marketMaxQty.isZero() && q.compareTo(marketMaxQty) > 0) {
            return Checked.refuse("MARKET_LOT_SIZE: quantity " + q + " is above maxQty " + marketMaxQty + " of " + symbol);
        }
        Price p = null;
        if (price != null) {
            // Limit: buy down, sell up. Stop: toward the market, a sell stop up, a buy stop down.
            boolean up = side == OrderSide.SELL;
            p = roundToTick(price, up);
            if (!p.isPositive()) {
                return Checked.refuse("PRICE_FILTER: price " + price + " rounds to " + p + " on the tick " + tickSize + " of " + symbol);
            }
            if (minPrice.isPositive() && p.compareTo(minPrice) < 0) {
                return Checked.refuse("PRICE_FILTER: price " + p + " is below minPrice " + minPrice + " of " + symbol);
            }
            if (maxPrice.isPositive() && p.compareTo(maxPrice) > 0) {
                return Checked.refuse("PRICE_FILTER: price " + p + " is above maxPrice " + maxPrice + " of " + symbol);
            }
        }
        Price notionalPrice = type == OrderType.MARKET ? marketReference : p;
        if (notionalPrice != null) {
            BigDecimal notional = notionalPrice.toBigDecimal().multiply(q.toBigDecimal());
            boolean minApplies = type != OrderType.MARKET || minNotionalAppliesToMarket;
            boolean maxApplies = type != OrderType.MARKET || maxNotionalAppliesToMarket;
            if (minApplies && minNotional.signum() > 0 && notional.compareTo(minNotional) < 0) {
                return Checked.refuse("NOTIONAL: " + q + " x " + notionalPrice + " = " + plain(notional) + " is below minNotional "
                        + plain(minNotional) + " of " + symbol);
            }
            if (maxApplies && maxNotional.signum() > 0 && notional.compareTo(maxNotional) > 0) {
                return Checked.refuse("NOTIONAL: " + q + " x " + notionalPrice + " = " + plain(notional) + " is above maxNotional "
                        + plain(maxNotional) + " of " + symbol);
            }
        }
        return new Checked(q, p, null);
    }

    /** The quantity rounded down to the LOT_SIZE grid: what a reduce-only order may sell of what is held. */
    public Quantity floorToLot(Quantity quantity) {
        return floorToStep(quantity, minQty, stepSize);
    }

    /** Binance's grid is {@code min + k × step}: the largest grid value not above {@code q}, or zero below {@code min}. */
    private static Quantity floorToStep(Quantity q, Quantity min, Quantity step) {
        if (q.compareTo(min) < 0) {
            return Quantity.ZERO;
        }
        BigDecimal base = min.toBigDecimal();
        BigDecimal s = step.toBigDecimal();
        BigDecimal k = q.toBigDecimal().subtract(base).divide(s, 0, RoundingMode.FLOOR);
        return Quantity.of(base.add(k.multiply(s)));
    }

    private Price roundToTick(Price price, boolean up) {
        BigDecimal base = minPrice.toBigDecimal();
        BigDecimal t = tickSize.toBigDecimal();
        BigDecimal k = price.toBigDecimal().subtract(base).divide(t, 0, up ? RoundingMode.CEILING : RoundingMode.FLOOR);
        return Price.of(base.add(k.multiply(t)));
    }

}
