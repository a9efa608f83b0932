package org.cdss.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** ROME plus our date fallback on the real FDA capture and on hand-made odd feeds. */
@ExtendWith(KnowledgeTestData.class)
class FeedParserTests {

    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @Test
    void the_fda_capture_with_a_time_element_inside_pub_date() throws Exception {
        List<FeedParser.Item> items = FeedParser.parse(
                KnowledgeTestData.rss("fda_drug_recalls_feed_2019.xml").getBytes(StandardCharsets.UTF_8), SEOUL);
        assertThat(items).hasSize(1);
        assertThat(items.getFirst().published()).isEqualTo(Instant.parse("2019-05-03T19:21:28Z"));
        assertThat(items.getFirst().key()).startsWith("http://www.fda.gov/safety/");
        assertThat(items.getFirst().summary()).contains("Losartan").doesNotContain("\n");
    }

    @Test
    void non_standard_dates_are_read_or_left_empty() {
        assertThat(FeedParser.parseDate("Fri, 05/03/2019 - 15:21", SEOUL))
                .isEqualTo(Instant.parse("2019-05-03T06:21:00Z"));
        assertThat(FeedParser.parseDate("2019-05-03 15:21:00", SEOUL)).isEqualTo(Instant.parse("2019-05-03T06:21:00Z"));
        assertThat(FeedParser.parseDate("Fri, 3 May 2019 15:21:00 GMT", SEOUL))
                .isEqualTo(Instant.parse("2019-05-03T15:21:00Z"));
        assertThat(FeedParser.parseDate("2019-05-03T15:21:00+09:00", SEOUL))
                .isEqualTo(Instant.parse("2019-05-03T06:21:00Z"));
        assertThat(FeedParser.parseDate("Fri, 3 May 2019 10:21:00 EST", SEOUL))
                .isEqualTo(Instant.parse("2019-05-03T15:21:00Z"));
        assertThat(FeedParser.parseDate("sometime in May", SEOUL)).isNull();
    }

    @Test
    void an_item_link_that_is_not_a_web_address_is_dropped() throws Exception {
        String rss = "<rss version=\"2.0\"><channel><title>x</title><link>http://x/</link><description>d</description>"
                + "<item><title>Bad</title><link>javascript:alert(1)</link></item>"
                + "<item><title>Good</title><link> https://fda.example/recall </link></item></channel></rss>";
        List<FeedParser.Item> items = FeedParser.parse(rss.getBytes(StandardCharsets.UTF_8), SEOUL);
        assertThat(items.get(0).link()).isNull();
        assertThat(items.get(1).link()).isEqualTo("https://fda.example/recall");
    }

    @Test
    void an_atom_feed_and_an_rss_item_with_an_unreadable_date() throws Exception {
        String atom = """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Journal</title><id>urn:j</id>
                <updated>2026-11-01T00:00:00Z</updated>
                <entry><title>새 항응고제 지침</title><id>urn:j:1</id><link href="https://j.example/1"/>
                <updated>2026-11-01T09:00:00+09:00</updated><summary>요약</summary></entry></feed>""";
        FeedParser.Item entry =
                FeedParser.parse(atom.getBytes(StandardCharsets.UTF_8), SEOUL).getFirst();
        assertThat(entry.title()).isEqualTo("새 항응고제 지침");
        assertThat(entry.published()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));

        String odd = "<rss version=\"2.0\"><channel><title>x</title><link>http://x/</link><description>d</description>"
                + "<item><title>No date</title><pubDate>someday</pubDate></item></channel></rss>";
        FeedParser.Item undated =
                FeedParser.parse(odd.getBytes(StandardCharsets.UTF_8), SEOUL).getFirst();
        assertThat(undated.published()).isNull();
        assertThat(undated.key()).isEqualTo("No date");
    }

    @Test
    void not_a_feed() {
        assertThatThrownBy(() -> FeedParser.parse("just text".getBytes(StandardCharsets.UTF_8), SEOUL))
                .isInstanceOf(FeedParser.NotAFeed.class);
        assertThatThrownBy(() -> FeedParser.parse(
                        "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><rss>&e;</rss>"
                                .getBytes(StandardCharsets.UTF_8),
                        SEOUL))
                .isInstanceOf(FeedParser.NotAFeed.class);
    }
}
