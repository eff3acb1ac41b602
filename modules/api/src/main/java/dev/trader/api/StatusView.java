package dev.trader.api;

import java.util.List;
import java.util.Map;

/**
 * The JSON of {@code GET /api/status}. Amounts are decimal strings: JSON numbers would pass
 * through a double in most clients and lose the exact value.
 */
public record StatusView(String mode, String node, List<String> clusterMembers, Map<String, Long> entities,
                         List<InstrumentView> instruments, AccountView account, RiskView risk, List<PositionView> openPositions,
                         FeedView feed) {

    /** The live feed a node trades from (an exchange's stream); null when bars are fed in. {@code barsProcessed}: through the whole pipeline, orders sent. */
    public record FeedView(String source, long barsProcessed) {
    }

    public record InstrumentView(String id, String lastBarTime, String lastClose, long barsAccepted, long barsRejected,
                                 Map<String, Long> rejectionsByReason) {
    }

    /** {@code reconciliationHolds}: instruments whose entries the reconciliation with the venue holds, and why (GET /api/reconciliations). */
    public record AccountView(String id, String currency, String initialCapital, String cash, String equity, boolean killSwitch,
                              int openOrders, long intentsApproved, long intentsRejected, long tradesBooked,
                              Map<String, String> reconciliationHolds) {
    }

    /**
     * The account's risk as of {@code asOf} (its latest event time). Under the prop-firm model:
     * equity at the bar closes, the floors with the distance left to each (equity − floor; at or
     * below zero the floor is reached), halt, drawdown lock, governor, and whether a flatten is
     * under way (all null under the flat model). In both: the kill switches, the attempts they
     * blocked, and the last rejections, newest first.
     */
    public record RiskView(String model, String asOf, String tradingDay, String equity, String balance, String dayStartBalance,
                           FloorView dailyFloor, FloorView overallFloor, boolean halted, HaltView halt, boolean drawdownLocked,
                           String drawdownLockUntil, GovernorView governor, boolean flattening, KillSwitchView killSwitch,
                           Map<String, Long> blockedAttempts, long blockedAttemptsTotal, List<RejectionView> lastRejections) {
    }

    public record FloorView(String level, String distance, boolean reached) {
    }

    public record HaltView(String rule, String since, boolean untilNextDay) {
    }

    /**
     * {@code multiplier} scales the risk per trade (1.0, 0.75, 0.5; 0 stops entries until {@code cooldownUntil});
     * {@code selfReported} is the trader's last self-reported state (1 worst … 5 best) and {@code selfReportedAt}
     * the bar time it was stamped with (both null if never reported).
     */
    public record GovernorView(String multiplier, String rule, String cooldownUntil, Integer selfReported, String selfReportedAt) {
    }

    public record KillSwitchView(boolean global, List<String> strategies) {
    }

    public record RejectionView(String time, String instrument, String rule, String reason) {
    }

    /** {@code strategy}: the strategy whose entry opened it (its protective stop's owner); null when that cannot be told. */
    public record PositionView(String positionId, String instrument, String strategy, String side, String quantity, String averagePrice,
                               String lastPrice, String unrealizedPnl, String realizedPnl, String fees) {
    }
}
