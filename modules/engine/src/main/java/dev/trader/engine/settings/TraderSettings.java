package dev.trader.engine.settings;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.id.StrategyId;
import dev.trader.domain.market.InstrumentRules;
import dev.trader.domain.money.Money;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.risk.RiskLimits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import dev.trader.risk.config.RiskConfigException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The {@code trader} namespace, read once at boot and validated: a wrong value stops the boot
 * with a message naming the key.
 */
public record TraderSettings(String mode, String accountId, Money initialCapital, RiskLimits riskLimits, RiskSettings risk,
                             Map<String, InstrumentRules> instruments, List<StrategyBinding> strategies,
                             PersistenceTuning tuning, java.time.Duration askTimeout, AlgoSettings algo) {

    private static final Set<String> MODES = Set.of("paper", "backtest", "live");

    /** Open trades are managed by the in-trade manager: the prop-firm model (which approves stops) with {@code trader.risk.in-trade.enabled}. */
    public boolean inTradeManagement() {
        return risk.propFirmModel() && risk.propFirm().inTrade().enabled();
    }

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
        RiskSettings risk = RiskSettings.load(c, capital);
        Map<String, InstrumentRules> instruments = instruments(c, currency);
        try {
            risk.propFirm().inTrade().validateFor(List.copyOf(instruments.values()));
        } catch (RiskConfigException e) {
            throw new SettingsException(e.getMessage(), e);
        }
        List<StrategyBinding> strategies = strategies(c, instruments);
        PersistenceTuning tuning = new PersistenceTuning(r.intIn("engine.snapshot-every", 1, 1_000_000), r.intIn("engine.keep-snapshots", 1, 100),
                r.duration("engine.restart-min-backoff"), r.duration("engine.restart-max-backoff"));
        return new TraderSettings(mode, r.string("account.id"), capital, limits, risk, instruments, strategies, tuning, r.duration("engine.ask-timeout"),
                AlgoSettings.load(c, currency));
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
            Price tickSize = r.price("tick-size");
            if (!tickSize.isPositive()) {
                throw new SettingsException(r.key("tick-size") + " must be positive but was " + tickSize);
            }
            Quantity lotSize = r.quantity("lot-size");
            if (lotSize.isZero()) {
                throw new SettingsException(r.key("lot-size") + " must be positive but was " + lotSize);
            }
            try {
                out.put(id.value(), new InstrumentRules(id, r.string("base"), quote, tickSize, lotSize,
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

    private static final Set<String> STRATEGY_KEYS = Set.of("id", "type", "description", "instruments", "parameters");

    /**
     * Each entry of {@code trader.strategies} is either the name of a strategy file
     * ({@code strategies/<name>.conf} in {@code trader.strategies-dir}, or on the classpath, which
     * is {@code conf/}), or an inline object with the same keys. The name is the strategy id.
     */
    private static List<StrategyBinding> strategies(Config c, Map<String, InstrumentRules> instruments) {
        List<StrategyBinding> out = new ArrayList<>();
        ConfigList entries;
        try {
            entries = c.getList("strategies");
        } catch (ConfigException e) {
            throw new SettingsException("trader.strategies must be a list of strategy names or objects: " + e.getMessage(), e);
        }
        java.nio.file.Path dir = c.hasPath("strategies-dir") ? java.nio.file.Path.of(c.getString("strategies-dir")) : null;
        for (int i = 0; i < entries.size(); i++) {
            ConfigValue entry = entries.get(i);
            Config s;
            String where;
            if (entry.valueType() == ConfigValueType.STRING) {
                String name = (String) entry.unwrapped();
                StrategyFile file = StrategyFile.load(name, dir);
                s = file.config().withFallback(com.typesafe.config.ConfigFactory.parseMap(Map.of("id", name)));
                where = file.location();
            } else if (entry.valueType() == ConfigValueType.OBJECT) {
                s = ((ConfigObject) entry).toConfig();
                where = "trader.strategies." + i;
            } else {
                throw new SettingsException("trader.strategies." + i + " must be a strategy name or an object but is " + entry.valueType());
            }
            out.add(binding(s, where, instruments));
        }
        return List.copyOf(out);
    }

    private static StrategyBinding binding(Config s, String where, Map<String, InstrumentRules> instruments) {
            ConfigReader r = new ConfigReader(s, where);
            Set<String> unknown = new java.util.TreeSet<>(s.root().keySet());
            unknown.removeAll(STRATEGY_KEYS);
            if (!unknown.isEmpty()) {
                throw new SettingsException(where + " has unknown key(s) " + unknown + "; known are " + new java.util.TreeSet<>(STRATEGY_KEYS));
            }
            StrategyId id;
            try {
                id = new StrategyId(r.string("id"));
            } catch (IllegalArgumentException e) {
                throw new SettingsException(r.key("id") + ": " + e.getMessage(), e);
            }
            List<InstrumentId> on = new ArrayList<>();
            for (String text : r.stringList("instruments")) {
                InstrumentId instrument;
                try {
                    instrument = InstrumentId.parse(text);
                } catch (IllegalArgumentException e) {
                    throw new SettingsException(r.key("instruments") + ": " + e.getMessage(), e);
                }
                if (!instruments.containsKey(instrument.value())) {
                    throw new SettingsException(r.key("instruments") + " names " + instrument + " which is not in trader.instruments");
                }
                on.add(instrument);
            }
            Map<String, Object> params = s.hasPath("parameters") ? s.getConfig("parameters").root().unwrapped() : Map.of();
            String type = r.string("type");
            try {
                return new StrategyBinding(StrategyBinding.build(id, type, params), on, type, params);
            } catch (IllegalArgumentException e) {
                throw new SettingsException(strategyMessage(r, id, e.getMessage()), e);
            }
    }

    /**
     * The strategy module names a parameter {@code strategies.<id>.<name>}; here it lives at
     * {@code trader.strategies.<i>.parameters.<name>}. Any other refusal is the catalog's, of the type.
     */
    private static String strategyMessage(ConfigReader r, StrategyId id, String message) {
        String owner = "strategies." + id.value();
        if (message != null && message.startsWith(owner)) {
            return r.key("parameters") + message.substring(owner.length());
        }
        return r.key("type") + ": " + message;
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
