package dev.trader.app;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.market.Timeframe;
import dev.trader.ml.feature.FeatureExtractor;
import dev.trader.strategy.regime.Regime;
import dev.trader.strategy.regime.RegimeClassifier;
import dev.trader.strategy.route.RegimeTracker;
import dev.trader.strategy.session.Session;
import dev.trader.strategy.session.SessionClock;
import dev.trader.strategy.timeframe.BarResampler;
import dev.trader.strategy.timeframe.ResampledBar;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The context of a decision, session × regime, as the bandits learn per context: the session open
 * at the time (New York over London over Asia where they overlap; "off" when none is) and the
 * instrument's regime from its last closed 15m bar (the features' tracker and the strategy module's classifier;
 * "warming" before it is known). Only bars closed by the time are used.
 */
final class TradeContexts {
    private static final SessionClock SESSIONS = SessionClock.defaults();
    private final Map<InstrumentId, TreeMap<Long, String>> regimes = new HashMap<>();

    TradeContexts(List<Bar> bars) {
        Map<InstrumentId, BarResampler> resamplers = new HashMap<>();
        Map<InstrumentId, RegimeTracker> trackers = new HashMap<>();
        RegimeClassifier classifier = RegimeClassifier.withDefaults();
        for (Bar b : bars) {
            BarResampler r = resamplers.computeIfAbsent(b.instrument(), i -> new BarResampler(i, b.timeframe(), Timeframe.M15));
            for (ResampledBar closed : r.onBaseBar(b)) {
                RegimeTracker t = trackers.computeIfAbsent(b.instrument(), i -> FeatureExtractor.regimeOf15m());
                t.onBar(closed.bar(), classifier);
                Regime regime = t.regime();
                regimes.computeIfAbsent(b.instrument(), i -> new TreeMap<>()).put(closed.bar().closeTime().toEpochMilli(),
                        regime == null ? "warming" : regime.name().toLowerCase(java.util.Locale.ROOT));
            }
        }
    }

    String at(InstrumentId instrument, Instant time) {
        Set<Session> open = SESSIONS.sessionsAt(time);
        String session = open.contains(Session.NEW_YORK) ? "new-york" : open.contains(Session.LONDON) ? "london"
                : open.contains(Session.ASIA) ? "asia" : "off";
        TreeMap<Long, String> r = regimes.get(instrument);
        Map.Entry<Long, String> last = r == null ? null : r.floorEntry(time.toEpochMilli());
        return session + "×" + (last == null ? "warming" : last.getValue());
    }
}
