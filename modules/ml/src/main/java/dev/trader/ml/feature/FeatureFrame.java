package dev.trader.ml.feature;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.market.Bar;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Feature rows of one or more instruments, column by column: row {@code i} is instrument
 * {@code instruments.get(instrument[i])} at the close {@code closeTimeMs[i]}, with its close and
 * {@code columns[c][i]} for each of {@link #names}. Rows are grouped by instrument and in time
 * order within each group.
 */
public record FeatureFrame(List<String> names, List<String> instruments, int[] instrument, long[] closeTimeMs, double[] close,
                           double[][] columns) {

    public FeatureFrame {
        names = List.copyOf(names);
        instruments = List.copyOf(instruments);
        int n = instrument.length;
        if (closeTimeMs.length != n || close.length != n || columns.length != names.size()) {
            throw new IllegalArgumentException("feature frame of " + n + " rows has " + closeTimeMs.length + " times, " + close.length
                    + " closes and " + columns.length + " columns for " + names.size() + " names");
        }
        for (int c = 0; c < columns.length; c++) {
            if (columns[c].length != n) {
                throw new IllegalArgumentException("feature column " + names.get(c) + " has " + columns[c].length + " rows, not " + n);
            }
        }
    }

    /** Computes the features of every bar of every instrument (each list in time order) with a fresh extractor per instrument. */
    public static FeatureFrame compute(Map<InstrumentId, List<Bar>> bars) {
        Map<String, List<Bar>> ordered = new TreeMap<>();
        bars.forEach((id, list) -> ordered.put(id.toString(), list));
        List<String> instruments = new ArrayList<>(ordered.keySet());
        List<double[]> rows = new ArrayList<>();
        List<long[]> keys = new ArrayList<>();
        List<Double> closes = new ArrayList<>();
        for (int k = 0; k < instruments.size(); k++) {
            List<Bar> list = ordered.get(instruments.get(k));
            if (list.isEmpty()) {
                continue;
            }
            FeatureExtractor extractor = new FeatureExtractor(list.get(0).instrument());
            for (Bar bar : list) {
                Optional<double[]> f = extractor.onBar(bar);
                if (f.isPresent()) {
                    rows.add(f.get());
                    keys.add(new long[] {k, bar.closeTime().toEpochMilli()});
                    closes.add(bar.close().toDouble());
                }
            }
        }
        int n = rows.size();
        int[] instrument = new int[n];
        long[] times = new long[n];
        double[] close = new double[n];
        double[][] columns = new double[FeatureNames.count()][n];
        for (int i = 0; i < n; i++) {
            instrument[i] = (int) keys.get(i)[0];
            times[i] = keys.get(i)[1];
            close[i] = closes.get(i);
            double[] row = rows.get(i);
            for (int c = 0; c < columns.length; c++) {
                columns[c][i] = row[c];
            }
        }
        return new FeatureFrame(FeatureNames.ALL, instruments, instrument, times, close, columns);
    }

    public int rows() {
        return instrument.length;
    }

    /** Row {@code i}'s features, in {@link #names} order. */
    public double[] row(int i) {
        double[] out = new double[columns.length];
        for (int c = 0; c < columns.length; c++) {
            out[c] = columns[c][i];
        }
        return out;
    }

    /** The features of the given rows, in that order. */
    public List<double[]> rows(int[] rows) {
        List<double[]> out = new ArrayList<>(rows.length);
        for (int i : rows) {
            out.add(row(i));
        }
        return out;
    }

    /** A frame of the given rows only, in that order. */
    public FeatureFrame select(int[] rows) {
        int n = rows.length;
        int[] ins = new int[n];
        long[] times = new long[n];
        double[] closes = new double[n];
        double[][] cols = new double[columns.length][n];
        for (int j = 0; j < n; j++) {
            int i = rows[j];
            ins[j] = instrument[i];
            times[j] = closeTimeMs[i];
            closes[j] = close[i];
            for (int c = 0; c < cols.length; c++) {
                cols[c][j] = columns[c][i];
            }
        }
        return new FeatureFrame(names, instruments, ins, times, closes, cols);
    }

    /** The rows that close at or after {@code epochMs}: features computed warm on all the data, looked at from then on. */
    public FeatureFrame from(long epochMs) {
        return select(java.util.stream.IntStream.range(0, rows()).filter(i -> closeTimeMs[i] >= epochMs).toArray());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureFrame f && names.equals(f.names) && instruments.equals(f.instruments) && Arrays.equals(instrument, f.instrument)
                && Arrays.equals(closeTimeMs, f.closeTimeMs) && Arrays.equals(close, f.close) && Arrays.deepEquals(columns, f.columns);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(closeTimeMs) * 31 + Arrays.deepHashCode(columns);
    }

    @Override
    public String toString() {
        return "FeatureFrame[" + rows() + " rows of " + instruments + ", " + names.size() + " features]";
    }
}
