package dev.trader.engine.settings;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValue;
import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.id.StrategyId;
import dev.trader.domain.market.InstrumentRules;
import dev.trader.domain.money.Money;
import dev.trader.risk.RiskLimits;
import dev.trader.strategy.StrategyCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The {@code trader} namespace, read once at boot and validated: a wrong value stops the boot
 * with a message naming the key.
 */
public record TraderSettings(String mode, String accountId, Money initialCapital, RiskLimits riskLimits,
                             Map<String, InstrumentRules> instruments, List<StrategyBinding> strategies,
                             PersistenceTuning tuning, java.time.Duration askTimeout) {

    private static final Set<String> MODES = Set.of("paper", "backtest", "live");

    public static TraderSettings load(Config root) {
        Config c = root.getConfig("trader");
        ConfigReader r = new ConfigReader(c, "trader");
        String mode = r.string("mode");
        if (!MODES.contains(mode)) {
            throw new SettingsException("trader.mode must be one of " + new TreeSet<>(MODES) + " but was '" + mode + "'");
        }
        String currency = r.string("account.currency");
        Money capital = r.money("account.initial-capital", currency);
        if (capital.isNegative() || capital.raw() == 0) {
            throw new SettingsException("trader.account.initial-capital must be positive but was " + capital);
        }
        RiskLimits limits;
        try {
            limits = new RiskLimits(r.money("risk.entry-notional", currency), r.money("risk.max-notional-per-instrument", currency),
                    r.decimal("risk.fee-rate"));
        } catch (SettingsException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new SettingsException("trader.risk: " + e.getMessage(), e);
        }
        Map<String, InstrumentRules> instruments = instruments(c, currency);
        List<StrategyBinding> strategies = strategies(c, instruments);
        PersistenceTuning tuning = new PersistenceTuning(r.intIn("engine.snapshot-every", 1, 1_000_000), r.intIn("engine.keep-snapshots", 1, 100),
                r.duration("engine.restart-min-backoff"), r.duration("engine.restart-max-backoff"));
        return new TraderSettings(mode, r.string("account.id"), capital, limits, instruments, strategies, tuning, r.duration("engine.ask-timeout"));
    }

    private static Map<String, InstrumentRules> instruments(Config c, String currency) {
        Map<String, InstrumentRules> out = new LinkedHashMap<>();
        List<? extends Config> list = list(c, "instruments");
        for (int i = 0; i < list.size(); i++) {
            ConfigReader r = new ConfigReader(list.get(i), "trader.instruments." + i);
            InstrumentId id = parse(r, "id");
            String quote = r.string("quote");
            if (!quote.equals(currency)) {
                throw new SettingsException(r.key("quote") + " is " + quote + " but the account books " + currency);
            }
            try {
                out.put(id.value(), new InstrumentRules(id, r.string("base"), quote, r.price("tick-size"), r.quantity("lot-size"),
                        r.quantity("min-quantity"), r.money("min-notional", quote)));
            } catch (SettingsException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new SettingsException("trader.instruments." + i + ": " + e.getMessage(), e);
            }
        }
        if (out.isEmpty()) {
            throw new SettingsException("trader.instruments must list at least one instrument");
        }
        return Map.copyOf(out);
    }

    private static List<StrategyBinding> strategies(Config c, Map<String, InstrumentRules> instruments) {
        List<StrategyBinding> out = new ArrayList<>();
        List<? extends Config> list = list(c, "strategies");
        for (int i = 0; i < list.size(); i++) {
            Config s = list.get(i);
            ConfigReader r = new ConfigReader(s, "trader.strategies." + i);
            StrategyId id;
            try {
                id = new StrategyId(r.string("id"));
            } catch (IllegalArgumentException e) {
                throw new SettingsException(r.key("id") + ": " + e.getMessage(), e);
            }
            List<InstrumentId> on = new ArrayList<>();
            for (String text : s.getStringList("instruments")) {
                InstrumentId instrument = InstrumentId.parse(text);
                if (!instruments.containsKey(instrument.value())) {
                    throw new SettingsException(r.key("instruments") + " names " + instrument + " which is not in trader.instruments");
                }
                on.add(instrument);
            }
            Map<String, String> params = new TreeMap<>();
            if (s.hasPath("parameters")) {
                for (Map.Entry<String, ConfigValue> e : s.getConfig("parameters").entrySet()) {
                    params.put(e.getKey(), String.valueOf(e.getValue().unwrapped()));
                }
            }
            try {
                out.add(new StrategyBinding(StrategyCatalog.create(id, r.string("type"), params), on));
            } catch (IllegalArgumentException e) {
                throw new SettingsException(e.getMessage(), e);
            }
        }
        return List.copyOf(out);
    }

    private static InstrumentId parse(ConfigReader r, String path) {
        try {
            return InstrumentId.parse(r.string(path));
        } catch (SettingsException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new SettingsException(r.key(path) + ": " + e.getMessage(), e);
        }
    }

    private static List<? extends Config> list(Config c, String path) {
        try {
            return c.getConfigList(path);
        } catch (ConfigException e) {
            throw new SettingsException("trader." + path + " must be a list of objects: " + e.getMessage(), e);
        }
    }

    /** The strategies bound to {@code instrument}, in configuration order. */
    public List<StrategyBinding> strategiesOn(InstrumentId instrument) {
        return strategies.stream().filter(b -> b.instruments().contains(instrument)).toList();
    }

    public String currency() {
        return initialCapital.currency();
    }
}
