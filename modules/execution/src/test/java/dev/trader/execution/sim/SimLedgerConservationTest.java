package dev.trader.execution.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.domain.order.OrderSide;
import dev.trader.execution.sim.api.BinanceException;
import dev.trader.execution.sim.config.SimConfig;
import dev.trader.execution.sim.exchange.BalanceView;
import dev.trader.execution.sim.exchange.LedgerSnapshot;
import dev.trader.execution.sim.exchange.MatchingEngine;
import dev.trader.execution.sim.exchange.NewOrder;
import dev.trader.execution.sim.exchange.OrderView;
import dev.trader.execution.sim.exchange.TimeInForce;
import dev.trader.execution.sim.exchange.TradeView;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The ledger is conserved through a long random session on both symbols' real candles: per
 * asset, the total changes exactly by the fills — base by quantity bought minus sold, quote by
 * quote sold minus bought minus commissions — nothing is ever negative, and once every order is
 * closed nothing stays locked.
 */
class SimLedgerConservationTest {

    @Test
    void balancesChangeExactlyByTradesMinusCommissions() {
        SimConfig config = SimFixtures.config().maxParticipation("0.002").latency(java.time.Duration.ofSeconds(30)).build();
        RecordingStreams streams = new RecordingStreams();
        Random random = new Random(20230316);
        Map<String, BigDecimal> last = new HashMap<>(Map.of("BTCUSDT", new BigDecimal("24900"), "ETHUSDT", new BigDecimal("1650")));
        int refused = 0;
        try (ExchangeSimulator sim = ExchangeSimulator.create(config, streams)) {
            MatchingEngine engine = sim.engine();
            LedgerSnapshot start = sim.snapshot();
            while (sim.barsLeft() > 0) {
                for (int k = random.nextInt(3); k > 0; k--) {
                    try {
                        engine.place(randomOrder(random, last));
                    } catch (BinanceException e) {
                        refused++; // filters and balance refuse some: that must leave no trace, which the totals check too
                    }
                }
                if (random.nextInt(10) == 0) {
                    List<OrderView> open = sim.snapshot().openOrders();
                    if (!open.isEmpty()) {
                        OrderView o = open.get(random.nextInt(open.size()));
                        engine.cancel(o.symbol(), o.orderId(), null, null, null);
                    }
                }
                sim.step();
                for (String symbol : last.keySet()) {
                    last.put(symbol, engine.referencePrice(symbol));
                }
                assertNothingNegative(sim.snapshot());
            }
            for (OrderView o : sim.snapshot().openOrders()) {
                engine.cancel(o.symbol(), o.orderId(), null, null, null);
            }
            LedgerSnapshot end = sim.snapshot();
            assertTrue(end.trades().size() > 200, "a session with many fills: " + end.trades().size());
            assertTrue(refused > 0);
            Map<String, BigDecimal> expected = new HashMap<>();
            start.balances().forEach((a, b) -> expected.put(a, b.total()));
            for (TradeView t : end.trades()) {
                String base = t.symbol().replace("USDT", "");
                BigDecimal sign = t.side() == OrderSide.BUY ? BigDecimal.ONE : BigDecimal.ONE.negate();
                expected.merge(base, t.qty().multiply(sign), BigDecimal::add);
                expected.merge("USDT", t.quoteQty().multiply(sign.negate()).subtract(t.commission()), BigDecimal::add);
            }
            for (String asset : List.of("USDT", "BTC", "ETH")) {
                assertEquals(0, expected.get(asset).compareTo(end.balance(asset).total()),
                        asset + ": expected " + expected.get(asset) + " but the ledger has " + end.balance(asset).total());
                assertEquals(0, end.balance(asset).locked().signum(), asset + " still locked with no open order");
            }
            for (OrderView o : end.orders()) {
                BigDecimal filled = end.tradesOf(o.orderId()).stream().map(TradeView::qty).reduce(BigDecimal.ZERO, BigDecimal::add);
                assertEquals(0, filled.compareTo(o.executedQty()), "order " + o.orderId() + " executedQty is the sum of its fills");
            }
        }
    }

    private static void assertNothingNegative(LedgerSnapshot s) {
        for (BalanceView b : s.balances().values()) {
            assertTrue(b.free().signum() >= 0 && b.locked().signum() >= 0, b.toString());
        }
    }

    private static NewOrder randomOrder(Random r, Map<String, BigDecimal> last) {
        boolean btc = r.nextBoolean();
        String symbol = btc ? "BTCUSDT" : "ETHUSDT";
        OrderSide side = r.nextBoolean() ? OrderSide.BUY : OrderSide.SELL;
        BigDecimal price = last.get(symbol);
        String qty = btc ? "0.0" + (1 + r.nextInt(9)) : "0." + (1 + r.nextInt(9));
        BigDecimal offset = price.multiply(BigDecimal.valueOf(r.nextInt(40) - 20, 4)).setScale(2, RoundingMode.HALF_UP);
        String limit = price.add(offset).setScale(2, RoundingMode.HALF_UP).toPlainString();
        BigDecimal away = price.multiply(new BigDecimal("0.002")).setScale(2, RoundingMode.HALF_UP);
        String stop = (side == OrderSide.BUY ? price.add(away) : price.subtract(away)).setScale(2, RoundingMode.HALF_UP).toPlainString();
        return switch (r.nextInt(6)) {
            case 0 -> NewOrder.market(symbol, side, qty, null);
            case 1 -> NewOrder.marketQuote(symbol, side, "100", null);
            case 2 -> NewOrder.stopLoss(symbol, side, qty, stop, null);
            case 3 -> NewOrder.stopLossLimit(symbol, side, qty, stop, stop, TimeInForce.GTC, null);
            case 4 -> NewOrder.limit(symbol, side, qty, limit, TimeInForce.IOC, null);
            default -> NewOrder.limit(symbol, side, qty, limit, TimeInForce.GTC, null);
        };
    }
}
