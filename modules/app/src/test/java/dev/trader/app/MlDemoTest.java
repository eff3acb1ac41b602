package dev.trader.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.engine.settings.StrategyBinding;
import dev.trader.engine.settings.TraderSettings;
import dev.trader.ml.signal.MlSignalStrategy;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code demo --ml}'s preparation on the bundled week: with an empty registry it trains the
 * direction model, promotes it (it passes its gate on this week) and adds the shipped ml-signal
 * strategy, reading that registry, to the configured ones; a second run finds the active model
 * and trains nothing.
 */
class MlDemoTest {
    @TempDir
    Path dir;

    @Test
    void trainsAndPromotesOnceThenAddsTheStrategyReadingThatRegistry() throws Exception {
        Path models = dir.resolve("models");
        StringWriter out = new StringWriter();
        String tag = MlDemo.ensureModel(models, List.of(CliRun.BTC, CliRun.ETH), new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertEquals("direction@1.0.0", tag, out.toString());
        assertTrue(out.toString().contains("ml: trained and promoted direction@1.0.0"), out.toString());
        StringWriter again = new StringWriter();
        assertEquals("direction@1.0.0", MlDemo.ensureModel(models, List.of(CliRun.BTC, CliRun.ETH), new PrintWriter(again),
                new PrintWriter(new StringWriter())));
        assertTrue(again.toString().contains("is active") && !again.toString().contains("training"), again.toString());

        Map<String, Object> overrides = new HashMap<>();
        MlDemo.addStrategy(null, overrides, models);
        TraderSettings settings = TraderSettings.load(ConfigLoader.load(null, overrides));
        List<String> ids = settings.strategies().stream().map(b -> b.strategy().id().value()).toList();
        assertEquals(List.of("ema-cross", "rsi-reversion", "ml-signal"), ids);
        StrategyBinding ml = settings.strategies().get(2);
        assertTrue(ml.strategy() instanceof MlSignalStrategy);
        assertEquals(models.toString(), ml.parameters().get("models-dir"));
        assertEquals("MEDIUM", ml.parameters().get("min-tier"), "the shipped file's other parameters");
    }
}
