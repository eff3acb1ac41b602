package dev.trader.app;

import dev.trader.backtest.BacktestConfig;
import dev.trader.backtest.EndOfData;
import dev.trader.backtest.ExecutionModel;
import dev.trader.backtest.IntrabarPath;
import dev.trader.backtest.Sizing;
import dev.trader.backtest.execmetrics.CostStatistic;
import dev.trader.domain.cost.LatencyPenalty;
import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.money.Money;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options every backtesting command shares (backtest, sweep, walk-forward): cash, fees,
 * slippage, spread (fixed, or measured per symbol and session from an execution-metrics file),
 * volume limit, sizing and what happens at the end of the data; turned into a
 * {@link BacktestConfig}.
 */
final class ExecutionOptions {
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

    @Option(names = "--exec-metrics", paramLabel = "latest|FILE|DIR", description = "spread and slippage of market and stop fills measured "
            + "per symbol and session (bin/trader exec-metrics), for the session each bar opens in: 'latest' (the file "
            + "data/execution_metrics_latest.txt names), a folder's latest, or a metrics file; replaces --slippage-bps and --spread-bps")
    String execMetrics;

    @Option(names = "--exec-metrics-stat", defaultValue = "mean", paramLabel = "mean|p50|p90", description = "which figure of the measured "
            + "distributions fills pay (default: ${DEFAULT-VALUE})")
    String execMetricsStat;

    @Option(names = "--latency-ms", defaultValue = "0", paramLabel = "MS", description = "simulated latency of a decision, from the close it "
            + "is made at to the market; above --latency-penalty-threshold-ms market orders pay the p90 of the --exec-metrics slippage "
            + "(default: ${DEFAULT-VALUE})")
    long latencyMs;

    @Option(names = "--latency-penalty-threshold-ms", defaultValue = "500", paramLabel = "MS", description = "latency above which a "
            + "decision is late (default: ${DEFAULT-VALUE})")
    long latencyPenaltyThresholdMs;

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

    private MeasuredCosts measured;

    BacktestConfig config() {
        ExecutionModel execution = ExecutionModel.DEFAULT.withTakerFeeRate(fee).withMakerFeeRate(makerFee == null ? fee : makerFee)
                .withSlippageBps(slippageBps).withSpreadBps(spreadBps).withMaxParticipation(maxParticipation)
                .withLatencyPenalty(latencyPenalty());
        if (execMetrics != null) {
            if (slippageBps.signum() != 0 || spreadBps.signum() != 0) {
                throw new IllegalArgumentException("--exec-metrics replaces --slippage-bps and --spread-bps: give one or the other");
            }
            execution = execution.withMeasuredCosts(measured().costs());
        }
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

    private LatencyPenalty latencyPenalty() {
        try {
            return new LatencyPenalty(Duration.ofMillis(latencyMs), Duration.ofMillis(latencyPenaltyThresholdMs));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException((latencyMs < 0 ? "--latency-ms: " : "--latency-penalty-threshold-ms: ") + e.getMessage(), e);
        }
    }

    /** The metrics file named by --exec-metrics, read once (a command may build its config more than once). */
    private MeasuredCosts measured() {
        if (measured == null) {
            measured = MeasuredCosts.load(execMetrics, CostStatistic.parse(execMetricsStat));
        }
        return measured;
    }

    /**
     * With --exec-metrics: refuses instruments the file has no figures for (before the run, not at
     * its first fill) and prints the cost each instrument's takers pay per session.
     */
    void showCosts(List<InstrumentId> instruments, PrintWriter out) {
        if (execMetrics == null) {
            return;
        }
        MeasuredCosts m = measured();
        m.costs().requireCovers(instruments);
        out.printf("execution costs from %s (created %s, the %s): bps a market or stop fill pays beyond its reference price, per session%n",
                m.file(), m.metrics().created(), m.costs().statistic().key());
        ExecMetricsReport.costs(m.costs(), instruments, out);
        LatencyPenalty penalty = latencyPenalty();
        if (penalty.late()) {
            out.printf("latency %d ms is above the %d ms threshold: market orders pay the p90 slippage instead%n", latencyMs,
                    latencyPenaltyThresholdMs);
        }
        out.flush();
    }
}
