package dev.trader.app;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import dev.trader.backtest.execmetrics.CostStatistic;
import dev.trader.domain.cost.LatencyPenalty;
import dev.trader.domain.cost.TakerCosts;
import dev.trader.domain.id.InstrumentId;
import dev.trader.engine.settings.SettingsException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The paper venue's taker costs: {@code trader.paper.execution-metrics} names an execution-metrics
 * file ({@code latest}, a folder, or a file) whose spread and slippage market and stop fills pay,
 * by instrument and session, as {@code backtest --exec-metrics} charges them; empty (the default)
 * means none. Every configured instrument must have figures in the file, or the node does not start.
 * {@code trader.paper.latency} and {@code trader.paper.latency-penalty-threshold} are the
 * {@link LatencyPenalty}: a latency above the threshold makes market fills pay the late cost.
 */
final class PaperCosts {
    private static final Logger LOG = LoggerFactory.getLogger(PaperCosts.class);
    static final String KEY = "trader.paper.execution-metrics";
    static final String STATISTIC_KEY = "trader.paper.execution-metrics-statistic";
    static final String LATENCY_KEY = "trader.paper.latency";
    static final String THRESHOLD_KEY = "trader.paper.latency-penalty-threshold";

    private PaperCosts() {
    }

    static TakerCosts from(Config config, Collection<String> instruments) {
        String spec = config.hasPath(KEY) ? config.getString(KEY).trim() : "";
        if (spec.isEmpty()) {
            return TakerCosts.NONE;
        }
        try {
            CostStatistic statistic = CostStatistic.parse(config.hasPath(STATISTIC_KEY) ? config.getString(STATISTIC_KEY) : "mean");
            MeasuredCosts measured = MeasuredCosts.load(spec, statistic);
            List<InstrumentId> ids = instruments.stream().map(InstrumentId::parse).sorted((a, b) -> a.value().compareTo(b.value())).toList();
            measured.costs().requireCovers(ids);
            LOG.info("paper fills pay the measured spread and slippage of {} (created {}, the {})", measured.file(), measured.metrics().created(),
                    statistic.key());
            return measured.costs();
        } catch (IllegalArgumentException e) {
            throw new SettingsException(KEY + ": " + e.getMessage());
        }
    }

    /** The simulated latency of the paper venue's decisions; absent keys: none, and the default threshold. */
    static LatencyPenalty latencyPenalty(Config config) {
        Duration latency = duration(config, LATENCY_KEY, Duration.ZERO);
        Duration threshold = duration(config, THRESHOLD_KEY, LatencyPenalty.DEFAULT_THRESHOLD);
        LatencyPenalty penalty;
        try {
            penalty = new LatencyPenalty(latency, threshold);
        } catch (IllegalArgumentException e) {
            throw new SettingsException((latency.isNegative() ? LATENCY_KEY : THRESHOLD_KEY) + ": " + e.getMessage());
        }
        if (penalty.late()) {
            LOG.info("paper market orders are late ({} ms above the {} ms threshold): they pay the p90 slippage of the execution metrics",
                    latency.toMillis(), threshold.toMillis());
        }
        return penalty;
    }

    private static Duration duration(Config config, String key, Duration absent) {
        if (!config.hasPath(key)) {
            return absent;
        }
        try {
            return config.getDuration(key);
        } catch (ConfigException.WrongType | ConfigException.BadValue e) {
            throw new SettingsException(key + " must be a duration such as 250ms: " + e.getMessage());
        }
    }
}
