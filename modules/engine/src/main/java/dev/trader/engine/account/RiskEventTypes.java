package dev.trader.engine.account;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.trader.risk.account.RiskEvent;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Put on a {@code List<RiskEvent>} in a journaled event: each element is written with a stable
 * type name. The risk module is pure Java and carries no Jackson annotations; the names here are
 * the journal's format, so a renamed class in the risk module does not orphan old events (the
 * name stays, the class behind it changes). {@code RiskEventTypesTest} checks that every
 * permitted subtype is listed.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@JacksonAnnotationsInside
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = RiskEvent.DayRolled.class, name = "day-rolled"),
        @JsonSubTypes.Type(value = RiskEvent.Marked.class, name = "marked"),
        @JsonSubTypes.Type(value = RiskEvent.Filled.class, name = "filled"),
        @JsonSubTypes.Type(value = RiskEvent.OrderClosed.class, name = "order-closed"),
        @JsonSubTypes.Type(value = RiskEvent.StopMoved.class, name = "stop-moved"),
        @JsonSubTypes.Type(value = RiskEvent.KillSwitchSet.class, name = "kill-switch-set"),
        @JsonSubTypes.Type(value = RiskEvent.AttemptBlocked.class, name = "attempt-blocked"),
        @JsonSubTypes.Type(value = RiskEvent.SelfReported.class, name = "self-reported"),
        @JsonSubTypes.Type(value = RiskEvent.IntentDecided.class, name = "intent-decided"),
        @JsonSubTypes.Type(value = RiskEvent.LockEngaged.class, name = "lock-engaged"),
        @JsonSubTypes.Type(value = RiskEvent.Halted.class, name = "halted"),
        @JsonSubTypes.Type(value = RiskEvent.FlattenRequested.class, name = "flatten-requested"),
        @JsonSubTypes.Type(value = RiskEvent.HaltCleared.class, name = "halt-cleared")})
@interface RiskEventTypes {
}
