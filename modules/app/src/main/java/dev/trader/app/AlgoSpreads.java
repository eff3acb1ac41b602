package dev.trader.app;

import com.typesafe.config.Config;
import dev.trader.backtest.execmetrics.CostStatistic;
import dev.trader.backtest.execmetrics.ExecutionMetricsFiles;
import dev.trader.backtest.execmetrics.SessionQuotedSpreads;
import dev.trader.domain.cost.QuotedSpreads;
import dev.trader.engine.settings.SettingsException;
import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The spreads the execution algorithms route children by: {@code trader.execution.algo.spread-metrics}
 * names an execution-metrics file ({@code latest}, a folder, or a file) whose quoted spread by symbol
 * and session decides limit or market; empty (the default) means no spread is known and every
 * child goes at market.
 */
final class AlgoSpreads {
    private static final Logger LOG = LoggerFactory.getLogger(AlgoSpreads.class);
    static final String KEY = "trader.execution.algo.spread-metrics";
    static final String STATISTIC_KEY = "trader.execution.algo.spread-metrics-statistic";

    private AlgoSpreads() {
    }

    static QuotedSpreads from(Config config) {
        String spec = config.hasPath(KEY) ? config.getString(KEY).trim() : "";
        if (spec.isEmpty()) {
            return QuotedSpreads.NONE;
        }
        CostStatistic statistic;
        try {
            statistic = CostStatistic.parse(config.hasPath(STATISTIC_KEY) ? config.getString(STATISTIC_KEY) : "mean");
        } catch (IllegalArgumentException e) {
            throw new SettingsException(STATISTIC_KEY + ": " + e.getMessage(), e);
        }
        try {
            Path file = ExecutionMetricsFiles.resolve(spec);
            SessionQuotedSpreads spreads = new SessionQuotedSpreads(ExecutionMetricsFiles.load(file.toString()), statistic);
            LOG.info("execution algorithms route children by the measured spreads of {} (the {})", file, statistic.key());
            return spreads;
        } catch (IOException | IllegalArgumentException e) {
            throw new SettingsException(KEY + ": cannot read the execution metrics " + spec + ": " + e.getMessage(), e);
        }
    }
}
