package dev.trader.execution.binance;

import com.typesafe.config.ConfigFactory;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.model.ws.Message;
import org.apache.pekko.http.javadsl.model.ws.TextMessage;
import org.apache.pekko.http.javadsl.server.Directives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.OverflowStrategy;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.stream.javadsl.SourceQueueWithComplete;

/**
 * Binance's user-data WebSocket ({@code /ws/<listenKey>}) on loopback, over Pekko HTTP: a test
 * pushes frames to every open connection and can drop them all (as Binance does at 24 h, or a
 * network does at any time).
 */
final class StandInUserStream {
    private final ActorSystem system;
    private final ServerBinding binding;
    final List<String> connectedKeys = new CopyOnWriteArrayList<>();
    private final List<SourceQueueWithComplete<Message>> live = new CopyOnWriteArrayList<>();

    StandInUserStream() throws Exception {
        system = ActorSystem.create("user-stream-stand-in", ConfigFactory.parseString("""
                pekko.loggers = ["org.apache.pekko.event.slf4j.Slf4jLogger"]
                pekko.logging-filter = "org.apache.pekko.event.slf4j.Slf4jLoggingFilter"
                pekko.loglevel = WARNING
                pekko.stdout-loglevel = OFF
                """).withFallback(ConfigFactory.load()));
        Route route = Directives.pathPrefix("ws", () -> Directives.path(PathMatchers.segment(),
                key -> Directives.handleWebSocketMessages(connection(key))));
        binding = Http.get(system).newServerAt("127.0.0.1", 0).bind(route).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    URI url() {
        return URI.create("ws://127.0.0.1:" + binding.localAddress().getPort());
    }

    private Flow<Message, Message, NotUsed> connection(String key) {
        Pair<SourceQueueWithComplete<Message>, Source<Message, NotUsed>> queue =
                Source.<Message>queue(256, OverflowStrategy.fail()).preMaterialize(system);
        connectedKeys.add(key);
        live.add(queue.first());
        queue.first().watchCompletion().whenComplete((done, e) -> live.remove(queue.first()));
        return Flow.fromSinkAndSourceCoupled(Sink.ignore(), queue.second());
    }

    int connections() {
        return live.size();
    }

    void send(String frame) {
        live.forEach(q -> q.offer(TextMessage.create(frame)));
    }

    /** The server closes every connection. */
    void dropAll() {
        live.forEach(SourceQueueWithComplete::complete);
    }

    void close() throws Exception {
        binding.unbind().toCompletableFuture().get(10, TimeUnit.SECONDS);
        system.terminate();
        system.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
