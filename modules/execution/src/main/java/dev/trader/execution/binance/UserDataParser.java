package dev.trader.execution.binance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trader.domain.money.Price;
import dev.trader.domain.money.Quantity;
import dev.trader.domain.order.OrderSide;
import dev.trader.execution.binance.UserDataEvent.AccountPosition;
import dev.trader.execution.binance.UserDataEvent.ExecutionReport;
import dev.trader.execution.binance.UserDataEvent.ExecutionType;
import dev.trader.execution.binance.UserDataEvent.Ignored;
import dev.trader.execution.binance.UserDataEvent.ListenKeyExpired;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads one user-data stream frame into a {@link UserDataEvent}, strictly: a frame that is not a
 * JSON object, of an unknown event type, with a missing or mistyped field, an unknown enum value,
 * or a trade without a positive price and quantity is refused ({@link MalformedAnswer} naming what
 * is wrong); the stream logs and counts it, and applies nothing of it.
 */
final class UserDataParser {
    private static final Set<String> IGNORED = Set.of("balanceUpdate", "listStatus", "externalLockUpdate");

    private UserDataParser() {
    }

    static UserDataEvent parse(String frame, int maxChars) throws MalformedAnswer {
        if (frame == null || frame.isBlank()) {
            throw new MalformedAnswer("empty frame");
        }
        if (frame.length() > maxChars) {
            throw new MalformedAnswer("frame of " + frame.length() + " chars exceeds the limit of " + maxChars);
        }
        JsonNode root = StrictJson.object(StrictJson.parse(frame), "frame");
        String type = StrictJson.text(root, "e");
        Instant eventTime = time(root, "E");
        if (type.equals("executionReport")) {
            return executionReport(root, eventTime);
        }
        if (type.equals("outboundAccountPosition")) {
            List<AssetBalance> balances = new ArrayList<>();
            Set<String> assets = new HashSet<>();
            for (JsonNode b : StrictJson.array(StrictJson.field(root, "B"), "B", 5000)) {
                AssetBalance balance = BinanceResponses.balance(b, "a", "f", "l");
                if (!assets.add(balance.asset())) {
                    throw new MalformedAnswer("outboundAccountPosition lists " + balance.asset() + " twice");
                }
                balances.add(balance);
            }
            return new AccountPosition(eventTime, time(root, "u"), balances);
        }
        if (type.equals("listenKeyExpired")) {
            return new ListenKeyExpired(eventTime);
        }
        if (IGNORED.contains(type)) {
            return new Ignored(type, eventTime);
        }
        throw new MalformedAnswer("unknown event type '" + StrictJson.clip(type) + "'");
    }

    private static ExecutionReport executionReport(JsonNode r, Instant eventTime) throws MalformedAnswer {
        String symbol = BinanceResponses.name(r, "s");
        String clientOrderId = StrictJson.text(r, "c");
        String original = StrictJson.optionalText(r, "C");
        OrderSide side = StrictJson.enumValue(r, "S", OrderSide.class);
        BinanceOrderType orderType = StrictJson.enumValue(r, "o", BinanceOrderType.class);
        ExecutionType x = StrictJson.enumValue(r, "x", ExecutionType.class);
        BinanceOrderStatus status = StrictJson.enumValue(r, "X", BinanceOrderStatus.class);
        long orderId = StrictJson.nonNegativeInteger(r, "i");
        Quantity lastQty = StrictJson.quantity(r, "l");
        BigDecimal lastPriceValue = StrictJson.decimal(r, "L");
        BigDecimal commission = StrictJson.decimal(r, "n");
        String commissionAsset = StrictJson.optionalText(r, "N");
        Instant transactionTime = time(r, "T");
        long tradeId = StrictJson.integer(r, "t");
        StrictJson.quantity(r, "q");
        StrictJson.quantity(r, "z");
        Price lastPrice = lastPriceValue.signum() > 0 ? StrictJson.price(lastPriceValue, "L") : null;
        if (x == ExecutionType.TRADE) {
            if (tradeId < 0) {
                throw new MalformedAnswer("a TRADE report of order " + orderId + " has the trade id " + tradeId);
            }
            if (lastQty.isZero() || lastPrice == null) {
                throw new MalformedAnswer("a TRADE report of order " + orderId + " has last quantity " + lastQty + " at price "
                        + lastPriceValue.toPlainString());
            }
            if (commissionAsset == null || commissionAsset.isEmpty()) {
                if (commission.signum() != 0) {
                    throw new MalformedAnswer("trade " + tradeId + " charges commission " + commission.toPlainString() + " in no asset");
                }
            } else {
                commissionAsset = BinanceResponses.name(r, "N");
            }
        }
        if (!clientOrderId.isEmpty()) {
            BinanceResponses.clientId(r, "c");
        }
        if (original != null && !original.isEmpty()) {
            BinanceResponses.clientId(r, "C");
        }
        return new ExecutionReport(eventTime, symbol, clientOrderId, original, side, orderType, x, status, orderId, lastQty, lastPrice,
                commission, commissionAsset, transactionTime, tradeId);
    }

    private static Instant time(JsonNode node, String name) throws MalformedAnswer {
        return Instant.ofEpochMilli(StrictJson.nonNegativeInteger(node, name));
    }
}
