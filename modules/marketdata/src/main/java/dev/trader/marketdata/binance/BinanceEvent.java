package dev.trader.marketdata.binance;

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

    /** One price level of a book. */
    record Level(Price price, Quantity quantity) {
    }
}
