package dev.trader.ml.model;

/** A model's answer for one row: P(DOWN), P(FLAT), P(UP), in {@link dev.trader.ml.label.Direction} order, summing to 1. */
@FunctionalInterface
public interface ClassProbabilities {
    double[] probabilities(double[] features);
}
