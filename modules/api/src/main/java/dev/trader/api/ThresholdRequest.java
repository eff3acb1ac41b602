package dev.trader.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Set;

/** The body of {@code PUT /api/strategies/{id}/threshold}: {@code {"minConfidence": "0.6"}}, a decimal in [0, 1] (a string or a number). */
record ThresholdRequest(BigDecimal minConfidence) {
    private static final String EXAMPLE = "{\"minConfidence\": \"0.6\"}";

    static ThresholdRequest parse(String body) {
        JsonNode node = StrictJson.object(body, Set.of("minConfidence"), EXAMPLE);
        JsonNode v = node.get("minConfidence");
        if (v == null || !(v.isTextual() || v.isNumber())) {
            throw new IllegalArgumentException("\"minConfidence\" must be a decimal in [0, 1] such as " + EXAMPLE);
        }
        BigDecimal d;
        try {
            d = v.isTextual() ? new BigDecimal(v.textValue().trim()) : v.decimalValue();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"minConfidence\" must be a decimal in [0, 1] but was " + v);
        }
        if (d.signum() < 0 || d.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("\"minConfidence\" must be within [0, 1] but was " + d.toPlainString());
        }
        return new ThresholdRequest(d);
    }
}
