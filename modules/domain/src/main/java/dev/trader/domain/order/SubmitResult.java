package dev.trader.domain.order;

import dev.trader.domain.id.ClientOrderId;
import java.util.Objects;

/** The venue's answer to one submission, with its own order id when it has one. */
public record SubmitResult(ClientOrderId clientOrderId, SubmitOutcome outcome, String venueOrderId, String reason) {
    public SubmitResult {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(outcome, "outcome");
        reason = reason == null ? "" : reason;
        venueOrderId = venueOrderId == null ? "" : venueOrderId;
    }

    public static SubmitResult accepted(ClientOrderId id, String venueOrderId) {
        return new SubmitResult(id, SubmitOutcome.ACCEPTED, venueOrderId, "");
    }

    public static SubmitResult rejected(ClientOrderId id, String reason) {
        return new SubmitResult(id, SubmitOutcome.REJECTED, "", reason);
    }

    public static SubmitResult unknown(ClientOrderId id, String reason) {
        return new SubmitResult(id, SubmitOutcome.UNKNOWN, "", reason);
    }
}
