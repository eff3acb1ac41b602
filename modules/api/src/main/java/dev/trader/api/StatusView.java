package dev.trader.api;

import java.util.List;
import java.util.Map;

/**
 * The JSON of {@code GET /api/status}. Amounts are decimal strings: JSON numbers would pass
 * through a double in most clients and lose the exact value.
 */
public record StatusView(String mode, String node, List<String> clusterMembers, Map<String, Long> entities,
                         List<InstrumentView> instruments, AccountView account, List<PositionView> openPositions) {

    public record InstrumentView(String id, String lastBarTime, String lastClose, long barsAccepted, long barsRejected,
                                 Map<String, Long> rejectionsByReason) {
    }

    public record AccountView(String id, String currency, String initialCapital, String cash, String equity, boolean killSwitch,
                              int openOrders, long intentsApproved, long intentsRejected, long tradesBooked) {
    }

    public record PositionView(String positionId, String instrument, String side, String quantity, String averagePrice,
                               String lastPrice, String unrealizedPnl, String realizedPnl, String fees) {
    }
}
