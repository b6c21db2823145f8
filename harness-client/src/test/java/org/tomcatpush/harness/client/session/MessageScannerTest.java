package org.tomcatpush.harness.client.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The scanner reads messages, gaps and cursors of every transport's wire form, however it is split. */
class MessageScannerTest {

    private final RecordingScannerListener recorder = new RecordingScannerListener();
    private final List<String> seen = recorder.seen;
    private final MessageScanner scanner = new MessageScanner(recorder);

    @Test
    void readsOneMessage() {
        scanner.feed("{\"seq\":42,\"ts\":1764091234567890,\"p\":\"xxxx\"}");
        assertEquals(List.of("msg 42@1764091234567890"), seen);
    }

    @Test
    void readsPollAnswerWithCursorGapAndMessages() {
        scanner.feed("{\"last\":45,\"gap\":{\"from\":3,\"to\":17},\"messages\":["
                + "{\"seq\":43,\"ts\":1,\"p\":\"\"},{\"seq\":44,\"ts\":2,\"p\":\"x\"},{\"seq\":45,\"ts\":3,\"p\":\"xx\"}]}");
        assertEquals(List.of("last 45", "gap 3..17", "msg 43@1", "msg 44@2", "msg 45@3"), seen);
    }

    @Test
    void pollAnswerWithoutMessagesGivesOnlyTheCursor() {
        scanner.feed("{\"last\":0,\"gap\":null,\"messages\":[]}");
        assertEquals(List.of("last 0"), seen);
    }

    @Test
    void readsGapNotice() {
        scanner.feed("{\"gap\":{\"from\":3,\"to\":17}}");
        assertEquals(List.of("gap 3..17"), seen);
    }

    @Test
    void splitAtEveryByteGivesTheSameResult() {
        String answer = "{ \"last\" : 12 , \"gap\" : null , \"messages\" : [ { \"seq\" : 11 , \"ts\" : 99 , "
                + "\"p\" : \"x{}\\\"seq\\\":1\" } , {\"seq\":12,\"ts\":100,\"p\":\"\"} ] }";
        for (byte b : answer.getBytes(StandardCharsets.UTF_8)) {
            scanner.feed(new byte[] {b}, 0, 1);
        }
        assertEquals(List.of("last 12", "msg 11@99", "msg 12@100"), seen);
    }

    @Test
    void paddingThatLooksLikeJsonIsNotRead() {
        scanner.feed("{\"seq\":5,\"ts\":6,\"p\":\"{\\\"seq\\\":9,\\\"ts\\\":9}\"}");
        assertEquals(List.of("msg 5@6"), seen);
    }

    @Test
    void resetDropsHalfReadInput() {
        scanner.feed("{\"seq\":5,\"t");
        scanner.reset();
        scanner.feed("{\"seq\":6,\"ts\":7}");
        assertEquals(List.of("msg 6@7"), seen);
    }
}
