package dev.trader.marketdata.binance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.market.Bar;
import dev.trader.domain.market.Timeframe;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The two REST calls the kline feed needs: the server time (clock-skew guard) and the klines of
 * a range (gap repair, paged by Binance's limit of 1000). Blocking: the feed calls it from its own
 * thread. Any failure, an HTTP error status included (429 and 418 are Binance's rate limits),
 * is an {@link IOException}.
 */
final class BinanceRest {
    static final int KLINES_LIMIT = 1000;
    /** 1000 kline rows are about 170 KB. */
    private static final int MAX_BODY_BYTES = BinanceFrameParser.MAX_FRAME_CHARS;
    private final HttpClient http;
    private final String base;
    private final Duration timeout;

    BinanceRest(HttpClient http, URI restBase, Duration timeout) {
        this.http = http;
        this.base = KlineFeedConfig.trimSlash(restBase);
        this.timeout = timeout;
    }

    /** The exchange's clock minus {@code clock}, taking our clock at the middle of the round trip. */
    Duration clockSkew(Clock clock) throws IOException {
        Instant before = clock.instant();
        String body = get("/api/v3/time");
        Instant after = clock.instant();
        long serverMillis;
        try {
            JsonNode root = JsonFields.JSON.readTree(body);
            if (root == null || !root.isObject()) {
                throw new FrameRejected("server time answer is not an object");
            }
            serverMillis = JsonFields.id(root, "serverTime");
        } catch (JsonProcessingException | FrameRejected e) {
            throw new IOException("bad /api/v3/time answer: " + e.getMessage(), e);
        }
        Instant local = before.plus(Duration.between(before, after).dividedBy(2));
        return Duration.between(local, Instant.ofEpochMilli(serverMillis));
    }

    /** Every bar with an open time in {@code [from, to]}, as far as the exchange has them; refused rows come back too. */
    KlineRows.Result klines(InstrumentId instrument, Timeframe interval, Instant from, Instant to) throws IOException {
        List<Bar> bars = new ArrayList<>();
        List<FrameRejected> rejected = new ArrayList<>();
        Instant start = from;
        while (!start.isAfter(to)) {
            String body = get("/api/v3/klines?symbol=" + instrument.symbol() + "&interval=" + interval.label() + "&startTime="
                    + start.toEpochMilli() + "&endTime=" + to.toEpochMilli() + "&limit=" + KLINES_LIMIT);
            KlineRows.Result page;
            try {
                page = KlineRows.parse(body, instrument, interval, start, to);
            } catch (FrameRejected e) {
                throw new IOException("bad /api/v3/klines answer: " + e.getMessage(), e);
            }
            bars.addAll(page.bars());
            rejected.addAll(page.rejected());
            int rows = page.bars().size() + page.rejected().size();
            if (rows < KLINES_LIMIT || page.bars().isEmpty()) {
                break;
            }
            start = page.bars().get(page.bars().size() - 1).openTime().plus(interval.duration());
        }
        return new KlineRows.Result(bars, rejected);
    }

    private String get(String pathAndQuery) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(timeout).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: GET " + pathAndQuery, e);
        }
        String body;
        try (InputStream in = response.body()) {
            // Read at most one byte past the limit: a runaway answer is refused, not buffered.
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new IOException("GET " + pathAndQuery + " answered more than " + MAX_BODY_BYTES + " bytes");
            }
            body = new String(bytes, StandardCharsets.UTF_8);
        }
        if (response.statusCode() != 200) {
            throw new IOException("GET " + pathAndQuery + " answered " + response.statusCode() + ": "
                    + (body.length() <= 200 ? body : body.substring(0, 200) + "…"));
        }
        return body;
    }
}
