package dev.trader.ml.model;

import dev.trader.ml.feature.FeatureFrame;
import dev.trader.ml.feature.FeatureHistory;
import dev.trader.ml.feature.FrameHistory;
import dev.trader.ml.label.Direction;
import java.util.Random;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Trains an {@link LstmClassifier} on chosen rows of a feature frame with Deeplearning4j: each
 * row's input is its last {@link LstmRecipe#lookback()} feature rows of the same unbroken run
 * ({@link FeatureHistory#window}), standardized on the training rows. Seeded throughout (weight
 * initialization and the order of the minibatches), on one thread, so the same seed and rows give
 * the same weights.
 */
final class LstmTraining {
    private LstmTraining() {
    }

    static LstmClassifier train(LstmRecipe recipe, long seed, FeatureFrame frame, int[] labels, int[] rows) {
        Nd4jThreads.single();
        Nd4j.getRandom().setSeed(seed);
        int features = frame.names().size();
        int classes = Direction.values().length;
        Standardizer standardizer = Standardizer.fit(frame.rows(rows));
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(SequenceTensors.type())
                .weightInit(WeightInit.XAVIER)
                .updater(new Adam(recipe.learningRate()))
                .l2(recipe.l2())
                .list()
                .layer(new LastTimeStep(new LSTM.Builder().nIn(features).nOut(recipe.hidden()).activation(Activation.TANH).build()))
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX).nIn(recipe.hidden()).nOut(classes)
                        .build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        FrameHistory history = FrameHistory.of(frame);
        Random order = new Random(seed);
        int[] shuffled = rows.clone();
        for (int epoch = 0; epoch < recipe.epochs(); epoch++) {
            shuffle(shuffled, order);
            for (int from = 0; from < shuffled.length; from += recipe.batchSize()) {
                int n = Math.min(recipe.batchSize(), shuffled.length - from);
                FeatureHistory[] batch = new FeatureHistory[n];
                int[] y = new int[n];
                for (int j = 0; j < n; j++) {
                    int i = shuffled[from + j];
                    batch[j] = history.at(i);
                    y[j] = labels[i];
                }
                net.fit(SequenceTensors.of(batch, recipe.lookback(), standardizer), SequenceTensors.oneHot(y, classes));
            }
        }
        return new LstmClassifier(net, recipe.lookback(), frame.names(), standardizer);
    }

    private static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
