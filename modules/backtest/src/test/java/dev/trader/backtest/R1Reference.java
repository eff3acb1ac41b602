package dev.trader.backtest;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * A second, deliberately plain implementation of the reference strategy R1 and its execution,
 * written from the text and sharing no code with the backtester or the strategy module
 * (not even the file reader):
 *
 * <blockquote>Long only, one instrument, fixed quantity 1.0. EMA(12) and EMA(26) of the close,
 * each seeded with the simple average of its first n closes, then alpha = 2/(n+1). ATR(14): true
 * range from the second bar on, Wilder's smoothing seeded with the simple average of the first 14
 * true ranges. A cross up is a bar whose (EMA12 − EMA26) is &gt; 0 while the last non-zero
 * difference before it was &lt; 0; a cross down is the mirror. On a cross up while flat: buy at
 * the next bar's open and place a sell stop at (this bar's close − 2 × ATR). On a cross down
 * while long: cancel the stop and sell at the next bar's open. Fees 0.1% of notional on each
 * fill.</blockquote>
 *
 * <p>Indicators in doubles, prices and P&amp;L in {@link BigDecimal}. Conventions that the text
 * leaves open, shared with the backtester's documentation: the stop works from the entry bar on
 * (after the entry fills at its open), fills at the stop when the low reaches it and at the
 * open when the open is already at or below it; the stop is the double {@code close − 2 × ATR}
 * rounded half-up to 8 decimals (R1 publishes its stop with 8 decimals); fees are rounded
 * half-even to 8 decimals per fill; a position open at the end is not a round trip.
 */
final class R1Reference {
    private static final BigDecimal FEE_RATE = new BigDecimal("0.001");
    private static final BigDecimal QTY = BigDecimal.ONE;

    /** One candle as the file writes it. */
    record Candle(long openMs, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close) {
    }

    private R1Reference() {
    }

    /** Parses a Freqtrade OHLCV JSON file ({@code [[ms, o, h, l, c, v], ...]}), gzipped. */
    static List<Candle> read(Path file) throws IOException {
        String text;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
        String body = text.replaceAll("\\s", "");
        if (!body.startsWith("[[") || !body.endsWith("]]")) {
            throw new IOException(file + " is not a JSON array of arrays");
        }
        List<Candle> candles = new ArrayList<>();
        for (String row : body.substring(2, body.length() - 2).split("\\],\\[")) {
            String[] f = row.split(",");
            candles.add(new Candle(Long.parseLong(f[0]), new BigDecimal(f[1]), new BigDecimal(f[2]), new BigDecimal(f[3]), new BigDecimal(f[4])));
        }
        return candles;
    }

    /** The round trips as rows of {@code open_time,close_time,entry_price,exit_price,qty,pnl,pnl_after_fees}. */
    static List<String> trades(List<Candle> candles) {
        List<String> rows = new ArrayList<>();
        double ema12 = 0;
        double ema26 = 0;
        double sum12 = 0;
        double sum26 = 0;
        double alpha12 = 2.0 / (12 + 1);
        double alpha26 = 2.0 / (26 + 1);
        double prevClose = 0;
        double atr = 0;
        double trSum = 0;
        int trueRanges = 0;
        int lastNonZeroSign = 0;

        boolean long_ = false;
        boolean buyNextOpen = false;
        boolean sellNextOpen = false;
        BigDecimal stopForEntry = null;
        BigDecimal stop = null;
        BigDecimal entryPrice = null;
        long entryTime = 0;

        for (int i = 0; i < candles.size(); i++) {
            Candle c = candles.get(i);
            // 1. orders decided at the previous close execute at this open
            if (buyNextOpen) {
                buyNextOpen = false;
                long_ = true;
                entryPrice = c.open();
                entryTime = c.openMs();
                stop = stopForEntry;
            }
            if (sellNextOpen) {
                sellNextOpen = false;
                long_ = false;
                rows.add(row(entryTime, c.openMs(), entryPrice, c.open()));
            }
            // 2. the stop, over this bar
            if (long_ && stop != null) {
                BigDecimal exit = null;
                if (c.open().compareTo(stop) <= 0) {
                    exit = c.open();
                } else if (c.low().compareTo(stop) <= 0) {
                    exit = stop;
                }
                if (exit != null) {
                    long_ = false;
                    stop = null;
                    rows.add(row(entryTime, c.openMs(), entryPrice, exit));
                }
            }
            // 3. indicators at the close
            double close = c.close().doubleValue();
            double high = c.high().doubleValue();
            double low = c.low().doubleValue();
            if (i > 0) {
                double tr = Math.max(high - low, Math.max(Math.abs(high - prevClose), Math.abs(low - prevClose)));
                if (trueRanges < 14) {
                    trSum += tr;
                    trueRanges++;
                    if (trueRanges == 14) {
                        atr = trSum / 14;
                    }
                } else {
                    atr = (atr * 13 + tr) / 14;
                }
            }
            prevClose = close;
            int n = i + 1;
            if (n <= 12) {
                sum12 += close;
                if (n == 12) {
                    ema12 = sum12 / 12;
                }
            } else {
                ema12 = alpha12 * close + (1 - alpha12) * ema12;
            }
            if (n <= 26) {
                sum26 += close;
                if (n == 26) {
                    ema26 = sum26 / 26;
                }
            } else {
                ema26 = alpha26 * close + (1 - alpha26) * ema26;
            }
            if (n < 26) {
                continue;
            }
            // 4. the cross rule, and what it asks for at the next open
            double diff = ema12 - ema26;
            boolean crossUp = diff > 0 && lastNonZeroSign < 0;
            boolean crossDown = diff < 0 && lastNonZeroSign > 0;
            if (diff > 0) {
                lastNonZeroSign = 1;
            } else if (diff < 0) {
                lastNonZeroSign = -1;
            }
            if (crossUp && trueRanges == 14 && !long_ && !buyNextOpen) {
                buyNextOpen = true;
                stopForEntry = BigDecimal.valueOf(close - 2 * atr).setScale(8, RoundingMode.HALF_UP);
            }
            if (crossDown && long_ && !sellNextOpen) {
                sellNextOpen = true;
                stop = null;
            }
        }
        return rows;
    }

    private static String row(long openMs, long closeMs, BigDecimal entry, BigDecimal exit) {
        BigDecimal pnl = exit.subtract(entry).multiply(QTY);
        BigDecimal fees = fee(entry).add(fee(exit));
        return Instant.ofEpochMilli(openMs) + "," + Instant.ofEpochMilli(closeMs) + "," + plain(entry) + "," + plain(exit) + ","
                + plain(QTY) + "," + plain(pnl) + "," + plain(pnl.subtract(fees));
    }

    private static BigDecimal fee(BigDecimal price) {
        return price.multiply(QTY).multiply(FEE_RATE).setScale(8, RoundingMode.HALF_EVEN);
    }

    static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    /** Net P&L after fees of the rows, summed. */
    static BigDecimal netPnl(List<String> rows) {
        BigDecimal sum = BigDecimal.ZERO;
        for (String r : rows) {
            String[] f = r.split(",");
            sum = sum.add(new BigDecimal(f[6]));
        }
        return sum;
    }
}
