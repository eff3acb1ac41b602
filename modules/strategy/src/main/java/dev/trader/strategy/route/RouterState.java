package dev.trader.strategy.route;

import dev.trader.strategy.StrategyState;
import dev.trader.strategy.state.StateObject;

/** The regime of the routing timeframe, every route's strategy state, and the route last active (-1: none). */
public final class RouterState extends StateObject implements StrategyState {
    RegimeTracker regime;
    StrategyState[] routes;
    int active = -1;

    private RouterState() {
    }

    RouterState(RegimeTracker regime, StrategyState[] routes) {
        this.regime = regime;
        this.routes = routes;
    }

    @Override
    public dev.trader.strategy.Suppressions suppressions() {
        return dev.trader.strategy.combine.CombinedSuppressions.of(routes);
    }
}
