package dev.trader.notify.telegram;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The bot's configuration ({@code trader.telegram}): where the Bot API is (configurable, so tests
 * and self-hosted Bot API servers work), the chats and
 * their roles, the signal channels (premium ones get inline buttons, general ones do not), how many
 * signals of each tier a channel gets per hour, the tag every signal message carries
 * ({@code dry-run} or {@code live}), the reward multiple its target is drawn at, and the optional
 * profit target, in percent of the initial capital, that {@code /ftmo_status} measures progress against (FTMO: 10).
 */
public record TelegramSettings(URI apiUrl, Duration pollTimeout, Map<Long, ChatRole> chats, List<Long> premiumChannels,
                               List<Long> generalChannels, Map<SignalTier, Integer> perHour, String tag, BigDecimal rewardMultiple,
                               BigDecimal profitTargetPercent, Duration signalPoll) {

    public TelegramSettings {
        if (apiUrl == null || !("http".equals(apiUrl.getScheme()) || "https".equals(apiUrl.getScheme()))) {
            throw new IllegalArgumentException("trader.telegram.api-url must be an http(s) URL, not " + apiUrl);
        }
        if (pollTimeout.isNegative() || pollTimeout.toSeconds() > 50) {
            throw new IllegalArgumentException("trader.telegram.poll-timeout must be 0 to 50 s (Telegram's long poll), not " + pollTimeout);
        }
        if (!("dry-run".equals(tag) || "live".equals(tag))) {
            throw new IllegalArgumentException("trader.telegram.tag must be dry-run or live, not '" + tag + "'");
        }
        if (rewardMultiple.signum() <= 0) {
            throw new IllegalArgumentException("trader.telegram.reward-multiple must be positive, not " + rewardMultiple);
        }
        if (signalPoll.isNegative() || signalPoll.isZero()) {
            throw new IllegalArgumentException("trader.telegram.signal-poll must be positive, not " + signalPoll);
        }
        chats = Map.copyOf(chats);
        premiumChannels = List.copyOf(premiumChannels);
        generalChannels = List.copyOf(generalChannels);
        EnumMap<SignalTier, Integer> limits = new EnumMap<>(SignalTier.class);
        for (SignalTier t : SignalTier.values()) {
            Integer n = perHour.get(t);
            if (n == null || n < 0) {
                throw new IllegalArgumentException("trader.telegram.per-hour." + t + " must be a count of signals (0 or more), not " + n);
            }
            limits.put(t, n);
        }
        perHour = Map.copyOf(limits);
    }

    /** The chat's role, or null for a chat the bot does not serve. */
    public ChatRole role(long chatId) {
        return chats.get(chatId);
    }

    public boolean isPremium(long chatId) {
        return premiumChannels.contains(chatId);
    }

    public boolean isChannel(long chatId) {
        return premiumChannels.contains(chatId) || generalChannels.contains(chatId);
    }
}
