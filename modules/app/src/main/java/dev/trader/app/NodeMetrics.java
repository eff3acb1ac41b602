package dev.trader.app;

import com.typesafe.config.Config;
import java.time.Duration;
import kamon.Kamon;
import kamon.prometheus.PrometheusReporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts Kamon once per JVM, before the first actor system (its instrumentation, when on, must be
 * in place before the classes it instruments load), and gives the Prometheus scrape that
 * {@code GET /metrics} serves. The Prometheus reporter is Kamon's own module, found on the
 * classpath; its embedded server is off (conf/observability.conf).
 */
final class NodeMetrics {
    private static final Logger LOG = LoggerFactory.getLogger(NodeMetrics.class);
    private static Duration startup;

    private NodeMetrics() {
    }

    /** Starts Kamon if this JVM has not yet; answers how long its start took (the first time's figure). */
    static synchronized Duration start(Config config, boolean instrumentation) {
        if (startup != null) {
            return startup;
        }
        long t0 = System.nanoTime();
        if (instrumentation) {
            Kamon.init(config);
        } else {
            Kamon.initWithoutAttaching(config);
        }
        startup = Duration.ofNanos(System.nanoTime() - t0);
        LOG.info("metrics: Kamon started in {} ms ({})", startup.toMillis(),
                instrumentation ? "instrumentation agent attached" : "without the instrumentation agent");
        return startup;
    }

    /** The latest scrape in Prometheus's text format; empty until the first tick has been recorded. */
    static String scrape() {
        return PrometheusReporter.latestScrapeData().getOrElse(() -> "");
    }
}
