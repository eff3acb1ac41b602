package dev.trader.domain.position;

public enum PositionSide { FLAT, LONG, SHORT }
