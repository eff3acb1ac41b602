package dev.trader.engine.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import dev.trader.risk.account.RiskEvent;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every risk event the risk module can return has a stable name in the journal. */
class RiskEventTypesTest {
    @Test
    void everyPermittedRiskEventIsNamed() {
        JsonSubTypes types = RiskEventTypes.class.getAnnotation(JsonSubTypes.class);
        Set<Class<?>> named = Arrays.stream(types.value()).map(JsonSubTypes.Type::value).collect(Collectors.toSet());
        assertEquals(Set.of(RiskEvent.class.getPermittedSubclasses()), named);
        assertEquals(named.size(), Arrays.stream(types.value()).map(JsonSubTypes.Type::name).distinct().count(), "names are unique");
    }
}
