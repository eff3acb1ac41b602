package dev.trader.backtest.challenge;

import dev.trader.backtest.floor.FloorBreach;
import dev.trader.domain.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Challenges on resampled trade sequences: each simulation draws {@code days} days with
 * replacement from a {@link TradeSample} (a day keeps its trades together and in order, so a
 * bad day stays a bad day) and applies the trades' returns to a fresh account, compounding.
 * Simulation {@code k} draws from {@code new SplittableRandom(seed + k × golden gamma)}: the same
 * seed gives the same runs, and each run is independent of how many others are made.
 *
 * <p>The floors are checked after each trade on the balance (the sample has no intra-trade
 * equity). With {@code rules} on, the at-stop rule of pre-trade risk is applied: a trade whose
 * loss at its stop would take the balance below the day's or the overall floor is not taken, and
 * a day that reaches the daily floor takes no more trades; a breach then needs a trade that lost
 * more than its risk (a gap through the stop). With rules off every trade is taken. Times are
 * day counts from the epoch: day {@code d} of a simulation is {@code 1970-01-01 + d}.
 */
public final class MonteCarlo {
    private static final long GAMMA = 0x9E3779B97F4A7C15L;

    private final ChallengeRules rules;
    private final boolean rulesOn;

    public MonteCarlo(ChallengeRules rules, boolean rulesOn) {
        this.rules = rules;
        this.rulesOn = rulesOn;
    }

    public List<ChallengeRun> run(TradeSample sample, int simulations, long seed) {
        if (sample.days().isEmpty()) {
            throw new IllegalArgumentException("the base run has no days to resample");
        }
        List<ChallengeRun> out = new ArrayList<>(simulations);
        for (int k = 0; k < simulations; k++) {
            out.add(simulate(k, sample, new SplittableRandom(seed + k * GAMMA)));
        }
        return out;
    }

    private ChallengeRun simulate(int k, TradeSample sample, SplittableRandom random) {
        String ccy = rules.initial().currency();
        BigDecimal initial = rules.initial().toBigDecimal();
        BigDecimal daily = initial.multiply(rules.floors().dailyLoss());
        BigDecimal max = initial.multiply(rules.floors().maxLoss());
        BigDecimal target = rules.targetEquity().toBigDecimal();
        BigDecimal balance = initial;
        BigDecimal highestEod = initial;
        List<FloorBreach> breaches = new ArrayList<>();
        int tradingDays = 0;
        int trades = 0;
        Instant start = Instant.EPOCH;
        Instant end = dayStart(rules.days());
        ChallengeOutcome outcome = ChallengeOutcome.NOT_PASSED;
        BigDecimal daysToPass = null;
        for (int d = 0; d < rules.days() && outcome == ChallengeOutcome.NOT_PASSED; d++) {
            highestEod = highestEod.max(balance);
            BigDecimal dailyFloor = balance.subtract(daily);
            BigDecimal overallFloor = overall(initial, highestEod, max);
            BigDecimal floor = dailyFloor.max(overallFloor);
            boolean traded = false;
            for (TradeSample.Trade t : sample.days().get(random.nextInt(sample.days().size()))) {
                if (rulesOn && (balance.compareTo(floor) <= 0 || t.risk() == null
                        || balance.subtract(balance.multiply(t.risk())).compareTo(floor) < 0)) {
                    continue;
                }
                balance = balance.add(balance.multiply(t.ret())).setScale(Money.SCALE, RoundingMode.HALF_EVEN);
                traded = true;
                trades++;
                Instant at = dayStart(d).plusSeconds(trades);
                if (balance.compareTo(overallFloor) < 0) {
                    breaches.add(breach(at, FloorBreach.OVERALL, balance, overallFloor, ccy));
                } else if (balance.compareTo(dailyFloor) < 0) {
                    breaches.add(breach(at, FloorBreach.DAILY, balance, dailyFloor, ccy));
                }
                if (!breaches.isEmpty()) {
                    outcome = ChallengeOutcome.FAILED;
                    break;
                }
            }
            if (traded) {
                tradingDays++;
            }
            if (outcome == ChallengeOutcome.NOT_PASSED && balance.compareTo(target) >= 0 && tradingDays >= rules.minTradingDays()) {
                outcome = ChallengeOutcome.PASSED;
                daysToPass = BigDecimal.valueOf(d + 1).setScale(2, RoundingMode.UNNECESSARY);
            }
        }
        return new ChallengeRun("monte-carlo", k, start, end, outcome, daysToPass, tradingDays, trades, Money.of(balance, ccy), breaches, 0);
    }

    private BigDecimal overall(BigDecimal initial, BigDecimal highestEod, BigDecimal max) {
        if (!rules.floors().trailing()) {
            return initial.subtract(max);
        }
        BigDecimal f = highestEod.subtract(max);
        return rules.floors().trailingStopsAtInitial() ? f.min(initial) : f;
    }

    private static Instant dayStart(int d) {
        return Instant.EPOCH.plusSeconds(86_400L * d);
    }

    private static FloorBreach breach(Instant at, String floor, BigDecimal balance, BigDecimal floorValue, String ccy) {
        BigDecimal f = floorValue.setScale(Money.SCALE, RoundingMode.HALF_EVEN);
        return new FloorBreach(at, floor, Money.of(balance, ccy), Money.of(f, ccy), Money.of(f.subtract(balance), ccy));
    }
}
