package dev.trader.api;

import dev.trader.api.read.MetricsView;
import dev.trader.api.read.OrderRowView;
import dev.trader.api.read.PageView;
import dev.trader.api.read.SignalRowView;
import dev.trader.api.read.TradeRowView;
import dev.trader.api.security.ApiKey;
import dev.trader.engine.readmodel.query.ReadFilter;
import dev.trader.engine.readmodel.query.ReadKind;
import dev.trader.engine.readmodel.query.ReadModelQueries;
import dev.trader.engine.readmodel.query.ReadQuery;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * The history reads of the admin API, from the read model (never by asking every entity):
 * {@code /api/orders}, {@code /api/trades} (and {@code /api/trades.csv}), {@code /api/signals}
 * with the filters {@code status, symbol, strategy, from, to} and the pages {@code limit, cursor},
 * and {@code /api/metrics}, the trade analytics over a filter. A key limited to some strategies
 * must name one of them ({@code strategy=}): it reads nothing of the others.
 */
final class ReadRoutes extends AllDirectives {
    private final ReadModelQueries queries;
    private final BiFunction<Integer, ApiError, Route> error;
    private final Function<Object, Route> ok;

    ReadRoutes(ReadModelQueries queries, BiFunction<Integer, ApiError, Route> error, Function<Object, Route> ok) {
        this.queries = queries;
        this.error = error;
        this.ok = ok;
    }

    Route route(ApiKey key) {
        return concat(
                path("orders", () -> get(() -> page(key, ReadKind.ORDERS, q -> onSuccess(queries.orders(q.filter(), q.page()),
                        p -> ok.apply(PageView.of(p, OrderRowView::of)))))),
                path("trades", () -> get(() -> page(key, ReadKind.TRADES, q -> onSuccess(queries.trades(q.filter(), q.page()),
                        p -> ok.apply(PageView.of(p, TradeRowView::of)))))),
                path("trades.csv", () -> get(() -> filter(key, ReadKind.TRADES, f -> onSuccess(queries.tradesCsv(f),
                        csv -> complete(HttpResponse.create().withStatus(StatusCodes.OK)
                                .addHeader(RawHeader.create("Content-Disposition", "attachment; filename=\"trades.csv\""))
                                .withEntity(HttpEntities.create(ContentTypes.TEXT_CSV_UTF8, csv))))))),
                path("signals", () -> get(() -> page(key, ReadKind.SIGNALS, q -> onSuccess(queries.signals(q.filter(), q.page()),
                        p -> ok.apply(PageView.of(p, SignalRowView::of)))))),
                path("metrics", () -> get(() -> filter(key, ReadKind.TRADES, f -> onSuccess(queries.metrics(f), m -> ok.apply(MetricsView.of(m)))))));
    }

    private Route page(ApiKey key, ReadKind kind, Function<ReadQuery, Route> inner) {
        return parameterMap(params -> scoped(key, params, () -> {
            ReadQuery q;
            try {
                q = queries.parse(kind, params);
            } catch (IllegalArgumentException e) {
                return error.apply(400, new ApiError("bad_request", e.getMessage()));
            }
            return inner.apply(q);
        }));
    }

    private Route filter(ApiKey key, ReadKind kind, Function<ReadFilter, Route> inner) {
        return parameterMap(params -> scoped(key, params, () -> {
            ReadFilter f;
            try {
                f = queries.parseFilter(kind, params);
            } catch (IllegalArgumentException e) {
                return error.apply(400, new ApiError("bad_request", e.getMessage()));
            }
            return inner.apply(f);
        }));
    }

    /** A key that sees some strategies only reads with {@code strategy=} one of them. */
    private Route scoped(ApiKey key, Map<String, String> params, java.util.function.Supplier<Route> inner) {
        if (key.allStrategies()) {
            return inner.get();
        }
        String strategy = params.get("strategy");
        if (strategy == null || !key.maySeeStrategy(strategy)) {
            return error.apply(403, new ApiError("forbidden", "key " + key.id() + " sees only strategies " + key.strategies()
                    + ": name one with strategy="));
        }
        return inner.get();
    }
}
