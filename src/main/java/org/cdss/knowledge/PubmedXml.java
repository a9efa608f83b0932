package org.cdss.knowledge;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.cdss.shared.DomainException;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Reads E-utilities XML (esearch's {@code eSearchResult}, efetch's {@code PubmedArticleSet}). The DOCTYPE that NCBI
 * sends is ignored: no DTD is fetched and no external entity is resolved. Anything that is not the expected document
 * is {@link KnowledgeProblem#PUBMED_BAD_ANSWER}.
 */
final class PubmedXml {

    private PubmedXml() {}

    record SearchIds(long count, List<String> ids) {}

    static SearchIds searchIds(String xml) {
        Element root = parse(xml);
        if (!root.getTagName().equals("eSearchResult")) {
            throw bad();
        }
        if (first(root, "ERROR") != null && first(root, "Count") == null) {
            throw bad();
        }
        List<String> ids = new ArrayList<>();
        Element idList = first(root, "IdList");
        if (idList != null) {
            for (Element id : children(idList, "Id")) {
                ids.add(id.getTextContent().strip());
            }
        }
        String count = text(first(root, "Count"));
        try {
            return new SearchIds(count == null ? ids.size() : Long.parseLong(count), ids);
        } catch (NumberFormatException e) {
            throw bad();
        }
    }

    static List<PubmedArticle> articles(String xml) {
        Element root = parse(xml);
        if (!root.getTagName().equals("PubmedArticleSet")) {
            throw bad();
        }
        List<PubmedArticle> articles = new ArrayList<>();
        for (Element a : children(root, "PubmedArticle")) {
            articles.add(article(a));
        }
        return articles;
    }

    private static PubmedArticle article(Element pubmedArticle) {
        Element citation = first(pubmedArticle, "MedlineCitation");
        Element article = citation == null ? null : first(citation, "Article");
        if (citation == null || article == null) {
            throw bad();
        }
        String pmid = text(first(citation, "PMID"));
        if (pmid == null) {
            throw bad();
        }
        String title = normalise(text(first(article, "ArticleTitle")));
        if (title == null) {
            title = normalise(text(first(article, "VernacularTitle")));
        }
        List<String> authors = new ArrayList<>();
        Element authorList = first(article, "AuthorList");
        if (authorList != null) {
            for (Element author : children(authorList, "Author")) {
                String collective = text(first(author, "CollectiveName"));
                String last = text(first(author, "LastName"));
                String initials = text(first(author, "Initials"));
                if (last != null) {
                    authors.add(initials == null ? last : last + " " + initials);
                } else if (collective != null) {
                    authors.add(normalise(collective));
                }
            }
        }
        Element journal = first(article, "Journal");
        String journalTitle = journal == null ? null : text(first(journal, "Title"));
        if (journalTitle == null && journal != null) {
            journalTitle = text(first(journal, "ISOAbbreviation"));
        }
        String published = journal == null ? null : pubDate(journal);
        StringBuilder abstractText = new StringBuilder();
        Element abs = first(article, "Abstract");
        if (abs != null) {
            for (Element part : children(abs, "AbstractText")) {
                String label = part.getAttribute("Label");
                if (abstractText.length() > 0) {
                    abstractText.append("\n\n");
                }
                if (!label.isBlank()) {
                    abstractText.append(label).append(": ");
                }
                abstractText.append(normalise(part.getTextContent()));
            }
        }
        List<String> mesh = new ArrayList<>();
        Element meshList = first(citation, "MeshHeadingList");
        if (meshList != null) {
            for (Element heading : children(meshList, "MeshHeading")) {
                String descriptor = text(first(heading, "DescriptorName"));
                if (descriptor != null) {
                    mesh.add(descriptor);
                }
            }
        }
        String doi = doi(pubmedArticle, article);
        return new PubmedArticle(
                pmid,
                title == null ? "(" + pmid + ")" : title,
                authors,
                journalTitle == null ? "" : journalTitle,
                published == null ? "" : published,
                abstractText.isEmpty() ? null : abstractText.toString(),
                mesh,
                doi,
                "https://pubmed.ncbi.nlm.nih.gov/" + pmid + "/",
                doi == null ? null : "https://doi.org/" + doi);
    }

    private static @Nullable String pubDate(Element journal) {
        Element issue = first(journal, "JournalIssue");
        Element date = issue == null ? null : first(issue, "PubDate");
        if (date == null) {
            return null;
        }
        String medline = text(first(date, "MedlineDate"));
        if (medline != null) {
            return medline;
        }
        StringBuilder s = new StringBuilder();
        for (String part : new String[] {"Year", "Season", "Month", "Day"}) {
            String v = text(first(date, part));
            if (v != null) {
                s.append(s.isEmpty() ? "" : " ").append(v);
            }
        }
        return s.isEmpty() ? null : s.toString();
    }

    private static @Nullable String doi(Element pubmedArticle, Element article) {
        Element data = first(pubmedArticle, "PubmedData");
        Element ids = data == null ? null : first(data, "ArticleIdList");
        if (ids != null) {
            for (Element id : children(ids, "ArticleId")) {
                if ("doi".equals(id.getAttribute("IdType"))) {
                    return id.getTextContent().strip();
                }
            }
        }
        for (Element loc : children(article, "ELocationID")) {
            if ("doi".equals(loc.getAttribute("EIdType"))) {
                return loc.getTextContent().strip();
            }
        }
        return null;
    }

    private static Element parse(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setValidating(false);
            DocumentBuilder builder = f.newDocumentBuilder();
            builder.setErrorHandler(null);
            builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
            Document doc = builder.parse(new InputSource(new StringReader(xml)));
            return doc.getDocumentElement();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        } catch (java.io.IOException | org.xml.sax.SAXException e) {
            throw bad();
        }
    }

    private static DomainException bad() {
        return new DomainException(KnowledgeProblem.PUBMED_BAD_ANSWER);
    }

    private static @Nullable Element first(Element parent, String tag) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && e.getTagName().equals(tag)) {
                out.add(e);
            }
        }
        return out;
    }

    private static @Nullable String text(@Nullable Element e) {
        if (e == null) {
            return null;
        }
        String t = e.getTextContent().strip();
        return t.isEmpty() ? null : t;
    }

    private static @Nullable String normalise(@Nullable String s) {
        return s == null ? null : s.replaceAll("\\s+", " ").strip();
    }
}
