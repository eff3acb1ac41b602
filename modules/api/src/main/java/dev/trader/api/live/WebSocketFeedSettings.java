package dev.trader.api.live;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import dev.trader.engine.settings.SettingsException;
import java.time.Duration;

/**
 * {@code trader.api.websocket-feed} (conf/api.conf): how long a socket may stay unauthenticated, what a
 * client may send (message size, messages per second), how many messages may wait for a client that
 * reads slowly, and how often each socket is pinged.
 */
public record WebSocketFeedSettings(Duration authTimeout, int maxMessageBytes, int maxMessagesPerSecond, int maxPending, Duration pingInterval) {

    public static WebSocketFeedSettings load(Config root) {
        try {
            Config c = root.getConfig("trader.api.websocket-feed");
            WebSocketFeedSettings s = new WebSocketFeedSettings(c.getDuration("auth-timeout"), c.getInt("max-message-bytes"), c.getInt("max-messages-per-second"),
                    c.getInt("max-pending"), c.getDuration("ping-interval"));
            if (s.authTimeout().isNegative() || s.authTimeout().isZero() || s.maxMessageBytes() < 1 || s.maxMessagesPerSecond() < 1
                    || s.maxPending() < 1 || s.pingInterval().isNegative() || s.pingInterval().isZero()) {
                throw new SettingsException("trader.api.websocket-feed: every limit must be positive: " + s);
            }
            return s;
        } catch (ConfigException e) {
            throw new SettingsException("trader.api.websocket-feed: " + e.getMessage(), e);
        }
    }
}
