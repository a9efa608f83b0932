package org.cdss.knowledge;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * RSS and Atom with ROME (no DOCTYPE allowed, so no external entity is ever resolved). Titles and summaries are
 * reduced to plain text (feeds carry HTML). Dates are read from each item's own XML ({@code pubDate}, {@code
 * dc:date}, Atom {@code published}/{@code updated}), because feeds write them in forms ROME drops — FDA's put {@code
 * <time datetime=…>} inside {@code pubDate}, others write "05/03/2019 - 15:21": an ISO {@code datetime} attribute
 * first, then ISO-8601, RFC 822/1123 (zone names and two-digit years too) and the usual local forms in the hospital's
 * zone; an unreadable date is left empty, never a reason to drop the item.
 */
final class FeedParser {

    private static final int MAX_SUMMARY = 4000;

    private FeedParser() {}

    record Item(
            String key,
            String title,
            @Nullable String link,
            @Nullable String summary,
            @Nullable Instant published) {}

    /** Thrown for anything that is not a feed. */
    static final class NotAFeed extends Exception {
        NotAFeed(Throwable cause) {
            super(cause);
        }
    }

    static List<Item> parse(byte[] body, ZoneId zone) throws NotAFeed {
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            feed = input.build(new XmlReader(new ByteArrayInputStream(body)));
        } catch (FeedException | IOException | IllegalArgumentException e) {
            throw new NotAFeed(e);
        }
        List<@Nullable Instant> rawDates = rawItemDates(body, zone);
        List<Item> items = new ArrayList<>();
        List<SyndEntry> entries = feed.getEntries();
        for (int i = 0; i < entries.size(); i++) {
            SyndEntry e = entries.get(i);
            String title = plain(e.getTitle());
            String link = webLink(e.getLink());
            String guid = e.getUri() == null ? null : e.getUri().strip();
            SyndContent description = e.getDescription();
            String summary = description == null ? null : plain(description.getValue());
            if ((summary == null || summary.isEmpty()) && !e.getContents().isEmpty()) {
                summary = plain(e.getContents().getFirst().getValue());
            }
            // read from the item's own XML rather than ROME's java.util.Date (ArchitectureTests: java.time only),
            // which also reads the non-standard forms ROME drops
            Instant published = i < rawDates.size() ? rawDates.get(i) : null;
            if (title.isEmpty() && (summary == null || summary.isEmpty())) {
                continue;
            }
            String key = guid != null && !guid.isEmpty() ? guid : link != null && !link.isEmpty() ? link : title;
            items.add(new Item(
                    key,
                    title.isEmpty() ? summary.substring(0, Math.min(summary.length(), 120)) : title,
                    link,
                    summary == null || summary.isEmpty()
                            ? null
                            : summary.substring(0, Math.min(summary.length(), MAX_SUMMARY)),
                    published));
        }
        return items;
    }

    private static String plain(@Nullable String htmlOrText) {
        if (htmlOrText == null) {
            return "";
        }
        return Jsoup.parse(htmlOrText).text().replaceAll("\\s+", " ").strip();
    }

    /** The date of each item (RSS {@code item}, Atom {@code entry}) in document order, read by hand. */
    private static List<@Nullable Instant> rawItemDates(byte[] body, ZoneId zone) {
        List<@Nullable Instant> dates = new ArrayList<>();
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setNamespaceAware(true);
            var builder = f.newDocumentBuilder();
            builder.setErrorHandler(null);
            var doc = builder.parse(new InputSource(new StringReader(new String(body, detectCharset(body)))));
            NodeList nodes = doc.getElementsByTagNameNS("*", "*");
            for (int i = 0; i < nodes.getLength(); i++) {
                Element e = (Element) nodes.item(i);
                String name = e.getLocalName();
                if ("item".equals(name) || "entry".equals(name)) {
                    dates.add(dateOf(e, zone));
                }
            }
        } catch (Exception e) {
            // ROME read it; the fallback dates are a bonus
        }
        return dates;
    }

    private static java.nio.charset.Charset detectCharset(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 200), java.nio.charset.StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        return head.contains("encoding=\"euc-kr\"") || head.contains("encoding='euc-kr'")
                ? java.nio.charset.Charset.forName("EUC-KR")
                : java.nio.charset.StandardCharsets.UTF_8;
    }

    private static @Nullable Instant dateOf(Element item, ZoneId zone) {
        for (Node n = item.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e
                    && List.of("pubDate", "date", "published", "updated", "issued")
                            .contains(e.getLocalName())) {
                NodeList inner = e.getElementsByTagNameNS("*", "*");
                for (int i = 0; i < inner.getLength(); i++) {
                    String iso = ((Element) inner.item(i)).getAttribute("datetime");
                    Instant parsed = parseDate(iso, zone);
                    if (parsed != null) {
                        return parsed;
                    }
                }
                Instant parsed = parseDate(e.getTextContent(), zone);
                if (parsed != null) {
                    return parsed;
                }
            }
        }
        return null;
    }

    private static final List<DateTimeFormatter> LOCAL_FORMATS = List.of(
            DateTimeFormatter.ofPattern("EEE, MM/dd/yyyy - HH:mm", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("MM/dd/yyyy - HH:mm", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("yyyy.MM.dd HH:mm", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ENGLISH));

    private static final java.util.Map<String, String> RFC822_ZONES = java.util.Map.of(
            "UT", "+0000", "EST", "-0500", "EDT", "-0400", "CST", "-0600", "CDT", "-0500", "MST", "-0700", "MDT",
            "-0600", "PST", "-0800", "PDT", "-0700", "KST", "+0900");

    /** RFC 822 with a zone name ("EST", "KST") or a two-digit year, which RFC 1123 parsing refuses. */
    private static final List<DateTimeFormatter> ZONED_FORMATS = List.of(
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm[:ss] Z", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("d MMM yyyy HH:mm[:ss] Z", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm[:ss] z", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("EEE, d MMM yy HH:mm[:ss] Z", Locale.ENGLISH));

    /** ISO-8601 with offset, RFC 1123 (with or without the day name), then the local forms above in {@code zone}. */
    static @Nullable Instant parseDate(@Nullable String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip().replaceAll("\\s+", " ");
        // RFC 822's zone names are fixed offsets (EST is -0500 all year), not regions
        for (var zoneName : RFC822_ZONES.entrySet()) {
            if (t.endsWith(" " + zoneName.getKey())) {
                t = t.substring(0, t.length() - zoneName.getKey().length()) + zoneName.getValue();
                break;
            }
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException ignored) {
            // next
        }
        try {
            return ZonedDateTime.parse(t, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException ignored) {
            // next
        }
        for (DateTimeFormatter f : ZONED_FORMATS) {
            try {
                return ZonedDateTime.parse(t, f).toInstant();
            } catch (DateTimeParseException ignored) {
                // next
            }
        }
        for (DateTimeFormatter f : LOCAL_FORMATS) {
            try {
                return LocalDateTime.parse(t, f).atZone(zone).toInstant();
            } catch (DateTimeParseException ignored) {
                // next
            }
        }
        return null;
    }

    /** An item's link is kept only when it is an http(s) address: it becomes an {@code href} in the reader. */
    static @Nullable String webLink(@Nullable String link) {
        if (link == null) {
            return null;
        }
        String l = link.strip();
        String lower = l.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? l : null;
    }
}
