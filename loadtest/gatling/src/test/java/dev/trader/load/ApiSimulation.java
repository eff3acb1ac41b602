package dev.trader.load;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;

/**
 * The admin API's read side under load: {@code clients} scripts start over {@code ramp} seconds and
 * each walks the dashboard's reads for {@code hold} seconds, sending its next request as soon as the
 * last is answered, while the node trades. Gatling prints and charts the response times; the
 * run fails if more than 1% of the requests fail or the p99 exceeds {@code max-p99-ms} (500).
 */
public class ApiSimulation extends Simulation {
    private static final LoadSettings SETTINGS = LoadSettings.fromSystemProperties();
    private static final int MAX_P99_MS = Integer.getInteger("max-p99-ms", 500);

    private final HttpProtocolBuilder protocol = http.baseUrl(SETTINGS.base().toString())
            .authorizationHeader("Bearer " + SETTINGS.key())
            .acceptHeader("application/json")
            .shareConnections();

    private static ChainBuilder read(String name, String path) {
        return exec(http(name).get(path).check(status().is(200)));
    }

    private final ScenarioBuilder dashboard = scenario("dashboard reads").exec(during(Duration.ofSeconds(SETTINGS.holdSeconds())).on(
            read("GET /api/status", "/api/status"),
            read("GET /api/risk", "/api/risk"),
            read("GET /api/positions", "/api/positions"),
            read("GET /api/orders", "/api/orders?limit=100"),
            read("GET /api/trades", "/api/trades?limit=100"),
            read("GET /api/signals", "/api/signals?limit=100"),
            read("GET /api/metrics", "/api/metrics"),
            read("GET /api/alerts", "/api/alerts")));

    {
        setUp(dashboard.injectOpen(rampUsers(SETTINGS.clients()).during(Duration.ofSeconds(SETTINGS.rampSeconds()))))
                .protocols(protocol)
                .assertions(global().failedRequests().percent().lt(1.0), global().responseTime().percentile(99).lt(MAX_P99_MS));
    }
}
