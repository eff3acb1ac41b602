package dev.trader.api;

import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.id.InstrumentId;
import dev.trader.api.security.ApiGuard;
import dev.trader.api.security.ApiKey;
import dev.trader.api.security.Role;
import dev.trader.api.live.WebSocketFeed;
import dev.trader.engine.alert.AlertBook;
import dev.trader.engine.readmodel.query.ReadModelQueries;
import dev.trader.engine.audit.AuditHead;
import dev.trader.engine.reconcile.ReconciliationService;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.marshallers.jackson.Jackson;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpMethod;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.headers.Allow;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.ExceptionHandler;
import org.apache.pekko.http.javadsl.server.MalformedRequestContentRejection;
import org.apache.pekko.http.javadsl.server.MethodRejection;
import org.apache.pekko.http.javadsl.server.RequestEntityExpectedRejection;
import org.apache.pekko.http.javadsl.server.RejectionHandler;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;
import org.apache.pekko.http.scaladsl.model.EntityStreamSizeException;

/**
 * The node's HTTP surface: liveness, readiness, metrics, the status API and the operator writes.
 * Every answer of the routes is JSON, errors included ({@code {error, message, details}}): unknown
 * routes 404, wrong methods 405 (with Allow), malformed input 400, a missing or wrong key 401, a
 * role or account the key lacks 403, too many requests 429. (Requests too broken to reach the
 * routes get Pekko HTTP's own plain-text 400/501/505.)
 *
 * <p>Every write is journaled as an operator action (who, what, before, after) before it is
 * answered; see {@link OperatorAudit}.
 */
public final class Routes extends AllDirectives {
    private final StatusService status;
    private final ExecutionQualityService quality;
    private final ReadinessProbe readiness;
    private final ApiGuard guard;
    private final OperatorAudit audit;
    private final StrategyService strategies;
    private final RiskService risk;
    /** Null when the node keeps no read model ({@code trader.read-model.enabled} off): the history routes answer 404. */
    private final ReadRoutes reads;
    private ReconciliationService reconciliation;
    private Supplier<CompletionStage<AuditHead>> auditHead;
    private Supplier<String> metrics;
    private AlertBook alerts;
    private WebSocketFeed webSocketFeed;
    /** trader.http.max-body-bytes: the largest body read at all (each write route has its own, smaller limit). */
    private long maxBodyBytes = 65_536;
    /** How long a client may take to send its body. */
    private static final java.time.Duration BODY_READ_TIMEOUT = java.time.Duration.ofSeconds(10);
    /** A kill-switch request is a few dozen bytes. */
    private static final long KILL_SWITCH_MAX_BYTES = 4096;
    /** A self-report is a dozen bytes, a clear-halt request at most 200 characters of reason (up to 4 bytes each). */
    private static final long OPERATOR_MAX_BYTES = 4096;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    /** Assembled once, here: a broken src-shared/api stops the boot instead of serving a broken description. */
    private final byte[] openApi = OpenApiDocument.load();
    private final DashboardAssets dashboard = new DashboardAssets(Routes.class.getClassLoader(),
            (code, error, message) -> error(StatusCodes.get(code), error, message));

    public Routes(StatusService status, ExecutionQualityService quality, ReadinessProbe readiness, ApiGuard guard, OperatorAudit audit,
                  StrategyService strategies, RiskService risk, ReadModelQueries readModel) {
        this.reads = readModel == null ? null : new ReadRoutes(readModel, (code, e) -> reply(StatusCodes.get(code), e), body -> reply(StatusCodes.OK, body));
        this.strategies = strategies;
        this.risk = risk;
        this.status = status;
        this.quality = quality;
        this.readiness = readiness;
        this.guard = guard;
        this.audit = audit;
    }

    /** Serves the reconciliations with the venue (null: the venue's books are our own memory, nothing to reconcile). */
    public Routes withReconciliation(ReconciliationService reconciliation) {
        this.reconciliation = reconciliation;
        return this;
    }

    /** Serves the audit trail's head (null: the node writes no audit trail, {@code trader.audit.enabled} is off). */
    public Routes withAudit(Supplier<CompletionStage<AuditHead>> auditHead) {
        this.auditHead = auditHead;
        return this;
    }

    /** Serves the metrics in Prometheus's text format at {@code GET /metrics}. */
    public Routes withMetrics(Supplier<String> scrape) {
        this.metrics = scrape;
        return this;
    }

    /** Serves the node's alerts at {@code GET /api/alerts}. */
    public Routes withAlerts(AlertBook book) {
        this.alerts = book;
        return this;
    }

    /** {@code trader.http.max-body-bytes}: a larger body is refused (413) without being read. */
    public Routes withMaxBodyBytes(long bytes) {
        this.maxBodyBytes = bytes;
        return this;
    }

    /** Serves the live feed at {@code /ws} (its key comes in the socket's first message, see {@link WebSocketFeed}). */
    public Routes withWebSocketFeed(WebSocketFeed feed) {
        this.webSocketFeed = feed;
        return this;
    }

    /**
     * Health and readiness are open (probes carry no keys), so are the API's description (it is in
     * the repository anyway, and tools fetch it without a key), the live feed's upgrade (its key
     * comes in the first message) and the dashboard's page (it holds no data: each read it makes needs
     * a key); everything else needs an API key: reads the viewer role and sight of the node's
     * account, writes the role each names.
     */
    public Route route() {
        // Every body up to max-body-bytes is read before a route looks at it: a route refusing a body over its own
        // limit (413) then answers on a connection whose request is consumed. Unread, the body still in the socket
        // made the server's close a reset, and the client lost the 413 (seen in ApiContractTest).
        return handleExceptions(exceptions(), () -> toStrictEntity(BODY_READ_TIMEOUT, maxBodyBytes, () ->
                handleRejections(rejections(), () -> guard.cors(() -> concat(
                path("health", () -> get(this::health)),
                path("ready", () -> get(this::ready)),
                path("ws", () -> get(() -> webSocketFeed == null ? reject() : webSocketFeed.route())),
                path(segment("api").slash("openapi.json"), () -> get(() -> complete(HttpResponse.create()
                        .withEntity(HttpEntities.create(ContentTypes.APPLICATION_JSON, openApi))))),
                dashboard.route(),
                guard.authenticated(key -> concat(
                        path("metrics", () -> get(this::metrics)),
                        pathPrefix("api", () -> guard.account(key, status.accountId(), () -> api(key))))))))));
    }

    private Route api(ApiKey key) {
        return concat(
                path("status", () -> get(() -> onSuccess(status.status(), s -> reply(StatusCodes.OK, s)))),
                path("whoami", () -> get(() -> reply(StatusCodes.OK, WhoAmIView.of(key)))),
                path("kill-switch", () -> post(() -> guard.role(key, Role.ADMIN, () -> killSwitch(key)))),
                path(segment("governor").slash("self-report"), () -> post(() -> guard.role(key, Role.TRADER, () -> selfReport(key)))),
                path(segment("risk").slash("clear-halt"), () -> post(() -> guard.role(key, Role.ADMIN, () -> clearHalt(key)))),
                path("flatten", () -> post(() -> guard.role(key, Role.ADMIN, () -> flatten(key)))),
                path(segment("news").slash("reload"), () -> post(() -> guard.role(key, Role.ADMIN, () -> reloadNews(key)))),
                path("positions", () -> get(() -> onSuccess(status.status(), s -> reply(StatusCodes.OK, PositionScope.visible(key, s.openPositions()))))),
                reads == null ? reject() : reads.route(key),
                path("risk", () -> get(() -> onSuccess(risk.report(), v -> reply(StatusCodes.OK, v)))),
                path("instruments", () -> get(() -> onSuccess(status.instruments(), v -> reply(StatusCodes.OK, v)))),
                path("strategies", () -> get(() -> onSuccess(strategies.list(),
                        all -> reply(StatusCodes.OK, all.stream().filter(v -> key.maySeeStrategy(v.id())).toList())))),
                pathPrefix(segment("strategies").slash(segment()), id -> strategy(key, id)),
                path("reconciliations", () -> concat(get(this::reconciliations),
                        post(() -> guard.role(key, Role.TRADER, () -> reconcileNow(key))))),
                path(segment("reconciliations").slash("acknowledge"), () -> post(() -> guard.role(key, Role.ADMIN, () -> acknowledge(key)))),
                path(segment("audit").slash("head"), () -> get(this::auditHead)),
                path("alerts", () -> get(this::alerts)),
                path("operator-actions", () -> get(() -> onSuccess(status.operatorLog(), log -> reply(StatusCodes.OK, log)))),
                path(segment("instruments").slash(segment()), id -> get(() -> instrument(id))),
                path(segment("orders").slash(segment()), id -> get(() -> order(key, id))),
                path("execution-quality", () -> get(this::executionQuality)),
                path(segment("parent-orders").slash(segment()), id -> get(() -> parentOrder(id))));
    }

    /**
     * Liveness: 200 while the process serves, so an orchestrator never restarts a node for what a
     * restart cannot mend (an exchange outage, a stale feed); the body says {@code degraded} and
     * which of the readiness checks fail.
     */
    private Route health() {
        return onSuccess(readiness.check(), results -> {
            boolean ok = results.values().stream().allMatch("ok"::equals);
            return reply(StatusCodes.OK, Map.of("status", ok ? "up" : "degraded", "checks", results));
        });
    }

    private Route metrics() {
        if (metrics == null) {
            return error(StatusCodes.NOT_FOUND, "not_found", "metrics are not enabled on this node");
        }
        return complete(HttpResponse.create().withStatus(StatusCodes.OK)
                .withEntity(HttpEntities.create(ContentTypes.TEXT_PLAIN_UTF8, metrics.get())));
    }

    private Route alerts() {
        if (alerts == null) {
            return error(StatusCodes.NOT_FOUND, "not_found", "alerts are not evaluated on this node");
        }
        return reply(StatusCodes.OK, AlertsView.of(alerts));
    }

    private Route ready() {
        CompletionStage<Map<String, String>> checks = readiness.check();
        return onSuccess(checks, results -> {
            boolean ok = results.values().stream().allMatch("ok"::equals);
            return reply(ok ? StatusCodes.OK : StatusCodes.SERVICE_UNAVAILABLE, Map.of("ready", ok, "checks", results));
        });
    }

    private Route instrument(String text) {
        final InstrumentId id;
        try {
            id = InstrumentId.parse(text);
        } catch (IllegalArgumentException e) {
            return error(StatusCodes.BAD_REQUEST, "bad_request", e.getMessage());
        }
        if (!status.knows(id)) {
            return error(StatusCodes.NOT_FOUND, "not_found", "instrument " + id + " is not configured");
        }
        return onSuccess(status.instrument(id), s -> reply(StatusCodes.OK, InstrumentDetailView.of(s)));
    }

    private Route executionQuality() {
        return onSuccess(quality.report(), v -> reply(StatusCodes.OK, v));
    }

    private Route order(ApiKey key, String text) {
        return withClientOrderId(text, id -> onSuccess(quality.order(id), order -> order.isPresent()
                ? guard.strategy(key, order.get().request().strategy().value(), () -> reply(StatusCodes.OK, OrderView.of(order.get())))
                : error(StatusCodes.NOT_FOUND, "not_found", "order " + id + " was never placed here")));
    }

    /** A parent order of an execution algorithm: its plan, status and children (404 for an id that is no parent's). */
    private Route parentOrder(String text) {
        return withClientOrderId(text, id -> onSuccess(status.parentOrder(id), view -> view.isPresent() ? reply(StatusCodes.OK, view.get())
                : error(StatusCodes.NOT_FOUND, "not_found", "no parent order " + id)));
    }

    /** 400 naming what is wrong with a malformed client order id in the path. */
    private Route withClientOrderId(String text, java.util.function.Function<ClientOrderId, Route> inner) {
        final ClientOrderId id;
        try {
            id = new ClientOrderId(text);
        } catch (IllegalArgumentException e) {
            return error(StatusCodes.BAD_REQUEST, "bad_request", e.getMessage());
        }
        return inner.apply(id);
    }

    /** {@code {"on": true|false, "strategy": optional}}: answers with the account's risk view after the switch. */
    private Route killSwitch(ApiKey key) {
        return withSizeLimit(KILL_SWITCH_MAX_BYTES, () -> entity(Unmarshaller.entityToString(), body -> {
            KillSwitchRequest request;
            try {
                request = KillSwitchRequest.parse(body);
            } catch (IllegalArgumentException e) {
                return error(StatusCodes.BAD_REQUEST, "bad_request", e.getMessage());
            }
            if (request.strategy() != null && !status.knowsStrategy(request.strategy())) {
                return error(StatusCodes.BAD_REQUEST, "bad_request", "strategy '" + request.strategy() + "' is not configured");
            }
            if (request.strategy() == null ? !key.allStrategies() : !key.maySeeStrategy(request.strategy())) {
                return error(StatusCodes.FORBIDDEN, "forbidden", "key " + key.id() + " may not switch "
                        + (request.strategy() == null ? "every strategy" : "strategy " + request.strategy()));
            }
            return onSuccess(audit.act(key, "kill-switch", body, this::riskView,
                    () -> status.setKillSwitch(request.on(), request.strategy(), "POST /api/kill-switch by key " + key.id())), v -> reply(StatusCodes.OK, v));
        }));
    }

    /**
     * {@code {"state": 1..5}}: the trader's self-reported state for the mental governor, stamped with
     * the account's last bar time (409 before the first bar). Answers with the risk view after it.
     * No authentication until the admin-API issue: safe only while the bind stays 127.0.0.1.
     */
    private Route selfReport(ApiKey key) {
        return withSizeLimit(OPERATOR_MAX_BYTES, () -> entity(Unmarshaller.entityToString(), body -> {
            SelfReportRequest request;
            try {
                request = SelfReportRequest.parse(body);
            } catch (IllegalArgumentException e) {
                return error(StatusCodes.BAD_REQUEST, "bad_request", e.getMessage());
            }
            return onSuccess(audit.act(key, "governor-self-report", body, this::riskView, () -> status.selfReport(request.state())), this::operatorReply);
        }));
    }

    /**
     * {@code {"reason": "..."}}: lifts the account's halt (409 "not halted" when there is none), journaled
     * and logged at WARN with the reason. Answers with the risk view after it. No authentication until
     * the admin-API issue: safe only while the bind stays 127.0.0.1.
     */
    private Route clearHalt(ApiKey key) {
        return withSizeLimit(OPERATOR_MAX_BYTES, () -> entity(Unmarshaller.entityToString(), body -> {
            ClearHaltRequest request;
            try {
                request = ClearHaltRequest.parse(body);
            } catch (IllegalArgumentException e) {
                return error(StatusCodes.BAD_REQUEST, "bad_request", e.getMessage());
            }
            return onSuccess(audit.act(key, "clear-halt", body, this::riskView,
                    () -> status.clearHalt(request.reason() + " (POST /api/risk/clear-halt by key " + key.id() + ")")), this::operatorReply);
        }));
    }

    /** The latest reports (newest first), the balance baselines and the instruments held now. */
    private Route reconciliations() {
        if (reconciliation == null) {
            return reply(StatusCodes.OK, Map.of("enabled", false, "reason", NO_RECONCILIATION, "reports", java.util.List.of()));
        }
        return onSuccess(reconciliation.state().thenCombine(status.account(), ReconciliationView::of), v -> reply(StatusCodes.OK, v));
    }

    /** Reconciles now; answers with the report (its findings, the holds it set). */
    private Route reconcileNow(ApiKey key) {
        if (reconciliation == null) {
            return error(StatusCodes.CONFLICT, "conflict", NO_RECONCILIATION);
        }
        return onSuccess(audit.act(key, "reconcile", "", () -> reconciliation.state().thenApply(s -> s.latest()), () -> reconciliation.run("operator")),
                report -> reply(StatusCodes.OK, report));
    }

    /**
     * {@code {"instrument": "...", "reason": "..."}}: the operator takes the latest findings on the
     * instrument as explained (a balance difference becomes part of the baseline; an order or trade
     * is not reported again), then a reconciliation runs at once. 409 when the latest report has none
     * on it. No authentication until the admin-API issue: safe only while the bind stays 127.0.0.1.
     */
    private Route acknowledge(ApiKey key) {
        if (reconciliation == null) {
            return error(StatusCodes.CONFLICT, "conflict", NO_RECONCILIATION);
        }
        return withSizeLimit(OPERATOR_MAX_BYTES, () -> entity(Unmarshaller.entityToString(), body -> {
            AcknowledgeRequest request;
            try {
                request = AcknowledgeRequest.parse(body);
            } catch (IllegalArgumentException e) {
                return error(StatusCodes.BAD_REQUEST, "bad_request", e.getMessage());
            }
            if (!status.knows(request.instrument())) {
                return error(StatusCodes.BAD_REQUEST, "bad_request", "instrument " + request.instrument() + " is not configured");
            }
            return onSuccess(reconciliation.state(), state -> {
                var latest = state.latest();
                boolean any = latest != null && latest.findings().stream().anyMatch(f -> f.instrument().equals(request.instrument().value()));
                if (!any) {
                    return error(StatusCodes.CONFLICT, "conflict", "the latest reconciliation has no finding on " + request.instrument());
                }
                return onSuccess(audit.act(key, "reconciliation-acknowledge", body, () -> reconciliation.state().thenApply(s -> s.latest()),
                        () -> reconciliation.acknowledge(request.instrument().value(),
                                request.reason() + " (POST /api/reconciliations/acknowledge by key " + key.id() + ")")
                                .thenApply(AcknowledgementView::of)), ack -> reply(StatusCodes.OK, ack));
            });
        }));
    }

    /** The newest record of the audit trail: its seq, its hash (which seals all before it), its time and the record count. */
    private Route auditHead() {
        if (auditHead == null) {
            return reply(StatusCodes.OK, Map.of("enabled", false, "reason", "the audit trail is off (trader.audit.enabled)"));
        }
        return onSuccess(auditHead.get(), head -> reply(StatusCodes.OK, AuditHeadView.of(head)));
    }

    private static final String NO_RECONCILIATION = "the venue keeps no books of its own (paper trading): there is nothing to reconcile";

    /**
     * {@code /api/strategies/{id}}: read it, start or stop it, set its threshold, change its parameters or
     * reset them to the configured ones (the trader role; only strategies the key may see).
     */
    private Route strategy(ApiKey key, String id) {
        if (!strategies.ids().contains(id)) {
            return error(StatusCodes.NOT_FOUND, "not_found", "strategy '" + id + "' is not configured");
        }
        return guard.strategy(key, id, () -> concat(
                pathEnd(() -> get(() -> onSuccess(strategies.get(id), v -> reply(StatusCodes.OK, v.orElseThrow())))),
                path("start", () -> post(() -> guard.role(key, Role.TRADER, () -> onSuccess(audit.act(key, "strategy-start", id,
                        () -> strategies.get(id), () -> strategies.setEnabled(id, true)), v -> reply(StatusCodes.OK, v))))),
                path("stop", () -> post(() -> guard.role(key, Role.TRADER, () -> onSuccess(audit.act(key, "strategy-stop", id,
                        () -> strategies.get(id), () -> strategies.setEnabled(id, false)), v -> reply(StatusCodes.OK, v))))),
                path("threshold", () -> put(() -> guard.role(key, Role.TRADER, () -> withSizeLimit(OPERATOR_MAX_BYTES,
                        () -> entity(Unmarshaller.entityToString(), body -> {
                            ThresholdRequest request;
                            try {
                                request = ThresholdRequest.parse(body);
                            } catch (IllegalArgumentException e) {
                                return error(StatusCodes.BAD_REQUEST, "bad_request", e.getMessage());
                            }
                            return onSuccess(audit.act(key, "strategy-threshold", id + " " + body, () -> strategies.get(id),
                                    () -> strategies.setThreshold(id, request.minConfidence())), v -> reply(StatusCodes.OK, v));
                        }))))),
                path("parameters", () -> concat(
                        put(() -> guard.role(key, Role.TRADER, () -> withSizeLimit(OPERATOR_MAX_BYTES,
                                () -> entity(Unmarshaller.entityToString(), body -> changeParameters(key, id, body))))),
                        delete(() -> guard.role(key, Role.TRADER, () -> onSuccess(audit.act(key, "strategy-parameters-reset", id,
                                () -> strategies.get(id), () -> strategies.setParameters(id, strategies.configuredParameters(id))),
                                v -> reply(StatusCodes.OK, v))))))));
    }

    /** Changes some parameters (the others stay): checked as configuration is, then every instrument runs with them, warmed. */
    private Route changeParameters(ApiKey key, String id, String body) {
        ParametersRequest request;
        try {
            request = ParametersRequest.parse(body);
        } catch (IllegalArgumentException e) {
            return error(StatusCodes.BAD_REQUEST, "bad_request", e.getMessage());
        }
        // One read serves both: the parameters in force (its first instrument's; a change goes to all) and the audit's "before".
        return onSuccess(strategies.get(id), before -> {
            Map<String, Object> merged;
            try {
                merged = strategies.merged(id, before.orElseThrow().instruments().get(0).parameters(), request.parameters());
            } catch (IllegalArgumentException e) {
                return error(StatusCodes.BAD_REQUEST, "bad_request", e.getMessage());
            }
            return onSuccess(audit.act(key, "strategy-parameters", id + " " + body, () -> CompletableFuture.completedFuture(before),
                    () -> strategies.setParameters(id, merged)), v -> reply(StatusCodes.OK, v));
        });
    }

    /** {@code {"reason": "..."}}: halts the account and closes every position at market from the next bar (409 when one is under way). */
    private Route flatten(ApiKey key) {
        if (!key.allStrategies()) {
            return error(StatusCodes.FORBIDDEN, "forbidden", "key " + key.id() + " may not flatten positions of strategies it cannot see");
        }
        return withSizeLimit(OPERATOR_MAX_BYTES, () -> entity(Unmarshaller.entityToString(), body -> {
            ReasonRequest request;
            try {
                request = ReasonRequest.parse(body, "{\"reason\": \"desk closes everything before the news\"}");
            } catch (IllegalArgumentException e) {
                return error(StatusCodes.BAD_REQUEST, "bad_request", e.getMessage());
            }
            return onSuccess(audit.act(key, "flatten", body, this::riskView,
                    () -> status.flattenAll(request.reason() + " (POST /api/flatten by key " + key.id() + ")")), this::operatorReply);
        }));
    }

    /** Re-reads the news calendar file now; answers with its file, event count and problems. */
    private Route reloadNews(ApiKey key) {
        return onSuccess(audit.act(key, "news-reload", "", () -> java.util.concurrent.CompletableFuture.completedFuture("reload"),
                () -> java.util.concurrent.CompletableFuture.supplyAsync(status::reloadNews)), v -> reply(StatusCodes.OK, v));
    }

    private CompletionStage<StatusView.RiskView> riskView() {
        return status.riskStatus().thenApply(RiskViews::of);
    }

    private Route operatorReply(StatusService.OperatorResult result) {
        return result.refusal() != null ? error(StatusCodes.CONFLICT, "conflict", result.refusal()) : reply(StatusCodes.OK, result.risk());
    }

    private Route reply(StatusCode code, Object body) {
        return complete(code, body, Jackson.marshaller(json));
    }

    private Route error(StatusCode code, String error, String message) {
        return reply(code, new ApiError(error, message));
    }

    private RejectionHandler rejections() {
        return RejectionHandler.newBuilder()
                .handleAll(MethodRejection.class, rs -> {
                    HttpMethod[] allowed = rs.stream().map(MethodRejection::supported).distinct().toArray(HttpMethod[]::new);
                    return respondWithHeader(Allow.create(allowed), () -> error(StatusCodes.METHOD_NOT_ALLOWED, "method_not_allowed",
                            "allowed: " + java.util.Arrays.stream(allowed).map(HttpMethod::name).toList()));
                })
                .handle(MalformedRequestContentRejection.class, r -> r.getCause() instanceof EntityStreamSizeException
                        ? error(StatusCodes.CONTENT_TOO_LARGE, "content_too_large", "the request body is too large")
                        : error(StatusCodes.BAD_REQUEST, "bad_request", "unreadable request body: " + r.message()))
                .handle(RequestEntityExpectedRejection.class, r -> error(StatusCodes.BAD_REQUEST, "bad_request", "a request body is required"))
                .handleNotFound(error(StatusCodes.NOT_FOUND, "not_found", "no such route"))
                .build()
                .withFallback(RejectionHandler.defaultHandler())
                .mapRejectionResponse(response -> response);
    }

    private ExceptionHandler exceptions() {
        return ExceptionHandler.newBuilder()
                .match(EntityStreamSizeException.class, e -> error(StatusCodes.CONTENT_TOO_LARGE, "content_too_large", "the request body is too large"))
                .match(IllegalArgumentException.class, e -> error(StatusCodes.BAD_REQUEST, "bad_request", e.getMessage()))
                .matchAny(e -> error(StatusCodes.SERVICE_UNAVAILABLE, "unavailable", "the engine did not answer: " + e.getClass().getSimpleName()))
                .build();
    }
}
