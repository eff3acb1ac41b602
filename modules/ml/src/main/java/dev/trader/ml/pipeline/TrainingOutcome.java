package dev.trader.ml.pipeline;

import dev.trader.ml.calibration.ClassCalibration;
import dev.trader.ml.eval.WalkForwardEvaluation;
import dev.trader.ml.model.DirectionModel;
import dev.trader.ml.registry.ModelCard;

/**
 * What a training run produced: the card (not yet versioned), the final model and its
 * calibration, the walk-forward evaluation, and how many rows were DOWN, FLAT, UP or unlabelled.
 */
public record TrainingOutcome(TrainingSpec spec, ModelCard card, DirectionModel classifier, ClassCalibration calibration,
                              WalkForwardEvaluation.Result evaluation, int[] labelCounts) {
}
