package dev.trader.app;

import com.typesafe.config.Config;
import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.market.InstrumentRules;
import dev.trader.domain.port.ExecutionClient;
import dev.trader.domain.port.MarketDataFeed;
import dev.trader.domain.port.SimulatedVenue;
import dev.trader.domain.port.VenueStatement;
import dev.trader.engine.settings.SettingsException;
import dev.trader.domain.id.TradeId;
import dev.trader.execution.binance.BinanceCredentials;
import dev.trader.execution.binance.BinanceExecutionClient;
import dev.trader.execution.binance.BinanceSettings;
import dev.trader.execution.binance.BinanceVenue;
import dev.trader.marketdata.binance.BinanceKlineFeed;
import dev.trader.marketdata.binance.KlineFeedConfig;
import dev.trader.marketdata.binance.ReconnectBackoff;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A Binance spot exchange (the real one or the simulator, by URL): orders through the signed REST
 * adapter, fills from its user-data stream, and the 1m klines of the traded symbols over
 * WebSocket as the node's market data.
 */
final class ExchangeVenue implements Venue {
    private final BinanceVenue binance;
    private final BinanceKlineFeed feed;
    private final String restUrl;

    private ExchangeVenue(BinanceVenue binance, BinanceKlineFeed feed, String restUrl) {
        this.binance = binance;
        this.feed = feed;
        this.restUrl = restUrl;
    }

    /** From {@code trader.binance}; the key pair from the environment variables it names. */
    static ExchangeVenue create(Config binanceSection, Collection<InstrumentRules> instruments, Map<String, String> environment) {
        BinanceSettings settings;
        try {
            settings = BinanceSettings.fromConfig(binanceSection);
        } catch (IllegalArgumentException e) {
            throw new SettingsException("trader." + e.getMessage(), e);
        }
        BinanceCredentials credentials;
        try {
            credentials = BinanceCredentials.fromEnvironment(environment, settings.apiKeyEnv(), settings.apiSecretEnv());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new SettingsException("trader.binance: " + e.getMessage(), e);
        }
        List<String> symbols = instruments.stream().map(r -> r.instrument().symbol()).toList();
        // Defaults live in conf/venue.conf only.
        Duration staleAfter = binanceSection.getDuration("stale-after");
        Duration maxSkew = binanceSection.getDuration("max-clock-skew");
        KlineFeedConfig feedConfig = new KlineFeedConfig(URI.create(settings.wsBaseUrl().toString()), URI.create(settings.restBaseUrl().toString()),
                "binance", symbols, new ReconnectBackoff(settings.backoffMin(), settings.backoffMax(), 0.5), maxSkew, staleAfter, staleAfter,
                settings.connectTimeout(), 1024);
        return new ExchangeVenue(BinanceVenue.create(settings, credentials, instruments), new BinanceKlineFeed(feedConfig), settings.restBaseUrl().toString());
    }

    @Override
    public ExecutionClient client() {
        return binance.executionClient();
    }

    @Override
    public Optional<SimulatedVenue> simulated() {
        return Optional.empty();
    }

    @Override
    public Optional<MarketDataFeed> marketData() {
        return Optional.of(feed);
    }

    @Override
    public void resumeMarketData(Map<InstrumentId, java.time.Instant> lastBars, Duration maxRepair) {
        Map<String, java.time.Instant> bySymbol = new java.util.HashMap<>();
        lastBars.forEach((instrument, last) -> bySymbol.put(instrument.symbol(), last));
        feed.resumeAfter(bySymbol, maxRepair);
    }

    @Override
    public Optional<VenueStatement> statement() {
        return Optional.of(binance);
    }

    @Override
    public void restoreHolding(InstrumentId instrument, BigDecimal signedQuantity) {
        binance.executionClient().restoreHolding(instrument, signedQuantity);
    }

    /** From the highest Binance trade id among the instrument's booked fills; from the first trade when none is booked. */
    @Override
    public void restoreTradeCursor(InstrumentId instrument, Set<String> bookedTradeIds) {
        long last = bookedTradeIds.stream()
                .map(id -> BinanceExecutionClient.binanceTradeId(instrument, new TradeId(id)))
                .filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong).max().orElse(0);
        binance.executionClient().restoreTradeCursor(instrument, last);
    }

    /** Server time, exchangeInfo, the user-data stream and the fill repair; the node does not trade until this has finished. */
    /** Both streams connected: the user-data stream (fills) and the kline stream (bars). */
    @Override
    public String connectivity() {
        boolean fills = binance.userDataStream().status().connected();
        // Only the node that runs the trading session takes the market data (TradingSession).
        boolean bars = !feed.isStarted() || feed.status().connected();
        if (fills && bars) {
            return "ok";
        }
        return (fills ? "" : "user-data stream disconnected") + (!fills && !bars ? "; " : "") + (bars ? "" : "kline stream disconnected");
    }

    @Override
    public void start() {
        try {
            binance.start().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the Binance venue at " + restUrl + " did not start: " + e.getMessage(), e);
        }
    }

    BinanceVenue binance() {
        return binance;
    }

    @Override
    public void close() {
        feed.close();
        binance.close();
    }
}
