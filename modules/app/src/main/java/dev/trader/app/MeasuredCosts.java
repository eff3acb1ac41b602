package dev.trader.app;

import dev.trader.backtest.execmetrics.CostStatistic;
import dev.trader.backtest.execmetrics.ExecutionMetrics;
import dev.trader.backtest.execmetrics.ExecutionMetricsFiles;
import dev.trader.backtest.execmetrics.SessionTakerCosts;
import java.io.IOException;
import java.nio.file.Path;

/**
 * An execution-metrics file made into the taker costs fills pay, for the backtest
 * ({@code --exec-metrics}) and the paper venue ({@code trader.paper.execution-metrics}) alike.
 *
 * @param file the file read (what {@code latest} resolved to)
 */
record MeasuredCosts(Path file, ExecutionMetrics metrics, SessionTakerCosts costs) {
    /** {@code spec}: {@code latest}, a folder (its latest) or a metrics file. */
    static MeasuredCosts load(String spec, CostStatistic statistic) {
        try {
            Path file = ExecutionMetricsFiles.resolve(spec);
            ExecutionMetrics metrics = ExecutionMetricsFiles.load(file.toString());
            return new MeasuredCosts(file, metrics, new SessionTakerCosts(metrics, statistic));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the execution metrics " + spec + ": " + e.getMessage(), e);
        }
    }
}
