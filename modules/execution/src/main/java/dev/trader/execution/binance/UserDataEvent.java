package dev.trader.execution.binance;

import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.OrderSide;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The user-data stream's events that this adapter reads; see {@link UserDataParser}. */
public sealed interface UserDataEvent {
    /** Binance's event time ({@code E}). */
    Instant eventTime();

    /** executionReport's {@code x}: what just happened to the order. */
    enum ExecutionType { NEW, CANCELED, REPLACED, REJECTED, TRADE, EXPIRED, TRADE_PREVENTION }

    /**
     * An order update. For a TRADE, {@code tradeId}, {@code lastQuantity}, {@code lastPrice},
     * {@code commission} and {@code commissionAsset} describe the execution; otherwise they are
     * what Binance sends when nothing traded (-1, 0, null).
     */
    record ExecutionReport(Instant eventTime, String symbol, String clientOrderId, String originalClientOrderId, OrderSide side,
                           BinanceOrderType orderType, ExecutionType executionType, BinanceOrderStatus status, long orderId,
                           Quantity lastQuantity, Price lastPrice, BigDecimal commission, String commissionAsset, Instant transactionTime,
                           long tradeId) implements UserDataEvent {
        public boolean isTrade() {
            return executionType == ExecutionType.TRADE;
        }

        /** The order's own client id: on a cancel, {@code c} is the cancel request's id and {@code C} the order's. */
        public String orderClientId() {
            return originalClientOrderId == null || originalClientOrderId.isEmpty() ? clientOrderId : originalClientOrderId;
        }
    }

    /** outboundAccountPosition: the balances that changed, as of {@code updateTime}. */
    record AccountPosition(Instant eventTime, Instant updateTime, List<AssetBalance> balances) implements UserDataEvent {
        public AccountPosition {
            balances = List.copyOf(balances);
        }
    }

    /** The listen key expired: the stream is dead, a new key is needed. */
    record ListenKeyExpired(Instant eventTime) implements UserDataEvent {
    }

    /** A documented event this adapter does not use (balanceUpdate, listStatus, externalLockUpdate). */
    record Ignored(String eventType, Instant eventTime) implements UserDataEvent {
    }
}
