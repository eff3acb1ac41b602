package dev.trader.notify.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.pengrad.telegrambot.model.CallbackQuery;
import com.pengrad.telegrambot.model.Message;
import com.pengrad.telegrambot.model.Update;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one update: a command from a configured chat, as its role allows, or the press of a
 * button the bot sent. A chat the configuration does not name gets no answer at all; a viewer
 * asking for an admin command is told it may not. {@code /kill_switch} takes effect only when
 * the admin presses the confirm button it gets back.
 */
public final class CommandRouter {
    private static final Logger LOG = LoggerFactory.getLogger(CommandRouter.class);
    static final String CONFIRM = "ks:";
    static final String CANCEL = "ks-cancel:";
    static final String SHOW = "show:";

    private final TelegramSettings settings;
    private final TraderControl trader;
    private final BotClient bot;
    private final Clock clock;
    private final KillSwitchConfirmations confirmations;

    public CommandRouter(TelegramSettings settings, TraderControl trader, BotClient bot, Clock clock) {
        this.settings = settings;
        this.trader = trader;
        this.bot = bot;
        this.clock = clock;
        this.confirmations = new KillSwitchConfirmations(clock);
    }

    public void handle(Update update) {
        if (update.message() != null && update.message().text() != null) {
            command(update.message());
        } else if (update.callbackQuery() != null) {
            button(update.callbackQuery());
        }
    }

    private void command(Message m) {
        long chat = m.chat().id();
        ChatRole role = settings.role(chat);
        if (role == null) {
            LOG.info("telegram: a message from chat {}, which is not configured, was ignored", chat);
            return;
        }
        String[] words = m.text().strip().split("\\s+");
        String command = words[0].toLowerCase(Locale.ROOT).replaceFirst("@.*$", "");
        List<String> args = List.of(words).subList(1, words.length);
        String reply;
        try {
            reply = switch (command) {
                case "/check" -> Replies.check(trader.status());
                case "/stats" -> Replies.stats(trader.metrics(Replies.daysAgo(clock, 7)), trader.metrics(Replies.daysAgo(clock, 30)));
                case "/ftmo_status" -> ftmoStatus();
                case "/positions" -> Replies.positions(trader.positions());
                case "/threshold" -> role == ChatRole.ADMIN ? threshold(args) : refused(command);
                case "/kill_switch" -> role == ChatRole.ADMIN ? askKillSwitch(chat, args) : refused(command);
                case "/start", "/help" -> help(role);
                default -> "Unknown command " + Replies.esc(command) + ". " + help(role);
            };
        } catch (IllegalStateException | IllegalArgumentException e) {
            reply = "Could not: " + Replies.esc(String.valueOf(e.getMessage()));
        }
        if (reply != null) {
            bot.send(chat, reply, Map.of());
        }
    }

    private String threshold(List<String> args) {
        if (args.isEmpty() || args.size() > 2) {
            return "Usage: /threshold &lt;n&gt; (every strategy) or /threshold &lt;strategy&gt; &lt;n&gt;, n from 0 to 1";
        }
        BigDecimal n;
        try {
            n = new BigDecimal(args.get(args.size() - 1));
        } catch (NumberFormatException e) {
            return "The threshold must be a number from 0 to 1, not " + Replies.esc(args.get(args.size() - 1));
        }
        if (n.signum() < 0 || n.compareTo(BigDecimal.ONE) > 0) {
            return "The threshold must be from 0 to 1, not " + n.toPlainString();
        }
        List<String> ids = new ArrayList<>();
        if (args.size() == 2) {
            ids.add(args.get(0));
        } else {
            for (JsonNode s : trader.strategies()) {
                ids.add(s.path("id").asText());
            }
        }
        for (String id : ids) {
            trader.threshold(id, n);
        }
        return "Threshold " + n.toPlainString() + " set for " + Replies.esc(String.join(", ", ids));
    }

    private String askKillSwitch(long chat, List<String> args) {
        if (args.size() != 1 || !(args.get(0).equalsIgnoreCase("on") || args.get(0).equalsIgnoreCase("off"))) {
            return "Usage: /kill_switch on|off";
        }
        boolean on = args.get(0).equalsIgnoreCase("on");
        String nonce = confirmations.ask(chat, on);
        Map<String, String> buttons = new LinkedHashMap<>();
        buttons.put(on ? "Confirm: stop all trading" : "Confirm: trade again", CONFIRM + nonce);
        buttons.put("Cancel", CANCEL + nonce);
        bot.send(chat, "Switch the kill switch <b>" + (on ? "ON" : "OFF") + "</b>? " + (on ? "No order will be sent until it is off again."
                : "Strategies will trade again.") + " Confirm within " + KillSwitchConfirmations.TTL.toMinutes() + " minutes.", buttons);
        return null;
    }

    private void button(CallbackQuery q) {
        String data = q.data() == null ? "" : q.data();
        Long chat = q.maybeInaccessibleMessage() == null || q.maybeInaccessibleMessage().chat() == null ? null
                : q.maybeInaccessibleMessage().chat().id();
        ChatRole role = chat == null ? null : settings.role(chat);
        if (chat == null || (role == null && !settings.isPremium(chat))) {
            LOG.info("telegram: a button pressed in chat {}, which is not configured, was ignored", chat);
            return;
        }
        try {
            if (data.startsWith(CONFIRM) || data.startsWith(CANCEL)) {
                if (role != ChatRole.ADMIN) {
                    bot.answerCallback(q.id(), "Only an admin chat may switch the kill switch.");
                    return;
                }
                boolean confirm = data.startsWith(CONFIRM);
                Optional<KillSwitchConfirmations.Pending> p = confirmations.take(data.substring(data.indexOf(':') + 1), chat);
                if (p.isEmpty()) {
                    bot.answerCallback(q.id(), "That request has expired or was already answered: send /kill_switch again.");
                } else if (!confirm) {
                    bot.answerCallback(q.id(), "Cancelled: the kill switch is unchanged.");
                } else {
                    JsonNode risk = trader.killSwitch(p.get().on());
                    boolean now = risk.path("killSwitch").path("global").asBoolean(p.get().on());
                    bot.answerCallback(q.id(), "Kill switch " + (now ? "ON" : "OFF"));
                    bot.send(chat, "Kill switch is now <b>" + (now ? "ON" : "OFF") + "</b>.", Map.of());
                }
            } else if (data.startsWith(SHOW)) {
                String what = data.substring(SHOW.length());
                String text = switch (what) {
                    case "positions" -> plain(Replies.positions(trader.positions()));
                    case "ftmo" -> plain(ftmoStatus());
                    default -> "Unknown button";
                };
                bot.answerCallback(q.id(), text.length() > 190 ? text.substring(0, 187) + "..." : text);
            } else {
                bot.answerCallback(q.id(), "Unknown button");
            }
        } catch (IllegalStateException e) {
            bot.answerCallback(q.id(), "Could not: " + e.getMessage());
        }
    }

    private String ftmoStatus() {
        return Replies.ftmo(trader.status(), trader.metrics(java.time.Instant.EPOCH), settings.profitTargetPercent());
    }

    private static String plain(String html) {
        return html.replaceAll("<[^>]+>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private static String refused(String command) {
        return "Not allowed: " + Replies.esc(command) + " needs an admin chat.";
    }

    private static String help(ChatRole role) {
        return "Commands: /check, /stats, /ftmo_status, /positions" + (role == ChatRole.ADMIN ? ", /threshold &lt;n&gt;, /kill_switch on|off" : "");
    }
}
