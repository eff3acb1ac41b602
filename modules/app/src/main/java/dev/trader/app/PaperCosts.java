package dev.trader.app;

import com.typesafe.config.Config;
import dev.trader.backtest.execmetrics.CostStatistic;
import dev.trader.domain.cost.TakerCosts;
import dev.trader.domain.id.InstrumentId;
import dev.trader.engine.settings.SettingsException;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The paper venue's taker costs: {@code trader.paper.execution-metrics} names an execution-metrics
 * file ({@code latest}, a folder, or a file) whose spread and slippage market and stop fills pay,
 * by instrument and session, as {@code backtest --exec-metrics} charges them; empty (the default)
 * means none. Every configured instrument must have figures in the file, or the node does not start.
 */
final class PaperCosts {
    private static final Logger LOG = LoggerFactory.getLogger(PaperCosts.class);
    static final String KEY = "trader.paper.execution-metrics";
    static final String STATISTIC_KEY = "trader.paper.execution-metrics-statistic";

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
}
