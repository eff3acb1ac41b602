package dev.trader.app;

import com.typesafe.config.Config;
import dev.trader.execution.sim.ExchangeSimServer;
import dev.trader.execution.sim.PacedReplay;
import dev.trader.execution.sim.ReplayPacing;
import dev.trader.execution.sim.config.SimConfig;
import dev.trader.execution.sim.ws.SimWsConfig;
import java.nio.file.Path;
import dev.trader.execution.sim.market.FrameReplay;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "exchange-sim", mixinStandardHelpOptions = true,
        description = "Serve a Binance-compatible spot exchange on loopback (REST /api/v3/..., WebSocket /ws and /stream) that replays "
                + "real 1m candles, matches orders and keeps the ledger; configured by trader.exchange-sim (conf/exchange-sim.conf). "
                + "The API key pair it accepts comes from BINANCE_API_KEY and BINANCE_API_SECRET.")
final class ExchangeSimCommand implements Callable<Integer> {
    @Option(names = "--port", description = "port (default: trader.exchange-sim.port)")
    Integer port;

    @Option(names = "--config", description = "an overlay config file")
    Path config;

    @Option(names = "--bars-per-second", description = "replay pace: 1m bars of every symbol per wall-clock second (default: trader.exchange-sim.bars-per-second)")
    Double barsPerSecond;

    @Option(names = "--frames", split = ",", description = "raw Binance frame recordings to replay on their streams (default: trader.exchange-sim.frames)")
    List<String> frames;

    @Option(names = "--exit-when-done", description = "stop when the replay has run out of bars instead of serving until interrupted")
    boolean exitWhenDone;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> overrides = new HashMap<>();
        if (port != null) {
            overrides.put("trader.exchange-sim.port", port);
        }
        if (barsPerSecond != null) {
            overrides.put("trader.exchange-sim.bars-per-second", barsPerSecond);
        }
        Config cfg = ConfigLoader.load(config, overrides).getConfig("trader.exchange-sim");
        SimConfig sim = SimulatorSettings.simConfig(cfg, System.getenv());
        try (ExchangeSimServer server = ExchangeSimServer.start(sim, SimWsConfig.binance(), cfg.getString("host"), cfg.getInt("port"));
             PacedReplay replay = server.simulator().startReplay(ReplayPacing.barsPerSecond(cfg.getDouble("bars-per-second")))) {
            List<String> recordings = frames != null ? frames : cfg.getStringList("frames");
            List<FrameReplay> frameReplays = new ArrayList<>();
            for (String recording : recordings) {
                frameReplays.add(server.simulator().startFrameReplay(recording, cfg.getDouble("frame-speed")));
            }
            System.out.println("exchange-sim: REST " + server.restUrl() + "/api/v3/..., streams " + server.wsUrl() + "/ws and /stream, "
                    + server.simulator().barsLeft() + " bar times and " + recordings.size() + " frame recording(s) to replay");
            Shutdown.await("exchange-sim", exitWhenDone ? replay.finished() : null);
            frameReplays.forEach(FrameReplay::close);
            System.out.println("exchange-sim: stopped at market time " + java.time.Instant.ofEpochMilli(server.simulator().marketTime()));
            return 0;
        }
    }
}
