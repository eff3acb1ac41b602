package dev.trader.execution.binance;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binance's spot REST API over the JDK's HttpClient, asynchronously. Every call goes through the
 * {@link RequestGate} (rate limits, bans, circuit breaker), is signed at the moment it leaves
 * (so a queued request carries a fresh timestamp), is read with a size limit and strictly; a
 * failure completes the stage with a {@link BinanceException} saying whether the outcome is
 * unknown. Binance's -1021 (timestamp outside recvWindow) re-measures the server time and sends
 * the request once more; a 429 or 418 stops all requests for its Retry-After and then sends the
 * refused one again, if that is within its allowed wait.
 */
public final class BinanceRestClient {
    private static final Logger LOG = LoggerFactory.getLogger(BinanceRestClient.class);
    /** When a 429/418 carries no usable Retry-After. */
    private static final long DEFAULT_RETRY_AFTER_MILLIS = 60_000;
    private static final long MAX_RETRY_AFTER_MILLIS = Duration.ofDays(3).toMillis();

    private final BinanceSettings settings;
    private final BinanceCredentials credentials;
    private final HttpClient http;
    private final ServerClock clock;
    private final CircuitBreaker breaker;
    private final RequestGate gate;
    private final LimitedBodyHandler bodies;
    private final AtomicReference<CompletableFuture<Long>> timeSync = new AtomicReference<>();

    /** What came back from one exchange of request and response, with when (local clock). */
    private record Answer(JsonNode json, int rateLimitedStatus, long retryAfterMillis, BinanceApiError refusal, long sentAt, long receivedAt) {
        boolean rateLimited() {
            return rateLimitedStatus != 0;
        }
    }

    @FunctionalInterface
    private interface Reader<T> {
        T read(JsonNode root) throws MalformedAnswer;
    }

    public BinanceRestClient(BinanceSettings settings, BinanceCredentials credentials, HttpClient http, ScheduledExecutorService timer) {
        this(settings, credentials, http, timer, Clock.systemUTC());
    }

    BinanceRestClient(BinanceSettings settings, BinanceCredentials credentials, HttpClient http, ScheduledExecutorService timer, Clock local) {
        this.settings = settings;
        this.credentials = credentials;
        this.http = http;
        this.clock = new ServerClock(local);
        this.breaker = new CircuitBreaker(settings.breakerThreshold(), settings.breakerCoolDown());
        this.gate = new RequestGate(new RateLimiter(RateLimitRule.spotDefaults()), breaker, clock, timer, settings.maxQueueWait());
        this.bodies = new LimitedBodyHandler(settings.maxResponseBytes());
    }

    /** An HttpClient as this adapter wants it: HTTP/1.1 towards a plain-http simulator, HTTP/2 towards Binance. */
    public static HttpClient httpClient(BinanceSettings settings) {
        boolean plain = settings.restBaseUrl().getScheme().equalsIgnoreCase("http");
        return HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .version(plain ? HttpClient.Version.HTTP_1_1 : HttpClient.Version.HTTP_2)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public CircuitBreaker circuitBreaker() {
        return breaker;
    }

    public long serverTimeOffsetMillis() {
        return clock.offsetMillis();
    }

    /** Binance's time now, as far as we know it. */
    public long serverTimeMillis() {
        return clock.nowMillis();
    }

    /** How much of each rate limit the current windows have used. */
    public String rateLimitUse() {
        return gate.describeLimits();
    }

    /** Milliseconds left of a 429/418 ban (0: none). */
    public long bannedForMillis() {
        return gate.bannedForMillis();
    }

    /** Refuses every queued and later request. */
    public void close() {
        gate.close();
    }

    public CompletionStage<Void> ping() {
        return call(BinanceEndpoint.PING, RequestParams.of(), root -> null);
    }

    /** Measures the offset of Binance's clock (concurrent callers share one measurement); completes with it. */
    public CompletionStage<Long> syncTime() {
        CompletableFuture<Long> running = timeSync.get();
        if (running != null && !running.isDone()) {
            return running;
        }
        CompletableFuture<Long> mine = new CompletableFuture<>();
        if (!timeSync.compareAndSet(running, mine)) {
            return timeSync.get();
        }
        attempt(BinanceEndpoint.TIME, RequestParams.of(), gate.ticket(), false).whenComplete((answer, e) -> {
            if (e != null) {
                mine.completeExceptionally(BinanceException.unwrap(e));
                return;
            }
            try {
                long serverTime = read(BinanceEndpoint.TIME, BinanceResponses::serverTime, answer.json());
                clock.adopt(serverTime, answer.sentAt(), answer.receivedAt());
                LOG.info("binance server clock offset: {} ms (server minus local)", clock.offsetMillis());
                mine.complete(clock.offsetMillis());
            } catch (BinanceException b) {
                mine.completeExceptionally(b);
            }
        });
        return mine;
    }

    /** exchangeInfo of these symbols (all if empty); its rate limits replace the defaults. */
    public CompletionStage<ExchangeInfo> exchangeInfo(Collection<String> symbols) {
        RequestParams p = RequestParams.of();
        if (!symbols.isEmpty()) {
            p.add("symbols", "[" + String.join(",", symbols.stream().map(s -> "\"" + s + "\"").toList()) + "]");
        }
        Set<String> wanted = Set.copyOf(symbols);
        return call(BinanceEndpoint.EXCHANGE_INFO, p, root -> BinanceResponses.exchangeInfo(root, wanted)).thenApply(info -> {
            if (!info.rateLimits().isEmpty()) {
                gate.reseed(info.rateLimits());
                LOG.info("binance rate limits: {}", info.rateLimits());
            }
            return info;
        });
    }

    public CompletionStage<OrderAnswer> newOrder(NewOrder order) {
        RequestParams p = RequestParams.of().add("symbol", order.symbol()).add("side", order.side().name()).add("type", order.type().name());
        if (order.type() == BinanceOrderType.LIMIT) {
            p.add("timeInForce", "GTC");
        }
        p.add("quantity", order.quantity().toString());
        if (order.price() != null) {
            p.add("price", order.price().toString());
        }
        if (order.stopPrice() != null) {
            p.add("stopPrice", order.stopPrice().toString());
        }
        p.add("newClientOrderId", order.clientOrderId()).add("newOrderRespType", "RESULT");
        return call(BinanceEndpoint.NEW_ORDER, p, root -> BinanceResponses.newOrder(root, order.symbol(), order.clientOrderId()));
    }

    public CompletionStage<OrderAnswer> cancelOrder(String symbol, String clientOrderId) {
        RequestParams p = RequestParams.of().add("symbol", symbol).add("origClientOrderId", clientOrderId);
        return call(BinanceEndpoint.CANCEL_ORDER, p, root -> BinanceResponses.cancel(root, symbol, clientOrderId));
    }

    public CompletionStage<OrderAnswer> queryOrder(String symbol, String clientOrderId) {
        RequestParams p = RequestParams.of().add("symbol", symbol).add("origClientOrderId", clientOrderId);
        return call(BinanceEndpoint.QUERY_ORDER, p, root -> BinanceResponses.order(root, symbol, clientOrderId));
    }

    public CompletionStage<OrderAnswer> queryOrder(String symbol, long orderId) {
        RequestParams p = RequestParams.of().add("symbol", symbol).add("orderId", orderId);
        return call(BinanceEndpoint.QUERY_ORDER, p, root -> {
            OrderAnswer a = BinanceResponses.order(root, symbol, null);
            if (a.orderId() != orderId) {
                throw new MalformedAnswer("asked about order id " + orderId + " but the answer is for " + a.orderId());
            }
            return a;
        });
    }

    /** Orders of {@code symbol} from order id {@code fromOrderId} on, oldest first. */
    public CompletionStage<List<OrderAnswer>> allOrders(String symbol, long fromOrderId, int limit) {
        RequestParams p = RequestParams.of().add("symbol", symbol).add("orderId", fromOrderId).add("limit", limit(limit));
        return call(BinanceEndpoint.ALL_ORDERS, p, root -> BinanceResponses.orders(root, symbol));
    }

    /** The open orders of {@code symbol} (weight 6; without a symbol Binance charges 80). */
    public CompletionStage<List<OrderAnswer>> openOrders(String symbol) {
        return call(BinanceEndpoint.OPEN_ORDERS, RequestParams.of().add("symbol", symbol), root -> BinanceResponses.orders(root, symbol));
    }

    /** The account's trades of {@code symbol} with trade id {@code fromId} or later, oldest first. */
    public CompletionStage<List<AccountTrade>> myTrades(String symbol, long fromId, int limit) {
        RequestParams p = RequestParams.of().add("symbol", symbol).add("fromId", fromId).add("limit", limit(limit));
        return call(BinanceEndpoint.MY_TRADES, p, root -> BinanceResponses.trades(root, symbol));
    }

    /** The account's {@code limit} most recent trades of {@code symbol}, oldest first. */
    public CompletionStage<List<AccountTrade>> myTradesRecent(String symbol, int limit) {
        RequestParams p = RequestParams.of().add("symbol", symbol).add("limit", limit(limit));
        return call(BinanceEndpoint.MY_TRADES, p, root -> BinanceResponses.trades(root, symbol));
    }

    /** The account's trades of {@code symbol} from {@code start} on, oldest first. */
    public CompletionStage<List<AccountTrade>> myTradesSince(String symbol, Instant start, int limit) {
        RequestParams p = RequestParams.of().add("symbol", symbol).add("startTime", start.toEpochMilli()).add("limit", limit(limit));
        return call(BinanceEndpoint.MY_TRADES, p, root -> BinanceResponses.trades(root, symbol));
    }

    /** Every non-zero balance of the account. */
    public CompletionStage<BalanceSnapshot> account() {
        return call(BinanceEndpoint.ACCOUNT, RequestParams.of().add("omitZeroBalances", "true"), BinanceResponses::account);
    }

    /** A listen key for the user-data stream (Binance returns the active one if there is one, extended by 60 minutes). */
    public CompletionStage<String> startUserDataStream() {
        return call(BinanceEndpoint.USER_STREAM_START, RequestParams.of(), BinanceResponses::listenKey);
    }

    public CompletionStage<Void> keepAliveUserDataStream(String listenKey) {
        return call(BinanceEndpoint.USER_STREAM_KEEPALIVE, RequestParams.of().add("listenKey", listenKey), root -> null);
    }

    private static int limit(int limit) {
        if (limit < 1 || limit > BinanceResponses.MAX_ROWS) {
            throw new IllegalArgumentException("limit must be within 1.." + BinanceResponses.MAX_ROWS + " but was " + limit);
        }
        return limit;
    }

    private <T> CompletableFuture<T> call(BinanceEndpoint ep, RequestParams params, Reader<T> reader) {
        return attempt(ep, params, gate.ticket(), false).thenApply(answer -> read(ep, reader, answer.json()));
    }

    private <T> T read(BinanceEndpoint ep, Reader<T> reader, JsonNode json) {
        try {
            return reader.read(json);
        } catch (MalformedAnswer e) {
            BinanceResponseRejected rejected = new BinanceResponseRejected(ep + ": answer refused: " + e.getMessage());
            LOG.warn("binance {}", rejected.getMessage());
            throw rejected;
        }
    }

    /** One request until it has an answer: again after a 429/418 ban, and once more after a -1021 time resync. */
    private CompletableFuture<Answer> attempt(BinanceEndpoint ep, RequestParams params, RequestGate.Ticket ticket, boolean resynced) {
        return gate.enqueue(ticket, ep.toString(), ep.weight(params), ep.orders(), permit -> exchange(ep, params, permit))
                .thenCompose(answer -> {
                    if (answer.rateLimited()) {
                        gate.ban(clock.nowMillis() + answer.retryAfterMillis());
                        String why = answer.refusal() == null ? "" : " (" + answer.refusal().reason() + ")";
                        if (answer.rateLimitedStatus() == 418) {
                            LOG.error("binance banned this IP (HTTP 418) for {} ms after rate limits were ignored{}: no request until then",
                                    answer.retryAfterMillis(), why);
                        } else {
                            LOG.warn("binance rate limit hit (HTTP 429){}: no request for {} ms; {} waits for it unless that is past its allowed wait",
                                    why, answer.retryAfterMillis(), ep);
                        }
                        return attempt(ep, params, ticket, resynced);
                    }
                    if (answer.refusal() != null) {
                        return CompletableFuture.failedFuture(answer.refusal());
                    }
                    return CompletableFuture.completedFuture(answer);
                })
                .exceptionallyCompose(e -> {
                    BinanceException b = BinanceException.unwrap(e);
                    if (b instanceof BinanceApiError api && api.code() == BinanceApiError.TIMESTAMP_OUTSIDE_RECV_WINDOW
                            && ep.security == BinanceEndpoint.Security.SIGNED && !resynced) {
                        LOG.warn("binance {} refused the timestamp (-1021): measuring the server time again and resending once", ep);
                        return syncTime().toCompletableFuture().thenCompose(offset -> attempt(ep, params, ticket, true));
                    }
                    return CompletableFuture.failedFuture(b);
                });
    }

    /** Sends the request now (the gate said it may go) and turns the response into an answer or a typed failure. */
    private CompletableFuture<Answer> exchange(BinanceEndpoint ep, RequestParams params, RateLimiter.Permit permit) {
        HttpRequest request = build(ep, params);
        long sentAt = clock.localMillis();
        return http.sendAsync(request, bodies).handle((response, error) -> {
            long receivedAt = clock.localMillis();
            if (error != null) {
                breaker.onFailure();
                gate.completed(permit, null);
                BinanceTransportFailure failure = new BinanceTransportFailure(ep + ": " + describe(error), null);
                LOG.warn("binance {} (outcome unknown)", failure.getMessage());
                throw failure;
            }
            int status = response.statusCode();
            LimitedBodyHandler.Body body = response.body();
            if (body.tooLarge()) {
                breaker.release();
                gate.completed(permit, response.headers());
                BinanceResponseRejected rejected = new BinanceResponseRejected(ep + ": HTTP " + status + " answer larger than "
                        + settings.maxResponseBytes() + " bytes, not read");
                LOG.warn("binance {}", rejected.getMessage());
                throw rejected;
            }
            if (status >= 500) {
                breaker.onFailure();
            } else {
                breaker.onSuccess();
            }
            gate.completed(permit, response.headers());
            return interpret(ep, status, response, body.bytes(), sentAt, receivedAt);
        });
    }

    private Answer interpret(BinanceEndpoint ep, int status, HttpResponse<?> response, byte[] body, long sentAt, long receivedAt) {
        if (status == 429 || status == 418) {
            return new Answer(null, status, retryAfter(response), BinanceResponses.error(status, body), sentAt, receivedAt);
        }
        if (status >= 200 && status < 300) {
            try {
                return new Answer(StrictJson.parse(body), 0, 0, null, sentAt, receivedAt);
            } catch (MalformedAnswer e) {
                BinanceResponseRejected rejected = new BinanceResponseRejected(ep + ": HTTP " + status + " answer refused: " + e.getMessage());
                LOG.warn("binance {}", rejected.getMessage());
                throw rejected;
            }
        }
        BinanceApiError error = BinanceResponses.error(status, body);
        if (error != null && status >= 400) {
            LOG.debug("binance {} answered {}", ep, error.getMessage());
            return new Answer(null, 0, 0, error, sentAt, receivedAt);
        }
        if (status >= 500) {
            BinanceTransportFailure failure = new BinanceTransportFailure(ep + ": HTTP " + status + " without a Binance error body", null);
            LOG.warn("binance {} (outcome unknown)", failure.getMessage());
            throw failure;
        }
        BinanceResponseRejected rejected = new BinanceResponseRejected(ep + ": HTTP " + status + " without a Binance error body");
        LOG.warn("binance {}", rejected.getMessage());
        throw rejected;
    }

    private HttpRequest build(BinanceEndpoint ep, RequestParams params) {
        String encoded;
        if (ep.security == BinanceEndpoint.Security.SIGNED) {
            String unsigned = params.copy().add("recvWindow", settings.recvWindow().toMillis()).add("timestamp", clock.nowMillis()).encoded();
            encoded = unsigned + "&signature=" + credentials.signer().sign(unsigned);
        } else {
            encoded = params.encoded();
        }
        boolean inBody = ep.paramsInBody();
        String url = settings.restBase() + ep.path + (!inBody && !encoded.isEmpty() ? "?" + encoded : "");
        HttpRequest.BodyPublisher publisher = inBody ? HttpRequest.BodyPublishers.ofString(encoded) : HttpRequest.BodyPublishers.noBody();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(settings.requestTimeout()).method(ep.method, publisher);
        if (inBody) {
            b.header("Content-Type", "application/x-www-form-urlencoded");
        }
        if (ep.security != BinanceEndpoint.Security.NONE) {
            b.header("X-MBX-APIKEY", credentials.apiKey());
        }
        return b.build();
    }

    private static long retryAfter(HttpResponse<?> response) {
        String v = response.headers().firstValue("Retry-After").orElse("");
        try {
            long seconds = Long.parseLong(v.trim());
            if (seconds >= 0) {
                return Math.min(seconds * 1000, MAX_RETRY_AFTER_MILLIS);
            }
        } catch (NumberFormatException e) {
            // fall through to the default
        }
        LOG.warn("binance rate-limit answer without a usable Retry-After ('{}'): waiting {} ms", StrictJson.clip(v), DEFAULT_RETRY_AFTER_MILLIS);
        return DEFAULT_RETRY_AFTER_MILLIS;
    }

    private String describe(Throwable error) {
        Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (e instanceof HttpConnectTimeoutException) {
            return "no connection within " + settings.connectTimeout().toMillis() + " ms";
        }
        if (e instanceof HttpTimeoutException) {
            return "no answer within " + settings.requestTimeout().toMillis() + " ms";
        }
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        if (e instanceof IOException) {
            return "connection failed: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + StrictJson.clip(e.getMessage()));
        }
        return "request failed: " + e.getClass().getSimpleName();
    }
}
