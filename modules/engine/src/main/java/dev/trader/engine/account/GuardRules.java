package dev.trader.engine.account;

import java.util.List;
import java.util.Set;

/**
 * Which risk rules are guards: rules that stop trading altogether (kill switch, halt, floors,
 * locks, the governor, a reconciliation hold) rather than size or shape one trade (the
 * constraints). A guard's rejection is logged as a warning and counted as a guard rejection; a
 * constraint's as a constraint violation.
 */
public final class GuardRules {
    public static final String KILL_SWITCH = "kill_switch";

    /** The guards that keep an order from breaching a prop-firm floor. */
    public static final Set<String> FLOORS = Set.of("prop_daily_floor", "prop_overall_floor", "prop_daily_floor_at_stop", "prop_overall_floor_at_stop");


    /** The guards with fixed names (the governor's are {@code governor.<rule>}), for counters that start at zero. */
    public static final List<String> KNOWN_GUARDS = List.of(KILL_SWITCH, "halted", AccountEntity.RECONCILIATION_HOLD, "prop_daily_floor",
            "prop_overall_floor", "drawdown_lock", "prop_daily_floor_at_stop", "prop_overall_floor_at_stop");

    /** The constraint rules the risk module and the account name today, for counters that start at zero. */
    public static final List<String> KNOWN_CONSTRAINTS = List.of("long_only", "nothing_to_reduce", "unknown_instrument", "insufficient_cash",
            "max_notional_per_instrument", "one_entry_per_instrument", "venue_filters", "invalid_intent", "invalid_stop", "max_open_exposures",
            "news_blackout", "opposite_position", "rate_limit_orders", "rate_limit_signals", "risk_size", "unsupported_currency");

    private GuardRules() {
    }

    public static boolean isGuard(String rule) {
        return KNOWN_GUARDS.contains(rule) || rule.startsWith("governor.");
    }
}
