package dev.trader.ml.signal;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.id.StrategyId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.market.Timeframe;
import dev.trader.domain.signal.Signal;
import dev.trader.domain.signal.SignalDirection;
import dev.trader.ml.eval.ConfidenceTier;
import dev.trader.ml.eval.ProbabilityMetrics;
import dev.trader.ml.feature.FeatureExtractor;
import dev.trader.ml.feature.RecentFeatures;
import dev.trader.ml.label.Direction;
import dev.trader.strategy.Strategy;
import dev.trader.strategy.StrategyConfigException;
import dev.trader.strategy.StrategyParameters;
import dev.trader.strategy.StrategyState;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Trades a registered direction model: at each 1m close the features are computed and the last
 * {@link RecentFeatures#CAPACITY} rows kept (always, so they are warm when a model arrives; a
 * sequence model reads several), the active model gives calibrated probabilities, the
 * call's tier passes the sample floor (a tier the model made fewer than {@code sample-floor}
 * out-of-sample calls in is not trusted: it counts as the tier below) and the hysteresis (an
 * upgrade needs {@code confirm-scans} bars in a row). A confirmed UP call of at least
 * {@code min-tier} is a LONG signal; a confirmed DOWN call of at least {@code min-tier} while
 * long is FLAT. Every signal names the model version that made it.
 *
 * <pre>
 *   strategies.ml { type = "ml-signal", model = "direction", models-dir = "models", min-tier = "MEDIUM", confirm-scans = 2, sample-floor = 100 }
 * </pre>
 * Add {@code version = "1.2.0"} to pin a version (a backtest that must decide the same every
 * run); without it the strategy follows promotions and rollbacks while it runs.
 */
public final class MlSignalStrategy implements Strategy {
    public static final String TYPE = "ml-signal";

    private final StrategyId id;
    private final ModelSource models;
    private final ConfidenceTier minTier;
    private final int confirmScans;
    private final int sampleFloor;

    public MlSignalStrategy(StrategyId id, ModelSource models, ConfidenceTier minTier, int confirmScans, int sampleFloor) {
        if (minTier == ConfidenceTier.NONE) {
            throw new StrategyConfigException("strategies." + id + ".min-tier must be LOW, MEDIUM or HIGH");
        }
        this.id = id;
        this.models = models;
        this.minTier = minTier;
        this.confirmScans = confirmScans;
        this.sampleFloor = sampleFloor;
    }

    public static MlSignalStrategy fromParameters(StrategyId id, StrategyParameters p) {
        p.requireOnly(Set.of("model", "models-dir", "version", "min-tier", "confirm-scans", "sample-floor"));
        String model = p.string("model", "direction");
        String version = p.has("version") ? p.string("version", null) : null;
        Path dir = Path.of(p.string("models-dir", "models"));
        return new MlSignalStrategy(id, RegistryModelSource.of(dir, model, version), p.oneOf("min-tier", ConfidenceTier.class, ConfidenceTier.MEDIUM),
                p.intIn("confirm-scans", 2, 1, 100), p.intIn("sample-floor", 100, 0, 1_000_000));
    }

    @Override
    public StrategyId id() {
        return id;
    }

    @Override
    public Set<Timeframe> timeframes() {
        return Set.of(Timeframe.M1);
    }

    @Override
    public StrategyState initialState(InstrumentId instrument) {
        return new MlSignalState(new FeatureExtractor(instrument), new TierHysteresis(confirmScans));
    }

    @Override
    public Optional<Signal> onBar(StrategyState state, Bar bar) {
        MlSignalState s = (MlSignalState) state;
        Optional<double[]> features = s.features.onBar(bar);
        Optional<ActiveModel> model = models.current();
        if (features.isEmpty()) {
            return Optional.empty();
        }
        if (s.recent == null) {
            // A snapshot taken before the strategy kept its recent rows: they build up again from here.
            s.recent = RecentFeatures.empty();
        }
        s.recent.add(bar.closeTime().toEpochMilli(), features.get());
        if (model.isEmpty()) {
            return Optional.empty();
        }
        ActiveModel m = model.get();
        double[] p = m.model().probabilities(s.recent);
        int top = ProbabilityMetrics.argmax(p);
        Call raw = top == Direction.FLAT.ordinal() ? Call.NONE
                : new Call(Direction.values()[top], floored(ConfidenceTier.of(p[top], m.card().tiers()), m.card().outOfSample().tierCalls()));
        Call call = s.tiers.next(raw);
        if (call.tier().compareTo(minTier) < 0) {
            return Optional.empty();
        }
        if (call.direction() == Direction.UP && !s.holding) {
            s.holding = true;
            return Optional.of(signal(bar, SignalDirection.LONG, p[Direction.UP.ordinal()], call, m, p));
        }
        if (call.direction() == Direction.DOWN && s.holding) {
            s.holding = false;
            return Optional.of(signal(bar, SignalDirection.FLAT, p[Direction.DOWN.ordinal()], call, m, p));
        }
        return Optional.empty();
    }

    /** The tier, lowered while the model made fewer out-of-sample calls in it than the floor. */
    private ConfidenceTier floored(ConfidenceTier tier, Map<String, Integer> calls) {
        ConfidenceTier t = tier;
        while (t.compareTo(ConfidenceTier.LOW) > 0 && calls.getOrDefault(t.name(), 0) < sampleFloor) {
            t = ConfidenceTier.values()[t.ordinal() - 1];
        }
        return t;
    }

    private Signal signal(Bar bar, SignalDirection direction, double probability, Call call, ActiveModel m, double[] p) {
        String reason = String.format(Locale.ROOT, "%s called %s at %s confidence (P %.3f) for the next %d minutes", m.card().tag(), call.direction(),
                call.tier(), probability, m.card().horizonMinutes());
        Map<String, String> metadata = Map.of("model", m.card().tag(), "tier", call.tier().name(),
                "p_down", String.format(Locale.ROOT, "%.4f", p[0]), "p_flat", String.format(Locale.ROOT, "%.4f", p[1]),
                "p_up", String.format(Locale.ROOT, "%.4f", p[2]));
        return new Signal(id, bar.instrument(), bar.timeframe(), bar.closeTime(), direction, Math.min(1, Math.max(0, probability)), bar.close(),
                reason, metadata);
    }
}
