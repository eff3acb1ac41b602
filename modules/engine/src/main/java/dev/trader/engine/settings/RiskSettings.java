package dev.trader.engine.settings;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import dev.trader.domain.money.Money;
import dev.trader.risk.config.RiskConfigException;
import dev.trader.risk.rules.RiskConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The {@code trader.risk} namespace: which pre-trade model the account uses, the prop-firm
 * settings (read and validated by the risk module's {@link RiskConfig#read} in both models, so
 * a typo stops the boot whichever model is selected), and the economic calendar file of the
 * news blackout (optional: without one, no entry is ever blocked for news).
 *
 * <p>{@code trader.risk.model} and {@code trader.risk.news.calendar-file} are the engine's own
 * keys: they are taken out before the risk module sees the subtree, which refuses keys it does
 * not read.
 */
public record RiskSettings(RiskModel model, RiskConfig propFirm, Path calendarFile) {
    public static final String MODEL_KEY = "trader.risk.model";
    public static final String CALENDAR_KEY = "trader.risk.news.calendar-file";

    /** The pre-trade model of the account. */
    public enum RiskModel {
        /** The foundation's {@code FlatRiskCheck}: a fixed entry notional, long only, cash-covered. */
        FLAT("flat"),
        /** The risk module's {@code PreTradeRisk}: prop-firm floors, sizing by risk fraction, locks, governor, news. */
        PROP_FIRM("prop-firm");

        private final String key;

        RiskModel(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    public RiskSettings {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(propFirm, "propFirm");
    }

    public boolean propFirmModel() {
        return model == RiskModel.PROP_FIRM;
    }

    /** Reads {@code trader.risk} of the {@code trader} subtree {@code trader} for an account of {@code capital}. */
    static RiskSettings load(Config trader, Money capital) {
        ConfigReader r = new ConfigReader(trader, "trader");
        String name = r.string("risk.model");
        RiskModel model = null;
        for (RiskModel m : RiskModel.values()) {
            if (m.key().equals(name)) {
                model = m;
            }
        }
        if (model == null) {
            throw new SettingsException(MODEL_KEY + " must be \"prop-firm\" or \"flat\" but was '" + name + "'");
        }
        Map<String, String> flat = flatten(trader.getConfig("risk"));
        flat.remove(MODEL_KEY);
        String calendar = flat.remove(CALENDAR_KEY);
        RiskConfig config;
        try {
            config = RiskConfig.read(flat, capital);
        } catch (RiskConfigException e) {
            // Its message starts with the full key already.
            throw new SettingsException(e.getMessage(), e);
        }
        Path file = null;
        if (calendar != null && !calendar.isBlank()) {
            file = Path.of(calendar.trim());
            if (!Files.isRegularFile(file)) {
                throw new SettingsException(CALENDAR_KEY + " names " + file.toAbsolutePath() + ", which is not a readable file");
            }
        }
        return new RiskSettings(model, config, file);
    }

    /**
     * The subtree as full keys ({@code trader.risk.sizing.take-profit-r}) to text, the shape the risk
     * module reads. Values are read with {@code getString}, which gives a number as it was written
     * (0.10 stays 0.10, and a long decimal is not squeezed through a double); a list becomes "a, b".
     */
    private static Map<String, String> flatten(Config risk) {
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, ConfigValue> e : risk.entrySet()) {
            String key = "trader.risk." + String.join(".", ConfigUtil.splitPath(e.getKey()));
            try {
                if (e.getValue().valueType() == ConfigValueType.NULL) {
                    out.put(key, "");
                } else if (e.getValue().valueType() == ConfigValueType.LIST) {
                    out.put(key, String.join(", ", risk.getStringList(e.getKey())));
                } else {
                    out.put(key, risk.getString(e.getKey()));
                }
            } catch (ConfigException ex) {
                throw new SettingsException(key + " is invalid: " + ex.getMessage(), ex);
            }
        }
        return out;
    }
}
