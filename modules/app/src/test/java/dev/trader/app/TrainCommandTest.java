package dev.trader.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code trader train} and {@code trader model} on the bundled week of real BTC and ETH candles:
 * the model is trained, evaluated walk-forward, reported and registered; training again reads
 * the feature store and gives the same model (same seed); promote and rollback move the active
 * version; bad input is refused by name.
 */
class TrainCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void trainsReportsRegistersAndTheRegistryPromotesAndRollsBack() throws Exception {
        String models = dir.resolve("models").toString();
        String features = dir.resolve("features").toString();
        String data = CliRun.BTC + "," + CliRun.ETH;
        CliRun first = CliRun.of("train", "--data", data, "--models", models, "--features", features, "--folds", "3");
        assertEquals(0, first.code(), first::toString);
        assertTrue(first.out().contains("computed and stored"), first::toString);
        assertTrue(first.out().contains("registered direction@1.0.0"), first::toString);
        assertTrue(first.err().contains("100%"), "the progress bar ran to the end: " + first.err());
        Path report = dir.resolve("models/direction/1.0.0/report");
        assertTrue(Files.readString(report.resolve("report.md")).contains("baseline:class-frequencies"));
        assertTrue(Files.size(report.resolve("reliability.png")) > 5_000);
        JsonNode card = JSON.readTree(dir.resolve("models/direction/1.0.0/card.json").toFile());

        CliRun second = CliRun.of("train", "--data", data, "--models", models, "--features", features, "--folds", "3");
        assertEquals(0, second.code(), second::toString);
        assertTrue(second.out().contains("read from the feature store"), second::toString);
        assertTrue(second.out().contains("registered direction@1.1.0"), second::toString);
        JsonNode again = JSON.readTree(dir.resolve("models/direction/1.1.0/card.json").toFile());
        assertEquals(card.path("fingerprint").asText(), again.path("fingerprint").asText(), "same data and seed: the same model");
        boolean gate = card.path("gate").path("passed").asBoolean();

        CliRun promote = CliRun.of("model", "promote", "direction@1.0.0", "--models", models, "--force", "--reason", "test");
        assertEquals(0, promote.code(), promote::toString);
        assertTrue(promote.out().contains("promoted direction@1.0.0 (was none)" + (gate ? "" : ", forced past its gate")), promote::toString);
        assertEquals(0, CliRun.of("model", "promote", "direction@1.1.0", "--models", models, "--force").code());
        CliRun rollback = CliRun.of("model", "rollback", "direction", "--models", models, "--reason", "test");
        assertEquals(0, rollback.code(), rollback::toString);
        assertTrue(rollback.out().contains("rolled direction back from 1.1.0 to 1.0.0"), rollback::toString);
        CliRun list = CliRun.of("model", "list", "--models", models);
        assertTrue(list.out().contains("* direction@1.0.0") && list.out().contains("ROLLED_BACK"), list::toString);
        CliRun nothingBefore = CliRun.of("model", "rollback", "direction", "--models", models);
        assertEquals(2, nothingBefore.code());
        assertTrue(nothingBefore.err().contains("first version ever deployed"), nothingBefore::toString);

        CliRun drift = CliRun.of("model", "drift", "--models", models, "--data", data, "--from", "2023-03-22");
        assertTrue(drift.code() == 0 || drift.code() == 1, drift::toString);
        assertTrue(drift.out().contains("direction@1.0.0 against 5,") && drift.out().contains("rsi_14_1h") && drift.out().contains("Brier on"),
                drift::toString);
        assertEquals(drift.code() == 1, drift.out().contains("retraining recommended"), drift::toString);
        CliRun noModel = CliRun.of("model", "drift", "--models", dir.resolve("empty").toString(), "--data", data);
        assertEquals(2, noModel.code());
        assertTrue(noModel.err().contains("no version of direction is active"), noModel::toString);

        // The shipped ML strategy file, pointed at this registry, in the backtester (in sample here: this checks the wiring, not the edge).
        Path strategy = dir.resolve("ml-signal.conf");
        Files.writeString(strategy, Files.readString(Path.of("..", "..", "conf", "strategies", "ml-signal.conf"))
                .replace("models-dir = \"models\"", "models-dir = \"" + models + "\"").replace("min-tier = \"MEDIUM\"", "min-tier = \"LOW\""));
        CliRun backtest = CliRun.of("backtest", "--strategy", strategy.toString(), "--data", data, "--from", "2023-03-20", "--notional", "1000",
                "--out", dir.resolve("bt").toString());
        assertEquals(0, backtest.code(), backtest::toString);
        assertTrue(backtest.out().contains("ml-signal on [binance:BTCUSDT, binance:ETHUSDT]: 11520 bars"), backtest::toString);
        assertTrue(Files.readString(dir.resolve("bt/trades.csv")).lines().count() > 1, "the model's calls traded");
    }

    /** The LSTM through the command line, on the app's own classpath (where nd4j meets the other modules' libraries), into a backtest. */
    @Test
    void anLstmIsTrainedRegisteredAndBacktested() throws Exception {
        String models = dir.resolve("models").toString();
        CliRun train = CliRun.of("train", "--data", CliRun.BTC.toString(), "--model", "lstm", "--compare", "logistic", "--folds", "2", "--name",
                "direction-lstm", "--models", models, "--features", dir.resolve("features").toString());
        assertEquals(0, train.code(), train::toString);
        assertTrue(train.out().contains("registered direction-lstm@1.0.0"), train::toString);
        assertTrue(Files.isRegularFile(dir.resolve("models/direction-lstm/1.0.0/model.dl4j")));
        JsonNode card = JSON.readTree(dir.resolve("models/direction-lstm/1.0.0/card.json").toFile());
        assertEquals("lstm", card.path("kind").asText());
        assertEquals(16, card.path("lookback").asInt());
        String md = Files.readString(dir.resolve("models/direction-lstm/1.0.0/report/report.md"));
        assertTrue(md.contains("lstm+platt **(this model)**") && md.contains("logistic+platt"), md);

        Path strategy = dir.resolve("ml-lstm.conf");
        Files.writeString(strategy, Files.readString(Path.of("..", "..", "conf", "strategies", "ml-signal.conf"))
                .replace("models-dir = \"models\"", "models-dir = \"" + models + "\"").replace("min-tier = \"MEDIUM\"", "min-tier = \"LOW\"")
                .replace("model = \"direction\"", "model = \"direction-lstm\"\n    version = \"1.0.0\""));
        CliRun backtest = CliRun.of("backtest", "--strategy", strategy.toString(), "--data", CliRun.BTC + "," + CliRun.ETH, "--from", "2023-03-20",
                "--notional", "1000", "--out", dir.resolve("bt").toString());
        assertEquals(0, backtest.code(), backtest::toString);
        assertTrue(Files.readString(dir.resolve("bt/trades.csv")).lines().count() > 1, "the LSTM's calls traded: " + backtest);
    }

    @Test
    void badInputIsRefusedByName() {
        CliRun kind = CliRun.of("train", "--data", CliRun.BTC.toString(), "--model", "forest", "--models", dir.toString());
        assertEquals(2, kind.code());
        assertTrue(kind.err().contains("unknown model kind 'forest'"), kind::toString);
        CliRun missing = CliRun.of("train", "--data", dir.resolve("nope.json.gz").toString(), "--models", dir.toString(), "--features",
                dir.resolve("f").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("nope.json.gz"), missing::toString);
        CliRun window = CliRun.of("backtest", "--strategy", CliRun.R1.toString(), "--data", CliRun.BTC.toString(), "--from", "2030-01-01",
                "--out", dir.resolve("bt").toString());
        assertEquals(2, window.code());
        assertTrue(window.err().contains("no bar of") && window.err().contains("2030-01-01T00:00:00Z"), window::toString);
        CliRun badTime = CliRun.of("train", "--data", CliRun.BTC.toString(), "--until", "yesterday", "--models", dir.toString());
        assertEquals(2, badTime.code());
        assertTrue(badTime.err().contains("--until must be a UTC date"), badTime::toString);
        CliRun tag = CliRun.of("model", "promote", "direction", "--models", dir.toString());
        assertEquals(2, tag.code());
        assertTrue(tag.err().contains("not a model tag"), tag::toString);
    }
}
