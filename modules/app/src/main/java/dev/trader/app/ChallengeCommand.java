package dev.trader.app;

import dev.trader.backtest.BacktestConfig;
import dev.trader.backtest.BacktestRisk;
import dev.trader.backtest.LoadedData;
import dev.trader.backtest.MarketData;
import dev.trader.backtest.MonitoredResult;
import dev.trader.backtest.Sizing;
import dev.trader.backtest.challenge.ChallengeReport;
import dev.trader.backtest.challenge.ChallengeRules;
import dev.trader.backtest.challenge.ChallengeRun;
import dev.trader.backtest.challenge.ChallengeSimulator;
import dev.trader.backtest.challenge.MonteCarlo;
import dev.trader.backtest.challenge.StartDates;
import dev.trader.backtest.challenge.TradeSample;
import dev.trader.domain.money.Quantity;
import dev.trader.risk.rules.RiskConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trader challenge}: a prop-firm challenge (FTMO 2-step: +10%, ≥4 trading days, 5% daily
 * and 10% overall floors) run from many start dates on the data and on Monte Carlo resampled
 * trade sequences, with the engine's pre-trade risk on ({@code --rules on}: the entries pass
 * {@code PreTradeRisk}; a breach is one the rules failed to prevent) or off (the same risk
 * fraction, no gates: the breaches that would have happened). Writes challenge.json, runs.csv,
 * breaches.csv and challenge.html. Deterministic: the same input and seed give byte-identical files.
 */
@Command(name = "challenge", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Simulate a prop-firm challenge (target 10%%, min 4 trading days, daily floor 5%% and overall floor 10%% of the initial "
                + "capital, Prague days) from many start dates and on Monte Carlo resampled trade sequences; report pass rate, average "
                + "days to pass and every floor breach (equity at a bar close below a floor, checked independently of the risk module).",
                "--rules on sizes and gates every entry with the engine's pre-trade risk; --rules off trades the same risk fraction "
                        + "without its gates. Writes challenge.json, runs.csv, breaches.csv and challenge.html."})
final class ChallengeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RunInputs inputs;

    @Mixin
    ExecutionOptions execution;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "the folder to write the files into")
    Path out;

    @Option(names = "--starts", paramLabel = "N", description = "N start dates spread evenly over the data (default: every day, see --every)")
    Integer starts;

    @Option(names = "--every", defaultValue = "1d", paramLabel = "STEP", description = "a start every STEP (whole days: 1d, 2d, 7d; default: ${DEFAULT-VALUE})")
    String every;

    @Option(names = "--days", defaultValue = "30", description = "calendar days of each challenge (default: ${DEFAULT-VALUE})")
    int days;

    @Option(names = "--monte-carlo", defaultValue = "0", paramLabel = "K", description = "resampled challenges from the whole-data run's trades (default: none)")
    int monteCarlo;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the Monte Carlo resampling (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--rules", defaultValue = "on", paramLabel = "on|off", description = "pre-trade risk on or off (default: ${DEFAULT-VALUE})")
    String rules;

    @Option(names = "--risk-fraction", defaultValue = "0.005", description = "fraction of equity risked per trade, at most 0.05 (default: ${DEFAULT-VALUE})")
    BigDecimal riskFraction;

    @Option(names = "--max-leverage", defaultValue = "1", description = "with --rules off: largest position notional as a multiple of equity "
            + "(the risk module's max-position-notional is 1 x capital; default: ${DEFAULT-VALUE})")
    BigDecimal maxLeverage;

    @Option(names = "--gap-reserve", defaultValue = "0", description = "with --rules on: slippage beyond a stop the at-stop check assumes, "
            + "fraction of the stop price (default: ${DEFAULT-VALUE})")
    BigDecimal gapReserve;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        try {
            boolean on = switch (rules.toLowerCase(Locale.ROOT)) {
                case "on" -> true;
                case "off" -> false;
                default -> throw new IllegalArgumentException("--rules must be on or off but was '" + rules + "'");
            };
            StrategyFile file = inputs.strategy();
            BacktestConfig base = execution.config();
            BacktestConfig config = on ? base.withRisk(BacktestRisk.propFirm(riskConfig(base)))
                    : base.withSizing(new Sizing.RiskFraction(riskFraction, maxLeverage, execution.fee, Quantity.of(execution.lot)));
            ChallengeRules challenge = ChallengeRules.ftmo(base.initialCash(), days);
            LoadedData loaded = inputs.load(file, stdout, stderr);
            execution.showCosts(loaded.data().instruments(), stdout);
            MarketData data = loaded.data();
            ZoneId zone = challenge.floors().zone();
            List<Instant> startDates = starts != null ? StartDates.spread(data, starts, days, zone)
                    : StartDates.every(data, step(every), days, zone);
            ChallengeSimulator simulator = new ChallengeSimulator(config, challenge);
            List<ChallengeRun> runs = new ArrayList<>(simulator.run(file::strategy, data, startDates));
            if (monteCarlo > 0) {
                MonitoredResult whole = simulator.backtest(file.strategy(), data);
                TradeSample sample = TradeSample.of(whole.result().trades(), base.initialCash(), execution.fee,
                        LocalDate.ofInstant(data.bar(0).openTime(), zone), LocalDate.ofInstant(data.bar(data.size() - 1).openTime(), zone), zone);
                runs.addAll(new MonteCarlo(challenge, on).run(sample, monteCarlo, seed));
            }
            ChallengeReport.write(out, settings(file, on), runs);
            for (ChallengeReport.Totals t : ChallengeReport.totals(runs)) {
                stdout.printf(Locale.ROOT, "%s: %d run(s), %d passed (pass rate %s), %d failed, %d not passed, average days to pass %s, "
                                + "%d breach(es) in %d run(s)%n", t.kind(), t.runs(), t.passed(), t.passRate().toPlainString(), t.failed(),
                        t.notPassed(), t.averageDaysToPass() == null ? "n/a" : t.averageDaysToPass().toPlainString(), t.breaches(), t.runsWithBreach());
            }
            stdout.printf("wrote %s, %s, %s, %s in %s%n", ChallengeReport.JSON, ChallengeReport.RUNS, ChallengeReport.BREACHES,
                    ChallengeReport.HTML, out);
            stdout.flush();
            return 0;
        } catch (IllegalArgumentException | dev.trader.marketdata.file.MarketDataFileException e) {
            stderr.println("trader challenge: " + e.getMessage());
            stderr.flush();
            return 2;
        }
    }

    /** The engine's risk settings for the challenge: defaults (FTMO 2-step) with the fee rate, risk fraction and gap reserve given. */
    private RiskConfig riskConfig(BacktestConfig base) {
        Map<String, String> flat = new LinkedHashMap<>();
        flat.put("trader.risk.fee-rate", execution.fee.toPlainString());
        flat.put("trader.risk.sizing.risk-fraction", riskFraction.toPlainString());
        flat.put("trader.risk.prop-firm.gap-reserve", gapReserve.toPlainString());
        return RiskConfig.read(flat, base.initialCash());
    }

    private static Duration step(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (!t.endsWith("d")) {
            throw new IllegalArgumentException("--every takes whole days such as 1d but was '" + text + "'");
        }
        try {
            int n = Integer.parseInt(t.substring(0, t.length() - 1));
            if (n < 1) {
                throw new NumberFormatException();
            }
            return Duration.ofDays(n);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--every takes whole days such as 1d but was '" + text + "'");
        }
    }

    private Map<String, String> settings(StrategyFile file, boolean on) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("strategy", file.id().value());
        m.put("rules", on ? "on" : "off");
        m.put("initial_capital", execution.initialCash.toPlainString() + " " + execution.currency);
        m.put("profit_target", "0.10");
        m.put("min_trading_days", "4");
        m.put("daily_loss", "0.05");
        m.put("max_loss", "0.10 (static)");
        m.put("days", Integer.toString(days));
        m.put("starts", starts != null ? Integer.toString(starts) : "every " + every);
        m.put("risk_fraction", riskFraction.toPlainString());
        m.put("max_leverage_rules_off", maxLeverage.toPlainString());
        m.put("gap_reserve", gapReserve.toPlainString());
        m.put("fee", execution.fee.toPlainString());
        m.put("monte_carlo", Integer.toString(monteCarlo));
        m.put("seed", Long.toString(seed));
        return m;
    }
}
