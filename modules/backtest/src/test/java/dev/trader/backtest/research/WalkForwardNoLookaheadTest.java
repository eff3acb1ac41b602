package dev.trader.backtest.research;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.backtest.BacktestConfig;
import dev.trader.backtest.MarketData;
import dev.trader.backtest.MarketDataLoader;
import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.id.StrategyId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.market.Timeframe;
import dev.trader.domain.money.Price;
import dev.trader.domain.signal.Signal;
import dev.trader.strategy.Strategy;
import dev.trader.strategy.StrategyState;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Walk-forward never uses future data: every backtest it runs sees the bars of one range of one
 * window only, and the parameters a window chooses stay the same when everything after its
 * training (or validation) range is replaced by other prices.
 */
class WalkForwardNoLookaheadTest {
    private static final Path ROOT = Path.of("..", "..");
    private static final List<ParameterSet> GRID = ParameterGrid.parse(List.of("fast=5,8,12", "slow=20,26,35")).combinations();
    private static MarketData data;

    @BeforeAll
    static void load() throws Exception {
        data = MarketDataLoader.load(List.of(ROOT.resolve("sample-data/BTC_USDT-1m_20230317-20230324.json.gz"))).data();
    }

    @Test
    void everyRunSeesTheBarsOfOneRangeOnly() throws Exception {
        Recording factory = new Recording();
        List<WalkForwardWindow> windows = new WalkForwardPlan(Duration.ofDays(2), Duration.ofHours(12), Duration.ofDays(1), false)
                .windows(DataSlice.start(data), DataSlice.end(data));
        List<WindowResult> results = new WalkForward(new SweepRunner(4), BacktestConfig.defaults(), factory, Objective.SHARPE, 3)
                .run(data, windows, GRID, SweepProgress.NONE);
        assertEquals(4, results.size());
        List<Instant[]> ranges = new ArrayList<>();
        for (WalkForwardWindow w : windows) {
            ranges.add(new Instant[] {w.trainStart(), w.trainEnd()});
            ranges.add(new Instant[] {w.validateStart(), w.validateEnd()});
            ranges.add(new Instant[] {w.testStart(), w.testEnd()});
        }
        assertEquals(windows.size() * (GRID.size() + 3 + 1), factory.seen.size(), "grid on training, shortlist of 3 on validation, 1 test");
        for (Instant[] seen : factory.seen) {
            assertTrue(ranges.stream().anyMatch(r -> !seen[0].isBefore(r[0]) && !seen[1].isAfter(r[1])),
                    "a run saw bars " + seen[0] + " to " + seen[1] + ", which is inside no single range");
        }
    }

    @Test
    void theChoiceOfAWindowDoesNotChangeWhenItsFutureDoes() throws Exception {
        List<WalkForwardWindow> windows = new WalkForwardPlan(Duration.ofDays(2), Duration.ZERO, Duration.ofDays(1), false)
                .windows(DataSlice.start(data), DataSlice.end(data));
        WalkForward wf = new WalkForward(new SweepRunner(2), BacktestConfig.defaults(), new R1Factory(), Objective.SHARPE, 1);
        for (WalkForwardWindow w : windows.subList(0, 3)) {
            WindowResult real = wf.runWindow(data, w, GRID);
            WindowResult otherFuture = wf.runWindow(withFutureReplaced(data, w.trainEnd()), w, GRID);
            assertEquals(real.chosen(), otherFuture.chosen(), "window " + w.index());
            assertEquals(real.inSample(), otherFuture.inSample(), "window " + w.index() + ": in-sample metrics");
            assertEquals(real.trainRuns(), otherFuture.trainRuns(), "window " + w.index() + ": every training run");
            assertNotEquals(real.outOfSample(), otherFuture.outOfSample(), "the test range did see the other prices");
        }
    }

    /** The bars from {@code from} on, mirrored around their first open: a different future with the same timestamps. */
    private static MarketData withFutureReplaced(MarketData data, Instant from) {
        List<Bar> bars = new ArrayList<>();
        double pivot = Double.NaN;
        for (int i = 0; i < data.size(); i++) {
            Bar b = data.bar(i);
            if (b.openTime().isBefore(from)) {
                bars.add(b);
                continue;
            }
            if (Double.isNaN(pivot)) {
                pivot = b.open().toDouble();
            }
            bars.add(new Bar(b.instrument(), b.timeframe(), b.openTime(), mirror(b.open(), pivot), mirror(b.low(), pivot), mirror(b.high(), pivot),
                    mirror(b.close(), pivot), b.volume()));
        }
        return MarketData.of(bars);
    }

    private static Price mirror(Price p, double pivot) {
        return Price.of(BigDecimal.valueOf(2 * pivot - p.toDouble()).setScale(2, RoundingMode.HALF_EVEN));
    }

    /** R1, recording the first open and last close of the bars each created strategy was shown. */
    private static final class Recording implements StrategyFactory {
        final List<Instant[]> seen = Collections.synchronizedList(new ArrayList<>());

        @Override
        public Strategy create(ParameterSet parameters) {
            Strategy r1 = new R1Factory().create(parameters);
            Instant[] range = {null, null};
            seen.add(range);
            return new Strategy() {
                @Override
                public StrategyId id() {
                    return r1.id();
                }

                @Override
                public Set<Timeframe> timeframes() {
                    return r1.timeframes();
                }

                @Override
                public StrategyState initialState(InstrumentId instrument) {
                    return r1.initialState(instrument);
                }

                @Override
                public Optional<Signal> onBar(StrategyState state, Bar bar) {
                    if (range[0] == null) {
                        range[0] = bar.openTime();
                    }
                    range[1] = bar.closeTime();
                    return r1.onBar(state, bar);
                }
            };
        }
    }
}
