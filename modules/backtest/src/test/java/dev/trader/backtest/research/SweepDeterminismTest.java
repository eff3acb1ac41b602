package dev.trader.backtest.research;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.backtest.BacktestConfig;
import dev.trader.backtest.MarketData;
import dev.trader.backtest.MarketDataLoader;
import dev.trader.backtest.report.SweepCsv;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A sweep gives the same results, in grid order, on one thread and on many: R1 over a 4 × 3 grid
 * on the bundled real week of BTC and ETH.
 */
class SweepDeterminismTest {
    private static final Path ROOT = Path.of("..", "..");
    private static MarketData data;
    private static final ParameterGrid GRID = ParameterGrid.parse(List.of("fast=5,8,12,30", "slow=20,26,35"));

    @BeforeAll
    static void load() throws Exception {
        data = MarketDataLoader.load(List.of(ROOT.resolve("sample-data/BTC_USDT-1m_20230317-20230324.json.gz"),
                ROOT.resolve("sample-data/ETH_USDT-1m_20230317-20230324.json.gz"))).data();
    }

    @Test
    void oneThreadAndManyThreadsGiveEqualResultsInGridOrder() throws Exception {
        List<Integer> progress = Collections.synchronizedList(new ArrayList<>());
        List<SweepResult> one = new SweepRunner(1).run(BacktestConfig.defaults(), data, GRID.combinations(), new R1Factory(), SweepProgress.NONE);
        List<SweepResult> many = new SweepRunner(8).run(BacktestConfig.defaults(), data, GRID.combinations(), new R1Factory(),
                (done, total) -> progress.add(done));
        assertEquals(12, one.size());
        assertEquals(one, many, "metrics equal by value, in the same order");
        assertEquals(SweepCsv.csv(GRID.names(), one), SweepCsv.csv(GRID.names(), many), "and so are the files");
        assertEquals(GRID.combinations(), many.stream().map(SweepResult::parameters).toList(), "grid order");
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12), progress);
    }

    @Test
    void parameterSetsTheStrategyRejectsAreReportedNotFatal() throws Exception {
        List<SweepResult> r = SweepRunner.sizedToMachine().run(BacktestConfig.defaults(), data, GRID.combinations(), new R1Factory(),
                SweepProgress.NONE);
        SweepResult bad = r.get(9); // fast=30 slow=20: R1 wants slow > fast
        assertEquals("fast=30 slow=20", bad.parameters().label());
        assertFalse(bad.ok());
        assertTrue(bad.error().contains("slow"), bad.error());
        assertTrue(r.get(0).ok());
        assertNotEquals(r.get(0).metrics().trades().trades(), r.get(2).metrics().trades().trades(), "different parameters trade differently");
        String row = SweepCsv.csv(GRID.names(), r).lines().filter(l -> l.startsWith("30,20,")).findFirst().orElseThrow();
        assertTrue(row.startsWith("30,20,invalid: strategies.r1.slow must be within 31..1000 but was 20,"), "the CSV says why: " + row);
    }

    @Test
    void theDefaultPoolIsSizedToTheMachine() {
        assertEquals(Runtime.getRuntime().availableProcessors(), SweepRunner.sizedToMachine().threads());
    }
}
