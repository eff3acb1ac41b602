package dev.trader.strategy.structure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Independent, deliberately naive re-implementations of the detectors' definitions: whole-series
 * scans with nested loops, written from the Javadoc rather than from the incremental code, so
 * that the real-data tests compare two different derivations of the same definition.
 */
final class BruteForce {
    private BruteForce() {
    }

    /** Fractal swings by scanning each candidate's window, in report order (confirming bar, then high before low). */
    static List<Swing> swings(List<Candle> bars, int left, int right) {
        List<Swing> out = new ArrayList<>();
        double prevHigh = Double.NaN;
        double prevLow = Double.NaN;
        for (int c = left; c + right < bars.size(); c++) {
            boolean high = true;
            boolean low = true;
            for (int j = c - left; j <= c + right; j++) {
                if (j == c) {
                    continue;
                }
                double hj = bars.get(j).high();
                double lj = bars.get(j).low();
                double hc = bars.get(c).high();
                double lc = bars.get(c).low();
                if (j < c ? !(hc > hj) : !(hc >= hj)) {
                    high = false;
                }
                if (j < c ? !(lc < lj) : !(lc <= lj)) {
                    low = false;
                }
            }
            Candle b = bars.get(c);
            if (high) {
                SwingLabel label = Double.isNaN(prevHigh) ? SwingLabel.NONE : b.high() > prevHigh ? SwingLabel.HH : SwingLabel.LH;
                out.add(new Swing(SwingKind.HIGH, label, b.high(), c, b.timeMs(), c + right));
                prevHigh = b.high();
            }
            if (low) {
                SwingLabel label = Double.isNaN(prevLow) ? SwingLabel.NONE : b.low() < prevLow ? SwingLabel.LL : SwingLabel.HL;
                out.add(new Swing(SwingKind.LOW, label, b.low(), c, b.timeMs(), c + right));
                prevLow = b.low();
            }
        }
        return out;
    }

    /** Breaks: each swing level is watched from the bar after its confirmation up to the bar that confirms the next swing of its kind. */
    static List<StructureBreak> breaks(List<Candle> bars, List<Swing> swings, BreakTrigger trigger) {
        record Candidate(Swing swing, int bar, double price) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int k = 0; k < swings.size(); k++) {
            Swing s = swings.get(k);
            long until = bars.size() - 1;
            for (int m = k + 1; m < swings.size(); m++) {
                if (swings.get(m).kind() == s.kind()) {
                    until = swings.get(m).confirmedIndex();
                    break;
                }
            }
            for (int j = (int) s.confirmedIndex() + 1; j <= until; j++) {
                Candle b = bars.get(j);
                double p = trigger == BreakTrigger.CLOSE ? b.close() : s.isHigh() ? b.high() : b.low();
                if (s.isHigh() ? p > s.price() : p < s.price()) {
                    candidates.add(new Candidate(s, j, p));
                    break;
                }
            }
        }
        candidates.sort(Comparator.comparingInt(Candidate::bar).thenComparing(c -> c.swing().kind()));
        List<StructureBreak> out = new ArrayList<>();
        Trend bias = Trend.NEUTRAL;
        for (Candidate c : candidates) {
            Direction d = c.swing().isHigh() ? Direction.BULLISH : Direction.BEARISH;
            Trend against = d == Direction.BULLISH ? Trend.DOWN : Trend.UP;
            out.add(new StructureBreak(d, bias == against ? BreakType.CHOCH : BreakType.BOS, c.swing().price(),
                    c.swing().barIndex(), c.bar(), bars.get(c.bar()).timeMs(), c.price()));
            bias = d == Direction.BULLISH ? Trend.UP : Trend.DOWN;
        }
        return out;
    }

    /** Fair value gaps and fills, one gap at a time, grouped per bar as the detector reports them. */
    static List<GapEvent> gaps(List<Candle> bars, GapBasis basis, double minSize) {
        List<FairValueGap> found = new ArrayList<>();
        for (int i = 2; i < bars.size(); i++) {
            Candle b1 = bars.get(i - 2);
            Candle b3 = bars.get(i);
            double hi1 = basis == GapBasis.WICK ? b1.high() : Math.max(b1.open(), b1.close());
            double lo1 = basis == GapBasis.WICK ? b1.low() : Math.min(b1.open(), b1.close());
            double hi3 = basis == GapBasis.WICK ? b3.high() : Math.max(b3.open(), b3.close());
            double lo3 = basis == GapBasis.WICK ? b3.low() : Math.min(b3.open(), b3.close());
            if (lo3 > hi1 && lo3 - hi1 > minSize) {
                found.add(new FairValueGap(Direction.BULLISH, basis, hi1, lo3, i - 1, bars.get(i - 1).timeMs(), i));
            }
            if (hi3 < lo1 && lo1 - hi3 > minSize) {
                found.add(new FairValueGap(Direction.BEARISH, basis, hi3, lo1, i - 1, bars.get(i - 1).timeMs(), i));
            }
        }
        List<List<GapEvent>> perBar = new ArrayList<>();
        for (int i = 0; i < bars.size(); i++) {
            perBar.add(new ArrayList<>());
        }
        for (FairValueGap g : found) {
            boolean bull = g.direction() == Direction.BULLISH;
            double deepest = bull ? g.upper() : g.lower();
            for (int j = (int) g.confirmedIndex() + 1; j < bars.size(); j++) {
                Candle b = bars.get(j);
                double p = bull ? b.low() : b.high();
                if (bull ? p < deepest : p > deepest) {
                    deepest = p;
                    boolean full = bull ? p <= g.lower() : p >= g.upper();
                    double fraction = full ? 1 : bull ? (g.upper() - p) / g.size() : (p - g.lower()) / g.size();
                    perBar.get(j).add(new GapFill(g, full ? FillStatus.FILLED : FillStatus.PARTIAL, fraction, j, b.timeMs()));
                    if (full) {
                        break;
                    }
                }
            }
        }
        for (FairValueGap g : found) {
            perBar.get((int) g.confirmedIndex()).add(g);
        }
        List<GapEvent> out = new ArrayList<>();
        perBar.forEach(out::addAll);
        return out;
    }

    /** Patterns bar by bar, from the Javadoc's formulas. */
    static List<CandlePattern> patterns(List<Candle> bars, double wick, double bodyMax, double doji) {
        List<CandlePattern> out = new ArrayList<>();
        for (int i = 0; i < bars.size(); i++) {
            Candle b = bars.get(i);
            double range = b.high() - b.low();
            double body = Math.abs(b.close() - b.open());
            double upper = b.high() - Math.max(b.open(), b.close());
            double lower = Math.min(b.open(), b.close()) - b.low();
            boolean pinBody = range > 0 && body / range <= bodyMax;
            if (pinBody && lower / range >= wick) {
                out.add(new CandlePattern(PatternType.BULLISH_PIN_BAR, i, b.timeMs()));
            }
            if (pinBody && upper / range >= wick) {
                out.add(new CandlePattern(PatternType.BEARISH_PIN_BAR, i, b.timeMs()));
            }
            if (i > 0) {
                Candle p = bars.get(i - 1);
                double pTop = Math.max(p.open(), p.close());
                double pBottom = Math.min(p.open(), p.close());
                boolean contains = Math.min(b.open(), b.close()) <= pBottom && Math.max(b.open(), b.close()) >= pTop
                        && !(Math.min(b.open(), b.close()) == pBottom && Math.max(b.open(), b.close()) == pTop);
                if (p.close() < p.open() && b.close() > b.open() && contains) {
                    out.add(new CandlePattern(PatternType.BULLISH_ENGULFING, i, b.timeMs()));
                }
                if (p.close() > p.open() && b.close() < b.open() && contains) {
                    out.add(new CandlePattern(PatternType.BEARISH_ENGULFING, i, b.timeMs()));
                }
            }
            if (range == 0 ? body == 0 : body / range <= doji) {
                out.add(new CandlePattern(PatternType.DOJI, i, b.timeMs()));
            }
        }
        return out;
    }

    /** Sweeps: every swing level is followed forward on its own until swept or closed beyond. */
    static List<LiquiditySweep> sweeps(List<Candle> bars, List<Swing> swings) {
        record Found(LiquiditySweep sweep, int order) {
        }
        List<Found> found = new ArrayList<>();
        for (int k = 0; k < swings.size(); k++) {
            Swing s = swings.get(k);
            for (int j = (int) s.confirmedIndex() + 1; j < bars.size(); j++) {
                Candle b = bars.get(j);
                boolean beyond = s.isHigh() ? b.high() > s.price() : b.low() < s.price();
                boolean back = s.isHigh() ? b.close() < s.price() : b.close() > s.price();
                boolean accepted = s.isHigh() ? b.close() > s.price() : b.close() < s.price();
                if (beyond && back) {
                    found.add(new Found(new LiquiditySweep(s.kind(), s.price(), s.barIndex(), j, b.timeMs(),
                            s.isHigh() ? b.high() : b.low(), b.close()), k));
                    break;
                }
                if (accepted) {
                    break;
                }
            }
        }
        found.sort(Comparator.comparingLong((Found f) -> f.sweep().barIndex()).thenComparing(f -> f.sweep().sweptKind())
                .thenComparingInt(Found::order));
        return found.stream().map(Found::sweep).toList();
    }

    /** Equal levels between consecutive swings of one kind; {@code atr[i]} is the ATR at bar i's close. */
    static List<EqualLevel> equalLevels(List<Swing> swings, Tolerance tolerance, double[] atr) {
        List<EqualLevel> out = new ArrayList<>();
        for (int k = 0; k < swings.size(); k++) {
            Swing s = swings.get(k);
            for (int m = k - 1; m >= 0; m--) {
                Swing p = swings.get(m);
                if (p.kind() == s.kind()) {
                    double tol = tolerance.at(p.price(), atr[(int) s.confirmedIndex()]);
                    if (Math.abs(s.price() - p.price()) <= tol) {
                        out.add(new EqualLevel(s.kind(), p.price(), p.barIndex(), s.price(), s.barIndex(), s.timeMs(), tol,
                                s.confirmedIndex()));
                    }
                    break;
                }
            }
        }
        return out;
    }

    /** Divergences between consecutive swings of one kind; the oscillator is extra column {@code column}. */
    static List<Divergence> divergences(List<Candle> bars, List<Swing> swings, int column, int maxBetween) {
        List<Divergence> out = new ArrayList<>();
        for (int k = 0; k < swings.size(); k++) {
            Swing s = swings.get(k);
            for (int m = k - 1; m >= 0; m--) {
                Swing p = swings.get(m);
                if (p.kind() != s.kind()) {
                    continue;
                }
                double o1 = bars.get((int) p.barIndex()).extra(column);
                double o2 = bars.get((int) s.barIndex()).extra(column);
                DivergenceType type = null;
                if (s.barIndex() - p.barIndex() <= maxBetween) {
                    boolean priceUp = s.price() > p.price();
                    boolean priceDown = s.price() < p.price();
                    boolean oscUp = o2 > o1;
                    boolean oscDown = o2 < o1;
                    if (s.kind() == SwingKind.LOW) {
                        type = priceDown && oscUp ? DivergenceType.REGULAR_BULLISH : priceUp && oscDown ? DivergenceType.HIDDEN_BULLISH : null;
                    } else {
                        type = priceUp && oscDown ? DivergenceType.REGULAR_BEARISH : priceDown && oscUp ? DivergenceType.HIDDEN_BEARISH : null;
                    }
                }
                if (type != null) {
                    out.add(new Divergence(type, p.barIndex(), p.price(), o1, s.barIndex(), s.price(), o2, s.timeMs(),
                            s.confirmedIndex()));
                }
                break;
            }
        }
        return out;
    }

    /** Wilder ATR at every bar's close (NaN in the warm-up), from {@link Atr} (checked against TA-Lib in the indicator golden tests). */
    static double[] atr(List<Candle> bars, int period) {
        dev.trader.strategy.indicator.Atr atr = new dev.trader.strategy.indicator.Atr(period);
        double[] out = new double[bars.size()];
        for (int i = 0; i < bars.size(); i++) {
            Candle b = bars.get(i);
            atr.update(b.open(), b.high(), b.low(), b.close(), 0);
            out[i] = atr.value();
        }
        return out;
    }
}
