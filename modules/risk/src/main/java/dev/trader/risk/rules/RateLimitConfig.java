package dev.trader.risk.rules;

import static dev.trader.risk.config.Check.PREFIX;

import dev.trader.domain.id.StrategyId;
import dev.trader.risk.config.Check;
import dev.trader.risk.config.ConfigReader;
import dev.trader.risk.config.RiskConfigException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Hourly limits per tier: every entry intent decided counts as a signal of its strategy's tier,
 * every approved one also as an order; a tier at its limit rejects further entries until the
 * window (the hour up to the intent's time) has room. Strategies map to tiers; unmapped
 * strategies are in tier {@code default}. Exits are never rate-limited.
 */
public record RateLimitConfig(Map<String, TierLimit> tiers, Map<String, String> strategyTiers) {
    public static final String KEY = PREFIX + "rate-limit.";
    public static final String TIER_KEY = PREFIX + "strategy-tier.";
    public static final String DEFAULT_TIER = "default";

    public record TierLimit(int maxSignalsPerHour, int maxOrdersPerHour) {
    }

    public RateLimitConfig {
        Map<String, TierLimit> t = new TreeMap<>(tiers);
        t.putIfAbsent(DEFAULT_TIER, defaultLimit());
        t.forEach((name, l) -> {
            Check.within(KEY + name + ".max-signals-per-hour", l.maxSignalsPerHour(), 1, 100_000);
            Check.within(KEY + name + ".max-orders-per-hour", l.maxOrdersPerHour(), 1, 100_000);
        });
        tiers = Map.copyOf(t);
        strategyTiers = Map.copyOf(strategyTiers);
        for (Map.Entry<String, String> e : strategyTiers.entrySet()) {
            if (!tiers.containsKey(e.getValue())) {
                throw new RiskConfigException(TIER_KEY + e.getKey(), "names tier '" + e.getValue() + "' but only " + new TreeMap<>(tiers).keySet()
                        + " are configured under " + KEY.substring(0, KEY.length() - 1));
            }
        }
    }

    private static TierLimit defaultLimit() {
        return new TierLimit(60, 20);
    }

    public static RateLimitConfig defaults() {
        return new RateLimitConfig(Map.of(), Map.of());
    }

    public String tierOf(StrategyId strategy) {
        return strategyTiers.getOrDefault(strategy.value(), DEFAULT_TIER);
    }

    public TierLimit limitOf(String tier) {
        return tiers.getOrDefault(tier, tiers.get(DEFAULT_TIER));
    }

    public static RateLimitConfig read(ConfigReader r) {
        Map<String, TierLimit> tiers = new TreeMap<>();
        Map<String, Map<String, String>> byTier = new TreeMap<>();
        r.children(KEY.substring(0, KEY.length() - 1)).forEach((k, v) -> {
            int dot = k.indexOf('.');
            if (dot <= 0) {
                throw new RiskConfigException(KEY + k, "must be " + KEY + "<tier>.max-signals-per-hour or .max-orders-per-hour");
            }
            byTier.computeIfAbsent(k.substring(0, dot), x -> new TreeMap<>()).put(k.substring(dot + 1), v);
        });
        byTier.forEach((tier, fields) -> {
            TierLimit d = defaultLimit();
            int signals = d.maxSignalsPerHour();
            int orders = d.maxOrdersPerHour();
            for (Map.Entry<String, String> f : fields.entrySet()) {
                String key = KEY + tier + "." + f.getKey();
                int v;
                try {
                    v = Integer.parseInt(f.getValue());
                } catch (NumberFormatException e) {
                    throw new RiskConfigException(key, "must be a whole number but was '" + f.getValue() + "'");
                }
                switch (f.getKey()) {
                    case "max-signals-per-hour" -> signals = v;
                    case "max-orders-per-hour" -> orders = v;
                    default -> throw new RiskConfigException(key, "is not a rate limit (max-signals-per-hour, max-orders-per-hour)");
                }
            }
            tiers.put(tier, new TierLimit(signals, orders));
        });
        return new RateLimitConfig(tiers, r.children(TIER_KEY.substring(0, TIER_KEY.length() - 1)));
    }
}
