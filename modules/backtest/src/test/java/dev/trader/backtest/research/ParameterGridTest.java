package dev.trader.backtest.research;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The grid of --param specs: values in the order given, ranges expanded, the last parameter changing fastest. */
class ParameterGridTest {

    @Test
    void combinationsRunInOdometerOrder() {
        ParameterGrid g = ParameterGrid.parse(List.of("fast=5,8", "slow=20,26,35"));
        assertEquals(6, g.size());
        assertEquals(List.of("fast=5 slow=20", "fast=5 slow=26", "fast=5 slow=35", "fast=8 slow=20", "fast=8 slow=26", "fast=8 slow=35"),
                g.combinations().stream().map(ParameterSet::label).toList());
    }

    @Test
    void rangesExpandWithTheirStep() {
        ParameterGrid g = ParameterGrid.parse(List.of("fast=5..20/5", "k=1.5..2.5/0.5", "n=1..3"));
        assertEquals(List.of("5", "10", "15", "20"), g.axes().get(0).values());
        assertEquals(List.of("1.5", "2.0", "2.5"), g.axes().get(1).values());
        assertEquals(List.of("1", "2", "3"), g.axes().get(2).values());
    }

    @Test
    void repeatedValuesCountOnce() {
        assertEquals(List.of("5", "8"), ParameterGrid.parse(List.of("fast=5,8,5")).axes().get(0).values());
    }

    @Test
    void badSpecsAreRejectedWithTheReason() {
        assertThrows(IllegalArgumentException.class, () -> ParameterGrid.parse(List.of("fast")));
        assertThrows(IllegalArgumentException.class, () -> ParameterGrid.parse(List.of("fast=")));
        assertThrows(IllegalArgumentException.class, () -> ParameterGrid.parse(List.of("fast=5,,8")));
        assertThrows(IllegalArgumentException.class, () -> ParameterGrid.parse(List.of("fast=5", "fast=8")));
        assertThrows(IllegalArgumentException.class, () -> ParameterGrid.parse(List.of("fast=9..5")));
    }

    @Test
    void noParametersIsOneRunWithTheDefaults() {
        assertEquals(List.of(ParameterSet.empty()), new ParameterGrid(List.of()).combinations());
    }
}
