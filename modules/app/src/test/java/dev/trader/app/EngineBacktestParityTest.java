package dev.trader.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueFactory;
import dev.trader.app.testing.EngineSnapshot;
import dev.trader.app.testing.H2Backend;
import dev.trader.app.testing.TestNodes;
import dev.trader.backtest.BacktestConfig;
import dev.trader.backtest.BacktestResult;
import dev.trader.backtest.Backtester;
import dev.trader.backtest.EndOfData;
import dev.trader.backtest.MarketDataLoader;
import dev.trader.backtest.RoundTrip;
import dev.trader.backtest.Sizing;
import dev.trader.domain.market.InstrumentRules;
import dev.trader.domain.money.Money;
import dev.trader.domain.money.Price;
import dev.trader.domain.order.Fill;
import dev.trader.domain.order.OrderSide;
import dev.trader.engine.order.OrderState;
import dev.trader.engine.settings.TraderSettings;
import dev.trader.strategy.Strategy;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parity: the same real bars and the same strategy file, once through the sharded, event-sourced
 * engine in paper mode and once through the backtester's plain loop, give the same round trips —
 * entry and exit times, prices, quantities and P&amp;L after fees, to the last decimal.
 */
class EngineBacktestParityTest {
    @TempDir
    Path workDir;

    @Test
    void thePaperEngineAndTheBacktesterMakeTheSameTradesOnRealBars() throws Exception {
        // The backtester sizes by a fixed notional: the engine's flat model is its counterpart.
        Config config = TestNodes.config(new H2Backend().freshJournal("parity", workDir))
                .withValue("trader.strategies", ConfigValueFactory.fromIterable(List.of("ema-cross")))
                .withValue("trader.risk.model", ConfigValueFactory.fromAnyRef("flat"));
        TraderSettings settings = TraderSettings.load(config);
        List<String> engine;
        try (TraderNode node = TraderNode.start(config)) {
            new FileReplay(node.engine(), node.pipeline()).replay(TestNodes.FIXTURES).toCompletableFuture().get();
            engine = roundTrips(EngineSnapshot.of(node.engine()).orders().values());
        }

        Strategy strategy = settings.strategies().get(0).strategy();
        List<String> backtest = new ArrayList<>();
        for (Path file : TestNodes.FIXTURES) {
            var loaded = MarketDataLoader.load(List.of(file));
            String instrument = loaded.data().instruments().get(0).value();
            InstrumentRules rules = settings.instruments().get(instrument);
            BacktestConfig bt = BacktestConfig.defaults()
                    .withInitialCash(settings.initialCapital().toBigDecimal().toPlainString())
                    .withSizing(new Sizing.FixedNotional(settings.riskLimits().entryNotional(), rules.lotSize()))
                    .withEndOfData(EndOfData.REPORT_OPEN);
            BacktestResult result = new Backtester(bt).run(strategy, loaded.data());
            for (RoundTrip t : result.trades()) {
                backtest.add(row(instrument, t.openTime().toString(), t.closeTime().toString(), t.entryPrice(), t.exitPrice(),
                        t.quantity().toString(), t.pnlAfterFees()));
            }
        }
        backtest.sort(Comparator.naturalOrder());

        assertTrue(engine.size() >= 5, "the fixtures trade: " + engine);
        assertEquals(backtest, engine);
        System.out.printf("[parity] %d round trips identical in the engine (paper) and the backtester%n", engine.size());
    }

    /** Round trips from the engine's orders: each buy fill opens, the next sell fill of the instrument closes. */
    private static List<String> roundTrips(java.util.Collection<OrderState> orders) {
        List<Fill> fills = new ArrayList<>();
        orders.forEach(o -> fills.addAll(o.fills()));
        fills.sort(Comparator.comparing(Fill::time).thenComparing(f -> f.instrument().value()));
        List<String> out = new ArrayList<>();
        java.util.Map<String, Deque<Fill>> open = new java.util.TreeMap<>();
        for (Fill f : fills) {
            Deque<Fill> q = open.computeIfAbsent(f.instrument().value(), k -> new ArrayDeque<>());
            if (f.side() == OrderSide.BUY) {
                q.add(f);
            } else {
                Fill entry = q.poll();
                Money gross = f.notional().minus(entry.notional());
                Money net = gross.minus(entry.fee()).minus(f.fee());
                out.add(row(f.instrument().value(), entry.time().toString(), f.time().toString(), entry.price(), f.price(),
                        entry.quantity().toString(), net));
            }
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    private static String row(String instrument, String open, String close, Price entry, Price exit, String qty, Money net) {
        return instrument + " " + open + " " + close + " " + entry + " " + exit + " " + qty + " " + net.toBigDecimal().toPlainString();
    }
}
