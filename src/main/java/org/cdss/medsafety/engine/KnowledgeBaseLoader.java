package org.cdss.medsafety.engine;

import static org.cdss.medsafety.engine.KnowledgeBase.combinationKey;
import static org.cdss.medsafety.engine.KnowledgeBase.normalise;
import static org.cdss.medsafety.engine.KnowledgeBase.pair;
import static org.cdss.medsafety.engine.KnowledgeBase.parseId;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.cdss.medsafety.Severity;
import org.cdss.medsafety.engine.KnowledgeBase.AgeBand;
import org.cdss.medsafety.engine.KnowledgeBase.AllergyRule;
import org.cdss.medsafety.engine.KnowledgeBase.DoseBand;
import org.cdss.medsafety.engine.KnowledgeBase.DuplicateRule;
import org.cdss.medsafety.engine.KnowledgeBase.InteractionRule;
import org.cdss.medsafety.engine.KnowledgeBase.Product;

/**
 * Reads the knowledge base files ({@link #FILES}) and validates every line: column counts, DrugBank accessions,
 * severities, numbers, references between the tables (groups, classes, products) and the rule count against
 * {@code kb.properties}. Anything wrong throws {@link KnowledgeBaseException} naming the file and line. The validated
 * tables become an immutable {@link KnowledgeBase} index.
 */
public final class KnowledgeBaseLoader {

    public static final String CLASSPATH_DIR = "medsafety/kb/";
    static final String[] FILES = {
        "kb.properties",
        "ingredients.tsv",
        "moieties.tsv",
        "salt-names.tsv",
        "names.tsv",
        "interactions.tsv",
        "classes.tsv",
        "rxnorm.tsv",
        "products.tsv",
        "groups.tsv",
        "allergy-cross-sensitivity.tsv",
        "duplicate-therapy.tsv",
        "allergen-terms.tsv",
        "combinations.tsv",
        "dose-bands.tsv",
        "overlay.tsv"
    };

    /** Opens one KB file by name, or returns null when it does not exist. */
    @FunctionalInterface
    public interface Opener {
        InputStream open(String file) throws IOException;
    }

    private KnowledgeBaseLoader() {}

    /** Loads the KB committed under {@code src/main/resources/medsafety/kb/}. */
    public static KnowledgeBase fromClasspath() {
        ClassLoader loader = KnowledgeBaseLoader.class.getClassLoader();
        return load(file -> loader.getResourceAsStream(CLASSPATH_DIR + file));
    }

    public static KnowledgeBase load(Opener opener) {
        try {
            return new KnowledgeBase(tables(opener));
        } catch (IOException e) {
            throw new KnowledgeBaseException("cannot read the medication knowledge base: " + e.getMessage(), e);
        } catch (KnowledgeBaseException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new KnowledgeBaseException("corrupt medication knowledge base: " + e, e);
        }
    }

    /** Every file read and checked, in dependency order (a table may name only what an earlier one defined). */
    static KnowledgeBase.Tables tables(Opener source) throws IOException {
        // The version names the content actually loaded: the generated tables are dated and hashed by the builder,
        // but the curated tables (moieties, names, overlay, cross-sensitivity …) change without a rebuild, so the
        // digest of every byte read is appended — two KBs that differ in any table never share a version.
        MessageDigest digest = sha256();
        Opener opener = file -> {
            InputStream in = source.open(file);
            if (in == null) {
                return null;
            }
            digest.update(file.getBytes(StandardCharsets.UTF_8));
            return new DigestInputStream(in, digest);
        };
        Properties meta = new Properties();
        meta.load(new StringReader(read(opener, "kb.properties")));
        String version = meta.getProperty("version");
        require(version != null, "kb.properties", 0, "no version");

        Map<Integer, String[]> ingredients = new HashMap<>();
        for (Row r : rows(opener, "ingredients.tsv", 3)) {
            ingredients.put(r.id(0), new String[] {r.f[1], r.f[2]});
        }
        require(!ingredients.isEmpty(), "ingredients.tsv", 0, "no ingredients");

        // The ingredient hierarchy (ADR 0025): salt/ester/hydrate -> active moiety; a moiety is never itself a form.
        Map<Integer, Integer> moieties = new HashMap<>();
        Map<String, Integer> formNames = new HashMap<>();
        for (Row r : rows(opener, "moieties.tsv", 4)) {
            int moiety = r.id(1);
            require(ingredients.containsKey(moiety), "moieties.tsv", r.line, "unknown moiety " + r.f[1]);
            require(
                    Set.of("salt", "ester", "hydrate", "self").contains(r.f[2]),
                    "moieties.tsv",
                    r.line,
                    "unknown relation " + r.f[2]);
            require(!r.f[3].isBlank(), "moieties.tsv", r.line, "no citation");
            if (r.f[0].startsWith("name:")) {
                require(
                        formNames.put(normalise(r.f[0].substring(5)), moiety) == null,
                        "moieties.tsv",
                        r.line,
                        "duplicate form " + r.f[0]);
                continue;
            }
            int form = r.id(0);
            require(ingredients.containsKey(form), "moieties.tsv", r.line, "unknown form " + r.f[0]);
            require(
                    r.f[2].equals("self") == (form == moiety),
                    "moieties.tsv",
                    r.line,
                    "a form links to another accession, a self row to itself");
            if (form != moiety) {
                require(moieties.put(form, moiety) == null, "moieties.tsv", r.line, "duplicate form " + r.f[0]);
            }
        }
        for (var e : moieties.entrySet()) {
            require(
                    !moieties.containsKey(e.getValue()),
                    "moieties.tsv",
                    0,
                    "moiety " + e.getValue() + " is itself a form (no chains)");
        }
        Set<String> saltWords = new java.util.HashSet<>();
        List<String> saltSuffixes = new ArrayList<>();
        for (Row r : rows(opener, "salt-names.tsv", 3)) {
            require(r.f[1].equals("en") || r.f[1].equals("ko"), "salt-names.tsv", r.line, "kind is en or ko");
            require(!r.f[2].isBlank(), "salt-names.tsv", r.line, "no citation");
            saltWords.add(normalise(r.f[0]));
            if (r.f[1].equals("ko")) {
                saltSuffixes.add(normalise(r.f[0]));
            }
        }
        saltSuffixes.sort(java.util.Comparator.comparingInt(String::length).reversed());
        Map<String, Integer> otherNames = new HashMap<>(formNames); // name -> ingredient, both curated tables
        for (Row r : rows(opener, "names.tsv", 4)) {
            int id = r.id(1);
            require(ingredients.containsKey(id), "names.tsv", r.line, "unknown ingredient " + r.f[1]);
            require(
                    Set.of("usan", "inn", "ban", "ko", "brand").contains(r.f[2]),
                    "names.tsv",
                    r.line,
                    "unknown kind " + r.f[2]);
            require(!r.f[3].isBlank(), "names.tsv", r.line, "no citation");
            otherNames.merge(normalise(r.f[0]), id, (old, now) -> old.equals(now) ? old : KnowledgeBase.AMBIGUOUS);
        }

        Map<Long, InteractionRule[]> interactions = new HashMap<>();
        List<InteractionRule> inFileOrder = new ArrayList<>();
        int count = 0;
        for (Row r : rows(opener, "interactions.tsv", 9)) {
            int a = r.id(2);
            int b = r.id(3);
            InteractionRule rule =
                    new InteractionRule(r.f[0], r.f[1], a, b, r.severity(4), r.f[5], r.f[6], r.f[7], r.f[8]);
            interactions.merge(
                    pair(moieties.getOrDefault(a, a), moieties.getOrDefault(b, b)),
                    new InteractionRule[] {rule},
                    KnowledgeBaseLoader::concat);
            inFileOrder.add(rule);
            count++;
        }
        int ruleCount = count;
        String expected = meta.getProperty("count.rules");
        require(
                expected != null && Integer.parseInt(expected.strip()) == count,
                "interactions.tsv",
                0,
                "rule count " + count + " differs from kb.properties count.rules=" + expected);

        Map<String, Set<Integer>> ansmClasses = new HashMap<>();
        for (Row r : rows(opener, "classes.tsv", 4)) {
            ansmClasses.computeIfAbsent(r.f[0], k -> new TreeSet<>()).add(r.id(2));
        }
        linkForms(ansmClasses, moieties);

        Map<String, Integer> rxnorm = new HashMap<>(); // RxCUI -> ingredient, or AMBIGUOUS when it names several
        Map<String, Integer> rxnormNames = new HashMap<>(); // its English name -> ingredient, or AMBIGUOUS
        for (Row r : rows(opener, "rxnorm.tsv", 3)) {
            require(r.f[0].matches("[0-9]{1,10}"), "rxnorm.tsv", r.line, "not an RxCUI: " + r.f[0]);
            int id = r.id(1);
            require(ingredients.containsKey(id), "rxnorm.tsv", r.line, "unknown ingredient " + r.f[1]);
            rxnorm.merge(r.f[0], id, (old, now) -> old.equals(now) ? old : KnowledgeBase.AMBIGUOUS);
            // the English name the WorldVistA mapping gives this ingredient ("BACLOFEN", "INDOMETACIN")
            String name = r.f[2].replaceAll("\\s*\\(.*\\)$", "");
            if (!name.isBlank()) {
                rxnormNames.merge(normalise(name), id, (old, now) -> old.equals(now) ? old : KnowledgeBase.AMBIGUOUS);
            }
        }

        Map<Integer, Product> products = new TreeMap<>();
        for (Row r : rows(opener, "products.tsv", 15)) {
            Product p = new Product(
                    r.id(0),
                    r.f[1],
                    r.f[2],
                    r.f[3],
                    r.f[4],
                    r.f[5],
                    r.f[6],
                    r.f[7],
                    r.number(8),
                    r.number(9),
                    r.f[10],
                    r.f[11],
                    r.f[12],
                    r.f[13],
                    r.f[14]);
            require(products.put(p.id(), p) == null, "products.tsv", r.line, "duplicate product " + r.f[0]);
            require(
                    p.schedule().isEmpty() || (p.weekly() && !p.scheduleSource().isBlank()),
                    "products.tsv",
                    r.line,
                    "schedule is blank or weekly, with its source");
            require(
                    (p.maxSingle() == null && p.maxDaily() == null)
                            || !p.doseUnit().isEmpty(),
                    "products.tsv",
                    r.line,
                    "dose limit without unit");
        }

        Map<String, Set<Integer>> groups = new HashMap<>();
        for (Row r : rows(opener, "groups.tsv", 3)) {
            Set<Integer> members = groups.computeIfAbsent(r.f[0], k -> new TreeSet<>());
            if (r.f[1].startsWith("class:")) {
                Set<Integer> ansm = ansmClasses.get(r.f[1].substring(6));
                require(ansm != null, "groups.tsv", r.line, "unknown ANSM class " + r.f[1]);
                members.addAll(ansm);
            } else if (r.f[1].startsWith("stem:")) {
                // a WHO INN stem ("cef…", "…cillin…", "…icam"): every ingredient whose English or French name carries
                // it, so a class member the hand-written list forgot is still in the group
                Set<Integer> stemmed = InnStem.parse(r.f[1].substring(5)).members(ingredients);
                require(!stemmed.isEmpty(), "groups.tsv", r.line, "no ingredient carries the stem " + r.f[1]);
                members.addAll(stemmed);
            } else {
                members.add(r.id(1));
            }
        }

        linkForms(groups, moieties);

        Map<String, Integer> groupBits = new HashMap<>();
        new TreeSet<>(groups.keySet()).forEach(g -> groupBits.put(g, groupBits.size()));

        List<AllergyRule> allergyRules = new ArrayList<>();
        for (Row r : rows(opener, "allergy-cross-sensitivity.tsv", 7)) {
            require(
                    groups.containsKey(r.f[1]) && groups.containsKey(r.f[2]),
                    "allergy-cross-sensitivity.tsv",
                    r.line,
                    "unknown group");
            allergyRules.add(new AllergyRule(
                    r.f[0],
                    r.f[1],
                    r.f[2],
                    r.severity(3),
                    r.f[4],
                    r.f[5],
                    r.f[6],
                    groupBits.get(r.f[1]),
                    groupBits.get(r.f[2])));
        }

        Map<Integer, List<DuplicateRule>> duplicateRulesByIngredient = new HashMap<>();
        for (Row r : rows(opener, "duplicate-therapy.tsv", 6)) {
            Set<Integer> members = groups.get(r.f[1]);
            require(members != null, "duplicate-therapy.tsv", r.line, "unknown group " + r.f[1]);
            DuplicateRule rule =
                    new DuplicateRule(r.f[0], r.f[1], r.severity(2), r.f[3], r.f[4], r.f[5], groupBits.get(r.f[1]));
            members.forEach(m -> duplicateRulesByIngredient
                    .computeIfAbsent(m, k -> new ArrayList<>())
                    .add(rule));
        }

        Map<String, String> allergenTerms = new HashMap<>();
        for (Row r : rows(opener, "allergen-terms.tsv", 2)) {
            require(
                    r.f[1].startsWith("group:") ? groups.containsKey(r.f[1].substring(6)) : parseId(r.f[1]) != null,
                    "allergen-terms.tsv",
                    r.line,
                    "unknown target " + r.f[1]);
            allergenTerms.put(normalise(r.f[0]), r.f[1]);
        }

        Map<String, int[]> combinations = new HashMap<>();
        for (Row r : rows(opener, "combinations.tsv", 3)) {
            String[] parts = r.f[1].split(";");
            int[] ids = new int[parts.length];
            for (int i = 0; i < parts.length; i++) {
                Integer id = parseId(parts[i]);
                require(
                        id != null && (ingredients.containsKey(id) || products.containsKey(id)),
                        "combinations.tsv",
                        r.line,
                        "unknown component " + parts[i]);
                ids[i] = id;
            }
            require(ids.length >= 2, "combinations.tsv", r.line, "a combination needs two components");
            combinations.put(combinationKey(r.f[0]), ids);
        }

        Map<AgeBand, Map<Integer, DoseBand>> doseBands = new java.util.EnumMap<>(AgeBand.class);
        for (Row r : rows(opener, "dose-bands.tsv", 8)) {
            AgeBand band;
            try {
                band = AgeBand.valueOf(r.f[1]);
            } catch (IllegalArgumentException e) {
                throw new KnowledgeBaseException("corrupt medication knowledge base: dose-bands.tsv line " + r.line
                        + ": unknown age band " + r.f[1]);
            }
            DoseBand d =
                    new DoseBand(r.id(0), band, r.number(2), r.number(3), r.number(4), r.number(5), r.f[6], r.f[7]);
            require(products.containsKey(d.id()), "dose-bands.tsv", r.line, "not a product " + r.f[0]);
            require(band != AgeBand.ADULT, "dose-bands.tsv", r.line, "adult limits belong in products.tsv");
            require(
                    !d.unit().isBlank() && !d.citation().isBlank(),
                    "dose-bands.tsv",
                    r.line,
                    "a limit needs a unit and a citation");
            require(
                    band != AgeBand.PAEDIATRIC || d.maxSinglePerKg() != null || d.maxDailyPerKg() != null,
                    "dose-bands.tsv",
                    r.line,
                    "paediatric limits are per kg");
            require(
                    doseBands.computeIfAbsent(band, k -> new HashMap<>()).put(d.id(), d) == null,
                    "dose-bands.tsv",
                    r.line,
                    "duplicate band " + r.f[0]);
        }

        List<String[]> overlay = new ArrayList<>();
        for (Row r : rows(opener, "overlay.tsv", 8)) {
            Severity severity = r.severity(1);
            require(
                    severity == Severity.CONTRAINDICATED || severity == Severity.MAJOR,
                    "overlay.tsv",
                    r.line,
                    "the overlay is for dangerous pairs (contraindicated or major)");
            require(!r.f[7].isBlank() && !r.f[6].isBlank(), "overlay.tsv", r.line, "no text or citation");
            overlay.add(r.f);
        }

        return new KnowledgeBase.Tables(
                meta,
                version + "+" + HexFormat.of().formatHex(digest.digest()).substring(0, 8),
                ingredients,
                interactions,
                inFileOrder,
                ruleCount,
                ansmClasses,
                products,
                groups,
                groupBits,
                allergyRules,
                duplicateRulesByIngredient,
                allergenTerms,
                combinations,
                doseBands,
                rxnorm,
                rxnormNames,
                moieties,
                otherNames,
                saltWords,
                saltSuffixes,
                overlay);
    }

    /** A class or group that holds a form also holds its moiety, and the other way round (ADR 0025). */
    private static void linkForms(Map<String, Set<Integer>> byName, Map<Integer, Integer> moieties) {
        for (Set<Integer> members : byName.values()) {
            moieties.forEach((form, moiety) -> {
                if (members.contains(form) || members.contains(moiety)) {
                    members.add(form);
                    members.add(moiety);
                }
            });
        }
    }

    private static InteractionRule[] concat(InteractionRule[] x, InteractionRule[] y) {
        InteractionRule[] all = Arrays.copyOf(x, x.length + y.length);
        System.arraycopy(y, 0, all, x.length, y.length);
        return all;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    private static String read(Opener opener, String file) throws IOException {
        try (InputStream in = opener.open(file)) {
            if (in == null) {
                throw new KnowledgeBaseException("medication knowledge base file missing: " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<Row> rows(Opener opener, String file, int columns) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = opener.open(file)) {
            if (in == null) {
                throw new KnowledgeBaseException("medication knowledge base file missing: " + file);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int n = 0;
            while ((line = reader.readLine()) != null) {
                n++;
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                require(f.length == columns, file, n, "expected " + columns + " columns, found " + f.length);
                rows.add(new Row(file, n, f));
            }
        }
        require(!rows.isEmpty(), file, 0, "empty");
        return rows;
    }

    private static void require(boolean ok, String file, int line, String problem) {
        if (!ok) {
            throw new KnowledgeBaseException(
                    "corrupt medication knowledge base: " + file + (line > 0 ? " line " + line : "") + ": " + problem);
        }
    }

    private record Row(String file, int line, String[] f) {
        int id(int column) {
            Integer id = parseId(f[column]);
            require(id != null, file, line, "not a DrugBank accession: " + f[column]);
            return id;
        }

        Severity severity(int column) {
            try {
                return Severity.valueOf(f[column]);
            } catch (IllegalArgumentException e) {
                throw new KnowledgeBaseException("corrupt medication knowledge base: " + file + " line " + line
                        + ": unknown severity " + f[column]);
            }
        }

        Double number(int column) {
            if (f[column].isBlank()) {
                return null;
            }
            try {
                return Double.valueOf(f[column]);
            } catch (NumberFormatException e) {
                throw new KnowledgeBaseException("corrupt medication knowledge base: " + file + " line " + line
                        + ": not a number: " + f[column]);
            }
        }
    }
}
