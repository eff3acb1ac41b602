package dev.trader.notify.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bot against a local stand-in of the Bot API over real HTTP: commands by role, an unknown
 * chat ignored, the kill switch only after an admin's confirmation, 429 retried after
 * {@code retry_after}, signal messages with a chart to premium (buttons) and general channels,
 * per-tier limits, silence under the kill switch, and a token that never leaks.
 */
class TelegramBotTest {
    static final String TOKEN = "123456:ABCdefGHIjklMNOpqrSTUvwxYZ0123456";
    static final long ADMIN = 1001;
    static final long VIEWER = 1002;
    static final long STRANGER = 6666;
    static final long PREMIUM = -2001;
    static final long GENERAL = -2002;

    private StandInBotApi api;
    private CannedTrader trader;
    private BotClient bot;
    private CommandRouter router;
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final Clock clock = Clock.fixed(Instant.parse("2023-03-20T10:00:00Z"), ZoneOffset.UTC);

    static TelegramSettings settings(URI url, Map<SignalTier, Integer> perHour) {
        return new TelegramSettings(url, Duration.ofSeconds(1), Map.of(ADMIN, ChatRole.ADMIN, VIEWER, ChatRole.VIEWER),
                List.of(PREMIUM), List.of(GENERAL), perHour, "dry-run", new BigDecimal("2"), new BigDecimal("10"), Duration.ofMillis(200));
    }

    @BeforeEach
    void start() throws Exception {
        api = new StandInBotApi(TOKEN);
        trader = new CannedTrader();
        BotToken token = BotToken.of("TELEGRAM_BOT_TOKEN", TOKEN);
        bot = new BotClient(api.url().toString(), token, Duration.ofSeconds(1), waits::add);
        router = new CommandRouter(settings(api.url(), Map.of(SignalTier.LOW, 5, SignalTier.MEDIUM, 5, SignalTier.HIGH, 5)), trader, bot, clock);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private void deliver() {
        for (var u : bot.updates(0, Duration.ZERO)) {
            router.handle(u);
        }
    }

    private String lastTextTo(long chat) {
        List<StandInBotApi.Call> c = api.sentTo(chat);
        return c.isEmpty() ? null : c.get(c.size() - 1).params().get("text");
    }

    @Test
    void readCommandsAnswerFromTheSystemInEachConfiguredChat() {
        api.message(VIEWER, "/check");
        api.message(VIEWER, "/stats");
        api.message(VIEWER, "/ftmo_status");
        api.message(VIEWER, "/positions@trader_bot");
        deliver();
        List<String> texts = api.sentTo(VIEWER).stream().map(c -> c.params().get("text")).toList();
        assertEquals(4, texts.size(), texts.toString());
        assertTrue(texts.get(0).contains("mode paper") && texts.get(0).contains("1 of 1 members up") && texts.get(0).contains("equity 101000.25 USDT"),
                texts.get(0));
        assertTrue(texts.get(1).contains("last 7 days: P&amp;L 19.75 over 2 trading day(s)") && texts.get(1).contains("last 30 days"), texts.get(1));
        assertTrue(texts.get(2).contains("daily loss floor 96000, distance 5000.25") && texts.get(2).contains("overall loss floor 90000")
                && texts.get(2).contains("profit target 110000 (+10%): 8999.75 to go") && texts.get(2).contains("days traded 2"), texts.get(2));
        assertTrue(texts.get(3).contains("binance:BTCUSDT LONG 0.1 @ 27000"), texts.get(3));
        assertEquals("HTML", api.sentTo(VIEWER).get(0).params().get("parse_mode"));
    }

    @Test
    void anUnknownChatGetsNothingEvenForTheKillSwitchAndAViewerIsRefused() {
        api.message(STRANGER, "/kill_switch on");
        api.message(STRANGER, "/check");
        api.press(STRANGER, CommandRouter.CONFIRM + "0000000000000000");
        api.message(VIEWER, "/kill_switch on");
        api.message(VIEWER, "/threshold 0.9");
        deliver();
        assertTrue(api.sentTo(STRANGER).isEmpty(), "a stranger gets no answer at all");
        assertTrue(api.calls("answerCallbackQuery").isEmpty(), "nor a button answer");
        List<String> viewer = api.sentTo(VIEWER).stream().map(c -> c.params().get("text")).toList();
        assertEquals(List.of("Not allowed: /kill_switch needs an admin chat.", "Not allowed: /threshold needs an admin chat."), viewer);
        assertTrue(trader.writes.isEmpty(), "nothing was changed: " + trader.writes);
    }

    @Test
    void theKillSwitchChangesOnlyWhenAnAdminConfirmsWithTheButtonItGot() {
        api.message(ADMIN, "/kill_switch on");
        deliver();
        StandInBotApi.Call ask = api.sentTo(ADMIN).get(0);
        assertTrue(ask.params().get("text").contains("Switch the kill switch <b>ON</b>?"), ask.params().toString());
        String markup = ask.params().get("reply_markup");
        String nonce = markup.replaceAll(".*\"callback_data\":\"ks:([0-9a-f]+)\".*", "$1");
        assertTrue(nonce.matches("[0-9a-f]{16}"), markup);
        assertTrue(trader.writes.isEmpty(), "asking changes nothing");

        api.press(ADMIN, CommandRouter.CONFIRM + "ffffffffffffffff");
        api.press(VIEWER, CommandRouter.CONFIRM + nonce);
        deliver();
        assertTrue(trader.writes.isEmpty(), "a forged nonce and a viewer's press change nothing: " + trader.writes);

        api.press(ADMIN, CommandRouter.CONFIRM + nonce);
        api.press(ADMIN, CommandRouter.CONFIRM + nonce);
        deliver();
        assertEquals(List.of("kill-switch true"), trader.writes, "carried out once");
        List<String> answers = api.calls("answerCallbackQuery").stream().map(c -> c.params().get("text")).toList();
        assertTrue(answers.contains("Kill switch ON"), answers.toString());
        assertTrue(answers.stream().filter(a -> a.contains("expired or was already answered")).count() >= 2, answers.toString());
        assertTrue(answers.contains("Only an admin chat may switch the kill switch."), answers.toString());
        assertEquals("Kill switch is now <b>ON</b>.", lastTextTo(ADMIN));

        api.message(ADMIN, "/threshold 0.65");
        api.message(ADMIN, "/threshold rsi 1.5");
        deliver();
        assertEquals(List.of("kill-switch true", "threshold ema 0.65", "threshold rsi 0.65"), trader.writes);
        assertTrue(lastTextTo(ADMIN).contains("must be from 0 to 1"), lastTextTo(ADMIN));
    }

    @Test
    void a429IsRetriedAfterTheSecondsTelegramNamesAndGivenUpAfterThreeTries() {
        api.throttle("sendMessage", 2, 3);
        bot.send(ADMIN, "hello", Map.of());
        assertEquals(List.of(Duration.ofSeconds(3), Duration.ofSeconds(3)), waits);
        assertEquals(1, api.sentTo(ADMIN).size(), "delivered once, after the two 429s");

        api.throttle("sendMessage", 5, 1);
        BotApiException e = assertThrows(BotApiException.class, () -> bot.send(ADMIN, "again", Map.of()));
        assertEquals(429, e.code());
        assertEquals(1, api.sentTo(ADMIN).size());
    }

    @Test
    void signalsGoToPremiumWithButtonsAndToGeneralWithoutWithinTheirTierLimitsAndNotUnderTheKillSwitch() {
        SignalBroadcaster b = new SignalBroadcaster(settings(api.url(), Map.of(SignalTier.LOW, 1, SignalTier.MEDIUM, 5, SignalTier.HIGH, 5)), trader,
                bot, clock);
        var high = CannedTrader.json("""
                {"signalId":"s1","strategy":"ema","instrument":"binance:BTCUSDT","timeframe":"M1","time":"2023-03-20T10:00:00Z","direction":"LONG",
                 "confidence":0.8,"price":"28000","reason":"EMA 9 crossed above EMA 21","decision":"APPROVED","decisionStop":"27900"}""");
        var low = CannedTrader.json("""
                {"signalId":"s2","strategy":"rsi","instrument":"binance:BTCUSDT","timeframe":"M1","time":"2023-03-20T10:01:00Z","direction":"LONG",
                 "confidence":0.3,"price":"28010","reason":"RSI below 30","decision":"APPROVED","decisionStop":null}""");
        assertEquals(2, b.broadcast(List.of(high)));
        StandInBotApi.Call premium = api.sentTo(PREMIUM).get(0);
        StandInBotApi.Call general = api.sentTo(GENERAL).get(0);
        assertEquals("sendPhoto", premium.method());
        String caption = premium.params().get("caption");
        assertTrue(caption.startsWith("[dry-run] <b>LONG binance:BTCUSDT</b>"), caption);
        assertTrue(caption.contains("entry 28000, stop 27900, target 28200, R:R 1:2") && caption.contains("confidence HIGH (0.80)")
                && caption.contains("EMA 9 crossed above EMA 21"), caption);
        assertTrue(premium.params().get("reply_markup").contains("show:positions"), "premium gets buttons");
        assertFalse(general.params().containsKey("reply_markup"), "general gets none");
        byte[] png = premium.photo();
        assertTrue(png != null && png.length > 5_000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "a PNG chart");

        assertEquals(2, b.broadcast(List.of(low)));
        assertEquals(0, b.broadcast(List.of(low)), "one LOW signal an hour per channel");
        assertTrue(api.sentTo(PREMIUM).get(1).params().get("caption").contains("no stop (none approved)"));

        trader.killSwitch = true;
        assertEquals(0, b.broadcast(List.of(high)), "the kill switch silences signals");
        assertEquals(2, api.sentTo(PREMIUM).size());
    }

    @Test
    void theTokenNeverShowsInAnErrorOrInToString() {
        BotToken token = BotToken.of("TELEGRAM_BOT_TOKEN", TOKEN);
        assertFalse(token.toString().contains(TOKEN));
        api.close();
        BotClient down = new BotClient(api.url().toString(), token, Duration.ofSeconds(1), waits::add);
        BotApiException e = assertThrows(BotApiException.class, () -> down.send(ADMIN, "x", Map.of()));
        assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> BotToken.of("TELEGRAM_BOT_TOKEN", null));
        assertTrue(missing.getMessage().contains("TELEGRAM_BOT_TOKEN"));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> BotToken.of("T", "not-a-token-secret"));
        assertFalse(bad.getMessage().contains("not-a-token-secret"), bad.getMessage());
    }
}
