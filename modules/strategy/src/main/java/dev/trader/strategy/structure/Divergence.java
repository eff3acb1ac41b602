package dev.trader.strategy.structure;

/**
 * A divergence between price and an oscillator over the last two confirmed swings of one kind,
 * see {@link DivergenceDetector}.
 *
 * @param type              which of the four divergences
 * @param firstBarIndex     the earlier swing's pivot bar
 * @param firstPrice        the earlier swing's price
 * @param firstOscillator   the oscillator value on the earlier pivot bar
 * @param secondBarIndex    the later swing's pivot bar
 * @param secondPrice       the later swing's price
 * @param secondOscillator  the oscillator value on the later pivot bar
 * @param timeMs            open time of the later pivot bar
 * @param confirmedIndex    the bar that confirmed the later swing and reported this event
 */
public record Divergence(DivergenceType type, long firstBarIndex, double firstPrice, double firstOscillator,
                         long secondBarIndex, double secondPrice, double secondOscillator, long timeMs,
                         long confirmedIndex) {
}
