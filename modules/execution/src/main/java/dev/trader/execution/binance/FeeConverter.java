package dev.trader.execution.binance;

import dev.trader.domain.money.Money;
import dev.trader.domain.money.Price;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Turns Binance's commission (amount {@code n} in asset {@code N}) into the fee the domain books:
 * Money in the instrument's quote asset. In the quote asset it is taken as is; in the base asset
 * (a buy without BNB fee discount) it is worth commission × the fill's price; in any other asset
 * (BNB) only when {@link AssetPrices} knows that asset's price in the quote asset. Otherwise the
 * fee cannot be booked, and the caller refuses the fill loudly rather than book a wrong fee.
 */
public final class FeeConverter {
    /** The price of one unit of {@code asset} in {@code quoteAsset}, if known (e.g. BNB in USDT). */
    @FunctionalInterface
    public interface AssetPrices {
        Optional<Price> price(String asset, String quoteAsset);
    }

    private final AssetPrices prices;

    public FeeConverter(AssetPrices prices) {
        this.prices = prices;
    }

    /** Fees in the quote or the base asset only; a BNB fee is refused. */
    public static FeeConverter quoteAndBaseOnly() {
        return new FeeConverter((asset, quote) -> Optional.empty());
    }

    public Optional<Money> toQuote(BigDecimal commission, String asset, Price fillPrice, BinanceSymbol symbol) {
        String quote = symbol.quoteAsset();
        if (asset.equals(quote)) {
            return Optional.of(Money.of(commission, quote));
        }
        if (asset.equals(symbol.baseAsset())) {
            return Optional.of(Money.of(commission.multiply(fillPrice.toBigDecimal()), quote));
        }
        return prices.price(asset, quote).filter(Price::isPositive).map(p -> Money.of(commission.multiply(p.toBigDecimal()), quote));
    }
}
