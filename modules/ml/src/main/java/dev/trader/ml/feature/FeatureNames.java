package dev.trader.ml.feature;

import java.util.List;

/**
 * The columns a {@link FeatureExtractor} produces, in order. {@link #CODE_VERSION} names the code
 * that computes them: change it whenever a feature's definition changes, so feature files and
 * models made by the old code are never read as if the new code had made them.
 */
public final class FeatureNames {
    public static final String CODE_VERSION = "features-v1";

    /** Log returns over 1, 5, 15 and 60 one-minute bars, and the three 1m returns before the latest. */
    public static final List<String> ALL = List.of(
            "ret_1", "ret_5", "ret_15", "ret_60", "ret_1_lag1", "ret_1_lag2", "ret_1_lag3",
            "rsi_14", "rsi_14_15m", "rsi_14_1h", "macd_hist_rel", "atr_14_rel", "atr_14_15m_rel",
            "bb_pct_b", "bb_width", "adx_14", "di_diff", "ema_50_dist", "ema_200_dist", "ema_20_15m_dist", "ema_20_1h_dist",
            "realized_vol_60", "volume_ratio_60", "range_position",
            "regime_trend", "regime_range", "regime_volatile",
            "session_asia", "session_london", "session_new_york", "hour_sin", "hour_cos", "weekday_sin", "weekday_cos");

    /**
     * The features whose distribution a drift check compares with training: the market's own
     * measures. The regime one-hots, sessions and calendar cycles are left out: a day's window
     * holds one part of their cycle and would always look drifted.
     */
    public static final List<String> DRIFT_TESTED = ALL.subList(0, ALL.indexOf("regime_trend"));

    private FeatureNames() {
    }

    public static int count() {
        return ALL.size();
    }
}
