package dev.trader.backtest.execmetrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trader.strategy.session.Session;
import dev.trader.strategy.session.SessionClock;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every figure the calculator produces from the real slices (tardis quotes and trades, the spot
 * and USDT-M frame recordings, BTCUSDT and FILUSDT 1m candles) equals an independent computation
 * here: the files parsed with string splits and regular expressions, each observation computed
 * with BigDecimal, the percentiles taken directly from the sorted observations.
 */
class ExecMetricsRealSlicesTest {
    static final Path ROOT = Path.of("..", "..");
    static final Path TICKS = ROOT.resolve("src-shared/test-data/ticks");
    static final Path QUOTES = TICKS.resolve("tardis_binance-futures_BTCUSDT_quotes_20200222-first3000.csv.gz");
    static final Path TRADES = TICKS.resolve("tardis_binance-futures_BTCUSDT_trades_20200222.csv.gz");
    static final Path SPOT_FRAMES = TICKS.resolve("spot_btcusdt_20240808-first3000.jsonl.gz");
    static final Path USDM_FRAMES = TICKS.resolve("usdm_btcusdt_20240808-first3000.jsonl.gz");
    static final Path BTC_BARS = ROOT.resolve("sample-data/BTC_USDT-1m_20230317-20230324.json.gz");
    static final Path BTC_GAPPED_BARS = ROOT.resolve("src-shared/test-data/market/BTC_USDT-1m_20210420-maintenance.json.gz");
    static final Path FIL_BARS = ROOT.resolve("src-shared/test-data/market/FILUSDT-1m-2023-08-first300.csv.gz");
    private static final SessionClock CLOCK = SessionClock.defaults();
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    private static ExecutionMetrics metrics;
    /** symbol → kind (spread, sweep, gap) → session key → observations. */
    private static final Map<String, Map<String, Map<String, List<BigDecimal>>>> expected = new TreeMap<>();

    @BeforeAll
    static void measureBothWays() throws IOException {
        ExecutionMetricsCalculator c = new ExecutionMetricsCalculator();
        assertEquals(new SourceFile("quotes", QUOTES.getFileName().toString(), Sha256.of(QUOTES), 3000, 3000), c.addQuotes(QUOTES));
        c.addTrades(TRADES);
        c.addFrames(SPOT_FRAMES);
        c.addFrames(USDM_FRAMES);
        c.addBars(BTC_BARS);
        c.addBars(BTC_GAPPED_BARS);
        c.addBars(FIL_BARS);
        metrics = c.result(LocalDate.parse("2024-08-09"));

        tardisQuotes();
        tardisTrades();
        frames(SPOT_FRAMES, "binance");
        frames(USDM_FRAMES, "binance-futures");
        freqtradeBars(BTC_BARS, "binance:BTCUSDT");
        freqtradeBars(BTC_GAPPED_BARS, "binance:BTCUSDT");
        klineBars(FIL_BARS, "binance:FILUSDT");
    }

    @Test
    void everySymbolSessionAndFigureMatchesTheIndependentComputation() {
        assertEquals(expected.keySet(), metrics.symbols().keySet());
        for (String symbol : expected.keySet()) {
            SymbolMetrics m = metrics.symbols().get(symbol);
            Map<String, Map<String, List<BigDecimal>>> kinds = expected.get(symbol);
            // one slippage estimator per symbol: the sweep only where it covers every session or there are no bars
            boolean bars = kinds.containsKey("gap");
            String slippageKind = bars ? "gap" : "sweep";
            String method = bars ? "bar-gap" : "taker-sweep";
            List<BigDecimal> allSpread = new ArrayList<>();
            List<BigDecimal> allSlippage = new ArrayList<>();
            for (ExecutionSession s : ExecutionSession.values()) {
                List<BigDecimal> spread = observations(kinds, "spread", s.key());
                List<BigDecimal> slippage = observations(kinds, slippageKind, s.key());
                assertStats(spread, "quote-updates", m.session(s).spread(), symbol + " " + s.key() + " spread");
                assertStats(slippage, method, m.session(s).slippage(), symbol + " " + s.key() + " slippage");
                allSpread.addAll(spread);
                allSlippage.addAll(slippage);
            }
            assertStats(allSpread, "quote-updates", m.all().spread(), symbol + " all spread");
            assertStats(allSlippage, method, m.all().slippage(), symbol + " all slippage");
        }
    }

    @Test
    void theSlicesFillTheCellsTheirTimesBelongTo() throws IOException {
        SymbolMetrics futures = metrics.symbols().get("binance-futures:BTCUSDT");
        // a Saturday morning (tardis) and Thursday 23:54 UTC (frames): outside every session
        long tickers = lines(USDM_FRAMES).stream().filter(l -> l.contains("@bookTicker")).count();
        assertEquals(3000 + tickers, futures.session(ExecutionSession.OUTSIDE).spread().n(), "the tardis quotes and the @bookTicker frames");
        for (ExecutionSession s : List.of(ExecutionSession.ASIA, ExecutionSession.LONDON, ExecutionSession.NEW_YORK)) {
            assertEquals(CellMetrics.EMPTY, futures.session(s));
        }
        assertEquals("taker-sweep", futures.all().slippage().method(), "no bars of the futures symbol: the sweep");
        SymbolMetrics btc = metrics.symbols().get("binance:BTCUSDT");
        for (ExecutionSession s : ExecutionSession.values()) {
            assertTrue(btc.session(s).slippage().n() > 1000, "a week of 1m bars fills every session: " + s);
        }
        SymbolMetrics fil = metrics.symbols().get("binance:FILUSDT");
        assertEquals(300 - 1, fil.session(ExecutionSession.ASIA).slippage().n(), "00:00-04:59 UTC on a Tuesday is Tokyo's morning");
        assertEquals(0, fil.session(ExecutionSession.LONDON).slippage().n());
        assertEquals(1, metrics.notes().size(), metrics.notes().toString());
        assertTrue(metrics.notes().get(0).startsWith("binance:BTCUSDT: slippage by bar-gap in every session; taker-sweep had "), metrics.notes().get(0));
    }

    @Test
    void aGapInTheBarsIsNoObservation() throws IOException {
        ExecutionMetricsCalculator c = new ExecutionMetricsCalculator();
        SourceFile s = c.addBars(BTC_GAPPED_BARS);
        // 270 candles around the real maintenance of 2021-04-20 02:00-04:29: the first candle and the one after the gap have no minute before
        assertEquals(270, s.rows());
        assertEquals(268, s.rowsUsed());
    }

    private static List<BigDecimal> observations(Map<String, Map<String, List<BigDecimal>>> kinds, String kind, String session) {
        return kinds.getOrDefault(kind, Map.of()).getOrDefault(session, List.of());
    }

    private static void assertStats(List<BigDecimal> values, String method, BpsStats actual, String what) {
        if (values.isEmpty()) {
            assertEquals(BpsStats.EMPTY, actual, what);
            return;
        }
        List<BigDecimal> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        BigDecimal sum = sorted.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BpsStats want = new BpsStats(n, sum.divide(BigDecimal.valueOf(n), 6, RoundingMode.HALF_EVEN),
                sorted.get((int) Math.ceil(0.5 * n) - 1), sorted.get((int) Math.ceil(0.9 * n) - 1), method);
        assertEquals(want, actual, what);
    }

    private static void observe(String symbol, String kind, Instant time, BigDecimal bps) {
        expected.computeIfAbsent(symbol, k -> new HashMap<>()).computeIfAbsent(kind, k -> new HashMap<>())
                .computeIfAbsent(session(time), k -> new ArrayList<>()).add(bps);
    }

    /** The session an instant is filed under: the last-opened of those open, else outside. */
    private static String session(Instant time) {
        Set<Session> open = CLOCK.sessionsAt(time);
        return open.contains(Session.NEW_YORK) ? "new_york" : open.contains(Session.LONDON) ? "london" : open.contains(Session.ASIA) ? "asia" : "outside";
    }

    private static BigDecimal spreadBps(String bid, String ask) {
        BigDecimal b = new BigDecimal(bid);
        BigDecimal a = new BigDecimal(ask);
        BigDecimal mid = a.add(b).divide(BigDecimal.valueOf(2)); // exact: halving terminates
        return a.subtract(b).multiply(TEN_THOUSAND).divide(mid, 6, RoundingMode.HALF_EVEN);
    }

    private static List<String> lines(Path file) throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
            return r.lines().toList();
        }
    }

    private static void tardisQuotes() throws IOException {
        List<String> rows = lines(QUOTES);
        for (String row : rows.subList(1, rows.size())) {
            String[] c = row.split(",");
            observe(c[0] + ":" + c[1], "spread", micros(c[2]), spreadBps(c[6], c[5]));
        }
    }

    /** Taker orders: runs of trades with the same time and side. */
    private record Fill(String symbol, Instant time, boolean buy, BigDecimal price, BigDecimal qty) {
    }

    private static void sweeps(List<Fill> fills) {
        List<Fill> run = new ArrayList<>();
        for (Fill f : fills) {
            if (!run.isEmpty() && (!run.get(0).time().equals(f.time()) || run.get(0).buy() != f.buy())) {
                sweep(run);
                run.clear();
            }
            run.add(f);
        }
        if (!run.isEmpty()) {
            sweep(run);
        }
    }

    private static void sweep(List<Fill> run) {
        Fill first = run.get(0);
        BigDecimal qty = BigDecimal.ZERO;
        BigDecimal notional = BigDecimal.ZERO;
        for (Fill f : run) {
            qty = qty.add(f.qty());
            notional = notional.add(f.price().multiply(f.qty()));
        }
        // (vwap - first) / first = (notional - first qty) / (first qty)
        BigDecimal worse = notional.subtract(first.price().multiply(qty));
        if (!first.buy()) {
            worse = worse.negate();
        }
        observe(first.symbol(), "sweep", first.time(), worse.multiply(TEN_THOUSAND).divide(first.price().multiply(qty), 6, RoundingMode.HALF_EVEN));
    }

    private static void tardisTrades() throws IOException {
        List<String> rows = lines(TRADES);
        List<Fill> fills = new ArrayList<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] c = row.split(",");
            fills.add(new Fill(c[0] + ":" + c[1], micros(c[2]), c[5].equals("buy"), new BigDecimal(c[6]), new BigDecimal(c[7])));
        }
        sweeps(fills);
    }

    private static final Pattern STREAM = Pattern.compile("\"stream\":\"(\\w+)@(\\w+)");
    private static final Pattern BID = Pattern.compile("\"b\":\"([^\"]+)\"");
    private static final Pattern ASK = Pattern.compile("\"a\":\"([^\"]+)\"");
    private static final Pattern EVENT_MS = Pattern.compile("\"E\":(\\d+)");
    private static final Pattern TRADE = Pattern.compile("\"p\":\"([^\"]+)\",\"q\":\"([^\"]+)\"");
    private static final Pattern TRADE_MS = Pattern.compile("\"T\":(\\d+)");
    private static final Pattern MAKER = Pattern.compile("\"m\":(true|false)");

    private static void frames(Path file, String venue) throws IOException {
        List<Fill> fills = new ArrayList<>();
        for (String line : lines(file)) {
            String ns = line.substring(0, line.indexOf(' '));
            Matcher stream = STREAM.matcher(line);
            if (!stream.find()) {
                continue; // the REST depth snapshot
            }
            String symbol = venue + ":" + stream.group(1).toUpperCase(java.util.Locale.ROOT);
            if (stream.group(2).equals("bookTicker")) {
                Matcher e = EVENT_MS.matcher(line);
                Instant time = e.find() ? Instant.ofEpochMilli(Long.parseLong(e.group(1))) : Instant.ofEpochSecond(0, Long.parseLong(ns));
                observe(symbol, "spread", time, spreadBps(group(BID, line), group(ASK, line)));
            } else if (stream.group(2).equals("trade")) {
                Matcher t = TRADE.matcher(line);
                assertTrue(t.find(), line);
                fills.add(new Fill(symbol, Instant.ofEpochMilli(Long.parseLong(group(TRADE_MS, line))), group(MAKER, line).equals("false"),
                        new BigDecimal(t.group(1)), new BigDecimal(t.group(2))));
            }
        }
        sweeps(fills);
    }

    private static String group(Pattern p, String line) {
        Matcher m = p.matcher(line);
        assertTrue(m.find(), p + " in " + line);
        return m.group(1);
    }

    private static void gaps(List<String[]> candles, String symbol) {
        for (int i = 1; i < candles.size(); i++) {
            long before = Long.parseLong(candles.get(i - 1)[0].trim());
            long open = Long.parseLong(candles.get(i)[0].trim());
            if (open - before != 60_000) {
                continue;
            }
            BigDecimal close = new BigDecimal(candles.get(i - 1)[4].trim());
            BigDecimal gap = new BigDecimal(candles.get(i)[1].trim()).subtract(close).abs();
            observe(symbol, "gap", Instant.ofEpochMilli(open), gap.multiply(TEN_THOUSAND).divide(close, 6, RoundingMode.HALF_EVEN));
        }
    }

    private static void freqtradeBars(Path file, String symbol) throws IOException {
        String text = String.join("", lines(file)).trim();
        String[] rows = text.substring(2, text.length() - 2).split("\\]\\s*,\\s*\\[");
        List<String[]> candles = new ArrayList<>();
        for (String row : rows) {
            candles.add(row.split(","));
        }
        gaps(candles, symbol);
    }

    private static void klineBars(Path file, String symbol) throws IOException {
        List<String> rows = lines(file);
        List<String[]> candles = new ArrayList<>();
        for (String row : rows.subList(1, rows.size())) {
            candles.add(row.split(","));
        }
        gaps(candles, symbol);
    }

    private static Instant micros(String us) {
        long v = Long.parseLong(us);
        return Instant.ofEpochSecond(v / 1_000_000, (v % 1_000_000) * 1000);
    }
}
