package dev.trader.app;

import com.typesafe.config.Config;
import dev.trader.api.ExecutionQualityService;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trader.api.OperatorAudit;
import dev.trader.api.Routes;
import dev.trader.api.RiskService;
import dev.trader.api.StrategyService;
import dev.trader.api.security.ApiGuard;
import dev.trader.api.security.ApiSettings;
import java.time.Clock;
import dev.trader.api.StatusService;
import dev.trader.api.StatusView;
import dev.trader.api.live.WebSocketFeed;
import dev.trader.api.live.WebSocketFeedSettings;
import dev.trader.engine.Engine;
import dev.trader.engine.account.AccountEntity;
import dev.trader.engine.account.AccountState;
import dev.trader.engine.account.OpenOrder;
import dev.trader.engine.order.ChildOrder;
import dev.trader.engine.audit.AuditTrails;
import dev.trader.engine.export.ScheduledExports;
import dev.trader.engine.order.OrderEntity;
import dev.trader.engine.order.ParentOrderEntity;
import dev.trader.engine.order.ParentOrderState;
import dev.trader.engine.persistence.JdbcSettings;
import dev.trader.engine.persistence.SchemaInitializer;
import dev.trader.engine.pipeline.RetryingRef;
import dev.trader.engine.pipeline.BarPipeline;
import dev.trader.engine.pipeline.FillRouter;
import dev.trader.engine.readmodel.ReadModels;
import dev.trader.engine.readmodel.query.ReadModelQueries;
import dev.trader.engine.alert.AlertBook;
import dev.trader.engine.metrics.TradingMetrics;
import dev.trader.engine.reconcile.Finding;
import dev.trader.marketdata.RejectReason;
import java.util.Arrays;
import dev.trader.engine.settings.AuditSettings;
import dev.trader.engine.settings.ObservabilitySettings;
import dev.trader.engine.settings.ExportSettings;
import dev.trader.engine.settings.ReadModelSettings;
import dev.trader.engine.settings.SettingsException;
import dev.trader.engine.settings.TraderSettings;
import dev.trader.domain.id.ClientOrderId;
import dev.trader.engine.account.InstrumentBook;
import dev.trader.engine.position.PositionEntity;
import dev.trader.engine.position.PositionState;
import dev.trader.engine.reconcile.ReconciliationReport;
import dev.trader.engine.reconcile.ReconciliationService;
import dev.trader.execution.paper.PaperExecutionClient;
import java.util.ArrayList;
import java.util.TreeSet;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import dev.trader.notify.telegram.TelegramBotService;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running node: the actor system, the sharded engine, the venue (paper or an exchange), the bar pipeline
 * and the HTTP server. {@link #start} is what {@code main} and the tests both call, so tests
 * boot exactly the production wiring.
 */
public final class TraderNode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TraderNode.class);

    private final ActorSystem<Void> system;
    private final Engine engine;
    private final BarPipeline pipeline;
    private final ServerBinding binding;
    private final ExecutorService blocking;
    private final Venue venue;
    private final TradingSession session;
    private final ReconciliationService reconciliation;
    private final NodeObservability watch;
    private final ReadModels readModel;
    private final WebSocketFeed webSocketFeed;
    private final CompletionStage<Void> stopped;
    private final Optional<TelegramBotService> telegram;

    private TraderNode(ActorSystem<Void> system, Engine engine, BarPipeline pipeline, ServerBinding binding, ExecutorService blocking, Venue venue,
                       TradingSession session, ReconciliationService reconciliation, NodeObservability watch, ReadModels readModel,
                       WebSocketFeed webSocketFeed, CompletionStage<Void> stopped, Optional<TelegramBotService> telegram) {
        this.watch = watch;
        this.telegram = telegram;
        this.stopped = stopped;
        this.readModel = readModel;
        this.webSocketFeed = webSocketFeed;
        this.reconciliation = reconciliation;
        this.venue = venue;
        this.session = session;
        this.system = system;
        this.engine = engine;
        this.pipeline = pipeline;
        this.binding = binding;
        this.blocking = blocking;
    }

    public static TraderNode start(Config config) {
        TraderSettings settings = TraderSettings.load(config);
        return start(config, settings, venue(config, settings));
    }

    /** {@code trader.venue}: the paper venue, or a Binance spot API (the exchange simulator or the real one). */
    private static Venue venue(Config config, TraderSettings settings) {
        String venue = config.getString("trader.venue");
        return switch (venue) {
            case "paper" -> new PaperVenue(new PaperExecutionClient("paper", settings.riskLimits().feeRate(), settings.currency(),
                    PaperCosts.from(config, settings.instruments().keySet()), PaperCosts.latencyPenalty(config)));
            case "binance" -> ExchangeVenue.create(config.getConfig("trader.binance"), settings.instruments().values(), System.getenv());
            default -> throw new SettingsException("trader.venue must be \"paper\" or \"binance\" but was '" + venue + "'");
        };
    }

    static TraderNode start(Config config, TraderSettings settings, Venue venue) {
        LogIdentity.set(settings.mode(), config.getString("trader.node-name"));
        JdbcSettings jdbc = JdbcSettings.from(config);
        AuditSettings auditSettings = AuditSettings.load(config);
        ReadModelSettings readModelSettings = ReadModelSettings.load(config);
        ObservabilitySettings observability = ObservabilitySettings.load(config);
        ApiSettings api = ApiSettings.load(config);
        ExportSettings exportSettings = ExportSettings.load(config);
        WebSocketFeedSettings webSocketFeedSettings = WebSocketFeedSettings.load(config);
        SchemaInitializer.apply(jdbc);
        NodeMetrics.start(config, observability.instrumentation());
        TradingMetrics.registerKnown(settings.instruments().keySet(), Arrays.stream(RejectReason.values()).map(RejectReason::code).toList(),
                Arrays.stream(Finding.Kind.values()).map(Enum::name).toList());
        ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "trader", config);
        try {
            Cluster cluster = Cluster.get(system);
            boolean alone = ClusterMode.alone(config);
            if (!alone && venue.simulated().isPresent()) {
                throw new SettingsException("trader.venue = \"paper\" cannot run in a cluster (the paper venue's books live in one node's "
                        + "memory): use trader.venue = \"binance\" (the exchange simulator or an exchange), or no seed nodes");
            }
            if (alone) {
                cluster.manager().tell(Join.create(cluster.selfMember().address()));
            } else {
                NodeManagement.start(system, config);
                awaitUp(cluster, config.getDuration("trader.cluster.join-timeout"));
            }
            Engine engine = Engine.start(system, settings, venue.client());
            AuditTrails audit = auditSettings.enabled() ? AuditTrails.start(system, auditSettings, jdbc) : null;
            ReadModels readModel = readModelSettings.enabled() ? ReadModels.start(system, readModelSettings, jdbc, settings.initialCapital()) : null;
            FillRouter fills = new FillRouter(engine);
            venue.client().setFillListener(fills);
            BarPipeline pipeline = new BarPipeline(engine, venue.simulated().orElse(null), AlgoSpreads.from(config));
            // Before the venue starts: the fills its first repair delivers may include some for orders we do not know.
            ReconciliationService reconciliation = reconciliationFor(config, engine, venue, fills);
            restoreVenue(engine, venue);
            venue.start();
            TradingSession session = new TradingSession(config, engine, venue, pipeline, fills, reconciliation, exportSettings, system);
            CompletableFuture<Void> sessionStarted = new CompletableFuture<>();
            TradingSessionSingleton.init(system, session, sessionStarted);
            if (alone) {
                // A node of its own hosts the session: it serves once the books are checked and the feed runs, as it always has.
                sessionStarted.get(2 * settings.askTimeout().toMillis() + config.getDuration("trader.reconciliation.settle").toMillis() + 120_000,
                        java.util.concurrent.TimeUnit.MILLISECONDS);
            }
            ExecutorService blocking = Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "readiness-jdbc");
                t.setDaemon(true);
                return t;
            });
            system.getWhenTerminated().thenRun(blocking::shutdownNow);
            String node = config.getString("trader.node-name");
            StatusService status = new StatusService(engine, node, settings.askTimeout());
            if (venue.marketData().isPresent()) {
                // Null where the session (and the market data) runs on another node.
                status.withFeed(() -> session.liveFeed().map(live -> new StatusView.FeedView(live.describe(), live.barsProcessed())).orElse(null));
            }
            NodeReadiness readiness = new NodeReadiness(engine, jdbc, blocking, venue, pipeline.arrivals(), observability.staleAfter());
            if (!alone) {
                NodeManagement.ready(system, readiness);
            }
            WebSocketFeed webSocketFeed = WebSocketFeed.start(system, engine, api, webSocketFeedSettings, jdbc);
            NodeObservability watch = NodeObservability.start(observability, settings, status, pipeline.arrivals(), readiness, cluster, node,
                    webSocketFeed::clients);
            // A system that goes without close() (downed, a crash in a test) must not leave its samplers publishing a dead node's gauges.
            CompletionStage<Void> stopped = system.getWhenTerminated().thenRun(watch::close);
            webSocketFeed.follow(watch.alerts());
            Routes routes = new Routes(status, new ExecutionQualityService(engine, settings.askTimeout()), readiness,
                    new ApiGuard(api, new ObjectMapper(), Clock.systemUTC()), new OperatorAudit(engine, settings.askTimeout(), Clock.systemUTC()),
                    new StrategyService(engine, settings.askTimeout()), new RiskService(engine, status),
                    readModel == null ? null : readModel.queries())
                    .withReconciliation(reconciliation)
                    .withAudit(audit == null ? null : audit::head)
                    .withMetrics(NodeMetrics::scrape)
                    .withAlerts(watch.alerts())
                    .withWebSocketFeed(webSocketFeed)
                    .withMaxBodyBytes(config.getBytes("trader.http.max-body-bytes"));
            ServerBinding binding = Http.get(system)
                    .newServerAt(config.getString("trader.http.interface"), config.getInt("trader.http.port"))
                    .bind(routes.route())
                    .toCompletableFuture().get(30, java.util.concurrent.TimeUnit.SECONDS);
            LOG.info("node {} serving HTTP on {} in {} mode, journal {}", node, binding.localAddress(), settings.mode(), jdbc);
            Optional<TelegramBotService> telegram = TelegramWiring.start(config, binding.localAddress().getPort());
            telegram.ifPresent(bot -> system.getWhenTerminated().thenRun(bot::close));
            return new TraderNode(system, engine, pipeline, binding, blocking, venue, session, reconciliation, watch, readModel, webSocketFeed, stopped,
                    telegram);
        } catch (Exception e) {
            venue.close();
            system.terminate();
            throw new IllegalStateException("node failed to start: " + e.getMessage(), e);
        }
    }

    /** A node of a cluster asks its entities only once it is a member: until then every ask would time out. */
    private static void awaitUp(Cluster cluster, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (cluster.selfMember().status() != org.apache.pekko.cluster.MemberStatus.up()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("node " + cluster.selfMember().address() + " did not join the cluster within " + within
                        + " (trader.cluster.join-timeout): check pekko.cluster.seed-nodes or, with trader.cluster.bootstrap, the contact points");
            }
            Thread.sleep(100);
        }
        LOG.info("node {} is up in the cluster", cluster.selfMember().address());
    }

    /** Boot asks are sent again for this long: a node restarted right after a kill boots into the failover. */
    private static final Duration BOOT_ASKS_WITHIN = Duration.ofMinutes(2);

    /**
     * The venue is told what our books hold (the paper venue's memory is gone; an exchange adapter
     * caps reduce-only exits by it) and the last trade we booked per instrument, so that it fetches
     * the fills we missed while down when it starts.
     */
    private static void restoreVenue(Engine engine, Venue venue) throws Exception {
        // Asked again while a failover moves the shards (a node restarted right after a kill boots into one).
        AccountState account = new RetryingRef<>(engine.account(), BOOT_ASKS_WITHIN).ask(AccountEntity.GetStatus::new, engine.settings().askTimeout())
                .toCompletableFuture().get();
        for (var rules : engine.settings().instruments().values()) {
            InstrumentBook book = account.books().get(rules.instrument().value());
            // Earlier positions are closed (one that is not is closing its remainder): what is held is the latest one's, signed.
            // Only the latest is asked, so that boot does not recover every position the account ever had.
            Optional<String> latest = book == null ? Optional.empty() : book.latestPositionId(account.accountId());
            if (latest.isPresent()) {
                PositionState p = new RetryingRef<>(engine.position(latest.get()), BOOT_ASKS_WITHIN)
                        .ask(PositionEntity.GetPosition::new, engine.settings().askTimeout()).toCompletableFuture().get();
                venue.restoreHolding(rules.instrument(), p.position().signedQuantity());
            }
            if (book != null) {
                // Orders were placed here: fills we missed are fetched from the last booked trade (from the first, if none is).
                venue.restoreTradeCursor(rules.instrument(), account.bookedTradeIds());
            }
        }
    }

    /**
     * A venue with books of its own is reconciled with ours before the feed starts, and again after
     * each reconnect and whenever a fill for an unknown order arrives; what cannot be explained holds
     * entries on its instruments ({@code trader.reconciliation}). Null for the paper venue.
     */
    private static ReconciliationService reconciliationFor(Config config, Engine engine, Venue venue, FillRouter fills) {
        if (venue.statement().isEmpty()) {
            return null;
        }
        Config c = config.getConfig("trader.reconciliation");
        ReconciliationService service = new ReconciliationService(engine, venue.statement().get(), c.getDuration("settle"),
                c.getDuration("recheck-while-held"));
        fills.onUnknownOrderFill(service::unknownOrderFill);
        return service;
    }

    /** The reconciliation with the venue, when it keeps books of its own. */
    public Optional<ReconciliationService> reconciliation() {
        return Optional.ofNullable(reconciliation);
    }

    /** The trading session this node started (it runs here when the node is alone or hosts the singleton). */
    TradingSession session() {
        return session;
    }

    public Engine engine() {
        return engine;
    }

    /** The read model's queries (orders, trades, signals, positions, metrics: what the /api read endpoints serve); empty when it is off. */
    public Optional<ReadModelQueries> readModel() {
        return Optional.ofNullable(readModel).map(ReadModels::queries);
    }

    public BarPipeline pipeline() {
        return pipeline;
    }

    /** The live feed the node trades from (an exchange venue), if the trading session runs on this node. */
    public java.util.Optional<LiveFeedRunner> liveFeed() {
        return session.liveFeed();
    }

    public ActorSystem<Void> system() {
        return system;
    }

    /** The live feed the node serves to WebSocket clients at {@code /ws}. */
    public WebSocketFeed webSocketFeed() {
        return webSocketFeed;
    }

    /** The node's alerts, as {@code GET /api/alerts} serves them. */
    public AlertBook alerts() {
        return watch.alerts();
    }

    /** Completes once the actor system has terminated, however it went, and the node's own threads have stopped with it. */
    public CompletionStage<Void> whenStopped() {
        return stopped;
    }

    /** Whether the node still samples its metrics and evaluates its alerts. */
    boolean observing() {
        return watch.running();
    }

    public int httpPort() {
        InetSocketAddress address = binding.localAddress();
        return address.getPort();
    }

    @Override
    public void close() {
        telegram.ifPresent(TelegramBotService::close);
        if (reconciliation != null) {
            reconciliation.stop();
        }
        watch.close();
        binding.unbind();
        session.liveFeed().ifPresent(LiveFeedRunner::stop);
        session.stop();
        venue.close();
        blocking.shutdownNow();
        system.terminate();
        try {
            system.getWhenTerminated().toCompletableFuture().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("actor system did not terminate cleanly: {}", e.toString());
        }
    }
}
