package dev.trader.strategy.route;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.id.StrategyId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.market.Timeframe;
import dev.trader.domain.signal.Signal;
import dev.trader.domain.signal.SignalDirection;
import dev.trader.strategy.Strategy;
import dev.trader.strategy.StrategyCatalog;
import dev.trader.strategy.StrategyConfigException;
import dev.trader.strategy.StrategyParameters;
import dev.trader.strategy.StrategyState;
import dev.trader.strategy.regime.Regime;
import dev.trader.strategy.regime.RegimeClassifier;
import dev.trader.strategy.session.Session;
import dev.trader.strategy.session.SessionClock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Picks which strategy acts by session × regime: the first {@link Route} matching the current
 * sessions (at the bar's close, DST-aware) and the regime of the routing timeframe is active.
 * Every route's strategy sees every bar, so a strategy is warm when its route becomes active.
 * Entries pass only from the active route; exits (FLAT) pass from any route, so a position
 * opened under one route can still be closed after the market moved to another.
 *
 * <pre>
 * type = "router"
 * parameters {
 *   regime { timeframe = "1h", adx = 14, hurst-window = 100, hurst-max-lag = 20, volatility-window = 24, volatility-lookback = 240 }
 *   routes = [
 *     { sessions = ["london", "new-york"], regimes = ["trend"], strategy { type = "ema-cross" } }
 *     { regimes = ["range"], strategy { type = "rsi-reversion", parameters { timeframe = "5m" } } }
 *   ]
 * }
 * </pre>
 */
public final class RouterStrategy implements Strategy {
    public static final String TYPE = "router";

    private final StrategyId id;
    private final List<Route> routes;
    private final Timeframe regimeTimeframe;
    private final int[] regimeParameters;
    private final SessionClock sessions = SessionClock.defaults();
    private final RegimeClassifier classifier = RegimeClassifier.withDefaults();

    public RouterStrategy(StrategyId id, List<Route> routes, Timeframe regimeTimeframe, int adx, int hurstWindow, int hurstMaxLag,
                          int volatilityWindow, int volatilityLookback) {
        if (routes.isEmpty()) {
            throw new StrategyConfigException("strategies." + id + ".routes must list at least one route");
        }
        this.id = id;
        this.routes = List.copyOf(routes);
        this.regimeTimeframe = regimeTimeframe;
        this.regimeParameters = new int[] {adx, hurstWindow, hurstMaxLag, volatilityWindow, volatilityLookback};
    }

    public static RouterStrategy fromParameters(StrategyId id, StrategyParameters p) {
        p.requireOnly(Set.of("regime", "routes"));
        StrategyParameters r = p.child("regime");
        r.requireOnly(Set.of("timeframe", "adx", "hurst-window", "hurst-max-lag", "volatility-window", "volatility-lookback"));
        Timeframe tf;
        try {
            tf = Timeframe.ofLabel(r.string("timeframe", "1h"));
        } catch (IllegalArgumentException e) {
            throw new StrategyConfigException(r.path("timeframe") + ": " + e.getMessage());
        }
        int hurstMaxLag = r.intIn("hurst-max-lag", 20, 2, 200);
        List<Route> routes = new ArrayList<>();
        List<StrategyParameters> defs = p.children("routes");
        for (int i = 0; i < defs.size(); i++) {
            StrategyParameters d = defs.get(i);
            d.requireOnly(Set.of("sessions", "regimes", "strategy"));
            StrategyParameters s = d.child("strategy");
            s.requireOnly(Set.of("type", "parameters"));
            String type = s.string("type", null);
            if (type.equals(TYPE)) {
                throw new StrategyConfigException(s.path("type") + ": a router cannot route to a router");
            }
            Strategy strategy = StrategyCatalog.create(new StrategyId(id.value() + ".route" + i), type, s.child("parameters"));
            routes.add(new Route(enums(d, "sessions", Session.class), enums(d, "regimes", Regime.class), strategy));
        }
        return new RouterStrategy(id, routes, tf, r.intIn("adx", 14, 2, 200), r.intIn("hurst-window", 100, hurstMaxLag * 2, 10_000),
                hurstMaxLag, r.intIn("volatility-window", 24, 2, 10_000), r.intIn("volatility-lookback", 240, 2, 100_000));
    }

    private static <E extends Enum<E>> Set<E> enums(StrategyParameters d, String key, Class<E> type) {
        Set<E> out = EnumSet.noneOf(type);
        for (String name : d.strings(key)) {
            try {
                out.add(Enum.valueOf(type, name.trim().toUpperCase(Locale.ROOT).replace('-', '_')));
            } catch (IllegalArgumentException e) {
                throw new StrategyConfigException(d.path(key) + " names '" + name + "'; known are " + EnumSet.allOf(type));
            }
        }
        return out;
    }

    @Override
    public StrategyId id() {
        return id;
    }

    @Override
    public Set<Timeframe> timeframes() {
        Set<Timeframe> all = EnumSet.of(regimeTimeframe);
        routes.forEach(r -> all.addAll(r.strategy().timeframes()));
        return all;
    }

    @Override
    public StrategyState initialState(InstrumentId instrument) {
        StrategyState[] states = new StrategyState[routes.size()];
        for (int i = 0; i < states.length; i++) {
            states[i] = routes.get(i).strategy().initialState(instrument);
        }
        int[] p = regimeParameters;
        return new RouterState(new RegimeTracker(p[0], p[1], p[2], p[3], p[4]), states);
    }

    @Override
    public Optional<Signal> onBar(StrategyState state, Bar bar) {
        RouterState s = (RouterState) state;
        if (bar.timeframe() == regimeTimeframe) {
            s.regime.onBar(bar, classifier);
        }
        Set<Session> now = sessions.sessionsAt(bar.closeTime());
        Regime regime = s.regime.regime();
        int active = -1;
        for (int i = 0; i < routes.size(); i++) {
            if (routes.get(i).matches(now, regime)) {
                active = i;
                break;
            }
        }
        s.active = active;
        Optional<Signal> out = Optional.empty();
        for (int i = 0; i < routes.size(); i++) {
            Strategy strategy = routes.get(i).strategy();
            if (!strategy.timeframes().contains(bar.timeframe())) {
                continue;
            }
            Optional<Signal> said = strategy.onBar(s.routes[i], bar);
            if (said.isPresent() && (i == active || said.get().direction() == SignalDirection.FLAT) && out.isEmpty()) {
                out = Optional.of(relabel(said.get(), i, now, s.regime.description()));
            }
        }
        return out;
    }

    private Signal relabel(Signal signal, int route, Set<Session> now, String regime) {
        Map<String, String> metadata = new LinkedHashMap<>(signal.metadata());
        metadata.put("route", String.valueOf(route));
        metadata.put("sessions", now.toString());
        metadata.put("regime", regime);
        return new Signal(id, signal.instrument(), signal.timeframe(), signal.time(), signal.direction(), signal.confidence(),
                signal.price(), "route " + route + " (" + now + ", " + regime + "): " + signal.reason(), metadata);
    }
}
