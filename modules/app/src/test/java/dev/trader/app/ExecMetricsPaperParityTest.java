package dev.trader.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.trader.backtest.ExecutionModel;
import dev.trader.backtest.IntrabarPath;
import dev.trader.backtest.OrderRole;
import dev.trader.backtest.SimulatedExchange;
import dev.trader.backtest.execmetrics.BpsStats;
import dev.trader.backtest.execmetrics.CellMetrics;
import dev.trader.backtest.execmetrics.CostStatistic;
import dev.trader.backtest.execmetrics.ExecutionMetrics;
import dev.trader.backtest.execmetrics.ExecutionSession;
import dev.trader.backtest.execmetrics.SessionTakerCosts;
import dev.trader.backtest.execmetrics.SymbolMetrics;
import dev.trader.domain.cost.LatencyPenalty;
import dev.trader.domain.cost.TakerCost;
import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.id.StrategyId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.market.Timeframe;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.Fill;
import dev.trader.domain.order.OrderRequest;
import dev.trader.domain.order.OrderSide;
import dev.trader.domain.order.OrderType;
import dev.trader.execution.paper.PaperExecutionClient;
import dev.trader.strategy.session.SessionClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The paper venue and the backtest's simulated exchange, given the same measured costs, fill the
 * same order on the same bar at the same price: market orders, stops through the open and stops
 * in the range pay the session's cost, limits none; for every hour of a weekday and of a Saturday.
 * With a latency above the threshold, market orders pay the session's late cost (the slippage's
 * p90) in both, the rest as before.
 */
class ExecMetricsPaperParityTest {
    private static final InstrumentId BTC = InstrumentId.parse("binance:BTCUSDT");

    /** Different costs per session, with awkward decimals, so a wrong session or formula shows. */
    static ExecutionMetrics metrics() {
        Map<ExecutionSession, CellMetrics> cells = new EnumMap<>(ExecutionSession.class);
        cells.put(ExecutionSession.ASIA, cell("0.016218", "1.236788"));
        cells.put(ExecutionSession.LONDON, cell("0.104811", "0.101108"));
        cells.put(ExecutionSession.NEW_YORK, cell("0.5", "2.333333"));
        cells.put(ExecutionSession.OUTSIDE, cell("1.7", "0.035372"));
        SymbolMetrics btc = new SymbolMetrics(cells, cell("0.3", "0.9"));
        return new ExecutionMetrics(ExecutionMetrics.VERSION, LocalDate.parse("2024-08-09"), List.of(), List.of(), Map.of(BTC.value(), btc));
    }

    private static CellMetrics cell(String spread, String slippage) {
        BigDecimal s = new BigDecimal(spread);
        BigDecimal p = new BigDecimal(slippage);
        // the slippage's p90 three times its mean: a late market order shows
        return new CellMetrics(new BpsStats(1000, s, s, s, BpsStats.QUOTES),
                new BpsStats(1000, p, p, p.multiply(BigDecimal.valueOf(3)), BpsStats.TAKER_SWEEP));
    }

    private static final LatencyPenalty LATE = new LatencyPenalty(Duration.ofMillis(750), Duration.ofMillis(500));

    private enum Kind { MARKET, STOP_THROUGH_OPEN, STOP_IN_RANGE, LIMIT }

    @Test
    void paperAndBacktestFillTheSameOrderOnTheSameBarAtTheSamePrice() {
        compareOver(LatencyPenalty.NONE);
    }

    @Test
    void aLateDecisionPaysTheSameP90InPaperAndBacktestOnMarketOrdersOnly() {
        compareOver(LATE);
    }

    private static void compareOver(LatencyPenalty latency) {
        SessionTakerCosts costs = new SessionTakerCosts(metrics(), CostStatistic.MEAN);
        int compared = 0;
        for (String day : List.of("2024-01-01", "2024-07-01", "2024-01-06")) { // a winter Monday, a summer Monday, a Saturday
            for (int hour = 0; hour < 24; hour++) {
                Instant open = Instant.parse(day + "T00:00:00Z").plusSeconds(3600L * hour);
                Bar bar = new Bar(BTC, Timeframe.M1, open, Price.of("61837.64"), Price.of("61900.5"), Price.of("61700.25"), Price.of("61850"),
                        Quantity.of("100"));
                for (OrderSide side : OrderSide.values()) {
                    for (Kind kind : Kind.values()) {
                        Price paper = paperFill(costs, latency, bar, side, kind);
                        Price backtest = backtestFill(costs, latency, bar, side, kind);
                        assertEquals(backtest, paper, kind + " " + side + " at " + open);
                        Price reference = reference(bar, side, kind);
                        ExecutionSession session = ExecutionSession.of(SessionClock.defaults(), open);
                        TakerCost cost = kind == Kind.MARKET && latency.late() ? costs.lateCost(BTC, session) : costs.cost(BTC, session);
                        assertEquals(kind == Kind.LIMIT ? reference : cost.fillPrice(side, reference, null), paper, kind + " " + side + " at " + open);
                        if (kind != Kind.LIMIT) {
                            assertNotEquals(reference, paper, "a taker pays");
                        }
                        compared++;
                    }
                }
            }
        }
        assertEquals(3 * 24 * 2 * 4, compared);
    }

    /** The order's price: for a stop the trigger, for a limit the limit (never worse than the open). */
    private static Price orderPrice(Bar bar, OrderSide side, Kind kind) {
        boolean sell = side == OrderSide.SELL;
        return switch (kind) {
            case MARKET -> null;
            case STOP_THROUGH_OPEN -> sell ? Price.of("61900") : Price.of("61800"); // the open is already past it
            case STOP_IN_RANGE -> sell ? Price.of("61750.5") : Price.of("61880.75");
            case LIMIT -> sell ? Price.of("61890") : Price.of("61710");
        };
    }

    private static Price reference(Bar bar, OrderSide side, Kind kind) {
        return kind == Kind.MARKET || kind == Kind.STOP_THROUGH_OPEN ? bar.open() : orderPrice(bar, side, kind);
    }

    private static Price paperFill(SessionTakerCosts costs, LatencyPenalty latency, Bar bar, OrderSide side, Kind kind) {
        PaperExecutionClient paper = new PaperExecutionClient("paper", new BigDecimal("0.001"), "USDT", costs, latency);
        List<Fill> fills = new ArrayList<>();
        paper.setFillListener(f -> {
            fills.add(f);
            return CompletableFuture.completedFuture(null);
        });
        OrderType type = switch (kind) {
            case MARKET -> OrderType.MARKET;
            case STOP_THROUGH_OPEN, STOP_IN_RANGE -> OrderType.STOP_MARKET;
            case LIMIT -> OrderType.LIMIT;
        };
        paper.submit(new OrderRequest(new ClientOrderId("c-1"), new StrategyId("s"), BTC, side, type, Quantity.of("0.5"), orderPrice(bar, side, kind),
                bar.openTime().minusSeconds(1)));
        paper.onBar(bar).toCompletableFuture().join();
        assertEquals(1, fills.size(), kind + " " + side);
        return fills.get(0).price();
    }

    private static Price backtestFill(SessionTakerCosts costs, LatencyPenalty latency, Bar bar, OrderSide side, Kind kind) {
        SimulatedExchange exchange = new SimulatedExchange(ExecutionModel.DEFAULT.withMeasuredCosts(costs).withLatencyPenalty(latency),
                IntrabarPath.UNKNOWN, "USDT");
        Quantity q = Quantity.of("0.5");
        switch (kind) {
            case MARKET -> exchange.submitMarket(BTC, side, q, OrderRole.ENTRY);
            case STOP_THROUGH_OPEN, STOP_IN_RANGE -> exchange.submitStop(BTC, side, q, orderPrice(bar, side, kind), OrderRole.STOP);
            case LIMIT -> exchange.submitLimit(BTC, side, q, orderPrice(bar, side, kind), OrderRole.TARGET);
        }
        List<Fill> fills = new ArrayList<>();
        exchange.onBar(bar, (order, fill) -> fills.add(fill));
        assertEquals(1, fills.size(), kind + " " + side);
        return fills.get(0).price();
    }
}
