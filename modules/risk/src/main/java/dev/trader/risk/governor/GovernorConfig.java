package dev.trader.risk.governor;

import static dev.trader.risk.config.Check.PREFIX;

import dev.trader.risk.config.Check;
import dev.trader.risk.config.ConfigReader;
import dev.trader.risk.config.RiskConfigException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * Thresholds of the mental governor, one per step down (to 0.75, to 0.5, to 0):
 * <ul>
 *   <li>{@code drawdownR}: rolling drawdown in R over the last {@code windowTrades} closed trades at or above
 *       the threshold (ascending, e.g. 3, 5, 8);</li>
 *   <li>{@code lossStreak}: consecutive losing trades at or above the threshold (ascending, e.g. 2, 3, 5);</li>
 *   <li>{@code selfReported}: the self-reported state (1 worst … 5 best) at or below the threshold (descending, e.g. 3, 2, 1).</li>
 * </ul>
 * The stop level (0) comes with a cool-down: no entries for {@code cooldown} after the trigger
 * (the last losing trade, or the self-report), then size 0.5 until the inputs improve.
 */
public record GovernorConfig(boolean enabled, int windowTrades, List<BigDecimal> drawdownR, List<Integer> lossStreak,
                             List<Integer> selfReported, Duration cooldown) {
    public static final String KEY = PREFIX + "governor.";

    public GovernorConfig {
        Check.within(KEY + "window-trades", windowTrades, 1, 200);
        drawdownR = List.copyOf(drawdownR);
        lossStreak = List.copyOf(lossStreak);
        selfReported = List.copyOf(selfReported);
        Check.require(drawdownR.size() == 3, KEY + "drawdown-r", "must list 3 thresholds (for 0.75, 0.5, 0) but has " + drawdownR.size());
        Check.require(lossStreak.size() == 3, KEY + "loss-streak", "must list 3 thresholds (for 0.75, 0.5, 0) but has " + lossStreak.size());
        Check.require(selfReported.size() == 3, KEY + "self-reported", "must list 3 thresholds (for 0.75, 0.5, 0) but has " + selfReported.size());
        for (int i = 0; i < 3; i++) {
            Check.aboveUpTo(KEY + "drawdown-r", drawdownR.get(i), "0", "100");
            Check.within(KEY + "loss-streak", lossStreak.get(i), 1, 100);
            Check.within(KEY + "self-reported", selfReported.get(i), 1, 4);
            if (i > 0) {
                Check.require(drawdownR.get(i).compareTo(drawdownR.get(i - 1)) > 0, KEY + "drawdown-r", "must be strictly ascending but was " + drawdownR);
                Check.require(lossStreak.get(i) > lossStreak.get(i - 1), KEY + "loss-streak", "must be strictly ascending but was " + lossStreak);
                Check.require(selfReported.get(i) < selfReported.get(i - 1), KEY + "self-reported", "must be strictly descending but was " + selfReported);
            }
        }
        Check.within(KEY + "cooldown", cooldown, Duration.ofMinutes(1), Duration.ofDays(7));
    }

    public static GovernorConfig defaults() {
        return new GovernorConfig(true, 20, List.of(new BigDecimal("3"), new BigDecimal("5"), new BigDecimal("8")), List.of(2, 3, 5),
                List.of(3, 2, 1), Duration.ofHours(2));
    }

    public static GovernorConfig read(ConfigReader r) {
        GovernorConfig d = defaults();
        return new GovernorConfig(r.bool(KEY + "enabled", d.enabled()), r.integer(KEY + "window-trades", d.windowTrades()),
                r.decimals(KEY + "drawdown-r", "3, 5, 8"), ints(r, KEY + "loss-streak", "2, 3, 5"), ints(r, KEY + "self-reported", "3, 2, 1"),
                r.duration(KEY + "cooldown", "2h"));
    }

    private static List<Integer> ints(ConfigReader r, String key, String fallback) {
        return r.decimals(key, fallback).stream().map(v -> {
            try {
                return v.intValueExact();
            } catch (ArithmeticException e) {
                throw new RiskConfigException(key, "must list whole numbers but has " + v.toPlainString());
            }
        }).toList();
    }
}
