package dev.trader.api;

import java.util.Map;
import java.util.concurrent.CompletionStage;

/** Checks a node's dependencies for {@code /ready}: each check names itself and says ok or why not. */
public interface ReadinessProbe {
    CompletionStage<Map<String, String>> check();
}
