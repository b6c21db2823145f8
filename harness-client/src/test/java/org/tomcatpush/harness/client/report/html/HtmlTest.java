package org.tomcatpush.harness.client.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HtmlTest {

    @Test
    void escapesTheFiveHtmlSpecialCharacters() {
        assertEquals("&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;",
                Html.escape("<script>alert('x') & \"y\"</script>"));
    }

    @Test
    void plainTextIsReturnedUnchanged() {
        assertEquals("sse: 3 messages lost", Html.escape("sse: 3 messages lost"));
        assertEquals("", Html.escape(null));
    }

    @Test
    void jsonCannotCloseTheScriptElement() {
        String safe = Html.scriptSafeJson("{\"name\":\"</script><script>alert(1)</script><!--\"}");

        assertFalse(safe.contains("<"));
        assertFalse(safe.contains(">"));
        assertEquals("{\"name\":\"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e\\u003c!--\"}",
                safe);
    }

    @Test
    void inlineCodeCannotCloseTheScriptElement() {
        assertEquals("var s = '<\\/script>'; var t = '<\\/SCRIPT>'; // <\\!--",
                Html.scriptSafeCode("var s = '</script>'; var t = '</SCRIPT>'; // <!--"));
    }
}
