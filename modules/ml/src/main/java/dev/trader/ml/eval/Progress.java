package dev.trader.ml.eval;

/** Hears how far a long computation is, to show a progress bar; {@link #NONE} hears nothing. */
public interface Progress {
    Progress NONE = (step, done, total) -> { };

    void step(String what, int done, int total);
}
