package dev.trader.strategy.structure;

/**
 * A break of a swing level, see {@link MarketStructure}.
 *
 * @param direction     {@link Direction#BULLISH} for a break above a swing high, bearish below a swing low
 * @param type          {@link BreakType#BOS} (with the bias) or {@link BreakType#CHOCH} (against it)
 * @param level         the broken swing's price
 * @param swingBarIndex index of the broken swing's pivot bar
 * @param barIndex      index of the breaking bar (the event is reported by its update)
 * @param timeMs        open time of the breaking bar
 * @param price         the breaking bar's close, or its high/low for {@link BreakTrigger#WICK}
 */
public record StructureBreak(Direction direction, BreakType type, double level, long swingBarIndex,
                             long barIndex, long timeMs, double price) {
}
