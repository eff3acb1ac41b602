package dev.trader.risk.news;

import static dev.trader.risk.config.Check.PREFIX;

import dev.trader.risk.config.Check;
import dev.trader.risk.config.ConfigReader;
import dev.trader.risk.config.RiskConfigException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The news blackout: no new entries from {@code before} ahead of an event of at least
 * {@code minImpact} until {@code after} past it, for the instrument's calendar currencies.
 * {@code currencyOverrides} maps a symbol to the currencies that black it out (replacing the
 * derived mapping). Exits are never blacked out.
 */
public record NewsConfig(boolean enabled, Duration before, Duration after, Impact minImpact, Map<String, Set<String>> currencyOverrides) {
    public static final String KEY = PREFIX + "news.";

    public NewsConfig {
        Check.within(KEY + "before", before, Duration.ZERO, Duration.ofHours(24));
        Check.within(KEY + "after", after, Duration.ZERO, Duration.ofHours(24));
        Check.present(KEY + "min-impact", minImpact);
        currencyOverrides = Map.copyOf(currencyOverrides);
    }

    public static NewsConfig defaults() {
        return new NewsConfig(true, Duration.ofMinutes(15), Duration.ofMinutes(15), Impact.HIGH, Map.of());
    }

    public static NewsConfig read(ConfigReader r) {
        String impact = r.string(KEY + "min-impact", "high");
        Impact min = Impact.parse(impact).orElseThrow(() -> new RiskConfigException(KEY + "min-impact",
                "must be high, medium, low or non-economic but was '" + impact + "'"));
        Map<String, Set<String>> overrides = new TreeMap<>();
        for (Map.Entry<String, String> e : r.children(KEY + "currencies").entrySet()) {
            Set<String> set = new LinkedHashSet<>();
            for (String c : e.getValue().split(",")) {
                String code = c.trim().toUpperCase(Locale.ROOT);
                if (code.isEmpty()) {
                    continue;
                }
                if (!code.chars().allMatch(Character::isLetter)) {
                    throw new RiskConfigException(KEY + "currencies." + e.getKey(), "must list currency codes but has '" + c.trim() + "'");
                }
                set.add(code);
            }
            overrides.put(e.getKey().toUpperCase(Locale.ROOT), set);
        }
        return new NewsConfig(r.bool(KEY + "enabled", true), r.duration(KEY + "before", "15m"), r.duration(KEY + "after", "15m"), min, overrides);
    }
}
