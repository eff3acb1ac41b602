package dev.trader.app;

import com.typesafe.config.Config;
import dev.trader.notify.telegram.ApiTraderControl;
import dev.trader.notify.telegram.BotToken;
import dev.trader.notify.telegram.ChatRole;
import dev.trader.notify.telegram.SignalTier;
import dev.trader.notify.telegram.TelegramBotService;
import dev.trader.notify.telegram.TelegramSettings;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code trader.telegram} read into the bot's settings, and the bot started against this node's own
 * HTTP API on loopback (with {@code api-key}, or the node's bootstrap key) when it is enabled.
 */
final class TelegramWiring {
    private TelegramWiring() {
    }

    static Optional<TelegramBotService> start(Config config, int httpPort) {
        Config c = config.getConfig("trader.telegram");
        if (!c.getBoolean("enabled")) {
            return Optional.empty();
        }
        TelegramSettings settings = settings(c);
        BotToken token = BotToken.of("trader.telegram.token, from TELEGRAM_BOT_TOKEN", c.getString("token"));
        String key = c.getString("api-key").isBlank() ? config.getString("trader.api.bootstrap-key") : c.getString("api-key");
        if (key.isBlank()) {
            throw new IllegalArgumentException("trader.telegram needs an API key to read the node: set TRADER_TELEGRAM_API_KEY (or TRADER_API_KEY)");
        }
        ApiTraderControl trader = new ApiTraderControl(URI.create("http://127.0.0.1:" + httpPort), key);
        return Optional.of(new TelegramBotService(settings, token, trader, Clock.systemUTC()).start());
    }

    static TelegramSettings settings(Config c) {
        Map<Long, ChatRole> chats = new HashMap<>();
        for (Config chat : c.getConfigList("chats")) {
            chats.put(chat.getLong("id"), ChatRole.valueOf(chat.getString("role").toUpperCase(Locale.ROOT)));
        }
        Map<SignalTier, Integer> perHour = new EnumMap<>(SignalTier.class);
        for (SignalTier t : SignalTier.values()) {
            perHour.put(t, c.hasPath("per-hour." + t) ? c.getInt("per-hour." + t) : null);
        }
        return new TelegramSettings(URI.create(c.getString("api-url")), c.getDuration("poll-timeout"), chats, c.getLongList("premium-channels"),
                c.getLongList("general-channels"), perHour, c.getString("tag"), new BigDecimal(c.getString("reward-multiple")),
                new BigDecimal(c.getString("profit-target-percent")), c.getDuration("signal-poll"));
    }
}
