package dev.trader.execution.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import dev.trader.execution.sim.config.RateLimitSpec;
import dev.trader.execution.sim.config.SimConfig;
import dev.trader.execution.sim.config.SimConfigs;
import dev.trader.execution.sim.config.SymbolSpec;
import dev.trader.execution.sim.fault.FaultKind;
import dev.trader.execution.sim.fault.FaultSpec;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Configuration is validated up front, and a bad value is refused with a message naming the field. */
class SimConfigTest {

    private static String refusal(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void badValuesNameTheirField() {
        assertTrue(refusal(() -> SymbolSpec.of("BTCUSDT", "BTC", "USDT", "0", "0.001", "0.001", "10", "5")).contains("symbols[BTCUSDT].tickSize"));
        assertTrue(refusal(() -> SymbolSpec.of("BTCUSDT", "BTC", "USDT", "0.01", "0.001", "20", "10", "5")).contains("maxQty"));
        assertTrue(refusal(() -> SymbolSpec.of("btc-usdt", "BTC", "USDT", "0.01", "0.001", "0.001", "10", "5")).contains("symbol"));
        assertTrue(refusal(() -> SymbolSpec.of("BTCUSDT", "BTC", "USDT", "0.000000001", "0.001", "0.001", "10", "5")).contains("more than 8 decimals"));
        assertTrue(refusal(() -> SimFixtures.config().fees("0.001", "1").build()).contains("takerFeeRate"));
        assertTrue(refusal(() -> SimFixtures.config().maxParticipation("0").build()).contains("maxParticipation"));
        assertTrue(refusal(() -> SimFixtures.config().balance("USDT", "-1").build()).contains("initialBalances.USDT"));
        assertTrue(refusal(() -> SimFixtures.config().balance("USDT", "ten").build()).contains("initialBalances.USDT"));
        assertTrue(refusal(() -> SimFixtures.config().latency(Duration.ofSeconds(-1)).build()).contains("latency"));
        assertTrue(refusal(() -> SimFixtures.config().symbol(SimFixtures.btc()).build()).contains("BTCUSDT is configured twice"));
        assertTrue(refusal(() -> SimConfig.builder().build()).contains("symbols"));
        assertTrue(refusal(() -> new RateLimitSpec(0, 1, 1, 1, Duration.ofMinutes(2), Duration.ofDays(3))).contains("rateLimits.requestWeightPerMinute"));
        assertTrue(refusal(() -> new FaultSpec(FaultKind.DELAY_REST, 2, 0.5, 0, 1, Duration.ofSeconds(1))).contains("faults[DELAY_REST]"));
        assertTrue(refusal(() -> FaultSpec.withProbability(FaultKind.DUPLICATE_FILL, 1.5)).contains("probability"));
    }

    @Test
    void readsATypesafeConfigBlock() {
        SimConfig c = SimConfigs.fromConfig(ConfigFactory.parseString("""
                seed = 5
                maker-fee = "0.0008"
                taker-fee = "0.001"
                latency = 250ms
                max-participation = "0.25"
                balances { USDT = "5000.5", BTC = 1 }
                api-keys { "key-1" = "secret-1" }
                rate-limits { request-weight-per-minute = 1200, first-ban = 1m }
                symbols = [ { symbol = BTCUSDT, base = BTC, quote = USDT, tick-size = "0.01", step-size = "0.00001",
                              min-qty = "0.00001", max-qty = "9000", min-notional = "5", notional-filter = MIN_NOTIONAL,
                              candles = ["classpath:/engine/BTC_USDT-1m_20230316-first720.json.gz"] } ]
                faults { seed = 9, list = [ { kind = DELAY_REST, every-nth = 4, duration = 1s }, { kind = DUPLICATE_FILL, probability = 0.25 } ] }
                """));
        assertEquals(5, c.seed());
        assertEquals(0, new BigDecimal("0.0008").compareTo(c.makerFeeRate()));
        assertEquals(Duration.ofMillis(250), c.latency());
        assertEquals(0, new BigDecimal("5000.5").compareTo(c.initialBalances().get("USDT")));
        assertEquals("secret-1", c.apiKeys().get("key-1"));
        assertEquals(1200, c.rateLimits().requestWeightPerMinute());
        assertEquals(100, c.rateLimits().ordersPer10Seconds(), "unset: Binance's default");
        assertEquals(Duration.ofMinutes(1), c.rateLimits().firstBan());
        SymbolSpec btc = c.symbols().get(0);
        assertEquals(SymbolSpec.NotionalFilter.MIN_NOTIONAL, btc.notionalFilter());
        assertEquals(1, btc.candleFiles().size());
        assertEquals(9, c.faults().seed());
        assertEquals(FaultSpec.everyNth(FaultKind.DELAY_REST, 4).duration(Duration.ofSeconds(1)), c.faults().faults().get(0));
        assertEquals(0.25, c.faults().faults().get(1).probability());
    }

    @Test
    void typesafeConfigErrorsNameThePath() {
        assertTrue(refusal(() -> SimConfigs.fromConfig(ConfigFactory.parseString("symbols = [], maker-fe = 1"))).contains("unknown key 'maker-fe'"));
        assertTrue(refusal(() -> SimConfigs.fromConfig(ConfigFactory.parseString(
                "symbols = [ { symbol = BTCUSDT, base = BTC, quote = USDT, tick-size = \"x\", step-size = 1, min-qty = 1, max-qty = 2 } ]")))
                .contains("tick-size"));
        assertTrue(refusal(() -> SimConfigs.fromConfig(ConfigFactory.parseString(
                "symbols = [ { symbol = BTCUSDT, base = BTC, quote = USDT, tick-size = 1, step-size = 1, min-qty = 1, max-qty = 2 } ]\n"
                        + "faults { list = [ { kind = EXPLODE, every-nth = 1 } ] }"))).contains("kind"));
    }
}
