package dev.trader.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueFactory;
import dev.trader.app.testing.H2Backend;
import dev.trader.app.testing.SyntheticBars;
import dev.trader.app.testing.TestNodes;
import dev.trader.domain.market.Bar;
import dev.trader.notify.telegram.StandInBotApi;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bot as a node runs it ({@code trader.telegram.enabled}), against a local stand-in of the Bot
 * API: an admin's {@code /check} is answered from the node's own API, a stranger's
 * {@code /kill_switch on} changes nothing and gets nothing, and a signal the account approves goes
 * out to the premium channel with its chart.
 */
class TelegramNodeTest {
    private static final String TOKEN = "4242:telegramTestTokenSecret_0123456789";
    private static final long ADMIN = 501;
    private static final long STRANGER = 999;
    private static final long PREMIUM = -100777;

    @TempDir
    Path workDir;

    @Test
    void aNodeAnswersCommandsAndSendsApprovedSignalsToItsChannel() throws Exception {
        List<String> closes = new ArrayList<>(SyntheticBars.falling("120", 20));
        closes.addAll(List.of("115", "116", "110", "109", "118"));
        List<Bar> bars = SyntheticBars.bars(Instant.parse("2024-05-07T08:00:00Z"), closes, null);
        try (StandInBotApi api = new StandInBotApi(TOKEN)) {
            Config config = SyntheticBars.crossOnly(TestNodes.config(new H2Backend().freshJournal("telegram", workDir)));
            Map<String, Object> telegram = Map.of("enabled", true, "api-url", api.url().toString(), "token", TOKEN, "poll-timeout", "1s",
                    "signal-poll", "200ms", "chats", List.of(Map.of("id", ADMIN, "role", "admin")), "premium-channels", List.of(PREMIUM));
            for (Map.Entry<String, Object> e : telegram.entrySet()) {
                config = config.withValue("trader.telegram." + e.getKey(), ConfigValueFactory.fromAnyRef(e.getValue()));
            }
            try (TraderNode node = TraderNode.start(config)) {
                api.message(STRANGER, "/kill_switch on");
                api.message(ADMIN, "/check");
                waitFor(() -> !api.sentTo(ADMIN).isEmpty());
                String check = api.sentTo(ADMIN).get(0).params().get("text");
                assertTrue(check.contains("<b>System</b>") && check.contains("binance:BTCUSDT") && check.contains("kill switch off"), check);
                assertTrue(api.sentTo(STRANGER).isEmpty(), "a stranger gets nothing");

                Thread.sleep(600); // the bot's first read of the signals is history; what follows is news
                SyntheticBars.feed(node, bars);
                waitFor(() -> !api.sentTo(PREMIUM).isEmpty());
                StandInBotApi.Call signal = api.sentTo(PREMIUM).get(0);
                assertEquals("sendPhoto", signal.method());
                String caption = signal.params().get("caption");
                assertTrue(caption.startsWith("[dry-run] <b>LONG binance:BTCUSDT</b> (cross"), caption);
                assertTrue(caption.contains("entry ") && caption.contains("R:R 1:2"), caption);
                assertTrue(signal.photo().length > 1_000, "the chart");
                assertTrue(PropFirmGuardrailTest.get(node, "/api/status").path("account").path("killSwitch").asBoolean() == false,
                        "the stranger's /kill_switch changed nothing");
            }
        }
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("not within 20 s");
            }
            Thread.sleep(50);
        }
    }
}
