package dev.trader.domain.order;

import dev.trader.domain.id.ClientOrderId;
import dev.trader.domain.money.Quantity;
import java.util.Objects;

/** The venue's answer to one submission, with its own order id when it has one and the quantity it took when that differs. */
public record SubmitResult(ClientOrderId clientOrderId, SubmitOutcome outcome, String venueOrderId, String reason, Quantity venueQuantity) {
    /** Without {@code venueQuantity}: the venue took the order as requested. */
    public SubmitResult(ClientOrderId clientOrderId, SubmitOutcome outcome, String venueOrderId, String reason) {
        this(clientOrderId, outcome, venueOrderId, reason, null);
    }

    public SubmitResult {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(outcome, "outcome");
        reason = reason == null ? "" : reason;
        venueOrderId = venueOrderId == null ? "" : venueOrderId;
    }

    public static SubmitResult accepted(ClientOrderId id, String venueOrderId) {
        return new SubmitResult(id, SubmitOutcome.ACCEPTED, venueOrderId, "");
    }

    /**
     * Accepted for {@code venueQuantity}, which may be less than requested: an adapter that caps an
     * exit at what is held (spot has no reduce-only orders) says so, and the order is complete at it.
     */
    public static SubmitResult accepted(ClientOrderId id, String venueOrderId, Quantity venueQuantity) {
        return new SubmitResult(id, SubmitOutcome.ACCEPTED, venueOrderId, "", venueQuantity);
    }

    public static SubmitResult rejected(ClientOrderId id, String reason) {
        return new SubmitResult(id, SubmitOutcome.REJECTED, "", reason);
    }

    public static SubmitResult unknown(ClientOrderId id, String reason) {
        return new SubmitResult(id, SubmitOutcome.UNKNOWN, "", reason);
    }
}
