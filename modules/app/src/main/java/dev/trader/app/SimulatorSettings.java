package dev.trader.app;

import com.typesafe.config.Config;
import dev.trader.engine.settings.SettingsException;
import dev.trader.execution.sim.config.SimConfig;
import dev.trader.execution.sim.config.SimConfigs;
import dev.trader.execution.sim.config.SymbolSpec;
import dev.trader.marketdata.file.MarketFileName;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The simulator's configuration from {@code trader.exchange-sim}, with the API key pair from the environment. */
final class SimulatorSettings {
    static final String KEY_VARIABLE = "BINANCE_API_KEY";
    static final String SECRET_VARIABLE = "BINANCE_API_SECRET";

    private SimulatorSettings() {
    }

    /** As configured, but each symbol named by a {@code candleFiles} entry replays that file instead. */
    static SimConfig simConfig(Config exchangeSim, Map<String, String> environment, List<Path> candleFiles) {
        SimConfig config = simConfig(exchangeSim, environment);
        if (candleFiles == null || candleFiles.isEmpty()) {
            return config;
        }
        Map<String, String> bySymbol = new HashMap<>();
        for (Path file : candleFiles) {
            String symbol = MarketFileName.of(file).instrument().symbol();
            if (config.symbol(symbol).isEmpty()) {
                throw new SettingsException("file " + file + " holds " + symbol + ", which the exchange simulator does not list (trader.exchange-sim.simulator.symbols)");
            }
            bySymbol.put(symbol, file.toString());
        }
        List<SymbolSpec> symbols = config.symbols().stream()
                .map(s -> bySymbol.containsKey(s.symbol()) ? s.withCandles(bySymbol.get(s.symbol())) : s)
                .toList();
        return config.withSymbols(symbols);
    }

    static SimConfig simConfig(Config exchangeSim, Map<String, String> environment) {
        SimConfig base;
        try {
            base = SimConfigs.fromConfig(exchangeSim.getConfig("simulator"));
        } catch (IllegalArgumentException e) {
            throw new SettingsException("trader.exchange-sim." + e.getMessage(), e);
        }
        String key = environment.get(KEY_VARIABLE);
        String secret = environment.get(SECRET_VARIABLE);
        if (key == null || key.isBlank() || secret == null || secret.isBlank()) {
            throw new SettingsException("the exchange simulator needs the API key pair it accepts in " + KEY_VARIABLE + " and " + SECRET_VARIABLE
                    + " (bin/trader sets a throw-away pair for the demo and exchange-sim when both are unset)");
        }
        return base.withApiKey(key, secret);
    }
}
