package dev.trader.risk.propfirm;

/** What reaching a floor does. */
public enum FloorAction {
    /** New entries stop; open positions keep their stops. */
    HALT,
    /** New entries stop and every open position is closed at market. */
    HALT_AND_FLATTEN
}
