package dev.trader.engine.settings;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * {@code trader.metrics} and {@code trader.alerts} (conf/observability.conf): how often the
 * gauges are sampled, whether Kamon's instrumentation agent is attached, and the alert rules'
 * thresholds. A wrong value stops the boot naming the key.
 *
 * @param instrumentation attach Kamon's agent for Pekko actor, HTTP and JDBC metrics (costs start-up time)
 * @param sampleEvery     how often the gauges (R, equity, floors, staleness, cluster) are read
 * @param evaluateEvery   how often the alert rules run
 * @param eventHold       how long an alert raised by an event (an order attempt) stays active after the last one
 * @param staleAfter      an instrument without a bar for longer is stale
 * @param slippageP90Bps  the slippage an order should stay under nine times in ten
 * @param slippageFills   this many completed orders in a row above it raise the alert
 * @param hitRateFloor    the win rate the last {@code hitRateTrades} closed trades should reach
 * @param webhookUrl      where alerts are POSTed as JSON; empty for none
 */
public record ObservabilitySettings(boolean instrumentation, Duration sampleEvery, Duration evaluateEvery, Duration eventHold,
                                    Duration staleAfter, BigDecimal slippageP90Bps, int slippageFills, BigDecimal hitRateFloor,
                                    int hitRateTrades, String webhookUrl) {

    public static ObservabilitySettings load(Config root) {
        ConfigReader m = new ConfigReader(root.getConfig("trader.metrics"), "trader.metrics");
        ConfigReader a = new ConfigReader(root.getConfig("trader.alerts"), "trader.alerts");
        BigDecimal p90 = a.decimal("slippage.p90-bps");
        if (p90.signum() < 0) {
            throw new SettingsException("trader.alerts.slippage.p90-bps must not be negative but was " + p90.toPlainString());
        }
        BigDecimal floor = a.decimal("hit-rate.floor");
        if (floor.signum() < 0 || floor.compareTo(BigDecimal.ONE) > 0) {
            throw new SettingsException("trader.alerts.hit-rate.floor must be within [0, 1] but was " + floor.toPlainString());
        }
        String webhook = a.string("webhook-url");
        if (!webhook.isEmpty() && !webhook.startsWith("http://") && !webhook.startsWith("https://")) {
            throw new SettingsException("trader.alerts.webhook-url must be an http(s) URL or empty");
        }
        return new ObservabilitySettings(bool(root, "trader.metrics.instrumentation"), m.duration("sample-every"), a.duration("evaluate-every"),
                a.duration("event-hold"), a.duration("stale-after"), p90, a.intIn("slippage.fills", 1, 100), floor,
                a.intIn("hit-rate.trades", 1, 1000), webhook);
    }

    private static boolean bool(Config root, String path) {
        try {
            return root.getBoolean(path);
        } catch (ConfigException.Missing e) {
            throw new SettingsException(path + " is missing", e);
        } catch (ConfigException e) {
            throw new SettingsException(path + " must be true or false", e);
        }
    }

    @Override
    public String toString() {
        // The webhook address may carry a token.
        return "ObservabilitySettings[instrumentation=" + instrumentation + ", sampleEvery=" + sampleEvery + ", evaluateEvery=" + evaluateEvery
                + ", webhook=" + (webhookUrl.isEmpty() ? "none" : "set") + "]";
    }
}
