package dev.trader.ml.signal;

import dev.trader.ml.calibration.ClassCalibration;
import dev.trader.ml.registry.ModelCard;

/** The model a strategy decides with right now: its card (tag, tiers, out-of-sample figures) and its calibrated probabilities. */
public record ActiveModel(ModelCard card, ClassCalibration model) {
}
