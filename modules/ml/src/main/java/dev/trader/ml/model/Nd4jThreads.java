package dev.trader.ml.model;

import org.nd4j.linalg.factory.Nd4j;

/**
 * nd4j computes on one thread here, for two reasons measured on the 2-core machine: its OpenMP and
 * OpenBLAS pools fight the JVM for the cores (one thread trained the LSTM 2.4 times faster than
 * two), and a sum split over another number of threads rounds differently, so only a fixed count
 * gives the same weights from the same seed on every machine.
 */
final class Nd4jThreads {
    private static volatile boolean set;

    private Nd4jThreads() {
    }

    static void single() {
        if (!set) {
            synchronized (Nd4jThreads.class) {
                if (!set) {
                    Nd4j.getEnvironment().setMaxThreads(1);
                    Nd4j.getEnvironment().setMaxMasterThreads(1);
                    Nd4j.factory().blas().setMaxThreads(1);
                    set = true;
                }
            }
        }
    }
}
