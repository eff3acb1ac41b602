package dev.trader.strategy.builtin;

/**
 * The cross rule shared by the moving-average strategies: a cross is a bar whose difference
 * has the opposite sign of the last non-zero difference before it, so a touch is no cross.
 */
final class CrossState {
    private CrossState() {
    }

    /** +1 for a cross up, -1 for a cross down, 0 otherwise. */
    static int cross(int lastSign, double difference) {
        int sign = Double.compare(difference, 0.0);
        if (difference != difference || sign == 0 || lastSign == 0 || sign == lastSign) {
            return 0;
        }
        return sign;
    }

    /** The sign to remember after this bar. */
    static int remember(int lastSign, double difference) {
        return difference > 0 ? 1 : difference < 0 ? -1 : lastSign;
    }
}
