package dev.trader.backtest.execmetrics;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.market.AggressorSide;
import dev.trader.domain.market.Trade;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Slippage from the trade tape alone: how far a taker order's average fill price is beyond its
 * first fill. A marketable order fills first at the best price on the other side (the touch) and
 * then walks the book, and the exchange prints each fill as a trade with the same time and
 * aggressor side, one after the other; so a run of consecutive trades of one instrument with equal
 * time and aggressor is taken to be one taker order, and its slippage is
 * {@code (VWAP − first) / first × 10000} for a buy, {@code (first − VWAP) / first × 10000} for a
 * sell: zero for an order the touch filled, positive for one that walked. Trades without an
 * aggressor side are left out.
 *
 * <p>Why not the trade price against the prevailing quote: the quote and trade streams are not
 * synchronised. Spot {@code @bookTicker} frames carry no time and arrive ahead of the trades that
 * moved them (matched by arrival, the median spot BTCUSDT trade prints a tick inside the quote it
 * "took"); on USDT-M, matched by exchange time, fills land up to 10 bps either side of a 0.016 bps
 * spread. That measures feed latency, not cost. The sweep needs one stream only.
 *
 * <p>Limits: two taker orders on the same side in the same millisecond count as one; the figure
 * is for the sizes the sample's takers traded, not for ours; the touch is the first fill, so
 * a quote that moved away just before the order is not seen as slippage.
 */
final class TakerSweep {
    private TakerSweep() {
    }

    /** Observes one figure per taker order, at its first fill's time; returns the trades used. */
    static long measure(List<Trade> trades, Observations out) {
        Map<InstrumentId, Order> open = new HashMap<>();
        long used = 0;
        for (Trade t : trades) {
            if (t.aggressor() == AggressorSide.UNKNOWN) {
                continue;
            }
            used++;
            Order current = open.get(t.instrument());
            if (current != null && current.continuedBy(t)) {
                current.add(t);
            } else {
                if (current != null) {
                    current.report(out);
                }
                open.put(t.instrument(), new Order(t));
            }
        }
        open.values().stream().sorted((a, b) -> a.instrument.value().compareTo(b.instrument.value())).forEach(o -> o.report(out));
        return used;
    }

    /** The fills of one taker order so far. */
    private static final class Order {
        final InstrumentId instrument;
        final Instant time;
        final AggressorSide side;
        final BigDecimal first;
        BigDecimal quantity = BigDecimal.ZERO;
        BigDecimal notional = BigDecimal.ZERO;

        Order(Trade t) {
            this.instrument = t.instrument();
            this.time = t.time();
            this.side = t.aggressor();
            this.first = t.price().toBigDecimal();
            add(t);
        }

        boolean continuedBy(Trade t) {
            return t.time().equals(time) && t.aggressor() == side;
        }

        void add(Trade t) {
            BigDecimal q = t.quantity().toBigDecimal();
            quantity = quantity.add(q);
            notional = notional.add(t.price().toBigDecimal().multiply(q));
        }

        /** (VWAP − first) / first = (notional − first × quantity) / (first × quantity), signed for the side. */
        void report(Observations out) {
            BigDecimal atFirst = first.multiply(quantity);
            BigDecimal beyond = side == AggressorSide.BUYER ? notional.subtract(atFirst) : atFirst.subtract(notional);
            out.add(instrument, time, Bps.of(beyond, atFirst));
        }
    }
}
