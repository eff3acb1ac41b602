package dev.trader.app;

import dev.trader.backtest.BacktestConfig;
import dev.trader.backtest.BacktestResult;
import dev.trader.backtest.Backtester;
import dev.trader.backtest.LoadedData;
import dev.trader.backtest.MarketDataLoader;
import dev.trader.backtest.RoundTrip;
import dev.trader.marketdata.file.MarketDataFileException;
import dev.trader.ml.bandit.AllocationReplay;
import dev.trader.ml.bandit.ContextualAllocator;
import dev.trader.ml.bandit.PolicyKind;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trader bandit}: adaptive strategy weights per session × regime against equal weights, walk-forward on real data. */
@Command(name = "bandit", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Backtests each strategy on the data, then replays all their trades in time order while a bandit per context "
                + "(session x regime at the trade's open) weighs the strategies: epsilon-greedy, UCB1 and Thompson sampling over wins and "
                + "losses, each strategy's weight bounded below by --min-weight. A trade's weight is fixed when it opens from the outcomes "
                + "of trades closed before, so the comparison with equal weights is out of sample. Seeded: the same input gives the same "
                + "figures.",
                "Example: trader bandit --strategy conf/strategies/ema-cross.conf,conf/strategies/rsi-reversion.conf,"
                        + "conf/strategies/bollinger-breakout.conf --data sample-data/BTC_USDT-1m_20230317-20230324.json.gz --notional 1000"})
final class BanditCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--strategy", required = true, split = ",", paramLabel = "FILE", description = "two or more strategy files: the arms")
    List<Path> strategies;

    @Option(names = "--data", required = true, split = ",", paramLabel = "FILE", description = "candle files")
    List<Path> data;

    @Option(names = "--policy", split = ",", paramLabel = "POLICY", description = "epsilon-greedy, ucb1, thompson (default: all three)")
    List<String> policies;

    @Option(names = "--epsilon", defaultValue = "0.1", paramLabel = "P", description = "epsilon-greedy's exploration rate (default: ${DEFAULT-VALUE})")
    double epsilon;

    @Option(names = "--min-weight", defaultValue = "0.1", paramLabel = "W", description = "every strategy's least weight (default: ${DEFAULT-VALUE})")
    double minWeight;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "the bandits' seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Mixin
    ExecutionOptions execution;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (strategies.size() < 2) {
                throw new IllegalArgumentException("--strategy needs at least two strategy files to weigh, not " + strategies.size());
            }
            List<PolicyKind> kinds = policies == null ? List.of(PolicyKind.values()) : policies.stream().map(PolicyKind::parse).toList();
            LoadedData loaded = MarketDataLoader.load(data);
            BacktestConfig config = execution.config();
            TradeContexts contexts = new TradeContexts(loaded.data().bars());
            List<AllocationReplay.TradeOutcome> trades = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int arm = 0; arm < strategies.size(); arm++) {
                StrategyFile file = StrategyFile.read(strategies.get(arm));
                names.add(file.id().value());
                BacktestResult result = new Backtester(config).run(file.strategy(), loaded.data(), (done, total) -> { });
                for (RoundTrip t : result.trades()) {
                    trades.add(new AllocationReplay.TradeOutcome(arm, contexts.at(t.instrument(), t.openTime()), t.openTime().toEpochMilli(),
                            t.closeTime().toEpochMilli(), t.pnlAfterFees().toBigDecimal().doubleValue()));
                }
                out.printf(Locale.ROOT, "%s: %d round trips, net P&L %s%n", file.id(), result.trades().size(),
                        result.trades().stream().map(RoundTrip::pnlAfterFees).map(m -> m.toBigDecimal()).reduce(java.math.BigDecimal.ZERO,
                                java.math.BigDecimal::add).toPlainString());
            }
            if (trades.isEmpty()) {
                throw new IllegalArgumentException("the strategies made no round trip on this data: nothing to weigh");
            }
            long contextsSeen = trades.stream().map(AllocationReplay.TradeOutcome::context).distinct().count();
            out.printf(Locale.ROOT, "%d trades in %d contexts (session x regime); weights bounded below by %.2f, seed %d%n", trades.size(), contextsSeen,
                    minWeight, seed);
            AllocationReplay.Result equal = AllocationReplay.equalWeights(trades, strategies.size());
            out.printf("%-22s %12s %12s %14s  %s%n", "allocation", "net P&L", "vs equal", "max drawdown", "P&L by strategy " + names);
            print(out, equal, equal);
            for (PolicyKind kind : kinds) {
                ContextualAllocator allocator = new ContextualAllocator(kind, strategies.size(), epsilon, minWeight, seed);
                print(out, AllocationReplay.run(kind.id(), trades, allocator), equal);
            }
            out.flush();
            return 0;
        } catch (IllegalArgumentException | MarketDataFileException e) {
            err.println("trader bandit: " + e.getMessage());
            err.flush();
            return 2;
        }
    }

    private static void print(PrintWriter out, AllocationReplay.Result r, AllocationReplay.Result equal) {
        StringBuilder byArm = new StringBuilder();
        for (double p : r.pnlByArm()) {
            byArm.append(byArm.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", p));
        }
        out.printf(Locale.ROOT, "%-22s %12.2f %+12.2f %14.2f  [%s]%n", r.name(), r.pnl(), r.pnl() - equal.pnl(), r.maxDrawdown(), byArm);
    }
}
