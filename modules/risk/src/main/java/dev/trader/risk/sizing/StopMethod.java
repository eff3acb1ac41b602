package dev.trader.risk.sizing;

/** How the protective stop of an entry is placed. */
public enum StopMethod {
    /** {@code atrMultiple × ATR} from the entry. */
    ATR,
    /** Beyond the last swing (low for a long, high for a short), by {@code structureBufferAtr × ATR}. */
    STRUCTURE,
    /** The structure stop when a usable swing is given, the ATR stop otherwise. */
    STRUCTURE_ELSE_ATR
}
