package dev.trader.domain.market;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.money.Money;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * A venue's trading rules for one instrument (Binance's PRICE_FILTER, LOT_SIZE and
 * MIN_NOTIONAL): orders are rounded to them before they leave, never after.
 */
public record InstrumentRules(InstrumentId instrument, String baseAsset, String quoteAsset,
                              Price tickSize, Quantity lotSize, Quantity minQuantity, Money minNotional) {
    public InstrumentRules {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(baseAsset, "baseAsset");
        Objects.requireNonNull(quoteAsset, "quoteAsset");
        if (!tickSize.isPositive()) {
            throw new IllegalArgumentException("tick size must be positive for " + instrument);
        }
        if (lotSize.isZero()) {
            throw new IllegalArgumentException("lot size must be positive for " + instrument);
        }
        Objects.requireNonNull(minQuantity, "minQuantity");
        if (!minNotional.currency().equals(quoteAsset)) {
            throw new IllegalArgumentException("min notional of " + instrument + " must be in " + quoteAsset);
        }
    }

    /** Rounds a price down to the tick grid. */
    public Price roundPriceDown(Price price) {
        return Price.of(step(price.toBigDecimal(), tickSize.toBigDecimal(), RoundingMode.FLOOR));
    }

    /** Rounds a quantity down to the lot grid: never more than asked for. */
    public Quantity roundQuantityDown(Quantity quantity) {
        return Quantity.of(step(quantity.toBigDecimal(), lotSize.toBigDecimal(), RoundingMode.FLOOR));
    }

    /** Why an order of this size at this price would be refused by the venue, if it would. */
    public Optional<String> violation(Price price, Quantity quantity) {
        if (quantity.compareTo(minQuantity) < 0 || quantity.isZero()) {
            return Optional.of("quantity " + quantity + " is below the minimum " + minQuantity);
        }
        if (!roundQuantityDown(quantity).equals(quantity)) {
            return Optional.of("quantity " + quantity + " is not a multiple of the lot size " + lotSize);
        }
        if (!roundPriceDown(price).equals(price)) {
            return Optional.of("price " + price + " is not a multiple of the tick size " + tickSize);
        }
        // Exact product: rounding it to cents first would let 4.529999999 pass as 4.53.
        BigDecimal notional = price.toBigDecimal().multiply(quantity.toBigDecimal());
        if (notional.compareTo(minNotional.toBigDecimal()) < 0) {
            return Optional.of("notional " + notional.stripTrailingZeros().toPlainString() + " " + quoteAsset + " is below the minimum " + minNotional);
        }
        return Optional.empty();
    }

    private static BigDecimal step(BigDecimal value, BigDecimal step, RoundingMode mode) {
        return value.divide(step, 0, mode).multiply(step);
    }
}
