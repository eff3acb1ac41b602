package dev.trader.engine.readmodel.query;

import java.math.BigDecimal;

/**
 * One cell of the regime × strategy × symbol matrix: how many trades, their P&amp;L after fees
 * (exact), the share that won (4 decimals) and their mean R (6 decimals; null when none of them has
 * an R).
 */
public record MatrixCell(int trades, BigDecimal pnl, BigDecimal winRate, BigDecimal expectedR) {
}
