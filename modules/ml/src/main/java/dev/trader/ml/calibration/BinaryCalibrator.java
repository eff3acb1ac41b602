package dev.trader.ml.calibration;

/** Maps a model's score for one class to the probability that the class is the outcome. */
public interface BinaryCalibrator {
    double calibrate(double score);
}
