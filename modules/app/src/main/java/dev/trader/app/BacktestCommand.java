package dev.trader.app;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import dev.trader.backtest.BacktestConfig;
import dev.trader.backtest.BacktestReport;
import dev.trader.backtest.BacktestResult;
import dev.trader.backtest.Backtester;
import dev.trader.backtest.EndOfData;
import dev.trader.backtest.ExecutionModel;
import dev.trader.backtest.IntrabarPath;
import dev.trader.backtest.LoadedData;
import dev.trader.backtest.MarketDataLoader;
import dev.trader.backtest.Sizing;
import dev.trader.backtest.Summary;
import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.id.StrategyId;
import dev.trader.domain.money.Money;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.marketdata.IngestReport;
import dev.trader.marketdata.file.MarketDataFileException;
import dev.trader.strategy.Strategy;
import dev.trader.strategy.StrategyCatalog;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = {"Backtest a strategy file on candle files and write trades.csv, equity.csv and summary.json.",
                "The strategy runs on every instrument of the data (each with its own state and position); market orders fill at "
                        + "the next bar's open, a LONG signal's stop_price places a protective stop, fees and slippage come from the "
                        + "options below. Deterministic: the same input gives byte-identical files."})
final class BacktestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--strategy", required = true, description = "a strategy file (HOCON: type, instruments, parameters), e.g. conf/strategies/r1.conf")
    Path strategyFile;

    @Option(names = "--data", required = true, split = ",", paramLabel = "FILE",
            description = "candle files (Binance kline CSV, Freqtrade JSON, generic OHLCV; gzipped or not), comma-separated; "
                    + "the instrument and timeframe come from the file name")
    List<Path> data;

    @Option(names = "--out", required = true, description = "the folder to write trades.csv, equity.csv and summary.json into")
    Path out;

    @Option(names = "--currency", defaultValue = "USDT", description = "quote currency of every instrument (default: ${DEFAULT-VALUE})")
    String currency;

    @Option(names = "--initial-cash", defaultValue = "100000", description = "starting cash (default: ${DEFAULT-VALUE})")
    BigDecimal initialCash;

    @Option(names = "--fee", defaultValue = "0.001", description = "taker fee rate per fill, of notional (default: ${DEFAULT-VALUE})")
    BigDecimal fee;

    @Option(names = "--maker-fee", description = "maker fee rate for limit fills (default: the --fee rate)")
    BigDecimal makerFee;

    @Option(names = "--slippage-bps", defaultValue = "0", description = "slippage of market and stop fills, basis points (default: ${DEFAULT-VALUE})")
    BigDecimal slippageBps;

    @Option(names = "--spread-bps", defaultValue = "0", description = "bid-ask spread, basis points; takers pay half (default: ${DEFAULT-VALUE})")
    BigDecimal spreadBps;

    @Option(names = "--max-participation", description = "largest fraction of a bar's volume one instrument's fills may take; the rest "
            + "carries to the next bar (default: no limit)")
    BigDecimal maxParticipation;

    @Option(names = "--quantity", description = "fixed quantity per entry (default: 1)")
    BigDecimal quantity;

    @Option(names = "--notional", description = "size each entry to this notional instead, rounded down to --lot")
    BigDecimal notional;

    @Option(names = "--lot", defaultValue = "0.00001", description = "lot size for --notional sizing (default: ${DEFAULT-VALUE})")
    BigDecimal lot;

    @Option(names = "--stop-tick", description = "round signals' stop prices down to this tick (default: keep them exact)")
    BigDecimal stopTick;

    @Option(names = "--close-at-end", description = "close positions still open at the end at the last close (default: report them open)")
    boolean closeAtEnd;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        try {
            StrategyFile file = StrategyFile.read(strategyFile);
            BacktestConfig config = config();
            LoadedData loaded = MarketDataLoader.load(data);
            for (IngestReport r : loaded.reports()) {
                stdout.printf("%s: %d rows, %d bars, %d rejected %s, %d gaps (%d bars missing)%n", r.source(), r.rowsRead(), r.barsAccepted(),
                        r.rejected(), r.rejectionsByReason(), r.gaps(), r.missingBars());
            }
            for (InstrumentId id : loaded.data().instruments()) {
                if (!file.instruments().isEmpty() && !file.instruments().contains(id.value())) {
                    stderr.printf("note: %s is not among the instruments of %s %s; backtesting it anyway%n", id, strategyFile, file.instruments());
                }
            }
            long started = System.nanoTime();
            BacktestResult result = new Backtester(config).run(file.strategy(), loaded.data());
            double seconds = (System.nanoTime() - started) / 1e9;
            BacktestReport.write(result, out);
            Summary s = Summary.of(result);
            stdout.printf("%s on %s: %d bars in %.2f s; %d round trips, net P&L %s %s after %s fees, win rate %s, max drawdown %s; "
                            + "%d position(s) open at the end%n", s.strategy(), s.instruments(), s.bars(), seconds, s.trades(),
                    plain(s.netPnl()), s.currency(), plain(s.fees()), s.winRate().toPlainString(), plain(s.maxDrawdown()), s.openPositions());
            stdout.printf("wrote %s, %s, %s in %s%n", BacktestReport.TRADES, BacktestReport.EQUITY, BacktestReport.SUMMARY, out);
            stdout.flush();
            return 0;
        } catch (IllegalArgumentException | MarketDataFileException e) { // StrategyConfigException is one
            stderr.println("trader backtest: " + e.getMessage());
            stderr.flush();
            return 2;
        }
    }

    private BacktestConfig config() {
        ExecutionModel execution = ExecutionModel.DEFAULT.withTakerFeeRate(fee).withMakerFeeRate(makerFee == null ? fee : makerFee)
                .withSlippageBps(slippageBps).withSpreadBps(spreadBps).withMaxParticipation(maxParticipation);
        Sizing sizing;
        if (notional != null) {
            if (quantity != null) {
                throw new IllegalArgumentException("--quantity and --notional exclude each other");
            }
            sizing = new Sizing.FixedNotional(Money.of(notional, currency), Quantity.of(lot));
        } else {
            sizing = new Sizing.FixedQuantity(Quantity.of(quantity == null ? BigDecimal.ONE : quantity));
        }
        return new BacktestConfig(currency, Money.of(initialCash, currency), execution, sizing,
                closeAtEnd ? EndOfData.CLOSE_AT_LAST_CLOSE : EndOfData.REPORT_OPEN, stopTick == null ? null : Price.of(stopTick),
                IntrabarPath.UNKNOWN);
    }

    private static String plain(Money m) {
        return m.toBigDecimal().toPlainString();
    }

    /**
     * A strategy file as in {@code conf/strategies/}: {@code type}, {@code instruments},
     * {@code parameters} (and {@code description}). The strategy's id is the file name without
     * {@code .conf}.
     */
    record StrategyFile(Strategy strategy, List<String> instruments) {
        static StrategyFile read(Path file) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("--strategy " + file + " is not a readable file");
            }
            try {
                Config c = ConfigFactory.parseFile(file.toFile()).resolve();
                String name = String.valueOf(file.getFileName());
                StrategyId id = new StrategyId(name.endsWith(".conf") ? name.substring(0, name.length() - 5) : name);
                Map<String, Object> parameters = c.hasPath("parameters") ? c.getConfig("parameters").root().unwrapped() : Map.of();
                List<String> instruments = c.hasPath("instruments") ? c.getStringList("instruments") : List.of();
                return new StrategyFile(StrategyCatalog.create(id, c.getString("type"), parameters), instruments);
            } catch (ConfigException e) {
                throw new IllegalArgumentException("strategy file " + file + ": " + e.getMessage(), e);
            }
        }
    }
}
