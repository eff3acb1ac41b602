package dev.trader.execution.sim.rest;

import static org.apache.pekko.http.javadsl.server.Directives.completeWithFuture;
import static org.apache.pekko.http.javadsl.server.Directives.extractClientIP;
import static org.apache.pekko.http.javadsl.server.Directives.extractRequest;
import static org.apache.pekko.http.javadsl.server.Directives.reject;
import static org.apache.pekko.http.javadsl.server.Directives.toStrictEntity;
import static org.apache.pekko.http.javadsl.server.Directives.withoutRequestTimeout;

import dev.trader.execution.sim.api.BinanceError;
import dev.trader.execution.sim.api.BinanceException;
import dev.trader.execution.sim.config.RateLimitSpec;
import dev.trader.execution.sim.config.SimConfig;
import dev.trader.execution.sim.exchange.MatchingEngine;
import dev.trader.execution.sim.fault.FaultInjector;
import dev.trader.execution.sim.fault.FaultKind;
import dev.trader.execution.sim.market.DepthSource;
import dev.trader.execution.sim.market.MarketClock;
import dev.trader.execution.sim.market.MarketTimeline;
import dev.trader.execution.sim.stream.ListenKeys;
import dev.trader.execution.sim.stream.UserStreamPublisher;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpEntity;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binance's spot REST API (the simulator's subset) as a Pekko HTTP route. Every request goes
 * through the same pipeline, in Binance's order: parameters parsed (query string and form body),
 * request weight counted against the IP (429, then 418 for a client that does not back off),
 * security (API key, signature, timestamp), order limits, then the endpoint. Every answer carries
 * X-MBX-USED-WEIGHT-1M; order answers X-MBX-ORDER-COUNT-10S/-1D too (named after the configured
 * windows, e.g. X-MBX-USED-WEIGHT-10S). Errors are Binance's
 * {@code {"code":..,"msg":".."}} with its HTTP status. Paths it does not serve are rejected, so the
 * route composes with the WebSocket route on one port.
 */
public final class SimRestApi implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SimRestApi.class);
    private static final Duration BODY_TIMEOUT = Duration.ofSeconds(10);

    private final Map<String, Map<String, Endpoint>> endpoints = new HashMap<>();
    private final RequestAuthenticator authenticator;
    private final RateLimiter limiter;
    private final FaultInjector faults;
    private final Clock wallClock;
    private final ScheduledExecutorService scheduler;
    private final Runnable beforeRequest;
    private final Runnable afterRequest;
    private final Set<CompletableFuture<HttpResponse>> stalled = ConcurrentHashMap.newKeySet();
    private final String weightHeader;
    private final String orderCountHeader;

    /**
     * @param beforeRequest run before each request (the simulator expires listen keys there)
     * @param afterRequest  run after each request's work (the simulator delivers the stream events it caused)
     */
    public SimRestApi(SimConfig config, MatchingEngine engine, MarketTimeline timeline, MarketClock clock, DepthSource depth,
                      FaultInjector faults, ListenKeys listenKeys, UserStreamPublisher userStream, Clock wallClock,
                      ScheduledExecutorService scheduler, Runnable beforeRequest, Runnable afterRequest) {
        this.authenticator = new RequestAuthenticator(config.apiKeys(), config.maxRecvWindowMs());
        this.limiter = new RateLimiter(config.rateLimits());
        this.weightHeader = "X-MBX-USED-WEIGHT-" + RateLimitSpec.headerSuffix(config.rateLimits().requestWeightWindow());
        this.orderCountHeader = "X-MBX-ORDER-COUNT-" + RateLimitSpec.headerSuffix(config.rateLimits().ordersWindow());
        this.faults = faults;
        this.wallClock = wallClock;
        this.scheduler = scheduler;
        this.beforeRequest = beforeRequest;
        this.afterRequest = afterRequest;
        List<Endpoint> all = new ArrayList<>();
        all.addAll(new MarketDataEndpoints(config, timeline, clock, depth).endpoints());
        all.addAll(new OrderEndpoints(config, engine, faults).endpoints());
        all.addAll(new AccountEndpoints(config, engine.ledger()).endpoints());
        all.addAll(new UserStreamEndpoints(listenKeys, userStream).endpoints());
        for (Endpoint e : all) {
            endpoints.computeIfAbsent(e.path(), p -> new HashMap<>()).put(e.method(), e);
        }
    }

    public Route route() {
        return extractRequest(request -> {
            Map<String, Endpoint> byMethod = endpoints.get(request.getUri().path());
            Endpoint endpoint = byMethod == null ? null : byMethod.get(request.method().value());
            if (endpoint == null) {
                return reject();
            }
            // Our answers never hang except a deliberate stall, which must outlast the client's timeout.
            return withoutRequestTimeout(() -> extractClientIP(ip -> toStrictEntity(BODY_TIMEOUT, () -> extractRequest(strict ->
                    completeWithFuture(handle(endpoint, strict, ip.getAddress().map(InetAddress::getHostAddress).orElse("unknown")))))));
        });
    }

    private CompletionStage<HttpResponse> handle(Endpoint endpoint, HttpRequest request, String ip) {
        long now = wallClock.millis();
        List<HttpHeader> headers = new ArrayList<>();
        ApiResponse answer;
        try {
            beforeRequest.run();
            answer = process(endpoint, request, ip, now, headers);
        } catch (BinanceException e) {
            answer = ApiResponse.error(e.error());
        } catch (RuntimeException e) {
            LOG.error("simulator failed on {} {}", request.method().value(), request.getUri().path(), e);
            answer = ApiResponse.error(new BinanceError(500, -1000, "An unknown error occurred while processing the request."));
        } finally {
            afterRequest.run();
        }
        if (endpoint.placesOrders()) {
            int[] counts = limiter.orderCounts(now);
            headers.add(RawHeader.create(orderCountHeader, Integer.toString(counts[0])));
            headers.add(RawHeader.create("X-MBX-ORDER-COUNT-1D", Integer.toString(counts[1])));
        }
        HttpResponse response = response(answer, headers);
        if (answer.delivery() == ApiResponse.Delivery.STALL) {
            return later(response, answer.stall(), true);
        }
        if (faults.fires(FaultKind.DELAY_REST, request.method().value() + " " + request.getUri().path())) {
            return later(response, faults.duration(FaultKind.DELAY_REST), false);
        }
        return CompletableFuture.completedFuture(response);
    }

    private ApiResponse process(Endpoint endpoint, HttpRequest request, String ip, long now, List<HttpHeader> headers) {
        String rawQuery = request.getUri().rawQueryString().orElse(null);
        HttpEntity entity = request.entity();
        String rawBody = entity instanceof HttpEntity.Strict s ? s.getData().utf8String() : null;
        RequestParams params;
        BinanceException malformed = null;
        try {
            params = RequestParams.parse(rawQuery, rawBody);
        } catch (BinanceException e) {
            malformed = e;
            params = RequestParams.empty();
        }
        RateLimiter.Verdict weight = limiter.admit(ip, endpoint.weight().applyAsInt(params), now);
        headers.add(RawHeader.create(weightHeader, Integer.toString(weight.usedWeight())));
        if (!weight.allowed()) {
            headers.add(RawHeader.create("Retry-After", Long.toString(weight.retryAfterSeconds())));
            throw weight.error().exception();
        }
        if (malformed != null) {
            throw malformed;
        }
        String apiKey = authenticator.check(endpoint.security(), request.getHeader("X-MBX-APIKEY").map(HttpHeader::value).orElse(null),
                params, rawQuery, rawBody, now);
        if (endpoint.placesOrders()) {
            RateLimiter.Verdict orders = limiter.admitOrder(now);
            if (!orders.allowed()) {
                headers.add(RawHeader.create("Retry-After", Long.toString(orders.retryAfterSeconds())));
                throw orders.error().exception();
            }
        }
        ApiResponse answer = endpoint.handler().handle(new Endpoint.Call(params, apiKey, now));
        if (answer.orderPlaced()) {
            limiter.orderPlaced(now);
        }
        return answer;
    }

    private static HttpResponse response(ApiResponse answer, List<HttpHeader> headers) {
        HttpResponse base = HttpResponse.create().withStatus(StatusCodes.get(answer.status())).addHeaders(headers);
        if (answer.delivery() == ApiResponse.Delivery.ABORT) {
            // The headers go out, then the body stream fails: the server aborts the connection mid-answer.
            Source<ByteString, ?> failing = Source.failed(new IOException("simulated connection abort (ABORT_ORDER_RESPONSE)"));
            return base.withEntity(HttpEntities.createChunked(ContentTypes.APPLICATION_JSON, failing));
        }
        return base.withEntity(ContentTypes.APPLICATION_JSON, answer.body());
    }

    private CompletionStage<HttpResponse> later(HttpResponse response, Duration delay, boolean stall) {
        CompletableFuture<HttpResponse> f = new CompletableFuture<>();
        if (stall) {
            stalled.add(f);
        }
        scheduler.schedule(() -> {
            stalled.remove(f);
            f.complete(response);
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
        return f;
    }

    /** The 429s and 418s answered so far. */
    public RateLimitStats rateLimitStats() {
        return limiter.stats();
    }

    /** Answers the responses still stalled (503) so that the server can shut down. */
    @Override
    public void close() {
        for (CompletableFuture<HttpResponse> f : stalled) {
            f.complete(response(ApiResponse.error(BinanceError.unknownStatus()), List.of()));
        }
        stalled.clear();
    }
}
