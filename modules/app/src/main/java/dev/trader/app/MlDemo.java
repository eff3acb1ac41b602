package dev.trader.app;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.trader.ml.pipeline.TrainingSpec;
import dev.trader.ml.registry.ModelCard;
import dev.trader.ml.registry.ModelRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code demo --ml}: makes sure a version of the direction model is active (training one on the
 * demo's own data and promoting it when it passes its gate, if none is), and adds the shipped
 * ml-signal strategy, reading that registry, to the demo's strategies. A model trained on the
 * demo's data has seen the bars the demo then replays: the demo shows the wiring, not an edge
 * (the training report's walk-forward figures are the honest ones).
 */
final class MlDemo {
    static final String MODEL = "direction";
    static final String STRATEGY = "ml-signal";

    private MlDemo() {
    }

    /** The active model's tag after this, or null when the trained model failed its gate (the strategy then stays silent). */
    static String ensureModel(Path models, List<Path> files, PrintWriter out, PrintWriter err) throws IOException {
        ModelRegistry registry = new ModelRegistry(models, Clock.systemUTC());
        String active = registry.read().active().get(MODEL);
        if (active != null) {
            out.printf("ml: %s@%s is active in %s%n", MODEL, active, models);
            out.flush();
            return MODEL + "@" + active;
        }
        out.printf("ml: no version of %s is active in %s: training one on %s%n", MODEL, models, files);
        out.flush();
        ModelCard card = ModelTraining.trainAndRegister(TrainingSpec.defaults(MODEL), files, null, models, Path.of("data", "features"), out, err);
        if (!card.gate().passed()) {
            out.printf("ml: %s did not pass its gate (%s): the %s strategy stays silent (bin/trader model promote %s --force deploys it anyway)%n",
                    card.tag(), String.join("; ", card.gate().reasons()), STRATEGY, card.tag());
            out.flush();
            return null;
        }
        registry.promote(card.tag(), false, "demo --ml");
        out.printf("ml: trained and promoted %s (report %s)%n", card.tag(), ModelTraining.reportDir(models, card).resolve("report.md"));
        out.flush();
        return card.tag();
    }

    /** {@code overrides} with the ml-signal strategy file, reading {@code models}, added to the configured strategies. */
    static void addStrategy(Path overlay, Map<String, Object> overrides, Path models) {
        Config base = ConfigLoader.load(overlay, overrides);
        List<Object> strategies = new ArrayList<>(base.getList("trader.strategies").unwrapped());
        Config file = ConfigFactory.parseResources("strategies/" + STRATEGY + ".conf").resolve();
        Map<String, Object> entry = new LinkedHashMap<>(file.root().unwrapped());
        entry.put("id", STRATEGY);
        @SuppressWarnings("unchecked")
        Map<String, Object> parameters = new LinkedHashMap<>((Map<String, Object>) entry.get("parameters"));
        parameters.put("models-dir", models.toString());
        entry.put("parameters", parameters);
        strategies.add(entry);
        overrides.put("trader.strategies", strategies);
    }
}
