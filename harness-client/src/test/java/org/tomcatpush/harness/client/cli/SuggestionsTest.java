package org.tomcatpush.harness.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** "Did you mean" picks the closest known name, and only when it is close. */
class SuggestionsTest {

    private static final List<String> KEYS = List.of("max-threads", "max-connections", "sessions", "transport");

    @Test
    void aTypoSuggestsTheNameMeant() {
        assertEquals(Optional.of("max-threads"), Suggestions.closest("max-thread", KEYS));
        assertEquals(Optional.of("sessions"), Suggestions.closest("sesions", KEYS));
    }

    @Test
    void aNameFarFromEveryKnownOneSuggestsNothing() {
        assertEquals(Optional.empty(), Suggestions.closest("publish-rate", KEYS));
        assertEquals(Optional.empty(), Suggestions.closest("x", List.of()));
    }

    @Test
    void distanceCountsInsertionsDeletionsAndSubstitutions() {
        assertEquals(0, Suggestions.distance("sse", "sse"));
        assertEquals(1, Suggestions.distance("sse", "ssex"));
        assertEquals(1, Suggestions.distance("sse", "se"));
        assertEquals(1, Suggestions.distance("sse", "ssa"));
        assertEquals(3, Suggestions.distance("kitten", "sitting"));
    }
}
