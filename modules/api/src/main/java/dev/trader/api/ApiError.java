package dev.trader.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** The body of every error answer: a stable code, a message a person can act on, and details where there are any (null otherwise). */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ApiError(String error, String message, Map<String, Object> details) {
    public ApiError(String error, String message) {
        this(error, message, null);
    }
}
