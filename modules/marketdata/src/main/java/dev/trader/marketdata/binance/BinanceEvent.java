package dev.trader.marketdata.binance;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.market.Timeframe;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import java.time.Instant;
import java.util.List;

/**
 * A market-data message of Binance's wire format (spot and USDT-M futures), validated: prices
 * positive, quantities non-negative, ids non-negative, times in milliseconds since the epoch.
 */
public sealed interface BinanceEvent {

    /** {@code <symbol>@trade}: one trade; {@code buyerIsMaker} true means the seller was the aggressor. */
    record Trade(String symbol, long tradeId, Price price, Quantity quantity, Instant tradeTime, Instant eventTime, boolean buyerIsMaker)
            implements BinanceEvent {
    }

    /** {@code <symbol>@bookTicker}: the best bid and ask; {@code eventTime} is null on spot (not sent). */
    record BookTicker(String symbol, long updateId, Price bidPrice, Quantity bidQuantity, Price askPrice, Quantity askQuantity, Instant eventTime)
            implements BinanceEvent {
    }

    /**
     * {@code <symbol>@depth@100ms} (or {@code @depth@0ms} on futures): the levels that changed
     * between update ids {@code firstUpdateId} and {@code finalUpdateId}; a quantity of zero
     * removes the level. {@code previousFinalUpdateId} is futures' {@code pu}, null on spot.
     */
    record DepthUpdate(String symbol, Instant eventTime, long firstUpdateId, long finalUpdateId, Long previousFinalUpdateId, List<Level> bids,
                       List<Level> asks) implements BinanceEvent {
        public DepthUpdate {
            bids = List.copyOf(bids);
            asks = List.copyOf(asks);
        }
    }

    /** The REST {@code GET /api/v3/depth} (or futures {@code /fapi/v1/depth}) answer: the book at {@code lastUpdateId}. */
    record DepthSnapshot(long lastUpdateId, List<Level> bids, List<Level> asks) implements BinanceEvent {
        public DepthSnapshot {
            bids = List.copyOf(bids);
            asks = List.copyOf(asks);
        }
    }

    /**
     * {@code <symbol>@kline_<interval>}: the candle of {@code interval} opened at {@code openTime},
     * as it stands at {@code eventTime}; Binance sends it every couple of seconds while it is open
     * and once more with {@code closed} true when it is final. The prices are consistent (as a
     * {@link Bar}'s must be) and the open time is on the interval's boundary.
     *
     * @param closeTime the last millisecond of the candle ({@code openTime + interval - 1 ms})
     * @param trades    the number of trades in the candle
     */
    record Kline(String symbol, Timeframe interval, Instant eventTime, Instant openTime, Instant closeTime, Price open, Price high,
                 Price low, Price close, Quantity volume, long trades, boolean closed) implements BinanceEvent {
        /** The candle as a domain bar of {@code venue}; meaningful as a final bar only when {@link #closed()}. */
        public Bar toBar(String venue) {
            return new Bar(new InstrumentId(venue, symbol), interval, openTime, open, high, low, close, volume);
        }
    }

    /** One price level of a book. */
    record Level(Price price, Quantity quantity) {
    }
}
