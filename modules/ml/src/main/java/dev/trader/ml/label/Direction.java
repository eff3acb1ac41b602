package dev.trader.ml.label;

/** Where the price went over the label horizon: the classes every model here predicts, in this order. */
public enum Direction {
    DOWN, FLAT, UP;

    /** The class index of a Tribuo label name. */
    public static Direction of(String name) {
        return valueOf(name);
    }
}
