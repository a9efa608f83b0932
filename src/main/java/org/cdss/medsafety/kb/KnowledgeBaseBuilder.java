package org.cdss.medsafety.kb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.cdss.medsafety.engine.KnowledgeBase;
import org.jspecify.annotations.Nullable;

/**
 * Converts the public interaction sources in {@code shared/data/ddi/} into the compact, sorted KB files under
 * {@code src/main/resources/medsafety/kb/} ({@code ./cdss kb build}). Run it again whenever a source changes; the
 * output depends only on the inputs (and today's date in the version), so a rerun on the same inputs reproduces
 * {@code ingredients.tsv}, {@code classes.tsv}, {@code rxnorm.tsv} and {@code interactions.tsv} byte for byte.
 *
 * <p>Severity mapping (ADR 0005): ONC high priority and ANSM CI → contraindicated; ANSM AD and NDF-RT Critical →
 * major; ANSM PE and NDF-RT Significant → moderate; ANSM PC and ONC non-interruptive → minor.
 */
public final class KnowledgeBaseBuilder {

    static final String PDDI = "pddi_subset_ndfrt_onc_ansm.tsv";
    static final String CLASSES = "ansm_worldvista_drug_class_membership_2016.tsv";
    static final String ONC_HIGH = "ONC_High_Priority_Mapped.csv";
    static final String PRODUCTS = "products.tsv";
    static final String NAMES = "names.tsv";
    static final int MAX_TEXT = 300;

    /** Sources: code used in the KB, the name in the input, and the citation. */
    static final Map<String, String[]> SOURCES = new TreeMap<>(Map.of(
            "ANSM",
                    new String[] {
                        "FrenchDB",
                        "ANSM Thesaurus des interactions medicamenteuses (via the merged PDDI"
                                + " dataset, Ayvaz S et al. J Biomed Inform 2015;55:206-17)"
                    },
            "NDF-RT",
                    new String[] {
                        "NDF-RT",
                        "US Department of Veterans Affairs National Drug File - Reference"
                                + " Terminology (public domain; via Ayvaz S et al. J Biomed Inform 2015;55:206-17)"
                    },
            "ONC-HIGH",
                    new String[] {
                        "ONC-HighPriority",
                        "Phansalkar S et al. High-priority drug-drug"
                                + " interactions for use in electronic health records. J Am Med Inform Assoc 2012;19:735-43"
                    },
            "ONC-NONINT",
                    new String[] {
                        "ONC-NonInteruptive",
                        "Phansalkar S et al. Drug-drug interactions that"
                                + " should be non-interruptive in order to reduce alert fatigue in electronic health records."
                                + " J Am Med Inform Assoc 2013;20:489-93"
                    }));

    private KnowledgeBaseBuilder() {}

    public static void main(String[] args) throws IOException {
        String data = System.getenv().getOrDefault("CDSS_TEST_DATA", "../shared/data");
        Path in = Path.of(args.length > 0 ? args[0] : data + "/ddi");
        Path out = Path.of(args.length > 1 ? args[1] : "src/main/resources/medsafety/kb");
        Result r = build(in, out, out, LocalDate.now(ZoneOffset.UTC));
        System.out.println("medsafety KB written to " + out + ": " + r.summary());
        System.out.println("forms left unlinked (salt, ester or hydrate names without a row in moieties.tsv): "
                + r.unlinkedForms().size() + (r.unlinkedForms().isEmpty() ? "" : " " + r.unlinkedForms()));
    }

    /** What a build produced (for the command line and the tests). */
    public record Result(
            int ingredients,
            int classMembers,
            int rules,
            Map<String, Integer> rulesBySource,
            String version,
            List<String> unlinkedForms) {
        String summary() {
            return ingredients + " ingredients, " + classMembers + " class memberships, " + rules + " rules "
                    + rulesBySource + ", version " + version;
        }
    }

    record Rule(
            String source,
            int a,
            int b,
            String severity,
            String sourceSeverity,
            String mechanism,
            String description,
            String citation) {}

    /**
     * Builds the generated tables from the public sources in {@code in} into {@code out}. {@code curated} is the folder
     * of the hand-curated tables ({@code products.tsv}, {@code names.tsv}; the committed KB folder): their English
     * names, with the French INN spellings derived from them, give a DrugBank accession to the ANSM rows whose French
     * name the merged dataset left without one ("GENTAMICINE", "ACECLOFENAC", "HEPARINE SODIQUE"; ADR 0061).
     */
    public static Result build(Path in, Path curated, Path out, LocalDate today) throws IOException {
        List<String> pddi = Files.readAllLines(in.resolve(PDDI), StandardCharsets.UTF_8);
        List<String> oncHigh = Files.readAllLines(in.resolve(ONC_HIGH), StandardCharsets.UTF_8);
        List<String> classLines = Files.readAllLines(in.resolve(CLASSES), StandardCharsets.UTF_8);

        Map<Integer, Map<String, Integer>> englishVotes = new TreeMap<>();
        Map<Integer, Map<String, Integer>> frenchVotes = new TreeMap<>();
        Map<String, Map<Integer, Integer>> frenchToId = new TreeMap<>();
        List<String[]> rows = new ArrayList<>();
        for (int i = 1; i < pddi.size(); i++) {
            String[] f = pddi.get(i).split("\t", -1);
            if (f.length < 10) {
                continue;
            }
            rows.add(f);
            boolean french = f[0].equals("FrenchDB");
            for (int[] side : new int[][] {{1, 2}, {3, 4}}) {
                Integer id = parseId(f[side[1]]);
                String name = clean(f[side[0]]);
                if (id == null || name.isEmpty()) {
                    continue;
                }
                if (french) {
                    vote(frenchVotes, id, name.toUpperCase(Locale.ROOT));
                    frenchToId.computeIfAbsent(key(name), k -> new TreeMap<>()).merge(id, 1, Integer::sum);
                } else {
                    vote(englishVotes, id, name);
                }
            }
        }
        List<String[]> oncRows = new ArrayList<>();
        for (String line : oncHigh) {
            String[] f = line.replace("\uFEFF", "").strip().split("\\$", -1);
            if (f.length < 4 || parseId(f[1]) == null || parseId(f[3]) == null) {
                continue;
            }
            vote(englishVotes, parseId(f[1]), clean(f[0]));
            vote(englishVotes, parseId(f[3]), clean(f[2]));
            oncRows.add(new String[] {"ONC-HighPriority", f[0], f[1], f[2], f[3], "ONC_HIGH_PRIORITY", "", "", "", ""});
        }
        rows.addAll(oncRows);

        Map<Integer, String> english = winners(englishVotes, true);
        Map<Integer, String> frenchNames = winners(frenchVotes, false);
        Map<String, Integer> frenchIndex = new TreeMap<>();
        frenchToId.forEach((name, votes) -> frenchIndex.put(name, best(votes)));
        Map<String, Integer> englishIndex = new TreeMap<>();
        english.forEach((id, name) -> englishIndex.putIfAbsent(key(name), id));
        Map<String, Integer> curatedIndex = curatedNames(curated);
        Map<String, Integer> byFrenchName = new TreeMap<>(); // the French names resolved through the English ones

        // Deduplicate symmetric pairs per source; the most severe row wins, ties broken by text for determinism.
        Map<String, Rule> rules = new TreeMap<>();
        int droppedUnmapped = 0;
        for (String[] f : rows) {
            String source = sourceCode(f[0]);
            if (source == null) {
                continue;
            }
            Integer a = resolve(f[2], f[1], frenchIndex, englishIndex, curatedIndex, byFrenchName);
            Integer b = resolve(f[4], f[3], frenchIndex, englishIndex, curatedIndex, byFrenchName);
            if (a == null || b == null || a.equals(b)) {
                droppedUnmapped++;
                continue;
            }
            String severity = severity(source, f[5]);
            if (severity == null) {
                continue;
            }
            String description = text(!f[8].isBlank() ? f[8] : f[6]);
            String sourceSeverity = f[5].strip();
            if (source.equals("ANSM")) {
                String[] mixed = mixedCategory(f[6], clean(f[1]), clean(f[3]));
                if (mixed != null) {
                    sourceSeverity = mixed[0];
                    severity = rank(mixed[1]) > rank(severity) ? mixed[1] : severity;
                }
            }
            Rule rule = new Rule(
                    source,
                    Math.min(a, b),
                    Math.max(a, b),
                    severity,
                    sourceSeverity,
                    text(f[7]),
                    description,
                    f[9].strip());
            String k = source + ":" + id(rule.a()) + ":" + id(rule.b());
            rules.merge(k, rule, KnowledgeBaseBuilder::stronger);
        }

        Map<Integer, String[]> ingredients = new TreeMap<>();
        for (Rule r : rules.values()) {
            for (int id : new int[] {r.a(), r.b()}) {
                ingredients.computeIfAbsent(
                        id, i -> new String[] {english.getOrDefault(i, ""), frenchNames.getOrDefault(i, "")});
            }
        }
        english.forEach((id, n) ->
                ingredients.computeIfAbsent(id, i -> new String[] {n, frenchNames.getOrDefault(i, "")}));

        List<String> classRows = new ArrayList<>();
        List<String> rxnormRows = new ArrayList<>();
        int unmappedMembers = 0;
        for (int i = 1; i < classLines.size(); i++) {
            String[] f = classLines.get(i).split("\t", -1);
            if (f.length < 6) {
                continue;
            }
            String name = clean(f[0]);
            Integer id = memberId(name, englishIndex, frenchIndex);
            if (id == null) {
                unmappedMembers++;
                continue;
            }
            ingredients.computeIfAbsent(id, x -> new String[] {titleCase(name), frenchNames.getOrDefault(x, "")});
            classRows.add(clean(f[4]) + "\t" + clean(f[5]) + "\t" + id(id) + "\t" + name);
            if (f[1].strip().matches("[0-9]{1,10}")) {
                rxnormRows.add(f[1].strip() + "\t" + id(id) + "\t" + name);
            }
        }
        classRows = classRows.stream().distinct().sorted().toList();
        rxnormRows = rxnormRows.stream().distinct().sorted().toList();
        int expanded = expandClassRules(rules, classRows, frenchNames, english);

        Files.createDirectories(out);
        List<String> ingredientLines = new ArrayList<>();
        ingredientLines.add("# drugbank_id\tname_en\tname_fr (ANSM) -- generated by KnowledgeBaseBuilder, do not edit");
        ingredients.forEach((id, n) -> ingredientLines.add(id(id) + "\t" + n[0] + "\t" + n[1]));
        write(out.resolve("ingredients.tsv"), ingredientLines);

        List<String> classOut = new ArrayList<>();
        classOut.add("# class\tclass_code\tmember_drugbank_id\tmember_name -- ANSM drug classes (WorldVistA 2016"
                + " mapping), generated by KnowledgeBaseBuilder");
        classOut.addAll(classRows);
        write(out.resolve("classes.tsv"), classOut);

        List<String> rxnormOut = new ArrayList<>();
        rxnormOut.add("# rxcui\tdrugbank_id\tname -- RxNorm ingredient concepts (RxCUI) of the ANSM class members"
                + " (WorldVistA 2016 mapping), generated by KnowledgeBaseBuilder");
        rxnormOut.addAll(rxnormRows);
        write(out.resolve("rxnorm.tsv"), rxnormOut);

        List<String> ruleLines = new ArrayList<>();
        ruleLines.add("# rule_id\tsource\tdrug_a\tdrug_b\tseverity\tsource_severity\tmechanism\tdescription"
                + "\tcitation -- generated by KnowledgeBaseBuilder; citations of each source in kb.properties");
        Map<String, Integer> bySource = new TreeMap<>();
        Map<String, Integer> bySeverity = new TreeMap<>();
        rules.forEach((k, r) -> {
            ruleLines.add(String.join(
                    "\t",
                    k,
                    r.source(),
                    id(r.a()),
                    id(r.b()),
                    r.severity(),
                    r.sourceSeverity(),
                    r.mechanism(),
                    r.description(),
                    r.citation()));
            bySource.merge(r.source(), 1, Integer::sum);
            bySeverity.merge(r.source() + "." + r.severity(), 1, Integer::sum);
        });
        write(out.resolve("interactions.tsv"), ruleLines);

        String sha = sha256(
                in.resolve(PDDI),
                in.resolve(CLASSES),
                in.resolve(ONC_HIGH),
                curated.resolve(PRODUCTS),
                curated.resolve(NAMES));
        String version = today + "-" + sha.substring(0, 12);
        List<String> props = new ArrayList<>();
        props.add("# medsafety knowledge base: generated by KnowledgeBaseBuilder (./cdss kb build)");
        props.add("version=" + version);
        props.add("generated=" + today);
        props.add("inputs.sha256=" + sha);
        props.add("inputs=" + PDDI + "," + CLASSES + "," + ONC_HIGH + "," + PRODUCTS + " (curated)," + NAMES
                + " (curated)");
        props.add("sources=" + String.join(",", SOURCES.keySet()));
        SOURCES.forEach((code, s) -> props.add("source." + code + ".citation=" + s[1]));
        props.add("count.ingredients=" + ingredients.size());
        props.add("count.classMembers=" + classRows.size());
        props.add("count.classMembersUnmapped=" + unmappedMembers);
        props.add("count.rules=" + rules.size());
        props.add("count.rules.ANSM.classExpanded=" + expanded);
        props.add("count.rowsDroppedUnmapped=" + droppedUnmapped);
        props.add("count.frenchNamesMappedByEnglishName=" + byFrenchName.size());
        byFrenchName.forEach((name, id) -> props.add("mapped.french." + name + "=" + id(id)));
        bySource.forEach((s, n) -> props.add("count.rules." + s + "=" + n));
        bySeverity.forEach((s, n) -> props.add("count.rules." + s + "=" + n));
        write(out.resolve("kb.properties"), props);
        return new Result(
                ingredients.size(), classRows.size(), rules.size(), bySource, version, unlinkedForms(ingredients, out));
    }

    /** French salt names of the ANSM rows: "SODIUM (CHLORURE DE)", "HEPARINE CALCIQUE", "CHLORHYDRATE DE …". */
    private static final java.util.regex.Pattern FRENCH_SALT = java.util.regex.Pattern.compile(
            "\\((?:[A-Z' ]+ )?DE\\)|\\b(?:SODIQUE|POTASSIQUE|CALCIQUE|MAGNESIEN|CHLORHYDRATE|SULFATE|MALEATE|"
                    + "FUMARATE|TARTRATE|MESILATE|BESILATE|CITRATE|ACETATE|PHOSPHATE|BROMHYDRATE)\\b");

    /**
     * The ingredients whose English or French name reads like a salt, ester or hydrate (a word of the curated
     * {@code salt-names.tsv}, or a French salt form) and that the curated {@code moieties.tsv} does not link (ADR
     * 0025): what a pharmacist should add to the table after a source update. Empty when the curated files are absent.
     */
    static List<String> unlinkedForms(Map<Integer, String[]> ingredients, Path out) throws IOException {
        Path moieties = out.resolve("moieties.tsv");
        Path saltNames = out.resolve("salt-names.tsv");
        if (!Files.exists(moieties) || !Files.exists(saltNames)) {
            return List.of();
        }
        java.util.Set<String> linked = new java.util.HashSet<>();
        for (String line : Files.readAllLines(moieties, StandardCharsets.UTF_8)) {
            if (!line.startsWith("#") && !line.isBlank()) {
                String[] f = line.split("\t", -1);
                linked.add(f[0]);
                if (f.length > 1) {
                    linked.add(f[1]); // a moiety with its forms linked is not left unlinked
                }
            }
        }
        java.util.Set<String> words = new java.util.HashSet<>();
        for (String line : Files.readAllLines(saltNames, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", -1);
            if (!line.startsWith("#") && f.length == 3 && f[1].equals("en")) {
                words.add(f[0]);
            }
        }
        List<String> unlinked = new ArrayList<>();
        // one name for several accessions is usually a salt and its moiety (DrugBank lists many salts apart)
        Map<String, java.util.Set<Integer>> byName = new TreeMap<>();
        ingredients.forEach((id, n) -> {
            for (String name : n) {
                if (!name.isEmpty()) {
                    byName.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new java.util.TreeSet<>())
                            .add(id);
                }
            }
        });
        ingredients.forEach((id, n) -> {
            boolean english = java.util.Arrays.stream(
                            n[0].toLowerCase(Locale.ROOT).split("[\\s-]+"))
                    .skip(1)
                    .anyMatch(words::contains);
            boolean french = FRENCH_SALT.matcher(n[1]).find();
            boolean shared = java.util.Arrays.stream(n)
                    .anyMatch(name -> !name.isEmpty()
                            && byName.get(name.toLowerCase(Locale.ROOT)).size() > 1);
            if ((english || french || shared) && !linked.contains(id(id))) {
                unlinked.add(id(id) + " " + (n[0].isEmpty() ? n[1] : n[0]));
            }
        });
        return unlinked;
    }

    static final int CLASS_MIN_MEMBERS = 3;
    static final double CLASS_MIN_SHARE = 0.6;

    /**
     * Class rules expanded to the class's current members (issue 14 item 4; ADR 0025). The merged dataset lists the
     * ANSM thesaurus's class rules pair by pair, for the members its authors mapped; the class membership file
     * (WorldVistA 2016) knows more members. When a drug X has the same ANSM rule (category and text) with at least
     * {@link #CLASS_MIN_MEMBERS} members of a class and at least {@link #CLASS_MIN_SHARE} of them, that is the class
     * rule: it is added for the members without any ANSM rule with X, its text naming the class ("Tapentadol belongs
     * to AGONIST OPIOID ANALGESICS (ANSM class): ..."), a mixed category parsed again for the member. Returns how
     * many rules were added.
     */
    static int expandClassRules(
            Map<String, Rule> rules,
            List<String> classRows,
            Map<Integer, String> frenchNames,
            Map<Integer, String> englishNames) {
        Map<String, java.util.Set<Integer>> members = new TreeMap<>();
        for (String row : classRows) {
            String[] f = row.split("\t", -1);
            members.computeIfAbsent(f[0], k -> new java.util.TreeSet<>()).add(parseId(f[2]));
        }
        // drug -> (category|grade|text) -> partners, over the ANSM rules as the sources list them
        Map<Integer, Map<String, java.util.Set<Integer>>> byDrug = new TreeMap<>();
        Map<String, Rule> template = new TreeMap<>();
        for (Rule r : rules.values()) {
            if (!r.source().equals("ANSM") || r.description().length() < 20) {
                continue;
            }
            String key = r.sourceSeverity() + "|" + r.description() + "|" + r.mechanism();
            byDrug.computeIfAbsent(r.a(), k -> new TreeMap<>())
                    .computeIfAbsent(key, k -> new java.util.TreeSet<>())
                    .add(r.b());
            byDrug.computeIfAbsent(r.b(), k -> new TreeMap<>())
                    .computeIfAbsent(key, k -> new java.util.TreeSet<>())
                    .add(r.a());
            template.putIfAbsent(key, r);
        }
        // A class rule: a drug's same ANSM rule with enough of the class's members. A member that some class rule
        // of the class includes was left out of this one on purpose (the thesaurus's class is narrower than the
        // membership file's: hypokalaemic diuretics within DIURETICS); only members that no class rule of the class
        // includes (not mapped by the dataset, e.g. newer drugs) are added.
        record ClassRule(String cls, int x, String key, java.util.Set<Integer> partners) {}
        List<ClassRule> found = new ArrayList<>();
        Map<String, java.util.Set<Integer>> included = new TreeMap<>();
        members.forEach((cls, ids) -> {
            if (ids.size() < CLASS_MIN_MEMBERS) {
                return;
            }
            byDrug.forEach((x, keys) -> keys.forEach((key, partners) -> {
                long covered = partners.stream().filter(ids::contains).count();
                if (covered >= CLASS_MIN_MEMBERS && covered >= CLASS_MIN_SHARE * ids.size()) {
                    found.add(new ClassRule(cls, x, key, partners));
                    partners.stream()
                            .filter(ids::contains)
                            .forEach(m -> included.computeIfAbsent(cls, c -> new java.util.TreeSet<>())
                                    .add(m));
                }
            }));
        });
        Map<String, Rule> added = new TreeMap<>();
        for (ClassRule c : found) {
            Rule t = template.get(c.key());
            for (int m : members.get(c.cls())) {
                int a = Math.min(c.x(), m);
                int b = Math.max(c.x(), m);
                String k = "ANSM:" + id(a) + ":" + id(b);
                if (m == c.x()
                        || c.partners().contains(m)
                        || included.get(c.cls()).contains(m)
                        || rules.containsKey(k)
                        || added.containsKey(k)) {
                    continue;
                }
                String[] mixed = mixedCategory(
                        t.description(), frenchNames.getOrDefault(c.x(), ""), frenchNames.getOrDefault(m, ""));
                String floor = lowest(t.sourceSeverity());
                String severity = mixed == null ? t.severity() : rank(mixed[1]) > rank(floor) ? mixed[1] : floor;
                String memberName = englishNames.getOrDefault(m, titleCase(frenchNames.getOrDefault(m, id(m))));
                added.put(
                        k,
                        new Rule(
                                "ANSM",
                                a,
                                b,
                                severity,
                                t.sourceSeverity(),
                                t.mechanism(),
                                text(memberName + " belongs to " + c.cls() + " (ANSM class rule, expanded to "
                                        + "the class's current members): " + t.description()),
                                t.citation()));
            }
        }
        // name the class in the rules a class rule was expanded to (issue 14 item 4): the smallest class that explains
        // the rule, "Amiodarone belongs to SUBSTANCES THAT TEND TO INDUCE TORSADES DE POINTES (ANSM class rule): ..."
        Map<String, String> classOf = new TreeMap<>();
        found.stream()
                .sorted(Comparator.comparingInt(
                                (ClassRule c) -> members.get(c.cls()).size())
                        .thenComparing(ClassRule::cls))
                .forEach(c -> c.partners().stream()
                        .filter(members.get(c.cls())::contains)
                        .forEach(m -> classOf.putIfAbsent(
                                "ANSM:" + id(Math.min(c.x(), m)) + ":" + id(Math.max(c.x(), m)),
                                englishNames.getOrDefault(m, titleCase(frenchNames.getOrDefault(m, id(m))))
                                        + " belongs to " + c.cls() + " (ANSM class rule): ")));
        classOf.forEach((k, prefix) -> rules.computeIfPresent(
                k,
                (key, r) -> new Rule(
                        r.source(),
                        r.a(),
                        r.b(),
                        r.severity(),
                        r.sourceSeverity(),
                        r.mechanism(),
                        text(prefix + r.description()),
                        r.citation())));
        rules.putAll(added);
        return added.size();
    }

    /** The lowest grade of a (possibly mixed) ANSM category: "CI - ASDEC" is at least "avoid". */
    private static String lowest(String category) {
        String[] parts = category.split(" - ");
        String last = parts[parts.length - 1].strip();
        String code = switch (last) {
            case "ASDEC" -> "AD";
            case "APEC" -> "PC";
            default -> last;
        };
        String s = severity("ANSM", code);
        return s == null ? "MINOR" : s;
    }

    /** The mixed ANSM categories, as the thesaurus writes them at the start of a class rule's text. */
    private static final java.util.regex.Pattern MIXED =
            java.util.regex.Pattern.compile("^\\\"?((?:CI|ASDEC|PE|APEC)(?: - (?:CI|ASDEC|PE|APEC))+)");

    private static final java.util.regex.Pattern CLAUSE = java.util.regex.Pattern.compile(
            "(Contre-indication|Association deconseillee|Precaution d'emploi|A prendre en compte)");

    /**
     * A mixed ANSM category ("CI - ASDEC", "ASDEC - PE", "CI - ASDEC - APEC"; issue 14 item 2): the class rule's text
     * says which members (or conditions) get which category. Returns {the mixed category as the source grading,
     * the severity of this pair}: the category of the first clause that names one of the pair's drugs (French
     * names, as the text writes them), else null severity rank (the row's own grade stands: a condition such as
     * "en dehors d'une hypokaliemie" or a dose is shown in the text, not assumed). Null when the text is not mixed.
     */
    public static String @Nullable [] mixedCategory(String text, String drugA, String drugB) {
        java.util.regex.Matcher m = MIXED.matcher(text.strip());
        if (!m.find()) {
            return null;
        }
        String category = m.group(1);
        String body = text.substring(m.end()).toLowerCase(Locale.ROOT);
        java.util.regex.Matcher clause = CLAUSE.matcher(text.substring(m.end()));
        List<int[]> starts = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        while (clause.find()) {
            starts.add(new int[] {clause.start()});
            kinds.add(clause.group(1));
        }
        for (int i = 0; i < starts.size(); i++) {
            int from = starts.get(i)[0];
            int to = i + 1 < starts.size() ? starts.get(i + 1)[0] : body.length();
            boolean named = false;
            for (String item : body.substring(from, to).split(" - ")) {
                if (item.contains("dose")) {
                    continue; // a dose condition ("des doses anti-inflammatoires d'acide ..."): not assumed, shown
                }
                named |= item.contains("entre ")
                        ? names(item, drugA) && names(item, drugB) // "entre le gemfibrozil et la simvastatine"
                        : names(item, drugA) || names(item, drugB);
            }
            if (named) {
                String severity = switch (kinds.get(i)) {
                    case "Contre-indication" -> "CONTRAINDICATED";
                    case "Association deconseillee" -> "MAJOR";
                    case "Precaution d'emploi" -> "MODERATE";
                    default -> "MINOR";
                };
                return new String[] {category, severity};
            }
        }
        return new String[] {category, "MINOR"};
    }

    /** Whether a clause names the drug (its French name as a word: "la domperidone", "d'acide acetylsalicylique"). */
    private static boolean names(String clause, String drug) {
        String name = drug.toLowerCase(Locale.ROOT).replace('_', ' ').strip();
        if (name.length() < 4) {
            return false;
        }
        int at = clause.indexOf(name);
        while (at >= 0) {
            boolean startOk = at == 0 || !Character.isLetter(clause.charAt(at - 1));
            int end = at + name.length();
            boolean endOk = end >= clause.length() || !Character.isLetter(clause.charAt(end));
            if (startOk && endOk) {
                return true;
            }
            at = clause.indexOf(name, at + 1);
        }
        return false;
    }

    static Rule stronger(Rule x, Rule y) {
        int c = Integer.compare(rank(y.severity()), rank(x.severity()));
        if (c != 0) {
            return c > 0 ? y : x;
        }
        Comparator<Rule> byText = Comparator.comparing(Rule::description)
                .thenComparing(Rule::mechanism)
                .thenComparing(Rule::sourceSeverity)
                .thenComparing(Rule::citation);
        return byText.compare(x, y) <= 0 ? x : y;
    }

    static int rank(String severity) {
        return switch (severity) {
            case "CONTRAINDICATED" -> 4;
            case "MAJOR" -> 3;
            case "MODERATE" -> 2;
            default -> 1;
        };
    }

    static String sourceCode(String input) {
        for (var e : SOURCES.entrySet()) {
            if (e.getValue()[0].equals(input)) {
                return e.getKey();
            }
        }
        return null;
    }

    /** The one severity scale (ADR 0005). */
    static String severity(String source, String sourceSeverity) {
        String s = sourceSeverity.strip();
        return switch (source) {
            case "ONC-HIGH" -> "CONTRAINDICATED";
            case "ONC-NONINT" -> "MINOR";
            case "NDF-RT" -> s.equals("Critical") ? "MAJOR" : s.equals("Significant") ? "MODERATE" : null;
            case "ANSM" ->
                switch (s) {
                    case "CI" -> "CONTRAINDICATED";
                    case "AD" -> "MAJOR";
                    case "PE" -> "MODERATE";
                    case "PC" -> "MINOR";
                    default -> null;
                };
            default -> null;
        };
    }

    private static Integer resolve(
            String idText,
            String name,
            Map<String, Integer> frenchIndex,
            Map<String, Integer> englishIndex,
            Map<String, Integer> curatedIndex,
            Map<String, Integer> byFrenchName) {
        Integer id = parseId(idText);
        if (id != null) {
            return id;
        }
        String french = key(clean(name));
        id = frenchIndex.get(french);
        if (id != null) {
            return id;
        }
        id = byEnglishName(clean(name), englishIndex, curatedIndex);
        if (id != null) {
            byFrenchName.put(french, id);
        }
        return id;
    }

    /** French salt words after an ANSM name ("HEPARINE SODIQUE"): the salt is the moiety for interactions. */
    private static final java.util.regex.Pattern FRENCH_SALT_WORD =
            java.util.regex.Pattern.compile("\\s+(SODIQUE|CALCIQUE|POTASSIQUE|MAGNESIEN|MAGNESIENNE)$");

    /**
     * The accession of an ANSM French name the dataset left without one, through an English name: the same spelling
     * ("ACECLOFENAC", "COCAINE"), or the English INN spelling of the French one (WHO INN: "-ine" is "-in",
     * "acide …ique" is "…ic acid": "GENTAMICINE" is gentamicin), the salt word dropped ("HEPARINE SODIQUE" is
     * heparin); first among the sources' English names, then the curated ones. Null when none matches.
     */
    static Integer byEnglishName(
            String frenchName, Map<String, Integer> englishIndex, Map<String, Integer> curatedIndex) {
        String upper = frenchName.toUpperCase(Locale.ROOT);
        List<String> candidates = new ArrayList<>();
        for (String form : new String[] {upper, FRENCH_SALT_WORD.matcher(upper).replaceFirst("")}) {
            candidates.add(form);
            for (String english : KnowledgeBase.englishOfFrench(form.toLowerCase(Locale.ROOT))) {
                candidates.add(english);
            }
        }
        for (Map<String, Integer> index : List.of(englishIndex, curatedIndex)) {
            for (String candidate : candidates) {
                Integer id = index.get(key(candidate));
                if (id != null) {
                    return id;
                }
            }
        }
        return null;
    }

    /** English names of the curated tables: a product's INN and the INN, USAN and BAN rows of the name table. */
    static Map<String, Integer> curatedNames(Path curated) throws IOException {
        Map<String, Integer> index = new TreeMap<>();
        for (String line : Files.readAllLines(curated.resolve(PRODUCTS), StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", -1);
            Integer id = f.length > 1 && !line.startsWith("#") ? parseId(f[0]) : null;
            if (id != null) {
                index.putIfAbsent(key(f[1]), id);
            }
        }
        for (String line : Files.readAllLines(curated.resolve(NAMES), StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", -1);
            Integer id = f.length > 2 && !line.startsWith("#") ? parseId(f[1]) : null;
            if (id != null && java.util.Set.of("inn", "usan", "ban").contains(f[2])) {
                index.putIfAbsent(key(f[0]), id);
            }
        }
        return index;
    }

    private static Integer memberId(String name, Map<String, Integer> english, Map<String, Integer> french) {
        String k = key(name);
        for (String candidate : new String[] {k, k + "E", k.replaceAll("_\\(.*$", "")}) {
            Integer id = english.get(candidate);
            if (id == null) {
                id = french.get(candidate);
            }
            if (id != null) {
                return id;
            }
        }
        return null;
    }

    static Integer parseId(String s) {
        String t = s == null ? "" : s.strip();
        if (t.length() < 3 || !t.startsWith("DB")) {
            return null;
        }
        try {
            return Integer.parseInt(t.substring(2));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String id(int id) {
        return String.format("DB%05d", id);
    }

    private static String clean(String s) {
        return s.replace('_', ' ').replace('\t', ' ').strip().replaceAll("\\s+", " ");
    }

    private static String key(String name) {
        return name.toUpperCase(Locale.ROOT).strip().replaceAll("[^A-Z0-9()]+", "_");
    }

    private static String text(String s) {
        String t = s.replace('\t', ' ')
                .replace('\r', ' ')
                .replace('\n', ' ')
                .strip()
                .replaceAll("\\s+", " ");
        return t.length() <= MAX_TEXT ? t : t.substring(0, MAX_TEXT - 1) + "…";
    }

    private static String titleCase(String s) {
        return s.isEmpty() ? s : s.charAt(0) + s.substring(1).toLowerCase(Locale.ROOT);
    }

    private static void vote(Map<Integer, Map<String, Integer>> votes, Integer id, String name) {
        if (id != null && !name.isEmpty()) {
            votes.computeIfAbsent(id, k -> new TreeMap<>()).merge(name, 1, Integer::sum);
        }
    }

    /** Per id the most frequent name, preferring mixed case over ALL CAPS, ties alphabetically. */
    private static Map<Integer, String> winners(Map<Integer, Map<String, Integer>> votes, boolean titleCaseCaps) {
        Map<Integer, String> out = new TreeMap<>();
        votes.forEach((id, names) -> {
            String best = null;
            int bestScore = -1;
            for (var e : names.entrySet()) {
                boolean mixed = !e.getKey().equals(e.getKey().toUpperCase(Locale.ROOT));
                int score = e.getValue() + (mixed ? 1_000_000 : 0);
                if (score > bestScore) {
                    best = e.getKey();
                    bestScore = score;
                }
            }
            boolean allCaps = best.equals(best.toUpperCase(Locale.ROOT));
            out.put(id, allCaps && titleCaseCaps ? titleCase(best) : best);
        });
        return out;
    }

    private static Integer best(Map<Integer, Integer> votes) {
        return votes.entrySet().stream()
                .max(Map.Entry.<Integer, Integer>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .orElseThrow()
                .getKey();
    }

    private static void write(Path file, List<String> lines) throws IOException {
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    private static String sha256(Path... files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path f : files) {
                digest.update(Files.readAllBytes(f));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
