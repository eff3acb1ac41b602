package dev.trader.domain.signal;

/** What a signal asks for: go long, go short, or be flat (exit). */
public enum SignalDirection { LONG, SHORT, FLAT }
