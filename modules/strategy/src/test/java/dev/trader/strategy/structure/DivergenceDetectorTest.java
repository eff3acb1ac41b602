package dev.trader.strategy.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DivergenceDetectorTest {
    private static final long M = Candle.MINUTE;

    /**
     * left = 1, right = 1; the oscillator is supplied per bar:
     * <pre>
     * bar  high  low   osc
     *  0   12    11    50
     *  1   11.5  10    30   swing low 10
     *  2   13    10.5  60   swing high 13
     *  3   12    8     35   swing low 8:   price 8 &lt; 10, osc 35 &gt; 30   REGULAR_BULLISH, known at 4
     *  4   14    9     55   swing high 14: price 14 &gt; 13, osc 55 &lt; 60  REGULAR_BEARISH, known at 5
     *  5   12.5  8.5   40   swing low 8.5: price 8.5 &gt; 8, osc 40 &gt; 35 no divergence (both higher)
     *  6   13.5  9     65   swing high 13.5: price 13.5 &lt; 14, osc 65 &gt; 55 HIDDEN_BEARISH, known at 7
     *  7   12    8.7   38   swing low 8.7: price 8.7 &gt; 8.5, osc 38 &lt; 40  HIDDEN_BULLISH, known at 8
     *  8   12.5  9.5   50
     *  9   13    10    50
     * </pre>
     */
    static final double[][] ROWS = {{12, 11, 50}, {11.5, 10, 30}, {13, 10.5, 60}, {12, 8, 35}, {14, 9, 55},
        {12.5, 8.5, 40}, {13.5, 9, 65}, {12, 8.7, 38}, {12.5, 9.5, 50}, {13, 10, 50}};

    private static List<List<Divergence>> run(DivergenceDetector d, double[][] rows) {
        List<List<Divergence>> out = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            double[] r = rows[i];
            out.add(d.update(i * M, r[1], r[0], r[1], r[1], r[2]));
        }
        return out;
    }

    @Test
    void allFourDivergencesAreReportedWhenTheirSecondSwingIsConfirmed() {
        List<List<Divergence>> perBar = run(new DivergenceDetector(1, 1), ROWS);
        assertEquals(List.of(new Divergence(DivergenceType.REGULAR_BULLISH, 1, 10, 30, 3, 8, 35, 3 * M, 4)), perBar.get(4));
        assertEquals(List.of(new Divergence(DivergenceType.REGULAR_BEARISH, 2, 13, 60, 4, 14, 55, 4 * M, 5)), perBar.get(5));
        assertEquals(List.of(new Divergence(DivergenceType.HIDDEN_BEARISH, 4, 14, 55, 6, 13.5, 65, 6 * M, 7)), perBar.get(7));
        assertEquals(List.of(new Divergence(DivergenceType.HIDDEN_BULLISH, 5, 8.5, 40, 7, 8.7, 38, 7 * M, 8)), perBar.get(8));
        assertEquals(4, perBar.stream().mapToInt(List::size).sum());
    }

    @Test
    void nothingIsReportedOnThePivotBarItself() {
        // the swing low at bar 3 is only known when bar 4 closes: after bar 3 there is no divergence yet
        List<List<Divergence>> perBar = run(new DivergenceDetector(1, 1), java.util.Arrays.copyOf(ROWS, 4));
        assertEquals(List.of(List.of(), List.of(), List.of(), List.of()), perBar);
    }

    @Test
    void theOscillatorIsReadOnThePivotBarNotOnTheConfirmingBar() {
        // if bar 4's value (55) were used for the swing low at bar 3, the event would say 55
        Divergence d = run(new DivergenceDetector(1, 1), ROWS).get(4).get(0);
        assertEquals(35, d.secondOscillator());
    }

    @Test
    void equalOscillatorValuesOrEqualPricesGiveNoDivergence() {
        double[][] equalOsc = copy(ROWS);
        equalOsc[3][2] = 30; // swing low osc 30 = 30: no regular bullish
        List<Divergence> all = flatten(run(new DivergenceDetector(1, 1), equalOsc));
        assertEquals(List.of(DivergenceType.REGULAR_BEARISH, DivergenceType.HIDDEN_BEARISH, DivergenceType.HIDDEN_BULLISH),
                all.stream().map(Divergence::type).toList());
        double[][] equalPrice = copy(ROWS);
        equalPrice[4][0] = 13; // swing high 13 = 13 (a double top): no regular bearish ...
        equalPrice[6][0] = 12.9; // ... and keep bar 6 a swing high below it: 12.9 < 13 with osc 65 > 55: hidden bearish
        List<Divergence> all2 = flatten(run(new DivergenceDetector(1, 1), equalPrice));
        assertEquals(List.of(DivergenceType.REGULAR_BULLISH, DivergenceType.HIDDEN_BEARISH, DivergenceType.HIDDEN_BULLISH),
                all2.stream().map(Divergence::type).toList());
    }

    @Test
    void aNanOscillatorAtEitherSwingGivesNoDivergence() {
        double[][] warmUp = copy(ROWS);
        warmUp[1][2] = Double.NaN; // the first swing low's oscillator is still warming up
        List<Divergence> all = flatten(run(new DivergenceDetector(1, 1), warmUp));
        assertEquals(List.of(DivergenceType.REGULAR_BEARISH, DivergenceType.HIDDEN_BEARISH, DivergenceType.HIDDEN_BULLISH),
                all.stream().map(Divergence::type).toList());
    }

    @Test
    void swingsFartherApartThanTheLimitAreNotCompared() {
        // every pair above is 2 bars apart
        assertEquals(List.of(), flatten(run(new DivergenceDetector(1, 1, 1), ROWS)));
        assertEquals(4, flatten(run(new DivergenceDetector(1, 1, 2), ROWS)).size());
    }

    private static double[][] copy(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i].clone();
        }
        return out;
    }

    private static List<Divergence> flatten(List<List<Divergence>> perBar) {
        List<Divergence> out = new ArrayList<>();
        perBar.forEach(out::addAll);
        return out;
    }
}
