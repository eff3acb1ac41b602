package dev.trader.execution.binance;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.market.InstrumentRules;
import dev.trader.domain.money.Money;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One traded instrument as Binance knows it: {@code binance:BTCUSDT} is the symbol {@code BTCUSDT},
 * with its assets, trading status, allowed order types and filters.
 */
public record BinanceSymbol(InstrumentId instrument, String baseAsset, String quoteAsset, String status, Set<String> orderTypes,
                            ExchangeFilters filters) {
    public BinanceSymbol {
        Objects.requireNonNull(instrument, "instrument");
        if (!instrument.venue().equals(BinanceExecutionClient.VENUE)) {
            throw new IllegalArgumentException("instrument " + instrument + " is not a " + BinanceExecutionClient.VENUE + " instrument");
        }
        orderTypes = Set.copyOf(orderTypes);
    }

    /** As configured here, until exchangeInfo says otherwise (every order type allowed, trading). */
    static BinanceSymbol of(InstrumentRules rules) {
        return new BinanceSymbol(rules.instrument(), rules.baseAsset(), rules.quoteAsset(), "TRADING",
                Arrays.stream(BinanceOrderType.values()).map(Enum::name).collect(Collectors.toSet()), ExchangeFilters.of(rules));
    }

    /** Adopts exchangeInfo's view; assets that differ from the configured ones mean the configuration is wrong. */
    BinanceSymbol with(SymbolInfo info) {
        if (!info.baseAsset().equals(baseAsset) || !info.quoteAsset().equals(quoteAsset)) {
            throw new IllegalStateException(instrument + " is configured as " + baseAsset + "/" + quoteAsset + " but Binance trades "
                    + info.symbol() + " as " + info.baseAsset() + "/" + info.quoteAsset());
        }
        return new BinanceSymbol(instrument, baseAsset, quoteAsset, info.status(), info.orderTypes(), info.filters());
    }

    public String symbol() {
        return instrument.symbol();
    }

    public boolean trading() {
        return "TRADING".equals(status);
    }

    /** The exchange's filters as the domain's rules (for comparison with the configured ones). */
    public InstrumentRules toInstrumentRules() {
        return new InstrumentRules(instrument, baseAsset, quoteAsset, filters.tickSize(), filters.stepSize(), filters.minQty(),
                Money.of(filters.minNotional(), quoteAsset));
    }
}
