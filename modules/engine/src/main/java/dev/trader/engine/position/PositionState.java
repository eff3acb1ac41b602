package dev.trader.engine.position;

import dev.trader.domain.market.Bar;
import dev.trader.domain.order.Fill;
import dev.trader.domain.position.Position;
import dev.trader.engine.CborSerializable;
import dev.trader.risk.intrade.ExitKind;
import dev.trader.risk.intrade.ManagedTrade;
import dev.trader.risk.intrade.Trailing;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A position entity's state: the domain position and the trade ids already applied to it; and
 * when the position is managed, the protective stop approved with its entry, the in-trade
 * manager's trade, a market exit the manager asked for, every exit order the position placed
 * (to book each fill as the exit it is) and those not known to have ended.
 *
 * @param stopBreached the entry filled at or through its own stop: the position is closed at market
 * @param recentBars   the last bars managed, oldest first, kept only for swing trailing
 */
public record PositionState(String positionId, Position position, Set<String> appliedTradeIds, boolean everOpened,
                            Protection protection, ManagedTrade managed, ExitKind marketExit, boolean stopBreached,
                            Map<String, ExitRef> exitOrders, Set<String> liveOrders, List<Bar> recentBars)
        implements CborSerializable {
    static final int RECENT_BARS = 64;

    public PositionState {
        // Snapshots from before in-trade management have none of these.
        exitOrders = exitOrders == null ? Map.of() : Map.copyOf(exitOrders);
        liveOrders = liveOrders == null ? Set.of() : Set.copyOf(liveOrders);
        recentBars = recentBars == null ? List.of() : List.copyOf(recentBars);
    }

    static PositionState empty(String positionId, Position flat) {
        return new PositionState(positionId, flat, Set.of(), false, null, null, null, false, Map.of(), Set.of(), List.of());
    }

    PositionState apply(Fill fill, ManagedTrade managedAfter, boolean breached) {
        Set<String> ids = new HashSet<>(appliedTradeIds);
        ids.add(fill.tradeId().value());
        Position after = position.apply(fill);
        ExitKind exit = after.isFlat() ? null : marketExit;
        return new PositionState(positionId, after, Set.copyOf(ids), true, protection, managedAfter, exit, breached, exitOrders, liveOrders,
                recentBars);
    }

    PositionState protectedBy(Protection p) {
        return new PositionState(positionId, position, appliedTradeIds, everOpened, p, managed, marketExit, stopBreached, exitOrders, liveOrders,
                recentBars);
    }

    PositionState managedBar(Bar bar, ManagedTrade after, ExitKind exit) {
        List<Bar> bars = recentBars;
        // Only swing trailing reads them: other plans keep no bars in the state (nor its snapshots).
        if (after.plan().trailing().mode() == Trailing.Mode.SWING) {
            bars = new ArrayList<>(recentBars);
            bars.add(bar);
            if (bars.size() > RECENT_BARS) {
                bars.remove(0);
            }
        }
        return new PositionState(positionId, position, appliedTradeIds, everOpened, protection, after, exit, stopBreached, exitOrders, liveOrders,
                bars);
    }

    PositionState settled(Map<String, ExitRef> placed, Set<String> ended) {
        Map<String, ExitRef> all = new HashMap<>(exitOrders);
        all.putAll(placed);
        Set<String> live = new HashSet<>(liveOrders);
        live.addAll(placed.keySet());
        live.removeAll(ended);
        return new PositionState(positionId, position, appliedTradeIds, everOpened, protection, managed, marketExit, stopBreached, all, live,
                recentBars);
    }

    public boolean isClosed() {
        return everOpened && position.isFlat();
    }

    /** Managed and still open. */
    boolean managing() {
        return managed != null && !managed.isClosed() && !position.isFlat();
    }
}
