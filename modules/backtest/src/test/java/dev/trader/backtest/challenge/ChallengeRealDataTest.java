package dev.trader.backtest.challenge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trader.backtest.BacktestConfig;
import dev.trader.backtest.BacktestRisk;
import dev.trader.backtest.MarketData;
import dev.trader.backtest.MarketDataLoader;
import dev.trader.backtest.Sizing;
import dev.trader.domain.id.StrategyId;
import dev.trader.domain.money.Quantity;
import dev.trader.risk.rules.RiskConfig;
import dev.trader.strategy.Strategy;
import dev.trader.strategy.StrategyCatalog;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The risky configuration pinned here, R1 risking 5% of equity per trade (the hard maximum) on real
 * 1m data, breaches the FTMO floors when the rules are off and never when they are on.
 */
class ChallengeRealDataTest {
    static final Path ROOT = Path.of("..", "..");
    static final List<Path> SAMPLE = List.of(ROOT.resolve("sample-data/BTC_USDT-1m_20230317-20230324.json.gz"),
            ROOT.resolve("sample-data/ETH_USDT-1m_20230317-20230324.json.gz"));
    static final Path SHARED = Path.of(System.getenv().getOrDefault("TRADER_MARKET_DATA", "/work/shared/data"), "binance-spot-1m");
    static final BigDecimal RISK = new BigDecimal("0.05");
    static final BigDecimal FEE = new BigDecimal("0.001");

    static Strategy r1() {
        return StrategyCatalog.create(new StrategyId("r1"), "r1", Map.of());
    }

    /** Rules on: the engine's risk defaults at 5% per trade; off: the same 5% sized without gates, notional ≤ 1 × equity. */
    static BacktestConfig config(boolean rulesOn) {
        BacktestConfig base = BacktestConfig.defaults();
        if (rulesOn) {
            RiskConfig risk = RiskConfig.read(Map.of("trader.risk.fee-rate", FEE.toPlainString(), "trader.risk.sizing.risk-fraction",
                    RISK.toPlainString()), base.initialCash());
            return base.withRisk(BacktestRisk.propFirm(risk));
        }
        return base.withSizing(new Sizing.RiskFraction(RISK, BigDecimal.ONE, FEE, Quantity.of("0.00001")));
    }

    static List<ChallengeRun> starts(MarketData data, boolean rulesOn, int days) {
        ChallengeRules rules = ChallengeRules.ftmo(BacktestConfig.defaults().initialCash(), days);
        List<Instant> starts = StartDates.every(data, Duration.ofDays(1), days, rules.floors().zone());
        return new ChallengeSimulator(config(rulesOn), rules).run(ChallengeRealDataTest::r1, data, starts);
    }

    static int breaches(List<ChallengeRun> runs) {
        int n = 0;
        for (ChallengeRun r : runs) {
            n += r.breaches().size();
        }
        return n;
    }

    @Test
    void onTheBundledWeekRulesOnPreventEveryBreachThatRulesOffCommits() throws IOException {
        MarketData data = MarketDataLoader.load(SAMPLE).data();
        List<ChallengeRun> on = starts(data, true, 5);
        List<ChallengeRun> off = starts(data, false, 5);
        assertEquals(2, on.size());
        assertEquals(0, breaches(on), () -> "rules on: " + on);
        assertTrue(breaches(off) >= 1, () -> "rules off: " + off);
        assertTrue(off.stream().allMatch(r -> r.outcome() == ChallengeOutcome.FAILED), () -> "rules off: " + off);
        assertTrue(on.stream().allMatch(r -> r.rejected() > 0), "the rules had something to reject");
    }

    @Test
    void onTheSharedMonthsRulesOnPreventEveryBreachThatRulesOffCommits() throws IOException {
        Path btc = SHARED.resolve("BTC_USDT-1m_20210402-20210514.json.gz");
        Path eth = SHARED.resolve("ETH_USDT-1m_20210402-20210514.json.gz");
        assumeTrue(Files.isRegularFile(btc) && Files.isRegularFile(eth), "shared 1m data absent");
        MarketData data = MarketDataLoader.load(new ArrayList<>(List.of(btc, eth))).data();
        List<ChallengeRun> on = starts(data, true, 30);
        List<ChallengeRun> off = starts(data, false, 30);
        assertEquals(12, on.size());
        assertEquals(0, breaches(on), () -> "rules on: " + on);
        assertTrue(breaches(off) >= 1, () -> "rules off: " + off);
    }
}
