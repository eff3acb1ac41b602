package dev.trader.execution.sim.market;

import dev.trader.execution.sim.api.Decimals;
import dev.trader.execution.sim.config.SymbolSpec;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * A plausible one-level book when only candles are replayed: best bid at the last close, best
 * ask one tick above, each with what one order may take of the last bar
 * (volume × maxParticipation, at least one step). Before any bar has closed the first bar's open
 * stands in for the last close. {@code lastUpdateId} counts the closed bars, so it only grows.
 */
public final class BarBook implements DepthSource {
    private final MarketTimeline timeline;
    private final LongSupplier marketClock;
    private final Map<String, SymbolSpec> symbols;
    private final BigDecimal participation;

    public BarBook(MarketTimeline timeline, LongSupplier marketClock, Map<String, SymbolSpec> symbols, BigDecimal participation) {
        this.timeline = timeline;
        this.marketClock = marketClock;
        this.symbols = symbols;
        this.participation = participation;
    }

    @Override
    public Optional<Depth> depth(String symbol) {
        SymbolSpec spec = symbols.get(symbol);
        if (spec == null) {
            return Optional.empty();
        }
        List<SimBar> closed = timeline.closedBars(symbol, marketClock.getAsLong());
        Optional<SimBar> last = closed.isEmpty() ? timeline.firstBar(symbol) : Optional.of(closed.get(closed.size() - 1));
        if (last.isEmpty()) {
            return Optional.of(new Depth(0, List.of(), List.of()));
        }
        SimBar bar = last.get();
        BigDecimal price = closed.isEmpty() ? bar.open() : bar.close();
        BigDecimal qty = Decimals.floorToStep(bar.volume().multiply(participation), spec.stepSize()).max(spec.stepSize());
        return Optional.of(new Depth(closed.size(), List.of(new Depth.Level(price, qty)),
                List.of(new Depth.Level(price.add(spec.tickSize()), qty))));
    }
}
