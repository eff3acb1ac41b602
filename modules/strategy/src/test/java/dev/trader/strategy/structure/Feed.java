package dev.trader.strategy.structure;

import java.util.ArrayList;
import java.util.List;

/** Feeds candles to detectors and collects what each update returned. */
final class Feed {
    private Feed() {
    }

    /** All events of the run, in the order they were reported. */
    static <E> List<E> all(StructureDetector<E> detector, List<Candle> bars) {
        List<E> out = new ArrayList<>();
        for (Candle b : bars) {
            out.addAll(detector.update(b.timeMs(), b.open(), b.high(), b.low(), b.close()));
        }
        return out;
    }

    /** What each update returned, one list per bar. */
    static <E> List<List<E>> perBar(StructureDetector<E> detector, List<Candle> bars) {
        List<List<E>> out = new ArrayList<>();
        for (Candle b : bars) {
            out.add(detector.update(b.timeMs(), b.open(), b.high(), b.low(), b.close()));
        }
        return out;
    }

    /** Divergences, feeding extra column {@code column} as the oscillator. */
    static List<Divergence> divergences(DivergenceDetector detector, List<Candle> bars, int column) {
        List<Divergence> out = new ArrayList<>();
        for (Candle b : bars) {
            out.addAll(detector.update(b.timeMs(), b.open(), b.high(), b.low(), b.close(), b.extra(column)));
        }
        return out;
    }
}
