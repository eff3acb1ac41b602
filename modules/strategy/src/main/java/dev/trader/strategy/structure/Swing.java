package dev.trader.strategy.structure;

/**
 * A confirmed swing (fractal pivot), see {@link SwingDetector} for the exact definition.
 *
 * @param kind           top or bottom
 * @param label          compared with the previous confirmed swing of the same kind
 * @param price          the pivot bar's high (for {@link SwingKind#HIGH}) or low
 * @param barIndex       index of the pivot bar (0 = first bar fed to the detector)
 * @param timeMs         open time of the pivot bar, epoch milliseconds
 * @param confirmedIndex index of the bar whose close confirmed it: always {@code barIndex + right};
 *                       the swing is reported by that bar's update, never earlier
 */
public record Swing(SwingKind kind, SwingLabel label, double price, long barIndex, long timeMs, long confirmedIndex) {

    public boolean isHigh() {
        return kind == SwingKind.HIGH;
    }
}
