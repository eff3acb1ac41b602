package dev.trader.engine.order;

import dev.trader.engine.CborSerializable;

/**
 * A parent's answer to a bar: what the caller must do now, and the parent after the step.
 * PLACE: send {@code child} (journaled by the parent already); CANCEL: cancel {@code child}, whose
 * slice has ended, and step again with what became of it; WAIT: nothing this bar; DONE: the parent
 * is over (its note says how), and what it still reserves can be released.
 */
public record ParentStep(Action action, ChildOrder child, ParentOrderState parent) implements CborSerializable {
    public enum Action { PLACE, CANCEL, WAIT, DONE }

    static ParentStep waiting(ParentOrderState parent) {
        return new ParentStep(Action.WAIT, null, parent);
    }
}
