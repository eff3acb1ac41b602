package dev.trader.marketdata.file;

/** The candle file layouts the readers understand. */
public enum FileFormat {
    /**
     * Binance klines, 12 columns: {@code open_time,open,high,low,close,volume,close_time,...}.
     * Covers the spot and the USDT-M futures archive layouts (they differ only in header names),
     * with or without a header row, open time in milliseconds or microseconds.
     */
    BINANCE_KLINES(12),
    /** Freqtrade OHLCV JSON: {@code [[open_time_ms, open, high, low, close, volume], ...]}. */
    FREQTRADE_JSON(6),
    /** Plain CSV {@code time,open,high,low,close,volume} (header optional), time in milliseconds. */
    GENERIC_CSV(6);

    private final int columns;

    FileFormat(int columns) {
        this.columns = columns;
    }

    /** Values per row; the first six are always time, open, high, low, close, volume. */
    public int columns() {
        return columns;
    }
}
