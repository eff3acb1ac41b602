package dev.trader.load;

import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.ws;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;

/**
 * How many live-feed clients one node holds: {@code clients} WebSocket clients connect to
 * {@code /ws} over {@code ramp} seconds, each authenticates with the key in its first message and
 * subscribes; after {@code settle} seconds, for {@code hold} seconds, every message each client
 * receives is measured ({@link FeedDelays}). The node must be trading at the rate under test (run.sh
 * starts the demo with a paced exchange). The last line printed is the verdict: the node holds the
 * clients when every one of them stayed connected and live to the end, none was sent {@code lagged},
 * and the p99 added delay is at most {@code max-p99-ms} (100).
 */
public class LiveFeedSimulation extends Simulation {
    private static final LoadSettings SETTINGS = LoadSettings.fromSystemProperties();
    private static final long MAX_P99_MS = Long.getLong("max-p99-ms", 100);
    private static final FeedDelays DELAYS = new FeedDelays();
    private static final AtomicInteger LIVE = new AtomicInteger();
    private static final AtomicInteger HELD = new AtomicInteger();
    private static volatile long windowEnd = Long.MAX_VALUE;

    private static final String AUTH = "{\"type\":\"auth\",\"key\":\"" + SETTINGS.key() + "\"}";

    private final HttpProtocolBuilder protocol = http.baseUrl(SETTINGS.base().toString())
            .wsBaseUrl(SETTINGS.wsBase())
            // Messages no check waits for are kept until the client's next drain (about a second's worth).
            .wsUnmatchedInboundMessageBufferSize(2_000);

    private final ScenarioBuilder client = scenario("live feed client")
            .exec(ws("open /ws").connect("/ws"))
            .exec(ws("auth → welcome").sendText(AUTH)
                    .await(10).on(ws.checkTextMessage("welcome").matching(jsonPath("$.type").is("welcome"))))
            .exec(ws("subscribe → live").sendText("{\"type\":\"subscribe\"}")
                    .await(30).on(ws.checkTextMessage("live").matching(jsonPath("$.type").is("live"))))
            .exitHereIfFailed()
            .exec(session -> {
                LIVE.incrementAndGet();
                return session;
            })
            .asLongAs(session -> System.currentTimeMillis() < windowEnd).on(
                    pause(Duration.ofSeconds(1)).exec(ws.processUnmatchedMessages((messages, session) -> {
                        DELAYS.record(messages);
                        return session;
                    })))
            .exec(ws.processUnmatchedMessages((messages, session) -> {
                DELAYS.record(messages);
                return session;
            }))
            .exec(session -> {
                if (!session.isFailed()) {
                    HELD.incrementAndGet();
                }
                return session;
            })
            .exec(ws("close").close());

    {
        setUp(client.injectOpen(rampUsers(SETTINGS.clients()).during(Duration.ofSeconds(SETTINGS.rampSeconds()))))
                .protocols(protocol);
    }

    @Override
    public void before() {
        long start = System.currentTimeMillis() + (SETTINGS.rampSeconds() + SETTINGS.settleSeconds()) * 1000L;
        windowEnd = start + SETTINGS.holdSeconds() * 1000L;
        DELAYS.window(start, windowEnd);
        System.out.println("live feed benchmark: " + SETTINGS + ", measuring for " + SETTINGS.holdSeconds() + " s after ramp and settle");
    }

    @Override
    public void after() {
        Histogram h = DELAYS.histogram();
        double perClientPerSecond = LIVE.get() == 0 ? 0 : (double) h.getTotalCount() / LIVE.get() / SETTINGS.holdSeconds();
        long p99 = h.getTotalCount() == 0 ? -1 : h.getValueAtPercentile(99);
        boolean holds = HELD.get() == SETTINGS.clients() && DELAYS.lagged() == 0 && h.getTotalCount() > 0 && p99 <= MAX_P99_MS;
        System.out.printf("live feed benchmark: %d clients asked, %d live, %d held to the end; %,d messages measured (%.1f per client per second), "
                        + "%d lagged, %d outside the window, %d unreadable%n",
                SETTINGS.clients(), LIVE.get(), HELD.get(), h.getTotalCount(), perClientPerSecond, DELAYS.lagged(), DELAYS.outsideWindow(),
                DELAYS.unreadable());
        System.out.printf("RESULT clients=%d live=%d held=%d updates_per_client_s=%.1f delay_ms p50=%d p90=%d p99=%d p99.9=%d max=%d "
                        + "lagged=%d verdict=%s%n",
                SETTINGS.clients(), LIVE.get(), HELD.get(), perClientPerSecond, h.getValueAtPercentile(50), h.getValueAtPercentile(90), p99,
                h.getValueAtPercentile(99.9), h.getMaxValue(), DELAYS.lagged(), holds ? "holds" : "does-not-hold");
    }
}
