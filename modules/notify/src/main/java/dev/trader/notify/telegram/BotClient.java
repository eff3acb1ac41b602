package dev.trader.notify.telegram;

import com.pengrad.telegrambot.TelegramBot;
import com.pengrad.telegrambot.model.Update;
import com.pengrad.telegrambot.model.request.InlineKeyboardButton;
import com.pengrad.telegrambot.model.request.InlineKeyboardMarkup;
import com.pengrad.telegrambot.request.AnswerCallbackQuery;
import com.pengrad.telegrambot.request.BaseRequest;
import com.pengrad.telegrambot.request.GetUpdates;
import com.pengrad.telegrambot.request.SendMessage;
import com.pengrad.telegrambot.request.SendPhoto;
import com.pengrad.telegrambot.response.BaseResponse;
import com.pengrad.telegrambot.response.GetUpdatesResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;

/**
 * The Bot API calls the bot makes, through java-telegram-bot-api against a configurable base URL.
 * A 429 answer is retried after the {@code retry_after} seconds Telegram names (at most
 * {@link #ATTEMPTS} tries, each wait capped at a minute); anything else that fails is a
 * {@link BotApiException} whose message never holds the token.
 */
public final class BotClient {
    static final int ATTEMPTS = 3;

    /** Waits between tries; tests count the waits instead of sleeping through them. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final TelegramBot bot;
    private final BotToken token;
    private final Sleeper sleeper;

    public BotClient(String apiUrl, BotToken token, Duration pollTimeout, Sleeper sleeper) {
        OkHttpClient http = new OkHttpClient.Builder().connectTimeout(10, TimeUnit.SECONDS)
                .readTimeout(pollTimeout.toSeconds() + 15, TimeUnit.SECONDS).writeTimeout(30, TimeUnit.SECONDS).build();
        // The library appends the token and the method name: {api-url}/bot{token}/{method}. Never .debug(): it logs URLs.
        String base = apiUrl.endsWith("/") ? apiUrl : apiUrl + "/";
        this.bot = new TelegramBot.Builder(token.value()).apiUrl(base + "bot").okHttpClient(http).build();
        this.token = token;
        this.sleeper = sleeper;
    }

    public List<Update> updates(int offset, Duration timeout) {
        GetUpdatesResponse r = call("getUpdates", new GetUpdates().offset(offset).timeout((int) timeout.toSeconds()).allowedUpdates("message",
                "callback_query"));
        return r.updates() == null ? List.of() : r.updates();
    }

    public void send(long chatId, String html, Map<String, String> buttons) {
        SendMessage m = new SendMessage(chatId, html).parseMode(com.pengrad.telegrambot.model.request.ParseMode.HTML);
        if (!buttons.isEmpty()) {
            m.replyMarkup(keyboard(buttons));
        }
        call("sendMessage", m);
    }

    public void sendPhoto(long chatId, byte[] png, String htmlCaption, Map<String, String> buttons) {
        SendPhoto p = new SendPhoto(chatId, png).caption(htmlCaption).parseMode(com.pengrad.telegrambot.model.request.ParseMode.HTML);
        if (!buttons.isEmpty()) {
            p.replyMarkup(keyboard(buttons));
        }
        call("sendPhoto", p);
    }

    public void answerCallback(String callbackId, String text) {
        call("answerCallbackQuery", new AnswerCallbackQuery(callbackId).text(text));
    }

    /** One row of buttons: label → callback data. */
    private static InlineKeyboardMarkup keyboard(Map<String, String> buttons) {
        InlineKeyboardButton[] row = buttons.entrySet().stream().map(e -> new InlineKeyboardButton(e.getKey()).callbackData(e.getValue()))
                .toArray(InlineKeyboardButton[]::new);
        return new InlineKeyboardMarkup(row);
    }

    private <T extends BaseRequest<T, R>, R extends BaseResponse> R call(String method, BaseRequest<T, R> request) {
        for (int attempt = 1; ; attempt++) {
            R r;
            try {
                r = bot.execute(request);
            } catch (RuntimeException e) {
                throw new BotApiException(method + " failed: " + token.redact(String.valueOf(e.getMessage())), 0);
            }
            if (r.isOk()) {
                return r;
            }
            Integer retryAfter = r.parameters() == null ? null : r.parameters().retryAfter();
            if (r.errorCode() == 429 && attempt < ATTEMPTS) {
                try {
                    sleeper.sleep(Duration.ofSeconds(Math.min(60, Math.max(1, retryAfter == null ? 1 : retryAfter))));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new BotApiException(method + " interrupted while waiting out a 429", 429);
                }
                continue;
            }
            throw new BotApiException(method + " answered " + r.errorCode() + ": " + token.redact(String.valueOf(r.description())), r.errorCode());
        }
    }
}
