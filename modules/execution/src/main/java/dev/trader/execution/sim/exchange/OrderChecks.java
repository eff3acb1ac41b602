package dev.trader.execution.sim.exchange;

import dev.trader.domain.order.OrderSide;
import dev.trader.execution.sim.api.BinanceError;
import dev.trader.execution.sim.api.Decimals;
import dev.trader.execution.sim.config.SymbolSpec;
import java.math.BigDecimal;

/**
 * The symbol filters an order must pass, in Binance's order (PRICE_FILTER on price and stop price,
 * LOT_SIZE on quantity, then the notional filter), and the stop-price rule ("Order would trigger
 * immediately." when the last price is already past the stop). Market orders are valued at the
 * reference price (the last close), as Binance values them at its average price.
 */
final class OrderChecks {
    private OrderChecks() {
    }

    static void check(SymbolSpec spec, NewOrder o, BigDecimal reference) {
        if (o.price() != null && !priceOk(spec, o.price())) {
            throw BinanceError.filterFailure("PRICE_FILTER").exception();
        }
        if (o.stopPrice() != null && !priceOk(spec, o.stopPrice())) {
            throw BinanceError.filterFailure("PRICE_FILTER").exception();
        }
        if (o.quantity() != null && !lotOk(spec, o.quantity())) {
            throw BinanceError.filterFailure("LOT_SIZE").exception();
        }
        BigDecimal notional = notional(o, reference);
        if (notional != null) {
            boolean market = !o.type().hasPrice();
            boolean tooSmall = notional.compareTo(spec.minNotional()) < 0;
            boolean tooLarge = !market && spec.notionalFilter() == SymbolSpec.NotionalFilter.NOTIONAL
                    && spec.maxNotional().signum() > 0 && notional.compareTo(spec.maxNotional()) > 0;
            if (tooSmall || tooLarge) {
                throw BinanceError.filterFailure(spec.notionalFilter().name()).exception();
            }
        }
        if (o.type().isStop() && reference != null) {
            boolean triggered = o.side() == OrderSide.BUY ? reference.compareTo(o.stopPrice()) >= 0 : reference.compareTo(o.stopPrice()) <= 0;
            if (triggered) {
                throw BinanceError.wouldTriggerImmediately().exception();
            }
        }
    }

    private static boolean priceOk(SymbolSpec spec, BigDecimal p) {
        return p.signum() > 0
                && p.compareTo(spec.minPrice()) >= 0
                && (spec.maxPrice().signum() == 0 || p.compareTo(spec.maxPrice()) <= 0)
                && Decimals.isMultipleOf(p, spec.tickSize());
    }

    private static boolean lotOk(SymbolSpec spec, BigDecimal q) {
        return q.signum() > 0
                && q.compareTo(spec.minQty()) >= 0
                && q.compareTo(spec.maxQty()) <= 0
                && Decimals.isMultipleOf(q, spec.stepSize());
    }

    /** price × quantity; the stop price for a STOP_LOSS; the reference price for a MARKET (null when there is none). */
    private static BigDecimal notional(NewOrder o, BigDecimal reference) {
        if (o.quoteOrderQty() != null) {
            return o.quoteOrderQty();
        }
        BigDecimal at = switch (o.type()) {
            case LIMIT, STOP_LOSS_LIMIT -> o.price();
            case STOP_LOSS -> o.stopPrice();
            case MARKET -> reference;
        };
        return at == null ? null : at.multiply(o.quantity());
    }
}
