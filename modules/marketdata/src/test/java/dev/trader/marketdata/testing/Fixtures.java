package dev.trader.marketdata.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.zip.GZIPInputStream;

/**
 * The real-data slices in src-shared/test-data/market (on the test class path as /market/...).
 * See SOURCE.md there for where each comes from.
 */
public final class Fixtures {
    /** BTC_USDT spot 1m, Freqtrade JSON, 2023-03-24 10:00-15:59 UTC across the 12:40-13:59 outage: 280 candles. */
    public static final String BTC_OUTAGE_JSON = "BTC_USDT-1m_20230324-outage.json.gz";
    /** BTCUSDT spot 1h klines with header, 2023-03-20 00:00 - 03-31 23:00 UTC, 13:00 on 03-24 missing: 287 rows. */
    public static final String BTC_1H_CSV = "BTCUSDT-1h-20230320-20230331.csv.gz";
    /** FILUSDT USDT-M futures 1m klines with header, the first 300 rows of August 2023. */
    public static final String FIL_FUTURES_CSV = "FILUSDT-1m-2023-08-first300.csv.gz";

    private Fixtures() {
    }

    public static Path path(String name) {
        URL url = Fixtures.class.getResource("/market/" + name);
        if (url == null) {
            throw new IllegalStateException("fixture /market/" + name + " is not on the test class path");
        }
        try {
            return Paths.get(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decompressed text of a fixture. */
    public static String text(String name) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(path(name)))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
