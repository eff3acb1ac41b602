package dev.trader.engine.settings.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.trader.engine.settings.SettingsException;
import dev.trader.engine.testing.RepositoryFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigSchemaTest {
    private static final ConfigSchema SCHEMA = ConfigSchema.fromFile(RepositoryFiles.find("conf/schema/trader-schema.conf"));
    private static final Config SHIPPED = ConfigFactory.parseFile(RepositoryFiles.find("conf/application.conf").toFile());

    /** The problems of the shipped configuration with {@code hocon} laid over it. */
    private static List<String> problems(String hocon) {
        return SCHEMA.problems(ConfigFactory.parseString(hocon).withFallback(SHIPPED).resolve()).stream().map(ConfigProblem::toString).toList();
    }

    private static void onlyProblem(String expected, String hocon) {
        assertEquals(List.of(expected), problems(hocon));
    }

    static Stream<Path> shippedFiles() throws IOException {
        Path conf = RepositoryFiles.find("conf/application.conf").getParent();
        try (Stream<Path> files = Stream.concat(Files.list(conf), Files.list(conf.resolve("smoke")))) {
            return files.filter(f -> f.toString().endsWith(".conf")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("shippedFiles")
    void theShippedConfigurationAndEveryOverlayInConfFollowTheSchema(Path file) {
        Config config = ConfigFactory.parseFile(file.toFile()).resolve();
        assertEquals(List.of(), SCHEMA.problems(config), file.toString());
    }

    @Test
    void anUnknownKeyAtTheTopOfTraderIsNamed() {
        onlyProblem("trader.bogus: unknown key", "trader.bogus = 1");
    }

    @Test
    void anUnknownNestedKeySuggestsTheKeyItWasProbablyMeantToBe() {
        onlyProblem("trader.risk.entry-notionl: unknown key (did you mean trader.risk.entry-notional?)", "trader.risk.entry-notionl = 5");
        onlyProblem("trader.risk.sizing.risk-fractoin: unknown key (did you mean trader.risk.sizing.risk-fraction?)",
                "trader.risk.sizing.risk-fractoin = 0.01");
        onlyProblem("trader.risk.bogus: unknown key", "trader.risk.bogus = 1");
    }

    @Test
    void anUnknownKeyInsideAListElementIsNamedWithItsIndex() {
        onlyProblem("trader.instruments.1.tick-sise: unknown key (did you mean trader.instruments.1.tick-size?)", """
                trader.instruments = [
                  { id = "binance:BTCUSDT", base = BTC, quote = USDT, tick-size = "0.01", lot-size = "0.00001", min-quantity = "0", min-notional = "5" }
                  { id = "binance:ETHUSDT", base = ETH, quote = USDT, tick-sise = "0.01", lot-size = "0.0001", min-quantity = "0", min-notional = "5" }
                ]""");
        onlyProblem("trader.exchange-sim.simulator.faults.list.0.probabilty: unknown key (did you mean "
                + "trader.exchange-sim.simulator.faults.list.0.probability?)",
                "trader.exchange-sim.simulator.faults.list = [{ kind = DUPLICATE_FILL, probabilty = 0.2 }]");
    }

    @Test
    void anInlineStrategyIsCheckedButItsParametersAreLeftToTheStrategyCatalog() {
        onlyProblem("trader.strategies.1.colour: unknown key", """
                trader.strategies = ["ema-cross", { id = x, type = ema-cross, instruments = ["binance:BTCUSDT"], colour = red,
                                                    parameters { fast = 12, anything { goes = [1, 2] } } }]""");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            trader.engine.ask-timeout = fast                 | trader.engine.ask-timeout: wrong type: expected a duration but was "fast"
            trader.http.port = eighty                        | trader.http.port: wrong type: expected an int but was "eighty"
            trader.engine.snapshot-every = 1.5               | trader.engine.snapshot-every: wrong type: expected an int but was 1.5
            trader.binance.backoff-seed = "x1"               | trader.binance.backoff-seed: wrong type: expected a long but was "x1"
            trader.account.initial-capital = ten             | trader.account.initial-capital: wrong type: expected a decimal number but was "ten"
            trader.audit.enabled = maybe                     | trader.audit.enabled: wrong type: expected a boolean but was "maybe"
            trader.http.max-body-bytes = lots                | trader.http.max-body-bytes: wrong type: expected a size in bytes but was "lots"
            trader.venue = [paper]                           | trader.venue: wrong type: expected one of [paper, binance] but was a list
            trader.risk.sizing.take-profit-r = "1, x"        | trader.risk.sizing.take-profit-r: wrong type: expected a list of decimal numbers but has "x"
            trader.exchange-sim.frames = a.jsonl             | trader.exchange-sim.frames: wrong type: expected a list of strings but was "a.jsonl"
            trader.exchange-sim.frames = [a, {b = 1}]        | trader.exchange-sim.frames.1: wrong type: expected a string but was an object
            trader.instruments { id = x }                    | trader.instruments: wrong type: expected a list but was an object
            trader.account = paper                           | trader.account: wrong type: expected an object but was "paper"
            trader.risk.rate-limit = 5                       | trader.risk.rate-limit: wrong type: expected an object but was 5
            trader.node-name { first = 1 }                   | trader.node-name: wrong type: expected a string but was an object
            trader.strategies = [[ema-cross]]                | trader.strategies.0: wrong type: expected a string or an object but was a list
            trader.risk.in-trade.target-r = never            | trader.risk.in-trade.target-r: wrong type: expected a decimal number or "off" but was "never"
            trader.risk.news.currencies { "binance:BTCUSDT" = [USD] } | trader.risk.news.currencies."binance:BTCUSDT": wrong type: expected a string but was a list
            """)
    void aWrongTypeIsNamedWithWhatWasExpected(String hocon, String expected) {
        onlyProblem(expected, hocon);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            trader.http.port = 70000                           | trader.http.port: must be an int between 0 and 65535 but was 70000
            trader.execution.algo.participation = 0            | trader.execution.algo.participation: must be a decimal number above 0 and at most 1 but was 0
            trader.binance.recv-window = 2m                    | trader.binance.recv-window: must be a duration between 1ms and 60s but was "2m"
            trader.audit.poll-interval = 0s                    | trader.audit.poll-interval: must be a duration above 0 and at most 10m but was "0s"
            trader.risk.sizing.take-profit-r = "1, 60"         | trader.risk.sizing.take-profit-r: must list decimal numbers above 0 and at most 50 but has 60
            trader.exchange-sim.simulator.maker-fee = "1"      | trader.exchange-sim.simulator.maker-fee: must be a decimal number at least 0 and below 1 but was "1"
            trader.exchange-sim.simulator.balances.USDT = "-1" | trader.exchange-sim.simulator.balances.USDT: must be a decimal number at least 0 but was "-1"
            trader.risk.drawdown-lock.cooldown = PT30S         | trader.risk.drawdown-lock.cooldown: must be a duration between 1m and 7d but was "PT30S"
            trader.binance.max-response-bytes = 512            | trader.binance.max-response-bytes: must be a size in bytes between 1024 and 67108864 but was 512
            """)
    void aValueOutOfRangeIsNamedWithTheRange(String hocon, String expected) {
        onlyProblem(expected, hocon);
    }

    @Test
    void valuesInTheirRangeAndInEveryAcceptedSpellingPass() {
        assertEquals(List.of(), problems("""
                trader.http.port = "0"
                trader.risk.drawdown-lock.cooldown = PT30M
                trader.risk.sizing.take-profit-r = [1, 2.5]
                trader.risk.sizing.stop-method = ATR
                trader.risk.in-trade.target-r = OFF
                trader.risk.in-trade.break-even-r = "1.5"
                trader.binance.max-response-bytes = 1M
                trader.audit.enabled = "on"
                trader.risk.news.calendar-file = null
                trader.risk.rate-limit.scalp { max-signals-per-hour = 10, max-orders-per-hour = 5 }
                trader.risk.strategy-tier.ema-cross = scalp
                """));
    }

    @Test
    void anEnumValueOutsideItsValuesIsRefusedAndCaseMattersUnlessTheSchemaSaysOtherwise() {
        onlyProblem("trader.venue: must be one of [paper, binance] but was \"kraken\"", "trader.venue = kraken");
        onlyProblem("trader.mode: must be one of [paper, backtest, live] but was \"PAPER\"", "trader.mode = PAPER");
        onlyProblem("trader.exchange-sim.simulator.faults.list.0.kind: must be one of [STALL_ORDER_RESPONSE, ABORT_ORDER_RESPONSE, "
                + "SERVER_ERROR_PLACED, SERVER_ERROR_NOT_PLACED, TIMEOUT_PLACED, ORDER_NOT_FOUND_ON_QUERY, DUPLICATE_FILL, REORDER_FILLS, "
                + "KILL_USER_STREAM, STALL_REPLAY] but was \"FLOOD\"", "trader.exchange-sim.simulator.faults.list = [{ kind = FLOOD, every-nth = 3 }]");
    }

    @Test
    void theSlickDatabaseBlockIsOpenButTheKeysWeSetAreTyped() {
        assertEquals(List.of(), problems("pekko-persistence-jdbc.shared-databases.slick.db.connectionTimeout = 30000"));
        onlyProblem("pekko-persistence-jdbc.shared-databases.slick.db.numThreads: must be an int at least 1 but was 0",
                "pekko-persistence-jdbc.shared-databases.slick.db.numThreads = 0");
    }

    @Test
    void everyProblemIsReportedTogetherInKeyOrder() {
        assertEquals(List.of(
                "trader.engine.ask-timeout: wrong type: expected a duration but was \"fast\"",
                "trader.http.port: must be an int between 0 and 65535 but was 70000",
                "trader.risk.bogus: unknown key",
                "trader.venue: must be one of [paper, binance] but was \"kraken\""), problems("""
                trader.venue = kraken
                trader.risk.bogus = 1
                trader.http.port = 70000
                trader.engine.ask-timeout = fast
                """));
    }

    @Test
    void checkStopsTheBootWithOneLinePerProblem() {
        Config bad = ConfigFactory.parseString("trader.risk.bogus = 1\ntrader.http.port = 70000").withFallback(SHIPPED).resolve();
        SettingsException e = assertThrows(SettingsException.class, () -> SCHEMA.check(bad));
        assertTrue(e.getMessage().startsWith("2 configuration problems (the schema is "), e.getMessage());
        assertTrue(e.getMessage().endsWith("""
                :
                  trader.http.port: must be an int between 0 and 65535 but was 70000
                  trader.risk.bogus: unknown key"""), e.getMessage());
        SCHEMA.check(SHIPPED.resolve());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            trader { type = object, keys { port { type = int, mx = 5 } } }        | schema: test: trader.port has an unknown attribute 'mx'
            trader { type = object, keys { name { type = string, min = 1 } } }    | schema: test: trader.name has 'min', which its type does not take
            trader { type = object, keys { mode { type = enum } } }               | schema: test: trader.mode is an enum without values
            trader { type = object, keys { when = instant } }                     | schema: test: trader.when has an unknown type 'instant'
            trader { type = object, keys { both { type = [string, decimal] } } }  | schema: test: trader.both lists kinds [STRING, DECIMAL] that a value of one HOCON type could both be
            trader { type = object }                                              | schema: test: trader is an object without keys (say open = true if any key may appear)
            """)
    void aWrongSchemaFailsWhenItIsRead(String schema, String expected) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ConfigSchema.parse("test", ConfigFactory.parseString(schema)));
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
    }

    @Test
    void onlyANearMissIsSuggested() {
        assertEquals(2, DidYouMean.distance("leverage-cpa", "leverage-cap"));
        assertEquals(java.util.Optional.of("leverage-cap"), DidYouMean.closest("leverage-cpa", List.of("fee-rate", "leverage-cap")));
        assertEquals(java.util.Optional.empty(), DidYouMean.closest("bogus", List.of("model", "fee-rate")));
    }
}
