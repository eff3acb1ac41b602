package dev.trader.strategy.timeframe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
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
import dev.trader.strategy.Strategy;
import dev.trader.strategy.StrategyCatalog;
import dev.trader.strategy.StrategyState;
import dev.trader.strategy.state.StateObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@link MultiTimeframeStrategy}: a strategy is fed base (1m) bars only and is shown each bar of
 * its other timeframes exactly when it closes, in ascending order with the base bar that closed
 * it, never earlier.
 */
class MultiTimeframeStrategyTest {
    private static final InstrumentId BTC = Candles.BTC;
    private static final Instant NINE_THIRTY = Instant.parse("2023-03-17T09:30:00Z");

    /** A strategy that records every bar it is shown and signals on the timeframes asked for. */
    private static final class Recorder implements Strategy {
        private final Set<Timeframe> wanted;
        private final Set<Timeframe> signalOn;
        final List<Bar> seen = new ArrayList<>();

        Recorder(Set<Timeframe> wanted, Set<Timeframe> signalOn) {
            this.wanted = wanted;
            this.signalOn = signalOn;
        }

        @Override
        public StrategyId id() {
            return new StrategyId("rec");
        }

        @Override
        public Set<Timeframe> timeframes() {
            return wanted;
        }

        @Override
        public StrategyState initialState(InstrumentId instrument) {
            return new Shown();
        }

        @Override
        public Optional<Signal> onBar(StrategyState state, Bar bar) {
            seen.add(bar);
            ((Shown) state).bars++;
            if (!signalOn.contains(bar.timeframe())) {
                return Optional.empty();
            }
            return Optional.of(new Signal(id(), bar.instrument(), bar.timeframe(), bar.closeTime(), SignalDirection.LONG, 0.5, bar.close(),
                    "on " + bar.timeframe().label(), Map.of()));
        }
    }

    /** The recorder's state: how many bars it was shown. */
    static final class Shown extends StateObject implements StrategyState {
        long bars;
    }

    /** Hand-made 1m bars: minute m after 09:30 has close 100 + m % 7, high close + 1, low close - 1, volume m + 1. */
    private static Bar minute(int m) {
        BigDecimal close = BigDecimal.valueOf(100 + m % 7);
        return new Bar(BTC, Timeframe.M1, NINE_THIRTY.plusSeconds(60L * m), Price.of(close), Price.of(close.add(BigDecimal.ONE)),
                Price.of(close.subtract(BigDecimal.ONE)), Price.of(close), Quantity.of(BigDecimal.valueOf(m + 1)));
    }

    /** The bar of {@code timeframe} opening at {@code open}, rolled up here from the given minutes. */
    private static Bar rolled(Timeframe timeframe, Instant open, List<Bar> minutes) {
        List<Bar> in = minutes.stream().filter(b -> timeframe.alignedOpen(b.openTime()).equals(open)).toList();
        BigDecimal high = in.stream().map(b -> b.high().toBigDecimal()).reduce(BigDecimal::max).orElseThrow();
        BigDecimal low = in.stream().map(b -> b.low().toBigDecimal()).reduce(BigDecimal::min).orElseThrow();
        BigDecimal volume = in.stream().map(b -> b.volume().toBigDecimal()).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Bar(BTC, timeframe, open, in.get(0).open(), Price.of(high), Price.of(low), in.get(in.size() - 1).close(), Quantity.of(volume));
    }

    @Test
    void theTenOClockHourIsShownRightAfterTheTenFiftyNineMinuteAndNeverEarlier() {
        Recorder recorder = new Recorder(EnumSet.of(Timeframe.M1, Timeframe.H1), Set.of());
        Strategy wrapped = MultiTimeframeStrategy.onBase(recorder, Timeframe.M1);
        StrategyState state = wrapped.initialState(BTC);
        List<Bar> minutes = new ArrayList<>();
        for (int m = 0; m <= 95; m++) {
            minutes.add(minute(m));
        }
        Instant ten = Instant.parse("2023-03-17T10:00:00Z");
        for (Bar minute : minutes) {
            int before = recorder.seen.size();
            wrapped.onBar(state, minute);
            List<Bar> shown = recorder.seen.subList(before, recorder.seen.size());
            assertEquals(minute, shown.get(0), "the 1m bar itself comes first");
            String at = minute.openTime().toString();
            if (at.equals("2023-03-17T09:59:00Z")) {
                // the stream started at 09:30, inside the hour: a partial bar of 30 minutes
                assertEquals(List.of(minute, rolled(Timeframe.H1, Instant.parse("2023-03-17T09:00:00Z"), minutes)), shown);
            } else if (at.equals("2023-03-17T10:59:00Z")) {
                assertEquals(List.of(minute, rolled(Timeframe.H1, ten, minutes)), shown);
                assertEquals(minute.closeTime(), shown.get(1).closeTime(), "both close at 11:00");
            } else {
                assertEquals(List.of(minute), shown, "nothing else closes at " + minute.closeTime());
            }
            for (Bar b : recorder.seen) {
                assertTrue(!b.closeTime().isAfter(minute.closeTime()), "shown " + b + " before it closed; now " + minute.closeTime());
            }
        }
        assertEquals(96 + 2, recorder.seen.size());
        assertEquals(98, assertInstanceOf(Shown.class, assertInstanceOf(MultiTimeframeStrategy.State.class, state).inner()).bars);
    }

    @Test
    void onRealMinutesEveryHigherBarComesExactlyWithTheMinuteThatClosesItInAscendingOrder() {
        List<Candles.Row> rows = Candles.freqtradeJsonResource("/engine/BTC_USDT-1m_20230316-first720.json.gz");
        Recorder recorder = new Recorder(EnumSet.of(Timeframe.M1, Timeframe.M15, Timeframe.H1), Set.of());
        Strategy wrapped = MultiTimeframeStrategy.onBase(recorder, Timeframe.M1);
        StrategyState state = wrapped.initialState(BTC);
        TreeMap<Long, Candles.Bucket> quarters = Candles.rollUp(rows, Timeframe.M15);
        TreeMap<Long, Candles.Bucket> hours = Candles.rollUp(rows, Timeframe.H1);
        int quartersShown = 0;
        int hoursShown = 0;
        for (Candles.Row row : rows) {
            Bar minute = row.toBar(Timeframe.M1);
            int before = recorder.seen.size();
            wrapped.onBar(state, minute);
            List<Bar> shown = recorder.seen.subList(before, recorder.seen.size());
            List<Bar> expected = new ArrayList<>(List.of(minute));
            long close = minute.closeTime().toEpochMilli();
            if (close % Timeframe.M15.millis() == 0) {
                expected.add(quarters.get(close - Timeframe.M15.millis()).row().toBar(Timeframe.M15));
                quartersShown++;
            }
            if (close % Timeframe.H1.millis() == 0) {
                expected.add(hours.get(close - Timeframe.H1.millis()).row().toBar(Timeframe.H1));
                hoursShown++;
            }
            assertEquals(expected, List.copyOf(shown), "after the minute of " + minute.openTime());
        }
        // minutes 22:15 to 10:14: 48 quarters (the last closing at 10:15) and 12 hours (the first from 22:15, partial)
        // have closed; the 10:00 hour has not
        assertEquals(48, quartersShown);
        assertEquals(12, hoursShown);
    }

    @Test
    void aStrategyWithoutTheBaseTimeframeSeesOnlyItsOwnBarsAscendingWhenTheyCloseTogether() {
        Recorder recorder = new Recorder(EnumSet.of(Timeframe.M5, Timeframe.M15, Timeframe.H1), Set.of());
        Strategy wrapped = MultiTimeframeStrategy.onBase(recorder, Timeframe.M1);
        assertEquals(Set.of(Timeframe.M1), wrapped.timeframes());
        StrategyState state = wrapped.initialState(BTC);
        for (int m = 0; m <= 95; m++) {
            int before = recorder.seen.size();
            wrapped.onBar(state, minute(m));
            List<Bar> shown = recorder.seen.subList(before, recorder.seen.size());
            if (minute(m).openTime().equals(Instant.parse("2023-03-17T10:59:00Z"))) {
                assertEquals(List.of(Timeframe.M5, Timeframe.M15, Timeframe.H1), shown.stream().map(Bar::timeframe).toList());
            }
        }
        assertTrue(recorder.seen.stream().noneMatch(b -> b.timeframe() == Timeframe.M1));
        // 96 minutes from 09:30 (to 11:06): 19 five-minute bars, 6 quarters, the partial 09:00 hour and the 10:00 hour
        assertEquals(19 + 6 + 2, recorder.seen.size());
    }

    @Test
    void afterAGapTheLateHourComesBeforeTheMinuteThatRevealedIt() {
        Recorder recorder = new Recorder(EnumSet.of(Timeframe.M1, Timeframe.H1), Set.of());
        Strategy wrapped = MultiTimeframeStrategy.onBase(recorder, Timeframe.M1);
        StrategyState state = wrapped.initialState(BTC);
        List<Bar> minutes = new ArrayList<>();
        for (int m = 30; m <= 87; m++) { // 10:00 to 10:57; 10:58 and 10:59 are missing
            minutes.add(minute(m));
        }
        minutes.forEach(b -> wrapped.onBar(state, b));
        assertTrue(recorder.seen.stream().noneMatch(b -> b.timeframe() == Timeframe.H1), "the hour cannot close before a later bar proves the gap");
        Bar late = minute(91); // 11:01
        int before = recorder.seen.size();
        wrapped.onBar(state, late);
        assertEquals(List.of(rolled(Timeframe.H1, Instant.parse("2023-03-17T10:00:00Z"), minutes), late),
                recorder.seen.subList(before, recorder.seen.size()));
    }

    @Test
    void theSignalOfTheLastBarThatRaisedOneIsReturned() {
        Recorder both = new Recorder(EnumSet.of(Timeframe.M1, Timeframe.H1), EnumSet.of(Timeframe.M1, Timeframe.H1));
        Strategy wrapped = MultiTimeframeStrategy.onBase(both, Timeframe.M1);
        StrategyState state = wrapped.initialState(BTC);
        Recorder minuteOnly = new Recorder(EnumSet.of(Timeframe.M1, Timeframe.H1), EnumSet.of(Timeframe.M1));
        Strategy wrappedMinuteOnly = MultiTimeframeStrategy.onBase(minuteOnly, Timeframe.M1);
        StrategyState minuteOnlyState = wrappedMinuteOnly.initialState(BTC);
        Recorder hourOnly = new Recorder(EnumSet.of(Timeframe.M1, Timeframe.H1), EnumSet.of(Timeframe.H1));
        Strategy wrappedHourOnly = MultiTimeframeStrategy.onBase(hourOnly, Timeframe.M1);
        StrategyState hourOnlyState = wrappedHourOnly.initialState(BTC);
        for (int m = 0; m <= 89; m++) {
            Bar minute = minute(m);
            Optional<Signal> s = wrapped.onBar(state, minute);
            Optional<Signal> sm = wrappedMinuteOnly.onBar(minuteOnlyState, minute);
            Optional<Signal> sh = wrappedHourOnly.onBar(hourOnlyState, minute);
            boolean hourCloses = minute.closeTime().toEpochMilli() % Timeframe.H1.millis() == 0;
            assertEquals(hourCloses ? Timeframe.H1 : Timeframe.M1, s.orElseThrow().timeframe());
            assertEquals(minute.closeTime(), s.orElseThrow().time());
            assertEquals(Timeframe.M1, sm.orElseThrow().timeframe());
            assertEquals(hourCloses, sh.isPresent());
        }
    }

    @Test
    void aStrategyThatWantsOnlyTheBaseIsReturnedItselfUnwrapped() {
        Recorder minuteOnly = new Recorder(Set.of(Timeframe.M1), Set.of());
        assertSame(minuteOnly, MultiTimeframeStrategy.onBase(minuteOnly, Timeframe.M1));
        Strategy r1 = StrategyCatalog.create(new StrategyId("r1"), "r1", Map.of());
        assertSame(r1, MultiTimeframeStrategy.onBase(r1, Timeframe.M1));
        Recorder fiveOnly = new Recorder(Set.of(Timeframe.M5), Set.of());
        assertSame(fiveOnly, MultiTimeframeStrategy.onBase(fiveOnly, Timeframe.M5));
        Strategy wrapped = MultiTimeframeStrategy.onBase(fiveOnly, Timeframe.M1);
        MultiTimeframeStrategy mtf = assertInstanceOf(MultiTimeframeStrategy.class, wrapped);
        assertSame(fiveOnly, mtf.inner());
        assertEquals(fiveOnly.id(), wrapped.id());
        assertNull(wrapped.initialState(BTC).suppressions(), "a recorder keeps no suppression counters");
    }

    @Test
    void refusesATimeframeThatCannotBeBuiltFromTheBase() {
        Recorder fives = new Recorder(EnumSet.of(Timeframe.M5, Timeframe.H1), Set.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MultiTimeframeStrategy.onBase(fives, Timeframe.M15));
        assertEquals("strategy rec wants 5m, which cannot be built from 15m bars", e.getMessage());
        Recorder minutes = new Recorder(EnumSet.of(Timeframe.M1, Timeframe.H4), Set.of());
        e = assertThrows(IllegalArgumentException.class, () -> MultiTimeframeStrategy.onBase(minutes, Timeframe.M5));
        assertEquals("strategy rec wants 1m, which cannot be built from 5m bars", e.getMessage());
        // every multiple is accepted: 1h and 4h and 1d from 15m
        Recorder multiples = new Recorder(EnumSet.of(Timeframe.H1, Timeframe.H4, Timeframe.D1), Set.of());
        assertInstanceOf(MultiTimeframeStrategy.class, MultiTimeframeStrategy.onBase(multiples, Timeframe.M15));
    }
}
