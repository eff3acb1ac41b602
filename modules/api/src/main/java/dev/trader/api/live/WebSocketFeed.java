package dev.trader.api.live;

import dev.trader.api.live.FeedData.LiveData;
import dev.trader.api.live.FeedData.WelcomeData;
import dev.trader.api.security.ApiKey;
import dev.trader.api.security.ApiSettings;
import dev.trader.engine.Engine;
import dev.trader.engine.alert.AlertBook;
import dev.trader.engine.live.LiveTag;
import dev.trader.engine.persistence.JdbcSettings;
import dev.trader.engine.persistence.JournalHead;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.Cancellable;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.event.Logging;
import org.apache.pekko.event.LoggingAdapter;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.ws.WebSocketUpgrade;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.settings.ServerSettings;
import org.apache.pekko.http.scaladsl.settings.WebSocketSettings;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.EventEnvelope;
import org.apache.pekko.persistence.query.Offset;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.persistence.query.Sequence;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.RestartSettings;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.RestartSource;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.concurrent.duration.FiniteDuration;

/**
 * The node's live feed at {@code /ws}: one stream per node follows the journal's
 * {@link LiveTag live}-tagged events ({@code eventsByTag}, polled every
 * {@code jdbc-read-journal.refresh-interval}), turns each batch into messages once
 * ({@link JournalUpdates}), and the {@link FeedBus} hands the same rendered frames to every client
 * allowed to see them, each through its own bounded {@link ConflatingMailbox}. Alerts come from
 * the node's {@link AlertBook}. Any node serves any client: the journal is the cluster's, and a
 * message's seq is its event's journal ordering, so a client can resubscribe on another node.
 */
public final class WebSocketFeed {
    private static final Logger LOG = LoggerFactory.getLogger(WebSocketFeed.class);
    /** How long the node's stream gathers events into one batch: the asks for state run once per batch. */
    private static final Duration BATCH_WINDOW = Duration.ofMillis(10);
    private static final int BATCH_MAX = 512;
    /**
     * Batches whose asks may be in flight at once: an ask queued behind a busy entity (the account,
     * mid-bar) must not hold up the batches after it. The messages still leave in journal order.
     */
    private static final int BATCHES_IN_FLIGHT = 4;

    private final ActorSystem<?> system;
    private final ApiSettings api;
    private final WebSocketFeedSettings settings;
    private final String account;
    private final FeedRenderer renderer;
    private final FeedBus bus;
    private final FeedReplay replay;
    private final WebSocketSettings socketSettings;
    private final LoggingAdapter socketLog;
    private final Materializer materializer;
    private final AtomicInteger clients = new AtomicInteger();
    private volatile AlertBook alerts;
    /** Built once: the API's routes ask for it on every request. */
    private final Route route;

    private WebSocketFeed(ActorSystem<?> system, ApiSettings api, WebSocketFeedSettings settings, String account, FeedRenderer renderer,
                          FeedBus bus, FeedReplay replay) {
        this.system = system;
        this.api = api;
        this.settings = settings;
        this.account = account;
        this.renderer = renderer;
        this.bus = bus;
        this.replay = replay;
        this.socketSettings = ((WebSocketSettings) ServerSettings.create(system.classicSystem()).getWebsocketSettings())
                .withPeriodicKeepAliveMode("ping")
                .withPeriodicKeepAliveMaxIdle(FiniteDuration.create(settings.pingInterval().toMillis(), TimeUnit.MILLISECONDS));
        this.socketLog = Logging.getLogger(system.classicSystem(), WebSocketFeed.class);
        this.materializer = Materializer.matFromSystem(system);
        this.route = new WebSocketFeedRoute(this, api.allowedOrigins()).route();
    }

    /** Starts following the journal from its newest event (a client that wants older ones gets them replayed). */
    public static WebSocketFeed start(ActorSystem<?> system, Engine engine, ApiSettings api, WebSocketFeedSettings settings, JdbcSettings jdbc) {
        long head;
        try {
            head = JournalHead.ordering(jdbc);
        } catch (SQLException e) {
            throw new IllegalStateException("live feed: the journal cannot be read: " + e.getMessage(), e);
        }
        JdbcReadJournal journal = PersistenceQuery.get(system).getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier());
        FeedRenderer renderer = new FeedRenderer(Clock.systemUTC());
        JournalUpdates updates = new JournalUpdates(engine, engine.settings().askTimeout(), new StrategyAttribution(engine.settings().strategies()));
        FeedBus bus = new FeedBus(renderer, head);
        UniqueKillSwitch following = follow(system, journal, updates, bus, head);
        CoordinatedShutdown.get(system).addTask(CoordinatedShutdown.PhaseServiceStop(), "websocket-feed", () -> {
            following.shutdown();
            return CompletableFuture.completedFuture(Done.getInstance());
        });
        LOG.info("live feed: following the journal after ordering {}", head);
        return new WebSocketFeed(system, api, settings, engine.settings().accountId(), renderer, bus, new FeedReplay(journal, updates, renderer));
    }

    /**
     * The node's one stream: the journal's live events, batched, made into updates and published.
     * A failure (the database away) restarts the query from the last event it delivered.
     */
    private static UniqueKillSwitch follow(ActorSystem<?> system, JdbcReadJournal journal, JournalUpdates updates, FeedBus bus, long head) {
        AtomicLong delivered = new AtomicLong(head);
        return RestartSource.<EventEnvelope>withBackoff(RestartSettings.create(Duration.ofMillis(200), Duration.ofSeconds(10), 0.2),
                        () -> journal.eventsByTag(LiveTag.TAG, Offset.sequence(delivered.get())).map(env -> {
                            delivered.set(ordering(env));
                            return env;
                        }))
                .groupedWithin(BATCH_MAX, BATCH_WINDOW)
                .mapAsync(BATCHES_IN_FLIGHT, envelopes -> updates.of(envelopes).exceptionally(e -> {
                    LOG.error("live feed: events up to ordering {} could not be made into messages", ordering(envelopes.get(envelopes.size() - 1)), e);
                    return new JournalUpdates.Batch(ordering(envelopes.get(envelopes.size() - 1)), List.of());
                }))
                .viaMat(KillSwitches.single(), Keep.right())
                .toMat(Sink.foreach(batch -> bus.publish(batch.updates(), batch.lastOrdering())), Keep.left())
                .run(system);
    }

    /** Puts the node's alerts on the feed, and the active ones in front of every subscription. */
    public void follow(AlertBook book) {
        this.alerts = book;
        book.notifying(new FeedAlertNotifier(bus));
    }

    /** The route of {@code /ws}, outside the API key check: the key comes in the first message. */
    public Route route() {
        return route;
    }

    /** Open sockets, authenticated or not (the {@code ws_clients} gauge). */
    public int clients() {
        return clients.get();
    }

    /** Sockets that have subscribed and are still open. */
    public int subscribed() {
        return bus.subscribers();
    }

    /** The most messages waiting for any one subscribed client: bounded by {@code trader.api.websocket-feed.max-pending}. */
    public int largestBacklog() {
        return bus.largestBacklog();
    }

    HttpResponse connect(WebSocketUpgrade upgrade) {
        FeedSession session = new FeedSession(this, api.keys(), account, materializer, settings.authTimeout().toMillis());
        IncomingFrameGuard guard = new IncomingFrameGuard(settings.maxMessageBytes(), settings.maxMessagesPerSecond(),
                r -> session.close(r.code(), r.reason()), System::nanoTime);
        AtomicReference<Cancellable> deadline = new AtomicReference<>();
        return FeedSocket.accept(upgrade, socketSettings, socketLog, guard, session.incoming(), session.outgoing(), session.closing(),
                () -> {
                    clients.incrementAndGet();
                    deadline.set(system.classicSystem().scheduler().scheduleOnce(settings.authTimeout(),
                            () -> session.authDeadline(settings.authTimeout().toMillis() + " ms"), system.executionContext()));
                },
                () -> {
                    clients.decrementAndGet();
                    Cancellable d = deadline.get();
                    if (d != null) {
                        d.cancel();
                    }
                });
    }

    FeedFrame welcome(ApiKey key) {
        return renderer.control("welcome", bus.head(), new WelcomeData(key.id(), key.role().id(), account, key.strategies().stream().sorted().toList()));
    }

    /**
     * A client's messages from now on: the latest state (or, with {@code from}, every message after
     * it from the journal), the active alerts, a {@code live} marker at the seq where the mailbox
     * starts, then the mailbox. Subscribing is atomic with publishing, so the two parts meet exactly.
     */
    Source<FeedFrame, NotUsed> subscription(FeedScope scope, OptionalLong from) {
        return Source.<FeedFrame, NotUsed>fromMaterializer((mat, attributes) -> {
            ConflatingMailbox mailbox = new ConflatingMailbox(settings.maxPending(), bus.head(), renderer::lagged);
            FeedBus.Subscriber subscriber = new FeedBus.Subscriber(mailbox, scope);
            long head = bus.subscribe(subscriber);
            // A publish between reading the head above and subscribing moved it: lag notices resume from here.
            mailbox.startAfter(head);
            Source<FeedFrame, NotUsed> before = from.isPresent() ? replay.between(from.getAsLong(), head, scope) : Source.from(bus.latest(scope));
            AlertBook book = alerts;
            List<FeedFrame> active = book == null ? List.of()
                    : book.active().stream().map(a -> renderer.frame(FeedAlertNotifier.update(a), head)).toList();
            LiveData marker = new LiveData(from.isPresent() ? from.getAsLong() : null);
            return before.concat(Source.from(active))
                    .concat(Source.single(renderer.control("live", head, marker)))
                    .concat(Source.fromGraph(new MailboxSource(mailbox)))
                    .watchTermination((m, done) -> {
                        done.whenComplete((d, e) -> bus.unsubscribe(subscriber));
                        return m;
                    });
        }).mapMaterializedValue(m -> NotUsed.getInstance());
    }

    private static long ordering(EventEnvelope env) {
        return ((Sequence) env.offset()).value();
    }
}
