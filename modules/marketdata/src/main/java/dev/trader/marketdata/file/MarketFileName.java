package dev.trader.marketdata.file;

import dev.trader.domain.id.InstrumentId;
import dev.trader.domain.market.Timeframe;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The instrument and timeframe that the conventional candle file names carry, on venue
 * {@value #VENUE}:
 * <ul>
 *   <li>Binance archives: {@code SYMBOL-TIMEFRAME-...}, e.g. {@code FILUSDT-1m-2023-08.csv.gz},
 *       {@code BTCUSDT-1h-2022-2024.csv.gz};</li>
 *   <li>Freqtrade: {@code BASE_QUOTE-TIMEFRAME[_-]...}, e.g.
 *       {@code BTC_USDT-1m_20230316-20230501.json.gz}; futures names
 *       {@code BASE_QUOTE_SETTLE-...} drop the settle currency.</li>
 * </ul>
 *
 * @param instrument the instrument, e.g. {@code binance:BTCUSDT}
 * @param timeframe  the bar timeframe
 */
public record MarketFileName(InstrumentId instrument, Timeframe timeframe) {
    /** The venue of every file these conventions name. */
    public static final String VENUE = "binance";

    private static final Pattern NAME = Pattern.compile("^(?<symbol>[A-Za-z0-9]+(?:_[A-Za-z0-9]+){0,2})-(?<timeframe>\\d+[a-zA-Z])(?:[-_.].*)?$");

    public MarketFileName {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(timeframe, "timeframe");
    }

    /** Infers from the last element of {@code file}. */
    public static MarketFileName of(Path file) {
        Objects.requireNonNull(file, "file");
        Path name = file.getFileName();
        if (name == null) {
            throw new IllegalArgumentException("cannot infer instrument and timeframe from '" + file + "': it has no file name");
        }
        return parse(name.toString());
    }

    /**
     * Infers from a bare file name.
     *
     * @throws IllegalArgumentException saying which conventions were expected
     */
    public static MarketFileName parse(String fileName) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            throw new IllegalArgumentException("cannot infer instrument and timeframe from file name '" + fileName
                    + "': expected SYMBOL-TIMEFRAME-... (Binance, e.g. FILUSDT-1m-2023-08.csv.gz)"
                    + " or BASE_QUOTE-TIMEFRAME_... (Freqtrade, e.g. BTC_USDT-1m_20230316-20230501.json.gz)");
        }
        Timeframe timeframe;
        try {
            timeframe = Timeframe.ofLabel(m.group("timeframe"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot infer the timeframe from file name '" + fileName + "': " + e.getMessage(), e);
        }
        return new MarketFileName(new InstrumentId(VENUE, symbol(m.group("symbol"))), timeframe);
    }

    private static String symbol(String text) {
        String[] parts = text.split("_");
        // Freqtrade futures: BTC_USDT_USDT is BTCUSDT settled in USDT.
        if (parts.length == 3 && parts[2].equalsIgnoreCase(parts[1])) {
            return parts[0] + parts[1];
        }
        return String.join("", parts);
    }
}
