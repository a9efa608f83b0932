package org.cdss.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * {@link WholeResponses}: text and UTF-8 bytes written in turn reach the client in that order, in one write with its
 * length, only at the end; a reset drops what was kept; a response in another charset takes no bytes (ADR 0055).
 */
class WholeResponsesTests {

    @Test
    void text_and_bytes_in_turn_are_sent_in_order_at_the_end_with_their_length() throws Exception {
        MockHttpServletResponse servlet = new MockHttpServletResponse();
        servlet.setCharacterEncoding("UTF-8");
        WholeResponses whole = new WholeResponses(servlet);
        PrintWriter writer = whole.getWriter();
        writer.write("{\"a\":\"환자\",");
        writer.flush();
        WholeResponses.Bytes bytes = ((WholeResponses.Body) writer).utf8();
        assertThat(bytes).isNotNull();
        int mark = bytes.size();
        bytes.writeBytes("\"dropped\"".getBytes(StandardCharsets.UTF_8));
        bytes.truncate(mark);
        bytes.writeBytes("\"b\":\"혈압\"".getBytes(StandardCharsets.UTF_8));
        writer.write("}");
        writer.close();
        assertThat(servlet.getContentAsByteArray())
                .as("nothing sent before the end")
                .isEmpty();

        whole.finish();

        byte[] expected = "{\"a\":\"환자\",\"b\":\"혈압\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(servlet.getContentAsByteArray()).isEqualTo(expected);
        assertThat(servlet.getContentLength()).isEqualTo(expected.length);
    }

    @Test
    void a_reset_drops_what_was_kept_and_a_response_in_another_charset_takes_text_only() throws Exception {
        MockHttpServletResponse servlet = new MockHttpServletResponse();
        servlet.setCharacterEncoding("UTF-8");
        WholeResponses whole = new WholeResponses(servlet);
        whole.getWriter().write("{\"partial\":");
        whole.resetBuffer();
        whole.getWriter().write("{}");
        whole.finish();
        assertThat(servlet.getContentAsString()).isEqualTo("{}");

        MockHttpServletResponse latin = new MockHttpServletResponse();
        latin.setCharacterEncoding("ISO-8859-1");
        WholeResponses other = new WholeResponses(latin);
        assertThat(((WholeResponses.Body) other.getWriter()).utf8()).isNull();
        other.getWriter().write("é");
        other.finish();
        assertThat(latin.getContentAsByteArray()).containsExactly((byte) 0xE9);
    }
}
