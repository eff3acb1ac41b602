package dev.trader.execution.sim.ws;

import static org.apache.pekko.http.javadsl.server.PathMatchers.segment;

import dev.trader.execution.sim.SimStreams;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Cancellable;
import org.apache.pekko.actor.ClassicActorSystemProvider;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.ws.Message;
import org.apache.pekko.http.javadsl.model.ws.TextMessage;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.settings.ServerSettings;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exchange simulator's WebSocket market streams, speaking Binance's protocol:
 * <ul>
 *   <li>{@code /ws/<stream>} (a listen key is a stream name too) and {@code /ws}: raw payloads;</li>
 *   <li>{@code /stream?streams=<a>/<b>} and {@code /stream}: each payload in
 *       {@code {"stream":"<name>","data":<payload>}};</li>
 *   <li>live {@code SUBSCRIBE}, {@code UNSUBSCRIBE}, {@code LIST_SUBSCRIPTIONS},
 *       {@code SET_PROPERTY}/{@code GET_PROPERTY combined} (see {@link ControlRequestHandler});</li>
 *   <li>Binance's limits: streams per connection, incoming messages per second (the connection
 *       is closed past it), a maximum connection age.</li>
 * </ul>
 * Publishing never waits for a client: each connection has a bounded queue, and a client that
 * lets it fill is closed (logged at WARN) while the others go on.
 *
 * <p>Two things Pekko HTTP's message-level WebSocket API does not allow, and how this server
 * does without them: (1) ping and pong frames are handled below the API, so pings are Pekko's
 * keep-alive, sent after {@link SimWsConfig#pingInterval()} without a frame from the client
 * (a silent market-data client therefore gets one per interval, as from Binance): bind the
 * route with {@link #serverSettings()} to turn them on. A client that does not answer is not
 * detected by a pong timeout (pongs are invisible here); Pekko's {@code idle-timeout} and the
 * TCP stack close dead connections. (2) A close frame cannot carry a code or reason: every
 * server-side close is a normal close (1000), its reason is logged.
 */
public final class SimWebSocketServer extends AllDirectives implements SimStreams {
    private static final Logger LOG = LoggerFactory.getLogger(SimWebSocketServer.class);

    private final ActorSystem system;
    private final SimWsConfig config;
    private final StreamRegistry registry = new StreamRegistry();
    private final ControlRequestHandler requests;
    /** Open connections and their max-age timers. */
    private final Map<WsConnection, Cancellable> open = new ConcurrentHashMap<>();

    public SimWebSocketServer(ClassicActorSystemProvider system, SimWsConfig config) {
        this.system = Objects.requireNonNull(system, "system").classicSystem();
        this.config = Objects.requireNonNull(config, "config");
        this.requests = new ControlRequestHandler(registry, config.maxStreamsPerConnection());
    }

    /** The WebSocket routes; the lead binds them with the REST routes, using {@link #serverSettings()}. */
    public Route route() {
        return concat(
                pathPrefix("ws", () -> concat(
                        pathEnd(() -> connect("/ws", List.of(), false)),
                        path(segment(), stream -> connect("/ws/" + stream, List.of(stream), false)))),
                path("stream", () -> parameterOptional("streams", streams -> connect("/stream",
                        streams.filter(s -> !s.isEmpty()).map(s -> Arrays.asList(s.split("/", -1))).orElse(List.of()), true))));
    }

    /** The system's server settings with this server's ping interval: bind with these. */
    public ServerSettings serverSettings() {
        return withPings(ServerSettings.create(system), config.pingInterval());
    }

    /** {@code base} sending a ping frame after {@code interval} without a frame from the client. */
    private static ServerSettings withPings(ServerSettings base, Duration interval) {
        return base.withWebsocketSettings(base.getWebsocketSettings().withPeriodicKeepAliveMode("ping").withPeriodicKeepAliveMaxIdle(interval));
    }

    @Override
    public void publish(String stream, String payloadJson) {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(payloadJson, "payloadJson");
        registry.publish(stream, payloadJson);
    }

    /**
     * The reason leaves the stream's name out: a user-data stream is named by its listen key, a bearer
     * token that must not reach a log (the close line names the connection by its redacted path).
     */
    @Override
    public void disconnect(String stream) {
        registry.closeAll(stream, "disconnected by the simulator");
    }

    @Override
    public int subscribers(String stream) {
        return registry.count(stream);
    }

    /** Open connections, subscribed to anything or not. */
    public int connections() {
        return open.size();
    }

    /** Closes every connection (the "exchange drops all sockets" fault, or shutdown). */
    public void disconnectAll(String reason) {
        open.keySet().forEach(c -> c.close(reason));
    }

    private Route connect(String path, List<String> streams, boolean combined) {
        if (streams.stream().anyMatch(s -> !StreamName.isValid(s))) {
            return refuse("Invalid request: invalid stream");
        }
        List<String> distinct = streams.stream().distinct().toList();
        if (distinct.size() > config.maxStreamsPerConnection()) {
            return refuse("Invalid request: too many streams, at most " + config.maxStreamsPerConnection() + " per connection");
        }
        return handleWebSocketMessages(Flow.fromMaterializer((materializer, attributes) -> connection(path, distinct, combined, materializer))
                .mapMaterializedValue(ignored -> NotUsed.getInstance()));
    }

    private Route refuse(String message) {
        return complete(HttpResponse.create().withStatus(StatusCodes.BAD_REQUEST)
                .withEntity(HttpEntities.create(ContentTypes.APPLICATION_JSON, "{\"code\":2,\"msg\":\"" + message + "\"}")));
    }

    /** The handler of one connection: client messages in, queued frames out; either side ending ends both. */
    private Flow<Message, Message, NotUsed> connection(String path, List<String> streams, boolean combined, Materializer materializer) {
        WsConnection connection = new WsConnection(path, combined, this::forget);
        IncomingRateLimit limit = new IncomingRateLimit(config.maxIncomingPerSecond());
        Sink<Message, NotUsed> in = Flow.<Message>create()
                .mapAsync(1, m -> ClientMessage.read(m, config.maxRequestChars(), materializer))
                .to(Sink.foreach(m -> onClientMessage(connection, limit, m)));
        Source<Message, NotUsed> out = Source.<String>queue(config.bufferMessages())
                .viaMat(KillSwitches.single(), Keep.both())
                .<Message>map(TextMessage::create)
                .mapMaterializedValue(queueAndSwitch -> {
                    opened(connection, queueAndSwitch.first(), queueAndSwitch.second(), streams);
                    return NotUsed.getInstance();
                })
                .watchTermination((notUsed, done) -> {
                    done.whenComplete((d, failure) -> connection.terminated());
                    return notUsed;
                });
        return Flow.fromSinkAndSourceCoupled(in, out);
    }

    private void opened(WsConnection connection, BoundedSourceQueue<String> queue, UniqueKillSwitch killSwitch, List<String> streams) {
        connection.open(queue, killSwitch);
        Duration maxAge = config.maxConnectionAge();
        Cancellable ageTimer = system.scheduler().scheduleOnce(maxAge, () -> connection.close("connection older than " + maxAge),
                system.dispatcher());
        open.put(connection, ageTimer);
        registry.add(connection, connection.addStreams(streams));
        LOG.debug("sim ws {} opened with {} streams", connection, streams.size());
    }

    private void onClientMessage(WsConnection connection, IncomingRateLimit limit, ClientMessage message) {
        if (connection.isClosed()) {
            return;
        }
        if (!limit.permit(System.nanoTime())) {
            connection.close("more than " + config.maxIncomingPerSecond() + " incoming messages in one second");
            return;
        }
        if (message.problem() != null) {
            connection.close("sent " + message.problem());
            return;
        }
        connection.reply(requests.handle(connection, message.text()));
    }

    private void forget(WsConnection connection) {
        registry.remove(connection, connection.streams());
        Optional.ofNullable(open.remove(connection)).ifPresent(Cancellable::cancel);
    }
}
