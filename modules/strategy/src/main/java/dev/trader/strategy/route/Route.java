package dev.trader.strategy.route;

import dev.trader.strategy.Strategy;
import dev.trader.strategy.regime.Regime;
import dev.trader.strategy.session.Session;
import java.util.Set;

/**
 * One line of a routing table: in these sessions (empty: any) and these regimes (empty: any,
 * the unknown regime of the warm-up included), this strategy acts.
 */
public record Route(Set<Session> sessions, Set<Regime> regimes, Strategy strategy) {
    public Route {
        sessions = Set.copyOf(sessions);
        regimes = Set.copyOf(regimes);
    }

    boolean matches(Set<Session> now, Regime regime) {
        boolean sessionOk = sessions.isEmpty() || now.stream().anyMatch(sessions::contains);
        boolean regimeOk = regimes.isEmpty() || (regime != null && regimes.contains(regime));
        return sessionOk && regimeOk;
    }
}
