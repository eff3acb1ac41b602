package dev.trader.execution.sim.market;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The book as the replayed frames show it, kept as Binance tells clients to keep one: the
 * recorded REST snapshot replaces the book, depth updates are applied level by level (quantity 0
 * removes a level; after the snapshot only those with {@code u} beyond its lastUpdateId), the best
 * bid and ask of bookTicker frames on top. Before the snapshot the book is partial (levels never
 * updated are missing) but real. Fed by the frame replay; read by GET /api/v3/depth.
 */
public final class FrameBook implements DepthSource {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Side> books = new HashMap<>();

    /** Applies a replayed frame if it carries book data ({@code depthUpdate} or bookTicker); others are ignored. */
    public synchronized void apply(RecordedFrame frame) {
        if (!frame.stream().contains("@depth") && !frame.stream().endsWith("@bookTicker")) {
            return;
        }
        JsonNode d;
        try {
            d = JSON.readTree(frame.dataJson());
        } catch (IOException e) {
            return;
        }
        if (frame.stream().endsWith(FrameRecording.SNAPSHOT_SUFFIX)) {
            String symbol = frame.stream().substring(0, frame.stream().indexOf('@')).toUpperCase(Locale.ROOT);
            Side book = new Side();
            d.path("bids").forEach(l -> level(book.bids, l.get(0).asText(), l.get(1).asText()));
            d.path("asks").forEach(l -> level(book.asks, l.get(0).asText(), l.get(1).asText()));
            book.lastUpdateId = d.path("lastUpdateId").asLong();
            book.snapshotId = book.lastUpdateId;
            books.put(symbol, book);
            return;
        }
        String symbol = d.path("s").asText();
        Side book = books.computeIfAbsent(symbol, s -> new Side());
        if (frame.stream().endsWith("@bookTicker")) {
            level(book.bids, d.path("b").asText(), d.path("B").asText());
            level(book.asks, d.path("a").asText(), d.path("A").asText());
            BigDecimal bid = new BigDecimal(d.path("b").asText());
            BigDecimal ask = new BigDecimal(d.path("a").asText());
            book.bids.headMap(bid, false).clear(); // the best bid and ask replace any level beyond them
            book.asks.headMap(ask, false).clear();
            book.lastUpdateId = Math.max(book.lastUpdateId, d.path("u").asLong());
        } else if (d.path("u").asLong() > book.snapshotId) {
            d.path("b").forEach(l -> level(book.bids, l.get(0).asText(), l.get(1).asText()));
            d.path("a").forEach(l -> level(book.asks, l.get(0).asText(), l.get(1).asText()));
            book.lastUpdateId = Math.max(book.lastUpdateId, d.path("u").asLong());
        }
    }

    private static void level(TreeMap<BigDecimal, BigDecimal> side, String price, String qty) {
        BigDecimal p = new BigDecimal(price);
        BigDecimal q = new BigDecimal(qty);
        if (q.signum() == 0) {
            side.remove(p);
        } else {
            side.put(p, q);
        }
    }

    @Override
    public synchronized Optional<Depth> depth(String symbol) {
        Side book = books.get(symbol);
        if (book == null || (book.bids.isEmpty() && book.asks.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(new Depth(book.lastUpdateId, levels(book.bids), levels(book.asks)));
    }

    private static List<Depth.Level> levels(TreeMap<BigDecimal, BigDecimal> side) {
        List<Depth.Level> out = new ArrayList<>();
        side.forEach((p, q) -> out.add(new Depth.Level(p, q)));
        return out;
    }

    private static final class Side {
        /** Best first: bids descending, asks ascending. */
        final TreeMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Comparator.reverseOrder());
        final TreeMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
        long lastUpdateId;
        /** lastUpdateId of the snapshot the book was rebuilt from (0: none yet). */
        long snapshotId;
    }
}
