package dev.trader.domain.market;

/** Which side took liquidity in a public trade; UNKNOWN where the venue does not say. */
public enum AggressorSide { BUYER, SELLER, UNKNOWN }
