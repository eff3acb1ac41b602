package dev.trader.risk.governor;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scales risk down when the trader (or the strategy) is not at their best. Three inputs, each
 * mapped to a level by its thresholds: 0 (1.0), 1 (0.75), 2 (0.5), 3 (0, stop). The most
 * severe level wins; on a tie the first in the order self_reported, loss_streak, drawdown_r is
 * reported. A stop lasts {@code cooldown} from its trigger (the last losing trade for streak
 * and drawdown, the report for the self-reported state); after it the governor allows half
 * size ({@code <rule>.after_cooldown}) until the inputs improve. Pure: the same inputs and
 * time give the same output.
 */
public final class MentalGovernor {
    private static final BigDecimal[] MULTIPLIERS = {GovernorOutput.FULL, GovernorOutput.THREE_QUARTERS, GovernorOutput.HALF, GovernorOutput.STOP};

    private final GovernorConfig config;

    public MentalGovernor(GovernorConfig config) {
        this.config = config;
    }

    public GovernorOutput assess(GovernorInputs in, Instant now) {
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("governor_drawdown_r", in.drawdownR().toPlainString());
        inputs.put("governor_loss_streak", Integer.toString(in.lossStreak()));
        inputs.put("governor_self_reported", in.selfReported() == null ? "none" : in.selfReported().toString());
        if (!config.enabled()) {
            return new GovernorOutput(GovernorOutput.FULL, null, "governor.disabled", inputs);
        }
        int self = in.selfReported() == null ? 0 : levelAtOrBelow(in.selfReported(), config.selfReported());
        int streak = levelAtOrAbove(in.lossStreak(), config.lossStreak());
        int drawdown = 0;
        for (int i = 0; i < 3; i++) {
            if (in.drawdownR().compareTo(config.drawdownR().get(i)) >= 0) {
                drawdown = i + 1;
            }
        }
        int level = Math.max(self, Math.max(streak, drawdown));
        if (level == 0) {
            return new GovernorOutput(GovernorOutput.FULL, null, "governor.none", inputs);
        }
        String rule;
        Instant trigger;
        if (self == level) {
            rule = "governor.self_reported";
            trigger = in.selfReportedAt();
        } else if (streak == level) {
            rule = "governor.loss_streak";
            trigger = in.lastLossAt();
        } else {
            rule = "governor.drawdown_r";
            trigger = in.lastLossAt();
        }
        if (level < 3) {
            return new GovernorOutput(MULTIPLIERS[level], null, rule, inputs);
        }
        Instant until = trigger == null ? null : trigger.plus(config.cooldown());
        if (until != null && !now.isBefore(until)) {
            inputs.put("governor_cooldown_ended", until.toString());
            return new GovernorOutput(GovernorOutput.HALF, null, rule + ".after_cooldown", inputs);
        }
        if (until != null) {
            inputs.put("governor_cooldown_until", until.toString());
        }
        return new GovernorOutput(GovernorOutput.STOP, until, rule, inputs);
    }

    private static int levelAtOrAbove(int value, List<Integer> thresholds) {
        int level = 0;
        for (int i = 0; i < thresholds.size(); i++) {
            if (value >= thresholds.get(i)) {
                level = i + 1;
            }
        }
        return level;
    }

    private static int levelAtOrBelow(int value, List<Integer> thresholds) {
        int level = 0;
        for (int i = 0; i < thresholds.size(); i++) {
            if (value <= thresholds.get(i)) {
                level = i + 1;
            }
        }
        return level;
    }
}
