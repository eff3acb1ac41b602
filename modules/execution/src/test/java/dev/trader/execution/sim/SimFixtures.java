package dev.trader.execution.sim;

import dev.trader.execution.sim.config.SimConfig;
import dev.trader.execution.sim.config.SymbolSpec;
import dev.trader.execution.sim.market.CandleFiles;
import dev.trader.execution.sim.market.SimBar;
import java.util.List;

/** The real-data set-up the simulator tests share: BTCUSDT and ETHUSDT 1m candles of 2023-03-16/17. */
final class SimFixtures {
    static final String BTC_CANDLES = "classpath:/engine/BTC_USDT-1m_20230316-first720.json.gz";
    static final String ETH_CANDLES = "classpath:/engine/ETH_USDT-1m_20230316-first720.json.gz";
    static final String API_KEY = "sim-test-key";
    static final String SECRET = "sim-test-secret";
    /** Wall-clock start of the tests: a round minute (rate windows start clean). */
    static final long WALL_START = 1_700_000_040_000L;

    private SimFixtures() {
    }

    static SymbolSpec btc() {
        return SymbolSpec.of("BTCUSDT", "BTC", "USDT", "0.01", "0.00001", "0.00001", "9000", "5").withCandles(BTC_CANDLES);
    }

    static SymbolSpec eth() {
        return SymbolSpec.of("ETHUSDT", "ETH", "USDT", "0.01", "0.0001", "0.0001", "9000", "5").withCandles(ETH_CANDLES);
    }

    /** Both symbols, 100,000 USDT, 2 BTC and 10 ETH, fees 0.1% maker / 0.2% taker, everything else Binance's defaults. */
    static SimConfig.Builder config() {
        return SimConfig.builder().symbol(btc()).symbol(eth())
                .balance("USDT", "100000").balance("BTC", "2").balance("ETH", "10")
                .fees("0.001", "0.002").apiKey(API_KEY, SECRET).seed(42);
    }

    static List<SimBar> btcBars() {
        return CandleFiles.read("BTCUSDT", BTC_CANDLES);
    }

    static List<SimBar> ethBars() {
        return CandleFiles.read("ETHUSDT", ETH_CANDLES);
    }
}
