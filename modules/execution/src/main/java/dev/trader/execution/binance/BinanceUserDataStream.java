package dev.trader.execution.binance;

import dev.trader.execution.binance.UserDataEvent.AccountPosition;
import dev.trader.execution.binance.UserDataEvent.ExecutionReport;
import dev.trader.execution.binance.UserDataEvent.Ignored;
import dev.trader.execution.binance.UserDataEvent.ListenKeyExpired;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The account's user-data stream: {@code POST /api/v3/userDataStream} gives a listen key,
 * {@code <ws-base-url>/ws/<listenKey>} streams the events, a {@code PUT} keeps the key alive every
 * {@code keep-alive-interval}. When the connection closes or fails, or Binance says the key
 * expired, it reconnects after a jittered exponential backoff, asking for a key again (Binance
 * answers with the live one, or a new one if it expired), and after every connect the handler
 * repairs what was missed. Frames are read strictly; a refused one is logged, counted in
 * {@link #status()} and applied in no part.
 *
 * <p>Stopping closes the socket but does not delete the listen key: Binance has one key per
 * account, and another process of the same account may be using it; an unused key expires after
 * 60 minutes.
 */
public final class BinanceUserDataStream {
    private static final Logger LOG = LoggerFactory.getLogger(BinanceUserDataStream.class);

    private final BinanceRestClient rest;
    private final HttpClient http;
    private final BinanceSettings settings;
    private final UserDataHandler handler;
    private final ScheduledExecutorService timer;
    private final Backoff backoff;
    private final CompletableFuture<Void> firstConnect = new CompletableFuture<>();

    private long generation;
    private boolean stopped;
    private boolean reconnectPending;
    private WebSocket socket;
    private String listenKey;
    private ScheduledFuture<?> keepAlive;
    private boolean connected;
    private long connects;
    private Instant lastEventTime;
    private long rejectedFrames;
    private String lastRejection = "";

    BinanceUserDataStream(BinanceRestClient rest, HttpClient http, BinanceSettings settings, UserDataHandler handler,
                          ScheduledExecutorService timer) {
        this.rest = rest;
        this.http = http;
        this.settings = settings;
        this.handler = handler;
        this.timer = timer;
        this.backoff = new Backoff(settings.backoffMin(), settings.backoffMax(), settings.backoffSeed());
    }

    /** Connects; the stage completes once the first connection is up and its repair has run (failed repairs are logged, not fatal). */
    public CompletionStage<Void> start() {
        connect();
        return firstConnect;
    }

    /** Closes the connection and stops reconnecting. */
    public void stop() {
        WebSocket ws;
        synchronized (this) {
            stopped = true;
            connected = false;
            generation++;
            ws = socket;
            socket = null;
            if (keepAlive != null) {
                keepAlive.cancel(false);
            }
        }
        if (ws != null) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "client stopping").whenComplete((w, e) -> ws.abort());
        }
        firstConnect.completeExceptionally(new BinanceRequestNotSent("user stream stopped before it connected"));
    }

    public synchronized UserStreamStatus status() {
        return new UserStreamStatus(connected, Math.max(0, connects - 1), lastEventTime, rejectedFrames, lastRejection);
    }

    private void connect() {
        long gen;
        synchronized (this) {
            if (stopped) {
                return;
            }
            reconnectPending = false;
            gen = ++generation;
        }
        handler.onConnecting();
        rest.startUserDataStream().thenCompose(key -> {
            synchronized (this) {
                listenKey = key;
            }
            return http.newWebSocketBuilder().connectTimeout(settings.connectTimeout())
                    .buildAsync(URI.create(settings.wsBase() + "/ws/" + key), new Listener(gen));
        }).whenComplete((ws, e) -> {
            if (e != null) {
                LOG.warn("binance user stream could not connect: {}", BinanceException.unwrap(e).getMessage());
                lost(gen, "connect failed");
                return;
            }
            opened(gen, ws);
        });
    }

    private void opened(long gen, WebSocket ws) {
        long n;
        synchronized (this) {
            if (gen != generation || stopped) {
                ws.abort();
                return;
            }
            socket = ws;
            connected = true;
            connects++;
            backoff.reset();
            if (keepAlive != null) {
                keepAlive.cancel(false);
            }
            long every = settings.keepAliveInterval().toMillis();
            keepAlive = timer.scheduleAtFixedRate(() -> keepAlive(gen), every, every, TimeUnit.MILLISECONDS);
            n = connects;
        }
        LOG.info("binance user stream connected{}", n > 1 ? " again (reconnect " + (n - 1) + ")" : "");
        CompletionStage<Void> repaired;
        try {
            repaired = handler.onConnected();
        } catch (RuntimeException e) {
            repaired = CompletableFuture.failedFuture(e);
        }
        repaired.whenComplete((v, e) -> {
            if (e != null) {
                LOG.warn("binance user stream: recovery after connect failed: {}", BinanceException.unwrap(e).getMessage());
            }
            firstConnect.complete(null);
        });
    }

    private void keepAlive(long gen) {
        String key;
        synchronized (this) {
            if (gen != generation || stopped) {
                return;
            }
            key = listenKey;
        }
        rest.keepAliveUserDataStream(key).whenComplete((v, e) -> {
            if (e == null) {
                LOG.debug("binance listen key kept alive");
                return;
            }
            BinanceException b = BinanceException.unwrap(e);
            if (b instanceof BinanceApiError api && api.code() == BinanceApiError.LISTEN_KEY_UNKNOWN) {
                LOG.warn("binance listen key is gone (-1125): reconnecting with a new one");
                restart(gen, "listen key gone");
            } else {
                LOG.warn("binance listen key keep-alive failed: {}", b.getMessage());
            }
        });
    }

    /** Drops the connection of generation {@code gen} on purpose and reconnects. */
    private void restart(long gen, String why) {
        WebSocket ws;
        synchronized (this) {
            if (gen != generation) {
                return;
            }
            ws = socket;
        }
        lost(gen, why);
        if (ws != null) {
            ws.abort();
        }
    }

    /** The connection of generation {@code gen} is gone: reconnect after the backoff (once per generation). */
    private void lost(long gen, String why) {
        Duration delay;
        synchronized (this) {
            if (gen != generation || stopped || reconnectPending) {
                return;
            }
            reconnectPending = true;
            connected = false;
            socket = null;
            if (keepAlive != null) {
                keepAlive.cancel(false);
            }
            delay = backoff.next();
        }
        LOG.warn("binance user stream lost ({}): reconnecting in {} ms", why, delay.toMillis());
        try {
            timer.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("not reconnecting: the adapter is stopping");
        }
    }

    private void frame(long gen, String text) {
        UserDataEvent event;
        try {
            event = UserDataParser.parse(text, settings.maxResponseBytes());
        } catch (MalformedAnswer e) {
            rejected(e.getMessage());
            return;
        }
        synchronized (this) {
            Instant t = event.eventTime();
            lastEventTime = lastEventTime == null || t.isAfter(lastEventTime) ? t : lastEventTime;
        }
        try {
            if (event instanceof ExecutionReport r) {
                handler.onExecutionReport(r);
            } else if (event instanceof AccountPosition p) {
                handler.onAccountPosition(p);
            } else if (event instanceof ListenKeyExpired) {
                LOG.warn("binance listen key expired: reconnecting with a new one");
                restart(gen, "listen key expired");
            } else if (event instanceof Ignored i) {
                LOG.debug("binance user stream event {} not used", i.eventType());
            }
        } catch (RuntimeException e) {
            LOG.error("binance user stream event could not be handled", e);
        }
    }

    private void rejected(String reason) {
        synchronized (this) {
            rejectedFrames++;
            lastRejection = reason;
        }
        LOG.warn("binance user stream frame refused: {}", reason);
    }

    /** One connection's events; everything it reports is ignored once a newer connection exists. */
    private final class Listener implements WebSocket.Listener {
        private final long gen;
        private final StringBuilder text = new StringBuilder();
        private boolean oversized;

        Listener(long gen) {
            this.gen = gen;
        }

        @Override
        public void onOpen(WebSocket ws) {
            ws.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            if (!oversized && text.length() + data.length() > settings.maxResponseBytes()) {
                oversized = true;
                text.setLength(0);
            }
            if (!oversized) {
                text.append(data);
            }
            if (last) {
                if (oversized) {
                    rejected("frame larger than " + settings.maxResponseBytes() + " chars");
                } else if (current()) {
                    frame(gen, text.toString());
                }
                text.setLength(0);
                oversized = false;
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            if (last) {
                rejected("binary frame (Binance sends text)");
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            lost(gen, "closed by the server: " + statusCode + (reason == null || reason.isEmpty() ? "" : " " + StrictJson.clip(reason)));
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            lost(gen, "connection error: " + error.getClass().getSimpleName());
        }

        private boolean current() {
            synchronized (BinanceUserDataStream.this) {
                return gen == generation && !stopped;
            }
        }
    }
}
