package dev.trader.strategy.emacross;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.id.StrategyId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.market.Timeframe;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.signal.Signal;
import dev.trader.domain.signal.SignalDirection;
import dev.trader.strategy.StrategyConfigException;
import dev.trader.strategy.StrategyState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EmaCrossStrategyTest {
    private static final InstrumentId BTC = InstrumentId.parse("binance:BTCUSDT");
    private static final StrategyId ID = new StrategyId("ema-cross");
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    /**
     * Hand-made closes for fast = 2 (alpha 2/3) and slow = 3 (alpha 1/2):
     * <pre>
     * bar  close  fast       slow     fast - slow
     *  1   10     -          -        warm-up
     *  2    9     9.5        -        warm-up (fast ready, slow not)
     *  3    8     8.5        9.0      -0.5     first comparable bar: sets the sign, no signal
     *  4    8     8.1667     8.5      -0.333
     *  5   12     10.7222    10.25    +0.472   crossed above: LONG
     *  6   12     11.5741    11.125   +0.449
     *  7    6     7.8580     8.5625   -0.704   crossed below: FLAT
     *  8    6     6.6193     7.28125  -0.662
     * </pre>
     */
    private static final String[] CLOSES = {"10", "9", "8", "8", "12", "12", "6", "6"};

    private static Bar bar(int index, String close) {
        Price c = Price.of(close);
        return new Bar(BTC, Timeframe.M1, START.plus(Timeframe.M1.duration().multipliedBy(index)), c, c, c, c, Quantity.of("1"));
    }

    private static List<Bar> bars(String... closes) {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < closes.length; i++) {
            bars.add(bar(i, closes[i]));
        }
        return bars;
    }

    /** Runs the bars through the strategy; returns the signal per bar (null where none) and the final state. */
    private record Run(List<Signal> signals, StrategyState finalState) {
    }

    private static Run run(EmaCrossStrategy strategy, List<Bar> bars) {
        StrategyState state = strategy.initialState(BTC);
        List<Signal> signals = new ArrayList<>();
        for (Bar b : bars) {
            signals.add(strategy.onBar(state, b).orElse(null));
        }
        return new Run(signals, state);
    }

    @Test
    void emitsLongOnTheCrossAboveAndFlatOnTheCrossBackOnly() {
        Run run = run(new EmaCrossStrategy(ID, 2, 3), bars(CLOSES));
        List<SignalDirection> directions = new ArrayList<>();
        for (Signal s : run.signals()) {
            directions.add(s == null ? null : s.direction());
        }
        assertEquals(Arrays.asList(null, null, null, null, SignalDirection.LONG, null, SignalDirection.FLAT, null), directions);
    }

    @Test
    void signalCarriesTheBarsCloseTimeClosePriceAndIndicatorValues() {
        List<Bar> bars = bars(CLOSES);
        Signal longSignal = run(new EmaCrossStrategy(ID, 2, 3), bars).signals().get(4);
        assertEquals(ID, longSignal.strategy());
        assertEquals(BTC, longSignal.instrument());
        assertEquals(Timeframe.M1, longSignal.timeframe());
        assertEquals(bars.get(4).closeTime(), longSignal.time());
        assertEquals(Instant.parse("2024-01-01T00:05:00Z"), longSignal.time());
        assertEquals(Price.of("12"), longSignal.price());
        assertEquals("10.72222222", longSignal.metadata().get("ema_fast"));
        assertEquals("10.25000000", longSignal.metadata().get("ema_slow"));
        assertEquals("EMA2 crossed above EMA3 at close 12", longSignal.reason());
    }

    @Test
    void flatSignalNamesTheCrossBelow() {
        Signal flat = run(new EmaCrossStrategy(ID, 2, 3), bars(CLOSES)).signals().get(6);
        assertEquals(SignalDirection.FLAT, flat.direction());
        assertEquals("EMA2 crossed below EMA3 at close 6", flat.reason());
        assertEquals("7.85802469", flat.metadata().get("ema_fast"));
        assertEquals("8.56250000", flat.metadata().get("ema_slow"));
    }

    @Test
    void noSignalDuringWarmUpEvenWhenTheFastAverageMoves() {
        // slow = 3 needs three bars; bars 1-2 swing hard but nothing can be compared yet
        Run run = run(new EmaCrossStrategy(ID, 2, 3), bars("10", "20", "5"));
        assertEquals(Arrays.asList(null, null, null), run.signals());
        EmaCrossState state = assertInstanceOf(EmaCrossState.class, run.finalState());
        assertTrue(state.slow().isReady());
    }

    @Test
    void stateDuringWarmUpKeepsNoSign() {
        EmaCrossStrategy strategy = new EmaCrossStrategy(ID, 2, 3);
        StrategyState state = strategy.initialState(BTC);
        strategy.onBar(state, bar(0, "10"));
        Optional<Signal> second = strategy.onBar(state, bar(1, "9"));
        EmaCrossState s = assertInstanceOf(EmaCrossState.class, state);
        assertEquals(0, s.lastSign());
        assertTrue(s.fast().isReady());
        assertFalse(s.slow().isReady());
        assertEquals(Optional.empty(), second);
    }

    @Test
    void firstDirectionAfterWarmUpIsNotACross() {
        // equal closes: both averages 10, difference exactly 0, no sign yet; then 11 makes fast > slow for the
        // first time, which is a direction, not a cross
        Run run = run(new EmaCrossStrategy(ID, 2, 3), bars("10", "10", "10", "11", "12"));
        assertEquals(Arrays.asList(null, null, null, null, null), run.signals());
        assertEquals(1, ((EmaCrossState) run.finalState()).lastSign());
    }

    @Test
    void touchingWithoutCrossingIsNoSignal() {
        // fast = 1 is the close itself; slow = 2 (alpha 2/3). Bar 2: fast 8 < slow 9. Bar 3 close 9: slow
        // 9 + 2/3 * 0 = 9, a touch (difference exactly 0). Bar 4 close 8.5: slow 8.6667, below again: no cross.
        Run run = run(new EmaCrossStrategy(ID, 1, 2), bars("10", "8", "9", "8.5"));
        assertEquals(Arrays.asList(null, null, null, null), run.signals());
        assertEquals(-1, ((EmaCrossState) run.finalState()).lastSign());
    }

    @Test
    void crossingThroughATouchSignalsOnceOnTheBarThatCompletesIt() {
        // as above, but after the touch the close rises to 10: slow 9 + 2/3 * 1 = 9.6667 < 10, crossed above
        Run run = run(new EmaCrossStrategy(ID, 1, 2), bars("10", "8", "9", "10", "11"));
        List<SignalDirection> directions = new ArrayList<>();
        for (Signal s : run.signals()) {
            directions.add(s == null ? null : s.direction());
        }
        assertEquals(Arrays.asList(null, null, null, SignalDirection.LONG, null), directions);
    }

    @Test
    void sameBarsTwiceGiveSameSignalsAndEqualFinalState() {
        EmaCrossStrategy strategy = new EmaCrossStrategy(ID, 2, 3);
        List<Bar> bars = bars(CLOSES);
        Run first = run(strategy, bars);
        Run second = run(new EmaCrossStrategy(ID, 2, 3), bars);
        assertEquals(first.signals(), second.signals());
        assertEquals(first.finalState(), second.finalState());
        assertEquals(first, run(strategy, bars));
    }

    @Test
    void resumingFromAnIntermediateStateDecidesTheSame() {
        EmaCrossStrategy strategy = new EmaCrossStrategy(ID, 2, 3);
        List<Bar> bars = bars(CLOSES);
        StrategyState state = strategy.initialState(BTC);
        for (Bar b : bars.subList(0, 4)) {
            strategy.onBar(state, b);
        }
        // a second state brought to the same point by the same bars is equal and decides the same
        StrategyState twin = strategy.initialState(BTC);
        bars.subList(0, 4).forEach(b -> strategy.onBar(twin, b));
        assertEquals(state, twin);
        assertEquals(SignalDirection.LONG, strategy.onBar(twin, bars.get(4)).orElseThrow().direction());
        assertEquals(SignalDirection.LONG, strategy.onBar(state, bars.get(4)).orElseThrow().direction());
    }

    @Test
    void initialStateHasTheConfiguredPeriodsAndNoSign() {
        EmaCrossState s = (EmaCrossState) new EmaCrossStrategy(ID, 12, 26).initialState(BTC);
        assertEquals(12, s.fast().period());
        assertEquals(26, s.slow().period());
        assertEquals(0, s.lastSign());
    }

    @Test
    void fastNotBelowSlowIsRejectedNamingTheKeys() {
        StrategyConfigException equal = assertThrows(StrategyConfigException.class, () -> new EmaCrossStrategy(ID, 26, 26));
        assertEquals("strategies.ema-cross.fast (26) must be below slow (26)", equal.getMessage());
        assertThrows(StrategyConfigException.class, () -> new EmaCrossStrategy(ID, 30, 26));
    }
}
