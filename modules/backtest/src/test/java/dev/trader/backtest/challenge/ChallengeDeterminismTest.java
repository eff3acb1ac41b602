package dev.trader.backtest.challenge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.backtest.BacktestConfig;
import dev.trader.backtest.MarketData;
import dev.trader.backtest.MarketDataLoader;
import dev.trader.backtest.MonitoredResult;
import dev.trader.domain.money.Money;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Same data, settings and seed: byte-identical files; the seed alone decides the Monte Carlo draws. */
class ChallengeDeterminismTest {
    private static final ChallengeRules RULES = ChallengeRules.ftmo(Money.of("100000", "USDT"), 5);

    private static List<ChallengeRun> all(MarketData data, boolean on, long seed) {
        ChallengeSimulator sim = new ChallengeSimulator(ChallengeRealDataTest.config(on), RULES);
        List<ChallengeRun> runs = new ArrayList<>(sim.run(ChallengeRealDataTest::r1, data,
                StartDates.every(data, java.time.Duration.ofDays(1), 5, RULES.floors().zone())));
        runs.addAll(new MonteCarlo(RULES, on).run(sample(sim, data), 100, seed));
        return runs;
    }

    private static TradeSample sample(ChallengeSimulator sim, MarketData data) {
        MonitoredResult whole = sim.backtest(ChallengeRealDataTest.r1(), data);
        return TradeSample.of(whole.result().trades(), RULES.initial(), ChallengeRealDataTest.FEE, LocalDate.of(2023, 3, 17),
                LocalDate.of(2023, 3, 24), RULES.floors().zone());
    }

    @Test
    void sameSeedGivesByteIdenticalFiles(@TempDir Path dir) throws IOException {
        MarketData data = MarketDataLoader.load(ChallengeRealDataTest.SAMPLE).data();
        for (boolean on : new boolean[] {true, false}) {
            ChallengeReport.write(dir.resolve("a" + on), Map.of("seed", "3"), all(data, on, 3));
            ChallengeReport.write(dir.resolve("b" + on), Map.of("seed", "3"), all(data, on, 3));
            for (String f : List.of(ChallengeReport.JSON, ChallengeReport.RUNS, ChallengeReport.BREACHES, ChallengeReport.HTML)) {
                assertArrayEquals(Files.readAllBytes(dir.resolve("a" + on).resolve(f)), Files.readAllBytes(dir.resolve("b" + on).resolve(f)), f);
            }
        }
    }

    @Test
    void monteCarloDrawsDependOnTheSeedAndOnNothingElse() {
        TradeSample.Trade win = new TradeSample.Trade(new BigDecimal("0.03"), new BigDecimal("0.01"));
        TradeSample.Trade loss = new TradeSample.Trade(new BigDecimal("-0.01"), new BigDecimal("0.01"));
        List<List<TradeSample.Trade>> days = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            days.add(i % 3 == 0 ? List.of(win, win) : i % 3 == 1 ? List.of(loss) : List.of());
        }
        TradeSample sample = new TradeSample(days);
        MonteCarlo mc = new MonteCarlo(RULES, true);
        List<ChallengeRun> a = mc.run(sample, 50, 42);
        assertEquals(a, mc.run(sample, 50, 42));
        assertEquals(a.subList(0, 10), mc.run(sample, 10, 42), "run k does not depend on how many runs are made");
        assertNotEquals(a, mc.run(sample, 50, 43));
        assertTrue(a.stream().anyMatch(r -> r.outcome() == ChallengeOutcome.PASSED));
    }
}
