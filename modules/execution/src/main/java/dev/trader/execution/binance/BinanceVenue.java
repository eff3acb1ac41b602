package dev.trader.execution.binance;

import dev.trader.domain.market.InstrumentRules;
import dev.trader.domain.port.VenueSnapshot;
import dev.trader.domain.port.VenueStatement;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import dev.trader.execution.binance.UserDataEvent.AccountPosition;
import dev.trader.execution.binance.UserDataEvent.ExecutionReport;
import java.net.http.HttpClient;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Binance adapter assembled: one HTTP client, the REST client, the execution client, the
 * balances and the user stream, sharing two daemon threads for timers and fill delivery.
 *
 * <pre>
 * BinanceVenue venue = BinanceVenue.create(settings, BinanceCredentials.fromEnvironment(settings), instrumentRules);
 * BinanceExecutionClient client = venue.executionClient();
 * client.setFillListener(fillRouter);                 // before start: the repair delivers at once
 * client.restoreHolding(instrument, held);             // per book, as for the paper venue
 * client.restoreTradeCursor(instrument, lastTradeId);  // per book: the last Binance trade applied
 * venue.start().toCompletableFuture().get();           // time, exchangeInfo, user stream, fill repair
 * ...
 * venue.close();
 * </pre>
 */
public final class BinanceVenue implements VenueStatement, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BinanceVenue.class);

    private final ScheduledExecutorService threads;
    private final BinanceRestClient rest;
    private final BinanceExecutionClient client;
    private final AccountBalances balances = new AccountBalances();
    private final BinanceUserDataStream stream;
    private final List<String> symbols;
    private final AtomicInteger connects = new AtomicInteger();
    private final List<Runnable> reconnectCallbacks = new CopyOnWriteArrayList<>();

    private BinanceVenue(BinanceSettings settings, BinanceCredentials credentials, Collection<InstrumentRules> instruments) {
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "binance-adapter-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        HttpClient http = BinanceRestClient.httpClient(settings);
        this.rest = new BinanceRestClient(settings, credentials, http, threads);
        this.client = new BinanceExecutionClient(rest, instruments, threads, settings.fillLookback());
        this.symbols = client.symbols().stream().map(BinanceSymbol::symbol).toList();
        this.stream = new BinanceUserDataStream(rest, http, settings, new UserDataHandler() {
            @Override
            public void onExecutionReport(ExecutionReport report) {
                client.onExecutionReport(report);
            }

            @Override
            public void onConnecting() {
                client.holdStreamTrades();
            }

            @Override
            public void onAccountPosition(AccountPosition position) {
                balances.apply(position);
            }

            @Override
            public CompletionStage<Void> onConnected() {
                // Fills first (they move positions), then the balance sheet; a failed balance read is not fatal.
                boolean reconnect = connects.incrementAndGet() > 1;
                return client.repairFills().thenCompose(n -> balances.refresh(rest)).thenApply(b -> (Void) null)
                        .whenComplete((v, e) -> {
                            if (reconnect) {
                                reconnectCallbacks.forEach(BinanceVenue::runQuietly);
                            }
                        });
            }
        }, threads);
    }

    /** Builds the adapter; nothing is sent until {@link #start()}. */
    public static BinanceVenue create(BinanceSettings settings, BinanceCredentials credentials, Collection<InstrumentRules> instruments) {
        return new BinanceVenue(settings, credentials, instruments);
    }

    /**
     * Measures the server clock, reads exchangeInfo of the traded symbols (rate limits, filters;
     * fails if a symbol is missing or its assets differ from the configuration) and connects the user
     * stream, whose first connect repairs the fills missed while down and reads the balances.
     */
    public CompletionStage<Void> start() {
        return rest.syncTime()
                .thenCompose(offset -> rest.exchangeInfo(symbols))
                .thenAccept(client::adopt)
                .thenCompose(v -> stream.start())
                .whenComplete((v, e) -> {
                    if (e == null) {
                        LOG.info("binance venue started for {}", symbols);
                    } else {
                        LOG.error("binance venue failed to start: {}", BinanceException.unwrap(e).getMessage());
                    }
                });
    }

    /**
     * Repairs the fills first and waits until they were handed over (so that what the books are
     * compared with already includes them), then reads every traded symbol's open orders and the
     * account's balances.
     */
    @Override
    public CompletionStage<VenueSnapshot> snapshot() {
        return client.repairFills()
                .thenCompose(n -> client.fillsDelivered().thenApply(v -> n))
                .thenCompose(n -> openOrders().thenCompose(open -> rest.account().thenApply(sheet -> {
                    balances.replace(sheet);
                    Map<String, BigDecimal> totals = new TreeMap<>();
                    sheet.balances().forEach((asset, b) -> totals.put(asset, b.total().toBigDecimal()));
                    return new VenueSnapshot(Instant.now(), open, totals, client.undeliveredTrades(), n);
                })));
    }

    private CompletionStage<List<VenueSnapshot.OpenOrder>> openOrders() {
        CompletableFuture<List<VenueSnapshot.OpenOrder>> chain = CompletableFuture.completedFuture(new ArrayList<>());
        for (BinanceSymbol s : client.symbols()) {
            chain = chain.thenCompose(all -> rest.openOrders(s.symbol()).thenApply(answers -> {
                answers.forEach(a -> all.add(new VenueSnapshot.OpenOrder(s.instrument(), a.clientOrderId() == null ? "" : a.clientOrderId(),
                        Long.toString(a.orderId()), a.status() == null ? "" : a.status().name())));
                return all;
            }));
        }
        return chain.thenApply(List::copyOf);
    }

    @Override
    public void onReconnect(Runnable callback) {
        reconnectCallbacks.add(callback);
    }

    private static void runQuietly(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.error("reconnect callback failed", e);
        }
    }

    public BinanceExecutionClient executionClient() {
        return client;
    }

    public BinanceRestClient rest() {
        return rest;
    }

    public AccountBalances balances() {
        return balances;
    }

    public BinanceUserDataStream userDataStream() {
        return stream;
    }

    /** Stops the stream, refuses queued requests and ends the adapter's threads. */
    @Override
    public void close() {
        stream.stop();
        rest.close();
        threads.shutdownNow();
        LOG.info("binance venue stopped");
    }
}
