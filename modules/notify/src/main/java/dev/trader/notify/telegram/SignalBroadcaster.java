package dev.trader.notify.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a signal the account approved to the signal channels: entry, stop (the one the account
 * approved it with), target ({@code reward-multiple} R from the entry), R:R, confidence tier,
 * reason and a chart of the setup, tagged {@code dry-run} or {@code live}. Premium channels get
 * inline buttons, general ones do not; each channel gets at most its per-tier count an hour; while
 * the kill switch is on nothing is sent.
 */
public final class SignalBroadcaster {
    private static final Logger LOG = LoggerFactory.getLogger(SignalBroadcaster.class);
    private final TelegramSettings settings;
    private final TraderControl trader;
    private final BotClient bot;
    private final TierRateLimiter limiter;

    public SignalBroadcaster(TelegramSettings settings, TraderControl trader, BotClient bot, Clock clock) {
        this.settings = settings;
        this.trader = trader;
        this.bot = bot;
        this.limiter = new TierRateLimiter(settings.perHour(), clock);
    }

    /** Sends these signal rows (as /api/signals gives them), oldest first; returns how many messages went out. */
    public int broadcast(List<JsonNode> signals) {
        if (signals.isEmpty()) {
            return 0;
        }
        if (trader.status().path("risk").path("killSwitch").path("global").asBoolean()) {
            LOG.info("telegram: {} signal(s) not sent: the kill switch is on", signals.size());
            return 0;
        }
        int sent = 0;
        for (JsonNode s : signals) {
            SignalTier tier = SignalTier.of(null, s.path("confidence").asDouble(0));
            Levels levels = levels(s);
            byte[] chart = null;
            String caption = caption(s, tier, levels);
            for (long chat : channels()) {
                if (!limiter.tryAcquire(chat, tier)) {
                    LOG.info("telegram: {} signal {} not sent to chat {}: its {} limit an hour is reached", tier, s.path("signalId").asText(), chat,
                            settings.perHour().get(tier));
                    continue;
                }
                if (chart == null) {
                    chart = chart(s, levels);
                }
                Map<String, String> buttons = new LinkedHashMap<>();
                if (settings.isPremium(chat)) {
                    buttons.put("Positions", CommandRouter.SHOW + "positions");
                    buttons.put("Prop-firm status", CommandRouter.SHOW + "ftmo");
                }
                try {
                    bot.sendPhoto(chat, chart, caption, buttons);
                    sent++;
                } catch (BotApiException e) {
                    LOG.warn("telegram: signal {} not delivered to chat {}: {}", s.path("signalId").asText(), chat, e.getMessage());
                }
            }
        }
        return sent;
    }

    private List<Long> channels() {
        List<Long> all = new ArrayList<>(settings.premiumChannels());
        all.addAll(settings.generalChannels());
        return all;
    }

    /** Entry, the approved stop and the target {@code reward-multiple} R away; no stop or target for an exit or a signal approved without a stop. */
    record Levels(BigDecimal entry, BigDecimal stop, BigDecimal target) {
    }

    Levels levels(JsonNode s) {
        String direction = s.path("direction").asText();
        BigDecimal entry = new BigDecimal(s.path("price").asText("0"));
        JsonNode stopNode = s.path("decisionStop");
        if (stopNode.isNull() || stopNode.isMissingNode() || "FLAT".equals(direction)) {
            return new Levels(entry, null, null);
        }
        BigDecimal stop = new BigDecimal(stopNode.asText());
        BigDecimal reward = entry.subtract(stop).abs().multiply(settings.rewardMultiple());
        BigDecimal target = "SHORT".equals(direction) ? entry.subtract(reward) : entry.add(reward);
        return new Levels(entry, stop, target.round(new MathContext(entry.precision() + 2)).stripTrailingZeros());
    }

    String caption(JsonNode s, SignalTier tier, Levels levels) {
        String direction = s.path("direction").asText();
        StringBuilder c = new StringBuilder();
        c.append('[').append(settings.tag()).append("] <b>").append(Replies.esc(direction)).append(' ')
                .append(Replies.esc(s.path("instrument").asText())).append("</b> (").append(Replies.esc(s.path("strategy").asText()))
                .append(", ").append(Replies.esc(s.path("timeframe").asText())).append(")\n");
        c.append("entry ").append(levels.entry().toPlainString());
        if (levels.stop() != null) {
            c.append(", stop ").append(levels.stop().toPlainString()).append(", target ").append(levels.target().toPlainString())
                    .append(", R:R 1:").append(settings.rewardMultiple().stripTrailingZeros().toPlainString());
        } else {
            c.append(", no stop (").append("FLAT".equals(direction) ? "an exit" : "none approved").append(')');
        }
        c.append('\n').append(String.format(Locale.ROOT, "confidence %s (%.2f)%n", tier, s.path("confidence").asDouble(0)));
        c.append(Replies.esc(s.path("reason").asText("")));
        String text = c.toString();
        return text.length() > 1000 ? text.substring(0, 997) + "..." : text;
    }

    private byte[] chart(JsonNode s, Levels levels) {
        List<ChartRenderer.Candle> candles = new ArrayList<>();
        try {
            JsonNode bars = trader.instrument(s.path("instrument").asText()).path("recentBars");
            int from = Math.max(0, bars.size() - 120);
            for (int i = from; i < bars.size(); i++) {
                JsonNode b = bars.get(i);
                candles.add(new ChartRenderer.Candle(b.path("open").asDouble(), b.path("high").asDouble(), b.path("low").asDouble(),
                        b.path("close").asDouble()));
            }
        } catch (IllegalStateException e) {
            LOG.warn("telegram: no bars for the chart of {}: {}", s.path("instrument").asText(), e.getMessage());
        }
        return ChartRenderer.png(s.path("direction").asText() + " " + s.path("instrument").asText() + " [" + settings.tag() + "]", candles,
                levels.entry().doubleValue(), levels.stop() == null ? null : levels.stop().doubleValue(),
                levels.target() == null ? null : levels.target().doubleValue());
    }
}
