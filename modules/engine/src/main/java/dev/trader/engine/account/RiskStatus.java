package dev.trader.engine.account;

import dev.trader.domain.money.Money;
import dev.trader.engine.CborSerializable;
import dev.trader.risk.account.Halt;
import dev.trader.risk.propfirm.ChallengeProgress;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The account's risk as of {@code asOf} (its latest event time): under the prop-firm model the
 * equity at the marks, the floors now, halt, drawdown lock, governor and challenge progress
 * (all null under the flat model), with the trader's last self-reported state and its time
 * (null if never reported); in both, the kill switches, the attempts they blocked and
 * the last rejections.
 */
public record RiskStatus(String model, Instant asOf, LocalDate tradingDay, Money equity, Money balance, Money dayStartBalance,
                         Money dailyFloor, Money overallFloor, Halt halt, Instant drawdownLockUntil, boolean drawdownLocked,
                         BigDecimal governorMultiplier, String governorRule, Instant governorCooldownUntil, Integer selfReportedState,
                         Instant selfReportedAt, ChallengeProgress progress,
                         boolean flattening, boolean globalKillSwitch, Set<String> killedStrategies, Map<String, Long> blockedAttempts,
                         List<IntentDecision> lastRejections) implements CborSerializable {
    public RiskStatus {
        killedStrategies = Set.copyOf(killedStrategies);
        blockedAttempts = Map.copyOf(blockedAttempts);
        lastRejections = List.copyOf(lastRejections);
    }

    public long blockedAttemptsTotal() {
        return blockedAttempts.values().stream().mapToLong(Long::longValue).sum();
    }
}
