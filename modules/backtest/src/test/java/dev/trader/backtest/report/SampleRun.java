package dev.trader.backtest.report;

import dev.trader.backtest.BacktestConfig;
import dev.trader.backtest.BacktestResult;
import dev.trader.backtest.Backtester;
import dev.trader.backtest.EndOfData;
import dev.trader.backtest.ExecutionModel;
import dev.trader.backtest.MarketDataLoader;
import dev.trader.domain.id.StrategyId;
import dev.trader.strategy.StrategyCatalog;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** R1 on the bundled real week of BTC and ETH 1m candles, with slippage so that every metric has something to show. */
final class SampleRun {
    static final Path ROOT = Path.of("..", "..");
    static final Path BTC = ROOT.resolve("sample-data/BTC_USDT-1m_20230317-20230324.json.gz");
    static final Path ETH = ROOT.resolve("sample-data/ETH_USDT-1m_20230317-20230324.json.gz");

    private SampleRun() {
    }

    /** Positions open at the end are closed out, so that every fill belongs to a round trip. */
    static BacktestResult r1(Path... files) throws IOException {
        BacktestConfig config = BacktestConfig.defaults().withEndOfData(EndOfData.CLOSE_AT_LAST_CLOSE)
                .withExecution(ExecutionModel.DEFAULT.withSlippageBps(new BigDecimal("1.5")));
        return new Backtester(config).run(StrategyCatalog.create(new StrategyId("r1"), "r1", Map.of()), MarketDataLoader.load(List.of(files)).data());
    }
}
