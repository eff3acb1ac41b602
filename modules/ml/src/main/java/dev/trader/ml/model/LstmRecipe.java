package dev.trader.ml.model;

/**
 * How the LSTM is shaped and trained: one LSTM layer of {@code hidden} units reads the last
 * {@code lookback} standardized feature rows; its last output feeds a softmax over DOWN, FLAT, UP.
 * Adam at {@code learningRate}, L2 {@code l2}, {@code epochs} seeded shuffles of the training rows
 * in minibatches of {@code batchSize}. The default is small on purpose, so that it trains on two
 * CPU cores in minutes on six weeks of two symbols; it is not tuned.
 */
public record LstmRecipe(int lookback, int hidden, double learningRate, double l2, int epochs, int batchSize) {
    public static final LstmRecipe DEFAULT = new LstmRecipe(16, 24, 2e-3, 1e-4, 2, 256);

    public LstmRecipe {
        if (lookback < 1 || lookback > dev.trader.ml.feature.RecentFeatures.CAPACITY) {
            throw new IllegalArgumentException("the LSTM's lookback must be 1 to " + dev.trader.ml.feature.RecentFeatures.CAPACITY
                    + " rows, not " + lookback);
        }
        if (hidden < 1 || epochs < 1 || batchSize < 1 || !(learningRate > 0) || l2 < 0) {
            throw new IllegalArgumentException("an LSTM recipe needs positive units, epochs, batch size and learning rate: " + this);
        }
    }
}
