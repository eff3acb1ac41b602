package dev.trader.backtest.challenge;

import dev.trader.backtest.BacktestConfig;
import dev.trader.backtest.BacktestResult;
import dev.trader.backtest.Backtester;
import dev.trader.backtest.EquityCurve;
import dev.trader.backtest.MarketData;
import dev.trader.backtest.MonitoredResult;
import dev.trader.backtest.floor.FloorBreach;
import dev.trader.domain.market.Bar;
import dev.trader.domain.money.Money;
import dev.trader.domain.order.Fill;
import dev.trader.strategy.Strategy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs a challenge from each start date: a fresh account of the initial capital, the bars of
 * {@code [start, start + days)} only (the strategy warms up inside the window, as it would on a
 * new account), the backtester with the given configuration (risk on or off) and a
 * {@code FloorMonitor} on the challenge's floors. Sequential and deterministic.
 *
 * <p>Passing: at a timestamp's close, flat (equity = balance), equity at or above the target and
 * at least the minimum of trading days (Prague days with a fill), with no breach at or before
 * that close. Failing: a breach first.
 */
public final class ChallengeSimulator {
    private static final long DAY_MILLIS = 86_400_000L;

    private final BacktestConfig config;
    private final ChallengeRules rules;

    public ChallengeSimulator(BacktestConfig config, ChallengeRules rules) {
        this.config = Objects.requireNonNull(config, "config");
        this.rules = Objects.requireNonNull(rules, "rules");
        if (!config.initialCash().equals(rules.initial())) {
            throw new IllegalArgumentException("initial cash " + config.initialCash() + " differs from the challenge's " + rules.initial());
        }
    }

    /** One run per start, in the order given; {@code strategies} makes a fresh strategy per run. */
    public List<ChallengeRun> run(Supplier<Strategy> strategies, MarketData data, List<Instant> starts) {
        List<ChallengeRun> out = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            out.add(runOne(i, strategies.get(), data, starts.get(i)));
        }
        return out;
    }

    /** The run from {@code start}, also the base run of a Monte Carlo when given the whole data. */
    public MonitoredResult backtest(Strategy strategy, MarketData window) {
        return new Backtester(config).runMonitored(strategy, window, rules.floors());
    }

    private ChallengeRun runOne(int index, Strategy strategy, MarketData data, Instant start) {
        Instant end = start.plus(java.time.Duration.ofDays(rules.days()));
        MarketData window = slice(data, start, end);
        MonitoredResult m = backtest(strategy, window);
        return judge("start", index, start, end, m, rules);
    }

    /** The bars with open time in {@code [from, to)}. */
    public static MarketData slice(MarketData data, Instant from, Instant to) {
        List<Bar> bars = new ArrayList<>();
        long a = from.toEpochMilli();
        long b = to.toEpochMilli();
        for (int i = 0; i < data.size(); i++) {
            long t = data.openMillis(i);
            if (t >= a && t < b) {
                bars.add(data.bar(i));
            }
        }
        if (bars.isEmpty()) {
            throw new IllegalArgumentException("no bars between " + from + " and " + to);
        }
        return MarketData.of(bars);
    }

    static ChallengeRun judge(String kind, int index, Instant start, Instant end, MonitoredResult m, ChallengeRules rules) {
        BacktestResult r = m.result();
        EquityCurve curve = r.equity();
        ZoneId zone = rules.floors().zone();
        long tf = r.timeframe().millis();
        List<Fill> fills = r.fills();
        Set<LocalDate> days = new HashSet<>();
        int nextFill = 0;
        int breachIndex = 0;
        List<FloorBreach> breaches = m.breaches();
        Money target = rules.targetEquity();
        long rejected = m.risk().rejected();
        for (int i = 0; i < curve.size(); i++) {
            long open = curve.timeMillis(i);
            long close = open + tf;
            while (nextFill < fills.size() && fills.get(nextFill).time().toEpochMilli() <= open) {
                days.add(LocalDate.ofInstant(fills.get(nextFill).time(), zone));
                nextFill++;
            }
            if (breachIndex < breaches.size() && breaches.get(breachIndex).time().toEpochMilli() <= close) {
                FloorBreach first = breaches.get(breachIndex);
                return new ChallengeRun(kind, index, start, end, ChallengeOutcome.FAILED, null, days.size(), tradesUpTo(r, close),
                        first.equity(), breaches, rejected);
            }
            Money equity = curve.equity(i);
            if (equity.equals(curve.cash(i)) && equity.compareTo(target) >= 0 && days.size() >= rules.minTradingDays()) {
                BigDecimal d = BigDecimal.valueOf(close - start.toEpochMilli()).divide(BigDecimal.valueOf(DAY_MILLIS), 2, RoundingMode.HALF_EVEN);
                return new ChallengeRun(kind, index, start, end, ChallengeOutcome.PASSED, d, days.size(), tradesUpTo(r, close), equity, List.of(),
                        rejected);
            }
        }
        while (nextFill < fills.size()) {
            days.add(LocalDate.ofInstant(fills.get(nextFill++).time(), zone));
        }
        return new ChallengeRun(kind, index, start, end, ChallengeOutcome.NOT_PASSED, null, days.size(), r.trades().size(), r.finalEquity(),
                breaches, rejected);
    }

    private static int tradesUpTo(BacktestResult r, long closeMillis) {
        int n = 0;
        for (var t : r.trades()) {
            if (t.closeTime().toEpochMilli() < closeMillis) {
                n++;
            }
        }
        return n;
    }
}
