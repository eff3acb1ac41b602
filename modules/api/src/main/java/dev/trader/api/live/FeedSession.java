package dev.trader.api.live;

import dev.trader.api.live.ClientRequest.Auth;
import dev.trader.api.live.ClientRequest.Subscribe;
import dev.trader.api.security.ApiKey;
import dev.trader.api.security.ApiKeys;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.NotUsed;
import org.apache.pekko.http.javadsl.model.ws.Message;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's protocol. The first message must authenticate ({@code {"type":"auth","key":…}})
 * within the auth timeout, with a key that may see the node's account; the answer is
 * {@code welcome}. Then one {@code {"type":"subscribe"}} (the latest state, then live) or
 * {@code {"type":"subscribe","from":N}} (every message after seq N from the journal, then live).
 * Anything else closes the socket: 4401 unauthenticated, 4403 another account's key, 1008 a
 * message out of place, 1003 binary data. Nothing is sent before the key is known.
 */
final class FeedSession {
    private static final Logger LOG = LoggerFactory.getLogger(FeedSession.class);
    private static final AtomicLong IDS = new AtomicLong();

    private final long id = IDS.incrementAndGet();
    private final WebSocketFeed feed;
    private final ApiKeys keys;
    private final String account;
    private final Materializer materializer;
    private final long collectMillis;
    private final CompletableFuture<CloseReason> closing = new CompletableFuture<>();
    private final CompletableFuture<ApiKey> authenticated = new CompletableFuture<>();
    private final CompletableFuture<Subscribe> subscribed = new CompletableFuture<>();

    FeedSession(WebSocketFeed feed, ApiKeys keys, String account, Materializer materializer, long collectMillis) {
        this.feed = feed;
        this.keys = keys;
        this.account = account;
        this.materializer = materializer;
        this.collectMillis = collectMillis;
    }

    /** Completes with the code and reason the socket is to be closed with. */
    CompletionStage<CloseReason> closing() {
        return closing;
    }

    /** Asks for the socket to be closed; the first reason wins. */
    void close(int code, String reason) {
        if (closing.complete(new CloseReason(code, reason))) {
            LOG.info("live feed socket #{}{}: closed {} ({})", id, authenticated.isDone() ? " (key " + authenticated.join().id() + ")" : "", code, reason);
        }
    }

    /** Called when the auth timeout has passed. */
    void authDeadline(String timeout) {
        if (!authenticated.isDone()) {
            close(CloseReason.UNAUTHORIZED, "not authenticated within " + timeout);
        }
    }

    /** The client's messages (Pekko may hand over a long text in parts: collected, within the guard's size limit). */
    Sink<Message, NotUsed> incoming() {
        return Flow.<Message>create().mapAsync(1, this::text).to(Sink.foreach(t -> t.ifPresent(this::onText)));
    }

    /** welcome, then the subscription's messages: nothing before the key is known. */
    Source<ByteString, NotUsed> outgoing() {
        return Source.completionStage(authenticated)
                .flatMapConcat(key -> Source.single(feed.welcome(key))
                        .concat(Source.completionStage(subscribed).flatMapConcat(s -> feed.subscription(new FeedScope(key), s.from()))))
                .map(FeedFrame::text)
                .recoverWithRetries(1, RuntimeException.class, () -> {
                    close(CloseReason.SERVER_ERROR, "the feed failed on the server");
                    return Source.empty();
                })
                .mapMaterializedValue(m -> NotUsed.getInstance());
    }

    private CompletionStage<Optional<String>> text(Message m) {
        if (!m.isText()) {
            m.asBinaryMessage().getStreamedData().runWith(Sink.ignore(), materializer);
            close(CloseReason.UNACCEPTABLE, "the feed takes text messages only");
            return CompletableFuture.completedFuture(Optional.empty());
        }
        if (m.asTextMessage().isStrict()) {
            return CompletableFuture.completedFuture(Optional.of(m.asTextMessage().getStrictText()));
        }
        return m.asTextMessage().toStrict(collectMillis, materializer).<Optional<String>>thenApply(t -> Optional.of(t.getStrictText()))
                .exceptionally(e -> {
                    close(CloseReason.POLICY_VIOLATION, "a message did not arrive whole in time");
                    return Optional.empty();
                });
    }

    private void onText(String text) {
        if (closing.isDone()) {
            return;
        }
        ClientRequest request;
        try {
            request = ClientRequest.parse(text);
        } catch (IllegalArgumentException e) {
            close(authenticated.isDone() ? CloseReason.POLICY_VIOLATION : CloseReason.UNAUTHORIZED, e.getMessage());
            return;
        }
        if (!authenticated.isDone()) {
            authenticate(request);
        } else if (request instanceof Subscribe s && !subscribed.isDone()) {
            subscribed.complete(s);
        } else {
            close(CloseReason.POLICY_VIOLATION, request instanceof Auth ? "already authenticated" : "already subscribed: one subscription per connection");
        }
    }

    private void authenticate(ClientRequest request) {
        if (!(request instanceof Auth auth)) {
            close(CloseReason.UNAUTHORIZED, "the first message must be " + ClientRequest.AUTH_EXAMPLE);
            return;
        }
        Optional<ApiKey> key = keys.authenticate(auth.key());
        if (key.isEmpty()) {
            close(CloseReason.UNAUTHORIZED, "the API key is not valid");
        } else if (!key.get().maySeeAccount(account)) {
            close(CloseReason.FORBIDDEN, "key " + key.get().id() + " may not see account " + account);
        } else {
            authenticated.complete(key.get());
        }
    }
}
