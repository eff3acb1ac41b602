package dev.trader.engine.settings;

import com.typesafe.config.Config;
import dev.trader.domain.algo.AlgoType;
import dev.trader.domain.money.Money;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code trader.execution.algo}: which approved entries are executed by an algorithm, and how.
 * {@code type = "market"} (the default, and what an absent block means) sends every order whole,
 * at market, as the engine always did. Otherwise an entry whose notional at the decision price
 * exceeds {@code slice-above-notional} becomes a parent order cut into child orders: {@code twap}
 * ({@code slices} equal slices over {@code horizon-bars} bars), {@code vwap} (the same slices
 * weighted by the volume profile of the instrument's last {@code vwap-profile-days} days) or
 * {@code pov} ({@code participation} of each bar's volume, the rest at market after
 * {@code horizon-bars}). A child rests at the touch when the measured spread is wider than
 * {@code spread-threshold-bps}, and goes at market otherwise. Exits are never sliced.
 *
 * <p>{@code spread-metrics} and {@code spread-metrics-statistic} (where the spreads come from) are
 * read by the application, which owns the execution-metrics files.
 */
public record AlgoSettings(AlgoType type, Money sliceAboveNotional, int slices, int horizonBars, BigDecimal participation,
                           BigDecimal spreadThresholdBps, int vwapProfileDays) {
    public static final String KEY = "trader.execution.algo";
    /** A child id has two base-36 digits; a POV parent sends at most one child per bar and one at the end. */
    static final int MAX_HORIZON_BARS = 1_000;
    static final int MAX_PROFILE_DAYS = 30;
    private static final Set<String> KEYS = Set.of("type", "slice-above-notional", "slices", "horizon-bars", "participation",
            "spread-threshold-bps", "vwap-profile-days", "spread-metrics", "spread-metrics-statistic");

    public AlgoSettings {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sliceAboveNotional, "sliceAboveNotional");
        Objects.requireNonNull(participation, "participation");
        Objects.requireNonNull(spreadThresholdBps, "spreadThresholdBps");
    }

    /** No algorithm: every order whole, at market. */
    public static AlgoSettings market(String currency) {
        return new AlgoSettings(AlgoType.MARKET, Money.zero(currency), 1, 1, BigDecimal.ONE, BigDecimal.ZERO, 1);
    }

    /** Whether approved entries may become parent orders. */
    public boolean slicing() {
        return type != AlgoType.MARKET;
    }

    static AlgoSettings load(Config trader, String currency) {
        if (!trader.hasPath("execution.algo")) {
            return market(currency);
        }
        Config algo;
        try {
            algo = trader.getConfig("execution.algo");
        } catch (com.typesafe.config.ConfigException e) {
            throw new SettingsException(KEY + " must be an object: " + e.getMessage(), e);
        }
        Set<String> unknown = new TreeSet<>(algo.root().keySet());
        unknown.removeAll(KEYS);
        if (!unknown.isEmpty()) {
            throw new SettingsException(KEY + " has unknown key(s) " + unknown + "; known are " + new TreeSet<>(KEYS));
        }
        ConfigReader r = new ConfigReader(algo, KEY);
        AlgoType type;
        try {
            type = AlgoType.parse(r.string("type"));
        } catch (SettingsException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new SettingsException(r.key("type") + " " + e.getMessage(), e);
        }
        Money above = r.money("slice-above-notional", currency);
        if (above.isNegative()) {
            throw new SettingsException(r.key("slice-above-notional") + " must not be negative but was " + above);
        }
        int horizon = r.intIn("horizon-bars", 1, MAX_HORIZON_BARS);
        int slices = r.intIn("slices", 1, MAX_HORIZON_BARS);
        if (slices > horizon) {
            throw new SettingsException(r.key("slices") + " (" + slices + ") must not exceed " + r.key("horizon-bars") + " (" + horizon
                    + "): a slice needs a bar of its own");
        }
        BigDecimal participation = r.decimal("participation");
        if (participation.signum() <= 0 || participation.compareTo(BigDecimal.ONE) > 0) {
            throw new SettingsException(r.key("participation") + " must be within (0, 1] but was " + participation.toPlainString());
        }
        BigDecimal threshold = r.decimal("spread-threshold-bps");
        if (threshold.signum() < 0) {
            throw new SettingsException(r.key("spread-threshold-bps") + " must not be negative but was " + threshold.toPlainString());
        }
        int days = r.intIn("vwap-profile-days", 1, MAX_PROFILE_DAYS);
        return new AlgoSettings(type, above, slices, horizon, participation, threshold, days);
    }
}
