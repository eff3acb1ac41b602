package dev.trader.strategy.indicator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AtrTest {

    @Test
    void handWorkedPeriodThree() {
        // bar 1 has no true range; TRs from bar 2: 2, 3, 4 | 7, 1
        // seed (bar 4) = (2 + 3 + 4)/3 = 3; bar 5: (3·2 + 7)/3 = 13/3; bar 6: (13/3·2 + 1)/3 = 29/9
        double[][] hlc = {{10, 9, 9.5}, {11, 9, 10}, {12, 9, 11}, {13, 9, 12}, {19, 13, 18}, {18.5, 17.5, 18}};
        double[] expected = {Double.NaN, Double.NaN, Double.NaN, 3, 13.0 / 3, 29.0 / 9};
        Atr atr = new Atr(3);
        assertEquals(4, atr.warmUp());
        for (int i = 0; i < hlc.length; i++) {
            atr.update(0, hlc[i][0], hlc[i][1], hlc[i][2], 0);
            assertEquals(expected[i], atr.value(), 1e-12, "after bar " + (i + 1));
            assertEquals(i >= 3, atr.isReady());
        }
        assertEquals(1.0, atr.trueRange());
    }

    @Test
    void nonPositivePeriodRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Atr(0));
        assertTrue(e.getMessage().contains("period"));
    }
}
