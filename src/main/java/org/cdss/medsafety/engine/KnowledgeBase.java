package org.cdss.medsafety.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.cdss.medsafety.KbInfo;
import org.cdss.medsafety.Severity;

/**
 * The drug knowledge base, an immutable index: ingredients by DrugBank number, a name index (English, French,
 * Korean, brand; lower case), interaction rules keyed by the unordered pair of ingredients, curated products with
 * dose limits, drug groups, allergy cross-sensitivity and duplicate-therapy rules, and the lookup tables the checks
 * and the KB browser read. Built from the validated tables of {@link KnowledgeBaseLoader}, which reads the files
 * and throws {@link KnowledgeBaseException} for anything wrong.
 */
public final class KnowledgeBase {

    static final int AMBIGUOUS = -1;
    private static final BitSet NO_GROUPS = new BitSet();
    private static final AllergyRule[] NO_ALLERGY_RULES = {};
    private static final DuplicateRule[] NO_DUPLICATE_RULES = {};
    /** Units and dose forms dropped from a free name ("Amoxicillin 500 MG Oral Capsule", RxNorm style). */
    private static final Set<String> DOSE_WORDS = Set.of(
            "mg",
            "g",
            "mcg",
            "ml",
            "mg/ml",
            "unt",
            "tab",
            "tablet",
            "tablets",
            "cap",
            "capsule",
            "capsules",
            "oral",
            "suspension",
            "solution",
            "injection",
            "injectable",
            "extended",
            "delayed",
            "release",
            "chewable",
            "film",
            "coated",
            "powder",
            "syrup",
            "정",
            "캡슐",
            "주사",
            "시럽");

    public record InteractionRule(
            String id,
            String source,
            int a,
            int b,
            Severity severity,
            String sourceSeverity,
            String mechanism,
            String description,
            String citation) {}

    public record Product(
            int id,
            String nameEn,
            String nameKo,
            String brands,
            String strength,
            String strengthUnit,
            String form,
            String route,
            Double maxSingle,
            Double maxDaily,
            String doseUnit,
            String atc,
            String doseSource,
            String schedule,
            String scheduleSource) {

        /** Labelled once a week: an order with a daily frequency is a major dose alert ({@code WeeklyDosingPolicy}). */
        public boolean weekly() {
            return WEEKLY.equals(schedule);
        }
    }

    /** The one schedule rule of {@code products.tsv} today. */
    static final String WEEKLY = "weekly";

    /** {@code allergenBit}/{@code drugBit}: the groups' bits in {@link #groupsOf(int)}. */
    /**
     * Dose limits of one age band ({@code dose-bands.tsv}): per kg of body weight (paediatric) and/or absolute
     * (elderly), in {@code unit}, with the citation they come from.
     */
    public record DoseBand(
            int id,
            AgeBand band,
            Double maxSinglePerKg,
            Double maxDailyPerKg,
            Double maxSingle,
            Double maxDaily,
            String unit,
            String citation) {}

    /** The age bands with their own dose limits: children (under 18) and the elderly (65 and over). */
    public enum AgeBand {
        PAEDIATRIC,
        ADULT,
        ELDERLY;

        public static AgeBand of(int ageYears) {
            return ageYears < 18 ? PAEDIATRIC : ageYears >= 65 ? ELDERLY : ADULT;
        }
    }

    public record AllergyRule(
            String id,
            String allergenGroup,
            String drugGroup,
            Severity severity,
            String whatHappens,
            String whatToDo,
            String citation,
            int allergenBit,
            int drugBit) {}

    /** {@code groupBit}: the group's bit in {@link #groupsOf(int)}. */
    public record DuplicateRule(
            String id,
            String group,
            Severity severity,
            String whatHappens,
            String whatToDo,
            String citation,
            int groupBit) {}

    /** The tables of the knowledge base as read and validated by {@link KnowledgeBaseLoader}, before indexing. */
    record Tables(
            Properties meta,
            String version,
            Map<Integer, String[]> ingredients,
            Map<Long, InteractionRule[]> interactions,
            List<InteractionRule> inFileOrder,
            int ruleCount,
            Map<String, Set<Integer>> ansmClasses,
            Map<Integer, Product> products,
            Map<String, Set<Integer>> groups,
            Map<String, Integer> groupBits,
            List<AllergyRule> allergyRules,
            Map<Integer, List<DuplicateRule>> duplicateRulesByIngredient,
            Map<String, String> allergenTerms,
            Map<String, int[]> combinations,
            Map<AgeBand, Map<Integer, DoseBand>> doseBands,
            Map<String, Integer> rxnorm,
            Map<String, Integer> rxnormNames,
            Map<Integer, Integer> moieties,
            Map<String, Integer> formNames,
            Set<String> saltWords,
            List<String> saltSuffixes,
            List<String[]> overlay) {}

    private final Properties meta;
    private final String version; // read for every alert: not a Properties lookup each time
    private final Map<String, String> citations = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Integer, String[]> ingredients; // id -> {en, fr}
    private final Map<Integer, Product> products;
    private final Map<String, Integer> names; // lower-case name -> id, or AMBIGUOUS
    private final Map<Long, InteractionRule[]> interactions;
    private final PairIndex interactionIndex; // the same rules with their alert content, for checks
    private final Map<String, Set<Integer>> groups;
    private final Map<Integer, List<DuplicateRule>> duplicateRulesByIngredient;
    private final List<AllergyRule> allergyRules;
    private final Map<String, String> allergenTerms;
    private final Map<String, int[]> combinations; // combination key (see combinationKey) -> components
    private final Map<String, Integer> rxnorm; // RxCUI of an ingredient -> id, or AMBIGUOUS
    private final Map<Integer, List<String>> rxcuisById; // the same mapping read backwards, unambiguous RxCUIs only
    private final Map<String, Integer> atcCodes; // ATC code (upper case) -> product ingredient, or AMBIGUOUS
    private final Map<String, Set<Integer>> ansmClasses;
    private final Map<Integer, List<InteractionRule>> rulesByIngredient;
    private final Map<Integer, List<String>> ansmClassesByIngredient;
    private final Map<Integer, List<String>> groupsByIngredient;
    private final Set<String> allergyGroups;
    private final Set<String> duplicateGroups;
    private final Map<AgeBand, Map<Integer, DoseBand>> doseBands;
    private final int ruleCount;
    private final KbInfo info;
    private final Map<Integer, Integer> moieties; // form -> moiety (ADR 0025), forms only
    private final Set<String> saltWords; // normalised salt, ester and hydrate words (salt-names.tsv)
    private final List<String> saltSuffixes; // the Korean ones, longest first
    private final int[] moietyById; // id -> its moiety (itself when it is no form)

    // Hot-path indexes for SafetyEngine.check, built once at load: dense arrays by DrugBank number (no boxing, no
    // string building per check) and group membership as bit sets (bit = index of the group in groupNames).
    private final String[] accessionById;
    private final String[] displayNameById;
    private final Product[] productById;
    private final BitSet[] groupsById;
    private final Map<String, Integer> groupBits;
    private final BitSet[] groupClosureByBit; // group -> union of its members' groups
    private final AllergyRule[][] allergyRulesByDrug; // id -> rules whose drug group contains it, file order
    private final DuplicateRule[][] duplicateRulesById;
    private final BitSet[] duplicateRuleBitsById; // id -> bits of the groups of its duplicate rules

    /** Indexes the loaded tables; the tables are not modified afterwards. */
    KnowledgeBase(Tables tables) {
        meta = tables.meta();
        version = tables.version();
        ingredients = tables.ingredients();
        interactions = tables.interactions();
        ruleCount = tables.ruleCount();
        moieties = tables.moieties();
        saltWords = tables.saltWords();
        saltSuffixes = tables.saltSuffixes();
        int maxId = Math.max(
                tables.ingredients().keySet().stream()
                        .mapToInt(Integer::intValue)
                        .max()
                        .orElse(0),
                tables.products().keySet().stream()
                        .mapToInt(Integer::intValue)
                        .max()
                        .orElse(0));
        moietyById = new int[maxId + 1];
        for (int id = 0; id <= maxId; id++) {
            moietyById[id] = moieties.getOrDefault(id, id);
        }
        ansmClasses = tables.ansmClasses();
        products = tables.products();
        groups = tables.groups();
        groupBits = tables.groupBits();
        allergyRules = tables.allergyRules();
        duplicateRulesByIngredient = tables.duplicateRulesByIngredient();
        allergenTerms = tables.allergenTerms();
        combinations = tables.combinations();
        doseBands = tables.doseBands();
        rxnorm = tables.rxnorm();
        Map<Integer, List<String>> rxcuis = new HashMap<>();
        new TreeMap<>(rxnorm).forEach((rxcui, id) -> {
            if (id != AMBIGUOUS) {
                rxcuis.computeIfAbsent(id, k -> new ArrayList<>()).add(rxcui);
            }
        });
        rxcuis.replaceAll((id, list) -> List.copyOf(list));
        rxcuisById = Map.copyOf(rxcuis);

        atcCodes = new HashMap<>();
        products.values().forEach(p -> {
            if (!p.atc().isBlank()) {
                atcCodes.merge(
                        p.atc().strip().toUpperCase(Locale.ROOT),
                        p.id(),
                        (old, now) -> old.equals(now) ? old : AMBIGUOUS);
            }
        });

        names = new HashMap<>();
        // Brand tokens first, then exact names override them: an INN always wins over a brand word.
        products.values().forEach(p -> {
            for (String brand : p.brands().split(";")) {
                for (String token : brand.strip().split("\\s+")) {
                    // three letters, or two Hangul syllables (Korean brands: 코자, 조코, 낙센)
                    int min = !token.isEmpty()
                                    && Character.UnicodeScript.of(token.codePointAt(0))
                                            == Character.UnicodeScript.HANGUL
                            ? 2
                            : 3;
                    String word = normalise(token);
                    if (token.length() >= min
                            && !token.contains("(")
                            && !token.contains(")")
                            && !word.equals("acid") // "Folic acid": a word of a name, not a brand
                            && !saltWords.contains(word)) {
                        index(names, token, p.id());
                    }
                }
                index(names, brand, p.id());
            }
        });
        // An ingredient the sources name only in French gets the English INN spelling too (WHO INN: French "-ine"
        // is English "-in" for -mycin, -azosin, -cillin ...; "acide …ique" is "…ic acid"; "insuline" is "insulin").
        ingredients.forEach((id, n) -> {
            if (n[0].isEmpty() && !n[1].isEmpty()) {
                for (String derived : englishOfFrench(normalise(n[1]))) {
                    index(names, derived, id);
                }
            }
        });
        // The English names of the RxNorm mapping (WorldVistA, rxnorm.tsv): below every exact name, like the above.
        tables.rxnormNames().forEach((name, id) -> {
            if (id != AMBIGUOUS) {
                index(names, name, id);
            }
        });
        Map<String, Integer> exact = new HashMap<>();
        ingredients.forEach((id, n) -> {
            index(exact, n[0], id);
            index(exact, n[1], id);
        });
        products.values().forEach(p -> {
            index(exact, p.nameEn(), p.id());
            index(exact, p.nameKo(), p.id());
        });
        tables.formNames()
                .forEach((name, id) -> exact.merge(name, id, (old, now) -> old.equals(now) ? old : AMBIGUOUS));
        names.putAll(exact);

        // Browser indexes (KB browser): an ingredient's rules, classes and groups without scanning the tables.
        rulesByIngredient = new HashMap<>();
        for (InteractionRule[] rules : interactions.values()) {
            for (InteractionRule r : rules) {
                rulesByIngredient.computeIfAbsent(r.a(), k -> new ArrayList<>()).add(r);
                rulesByIngredient.computeIfAbsent(r.b(), k -> new ArrayList<>()).add(r);
            }
        }
        ansmClassesByIngredient = invert(ansmClasses);
        groupsByIngredient = invert(groups);
        allergyGroups = new TreeSet<>();
        allergyRules.forEach(r -> {
            allergyGroups.add(r.allergenGroup());
            allergyGroups.add(r.drugGroup());
        });
        allergenTerms.values().stream()
                .filter(t -> t.startsWith("group:"))
                .forEach(t -> allergyGroups.add(t.substring(6)));
        duplicateGroups = new TreeSet<>();
        duplicateRulesByIngredient.values().forEach(rules -> rules.forEach(r -> duplicateGroups.add(r.group())));

        int size = maxId + 1;
        accessionById = new String[size];
        displayNameById = new String[size];
        productById = new Product[size];
        groupsById = new BitSet[size];
        allergyRulesByDrug = new AllergyRule[size][];
        duplicateRulesById = new DuplicateRule[size][];
        duplicateRuleBitsById = new BitSet[size];
        for (int id = 0; id < size; id++) {
            if (ingredients.containsKey(id) || products.containsKey(id)) {
                accessionById[id] = formatId(id);
                productById[id] = products.get(id);
                displayNameById[id] = nameOf(id);
            }
        }
        groups.forEach((g, members) -> members.forEach(m -> {
            if (m < size) {
                (groupsById[m] == null ? groupsById[m] = new BitSet() : groupsById[m]).set(groupBits.get(g));
            }
        }));
        groupClosureByBit = new BitSet[groupBits.size()];
        groups.forEach((g, members) -> {
            BitSet closure = new BitSet();
            members.forEach(m -> closure.or(groupsOf(m)));
            groupClosureByBit[groupBits.get(g)] = closure;
        });
        for (int id = 0; id < size; id++) {
            BitSet of = groupsById[id];
            if (of != null) {
                allergyRulesByDrug[id] =
                        allergyRules.stream().filter(r -> of.get(r.drugBit())).toArray(AllergyRule[]::new);
            }
            List<DuplicateRule> dup = duplicateRulesByIngredient.get(id);
            if (dup != null) {
                duplicateRulesById[id] = dup.toArray(DuplicateRule[]::new);
                duplicateRuleBitsById[id] = new BitSet();
                for (DuplicateRule rule : dup) {
                    duplicateRuleBitsById[id].set(rule.groupBit());
                }
            }
        }
        // the overlay (ADR 0025) needs the name index and the dense tables above
        List<InteractionRule> overlayRules = overlay(tables.overlay());
        rulesByIngredient.clear(); // again, with the overlay and the regraded NDF-RT rules
        for (InteractionRule[] rules : interactions.values()) {
            for (InteractionRule r : rules) {
                rulesByIngredient
                        .computeIfAbsent(moiety(r.a()), k -> new ArrayList<>())
                        .add(r);
                rulesByIngredient
                        .computeIfAbsent(moiety(r.b()), k -> new ArrayList<>())
                        .add(r);
            }
        }
        List<InteractionRule> inFileOrder = new ArrayList<>(tables.inFileOrder());
        inFileOrder.addAll(overlayRules);
        interactionIndex = new PairIndex(interactions, inFileOrder, this::citation, version(), this::moiety);
        info = buildInfo();
    }

    /** The source code of the curated overlay rules ({@code overlay.tsv}, ADR 0025). */
    public static final String OVERLAY = "CDSS-OVERLAY";

    /**
     * Expands the overlay's class rules to every member pair and adds them to the pairs' rules (ADR 0025): one more
     * source, reported only where it is strictly more severe than every other (see {@link PairRules}).
     */
    private List<InteractionRule> overlay(List<String[]> rows) {
        List<InteractionRule> added = new ArrayList<>();
        for (String[] f : rows) {
            int[] as = members(f[0], f[2]);
            int[] bs = members(f[0], f[4]);
            Severity severity = Severity.valueOf(f[1]);
            for (int a : as) {
                for (int b : bs) {
                    if (moiety(a) == moiety(b)) {
                        continue;
                    }
                    String text = displayName(a) + " is " + f[3] + "; " + displayName(b) + " is " + f[5] + ". " + f[6];
                    InteractionRule rule = new InteractionRule(
                            f[0] + ":" + formatId(Math.min(a, b)) + ":" + formatId(Math.max(a, b)),
                            OVERLAY,
                            a,
                            b,
                            severity,
                            severity.name(),
                            "",
                            text,
                            f[7]);
                    interactions.merge(pair(moiety(a), moiety(b)), new InteractionRule[] {rule}, (x, y) -> {
                        InteractionRule[] all = Arrays.copyOf(x, x.length + 1);
                        all[x.length] = y[0];
                        if (y[0].severity() == Severity.CONTRAINDICATED) {
                            for (int i = 0; i < x.length; i++) {
                                all[i] = criticalContraindicated(x[i]);
                            }
                        }
                        return all;
                    });
                    added.add(rule);
                }
            }
        }
        return added;
    }

    /**
     * An NDF-RT "Critical" pair that the product label contraindicates (an overlay row citing the label's
     * contraindication) is contraindicated (issue 14 item 2; ADR 0005): NDF-RT's own grading, the source grade kept.
     */
    private static InteractionRule criticalContraindicated(InteractionRule r) {
        if (!r.source().equals("NDF-RT") || !r.sourceSeverity().equals("Critical")) {
            return r;
        }
        return new InteractionRule(
                r.id(),
                r.source(),
                r.a(),
                r.b(),
                Severity.CONTRAINDICATED,
                r.sourceSeverity(),
                r.mechanism(),
                "Critical, and the product label contraindicates the combination (see the overlay's citation)",
                r.citation());
    }

    private int[] members(String rule, String list) {
        String[] parts = list.split(";");
        int[] ids = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Integer id = idForName(parts[i]);
            if (id == null || id == AMBIGUOUS) {
                throw new KnowledgeBaseException(
                        "corrupt medication knowledge base: overlay.tsv " + rule + ": unknown member " + parts[i]);
            }
            ids[i] = id;
        }
        return ids;
    }

    // --- lookups ---

    public String version() {
        return version;
    }

    public KbInfo info() {
        return info;
    }

    public int ruleCount() {
        return ruleCount;
    }

    public int ingredientCount() {
        return ingredients.size();
    }

    /**
     * The active moiety of an ingredient (ADR 0025): potassium for potassium chloride; the ingredient itself when it
     * is not a salt, ester or hydrate linked in {@code moieties.tsv}. Interactions, classes, groups and allergies are
     * matched on it; the dose check keeps the form.
     */
    public int moiety(int id) {
        return id >= 0 && id < moietyById.length ? moietyById[id] : id;
    }

    /** The forms linked to a moiety (form -> moiety, ADR 0025); read only. */
    public Map<Integer, Integer> moieties() {
        return Collections.unmodifiableMap(moieties);
    }

    public boolean knows(int id) {
        return id >= 0 && id < accessionById.length && accessionById[id] != null;
    }

    /** The DrugBank accession of a known id ({@code DB00682}), from the load-time table. */
    public String accession(int id) {
        return knows(id) ? accessionById[id] : formatId(id);
    }

    /** The curated groups an ingredient belongs to, as bits ({@link AllergyRule#drugBit()} …); do not modify. */
    public BitSet groupsOf(int id) {
        BitSet of = id >= 0 && id < groupsById.length ? groupsById[id] : null;
        return of == null ? NO_GROUPS : of;
    }

    /** The bit of a curated group, or -1 when there is no such group. */
    public int groupBit(String group) {
        return groupBits.getOrDefault(group, -1);
    }

    /** The groups any member of this group belongs to (what an allergy to the group can cross-react by); read only. */
    public BitSet groupClosure(int bit) {
        return bit >= 0 && bit < groupClosureByBit.length ? groupClosureByBit[bit] : NO_GROUPS;
    }

    /** The allergy cross-sensitivity rules whose drug group contains this ingredient, in file order. */
    public AllergyRule[] allergyRulesFor(int id) {
        AllergyRule[] rules = id >= 0 && id < allergyRulesByDrug.length ? allergyRulesByDrug[id] : null;
        return rules == null ? NO_ALLERGY_RULES : rules;
    }

    /** The id for a free name, {@link #AMBIGUOUS} when it names several ingredients, null when unknown. */
    public Integer idForName(String name) {
        if (name == null) {
            return null;
        }
        return idForNormalisedName(normalise(name));
    }

    /**
     * {@link #idForName} of a name already {@link #normalise normalised}; a product's full name ("리피토정10밀리그램
     * (아토르바스타틴칼슘삼수화물)", "Seroquel XR 300 mg") falls back on its {@link ProductNames#candidates candidates}.
     */
    Integer idForNormalisedName(String n) {
        Integer id = byName(n);
        if (id == null) {
            for (String candidate : ProductNames.candidates(n)) {
                id = byName(candidate);
                if (id != null) {
                    break;
                }
            }
        }
        return id;
    }

    private Integer byName(String n) {
        Integer id = names.get(n);
        if (id == null) {
            Integer coded = parseId(n);
            if (coded != null && knows(coded)) {
                return coded;
            }
            // "amoxicillin 500 mg" -> "amoxicillin": drop the words that hold digits and dose units
            String words = String.join(
                    " ",
                    Arrays.stream(n.split(" "))
                            .filter(w -> w.chars().noneMatch(Character::isDigit) && !DOSE_WORDS.contains(w))
                            .toList());
            id = words.equals(n) ? null : names.get(words);
            if (id == null) {
                id = bySaltForm(words);
            }
        }
        return id;
    }

    /**
     * A salt, ester or hydrate named by its moiety and salt words ({@code salt-names.tsv}): "amlodipine besylate",
     * "sodium valproate" (-> "valproate" -> "valproic acid"), "암로디핀베실산염"; null when nothing is left or known.
     */
    private Integer bySaltForm(String words) {
        String[] t = words.split(" ");
        int end = t.length;
        while (end > 1 && saltWords.contains(t[end - 1])) {
            end--;
        }
        int start = 0;
        while (start < end - 1 && saltWords.contains(t[start])) {
            start++;
        }
        if (end < t.length || start > 0) {
            Integer id = acidOrAnion(String.join(" ", Arrays.copyOfRange(t, 0, end)));
            if (id == null && start > 0) {
                id = acidOrAnion(String.join(" ", Arrays.copyOfRange(t, start, end)));
            }
            if (id != null) {
                return id;
            }
        }
        // Korean: a salt suffix written onto the name ("메트포르민염산염", "아토르바스타틴칼슘수화물")
        String compact = words.replace(" ", "");
        boolean stripped = false;
        for (boolean again = true; again; ) {
            again = false;
            for (String suffix : saltSuffixes) {
                if (compact.length() > suffix.length() && compact.endsWith(suffix)) {
                    compact = compact.substring(0, compact.length() - suffix.length());
                    stripped = again = true;
                    Integer id = names.get(compact);
                    if (id != null) {
                        return id;
                    }
                    break;
                }
            }
        }
        return stripped ? null : acidOrAnion(words);
    }

    /** The name as it is, or its acid written as the anion and back ("valproate" = "valproic acid"). */
    private Integer acidOrAnion(String name) {
        if (name.isEmpty()) {
            return null;
        }
        Integer id = names.get(name);
        if (id == null && name.endsWith("ate")) {
            id = names.get(name.substring(0, name.length() - 3) + "ic acid");
        } else if (id == null && name.endsWith("ic acid")) {
            id = names.get(name.substring(0, name.length() - 7) + "ate");
        }
        return id;
    }

    /**
     * The ingredient of an ATC code, from the curated products ({@code products.tsv}); null when no product has it
     * or when several do (a combination code such as J01CR02 is not one ingredient).
     */
    /** The ingredient of an RxNorm ingredient concept (RxCUI 723 = amoxicillin), or null when unknown or ambiguous. */
    public Integer idForRxcui(String rxcui) {
        Integer id = rxcui == null ? null : rxnorm.get(rxcui.strip());
        return id == null || id == AMBIGUOUS ? null : id;
    }

    /**
     * The RxNorm ingredient concepts (RxCUIs) that name this ingredient and no other ({@code rxnorm.tsv}, in RxCUI
     * order); empty when it is not mapped.
     */
    public List<String> rxcuis(int id) {
        return rxcuisById.getOrDefault(id, List.of());
    }

    public Integer idForAtc(String code) {
        if (code == null) {
            return null;
        }
        Integer id = atcCodes.get(code.strip().toUpperCase(Locale.ROOT));
        return id == null || id == AMBIGUOUS ? null : id;
    }

    /**
     * The components of a combination product named {@code name} ("Augmentin", "amoxicillin/clavulanate",
     * "co-trimoxazole 960 mg", "셉트린"), or null when it is not a known combination.
     */
    public int[] components(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String key = combinationKey(name);
        int[] ids = combinations.get(key);
        if (ids == null) {
            String words = withoutDoses(key);
            ids = combinations.get(words);
            if (ids == null && key.indexOf('/') > 0 && names.get(normalise(name)) == null) {
                ids = byParts(words.isEmpty() ? key : words);
            }
            if (ids == null) { // "울트라셋이알서방정", "Norco 5/325 mg"
                List<String> candidates = ProductNames.candidates(normalise(name));
                ids = candidates.isEmpty() ? null : combinations.get(combinationKey(candidates.getFirst()));
            }
        }
        return ids == null ? null : ids.clone();
    }

    /** English INN spellings of a French INN ({@code normalise}d), possibly none. */
    public static List<String> englishOfFrench(String fr) {
        List<String> out = new ArrayList<>(2);
        if (fr.startsWith("acide ") && fr.endsWith("ique") && fr.indexOf(' ', 6) < 0) {
            out.add(fr.substring(6, fr.length() - 4) + "ic acid");
            return out;
        }
        String[] words = fr.split(" ");
        boolean changed = false;
        for (int i = 0; i < words.length; i++) {
            if (words[i].equals("insuline")) {
                words[i] = "insulin";
                changed = true;
            } else if (words[i].length() > 5 && words[i].endsWith("ine")) {
                words[i] = words[i].substring(0, words[i].length() - 1);
                changed = true;
            }
        }
        if (changed) {
            out.add(String.join(" ", words));
        }
        return out;
    }

    /** The components of a combination ATC code (J01CR02), or null. */
    public int[] componentsForAtc(String code) {
        int[] ids = code == null ? null : combinations.get("atc:" + code.strip().toLowerCase(Locale.ROOT));
        return ids == null ? null : ids.clone();
    }

    /**
     * A combination the curated table does not list, named by its ingredients ("hydrocodone/acetaminophen",
     * "amlodipine and benazepril", "losartan-hydrochlorothiazide"): every part must name one known ingredient, else
     * null (the name then stays unknown: check incomplete).
     */
    /** A combination key without its strengths and dose words ("amoxicillin/clavulanate 875/125 mg tablet"). */
    private static String withoutDoses(String key) {
        return String.join(
                " ",
                Arrays.stream(key.split(" "))
                        .filter(w -> w.chars().noneMatch(Character::isDigit) && !DOSE_WORDS.contains(w))
                        .toList());
    }

    /** A combination named by its parts, some of which the knowledge base knows and some not. */
    public record PartialCombination(int[] known, List<String> unknown) {}

    /**
     * A free name of a combination ("piperacillin/tazobactam") whose parts the knowledge base knows only in part: the
     * known parts' ids and the other parts as written; null when it is not such a combination (all parts known is
     * {@link #components}, none known is an unknown drug). The known parts are checked and the others reported as
     * not checked, instead of the whole product being unknown (a penicillin allergy never reached piperacillin).
     */
    public PartialCombination partialComponents(String name) {
        if (name == null || name.isBlank() || names.get(normalise(name)) != null || components(name) != null) {
            return null;
        }
        String key = combinationKey(name);
        String words = withoutDoses(key);
        String[] parts = (words.isEmpty() ? key : words).split("/");
        if (parts.length < 2 || parts.length > 4) {
            return null;
        }
        int[] known = new int[parts.length];
        int n = 0;
        List<String> unknown = new ArrayList<>(parts.length);
        for (String part : parts) {
            Integer id = part.isBlank() ? null : idForNormalisedName(part.strip());
            if (id == null || id == AMBIGUOUS) {
                unknown.add(part.strip());
            } else {
                known[n++] = id;
            }
        }
        return n == 0 || unknown.isEmpty()
                ? null
                : new PartialCombination(Arrays.copyOf(known, n), List.copyOf(unknown));
    }

    private int[] byParts(String key) {
        String[] parts = key.split("/");
        if (parts.length < 2 || parts.length > 4) {
            return null;
        }
        int[] ids = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Integer id = parts[i].isBlank() ? null : idForNormalisedName(parts[i].strip());
            if (id == null || id == AMBIGUOUS) {
                return null;
            }
            ids[i] = id;
        }
        return ids;
    }

    /** Normalised, with " / ", " + ", " and ", "+" and "-" between words read as "/" ("co-" prefixes kept). */
    static String combinationKey(String name) {
        String n = normalise(name)
                .replace(" / ", "/")
                .replace(" + ", "/")
                .replace(" and ", "/")
                .replace(" & ", "/")
                .replace("+", "/");
        return n.startsWith("co-") ? n : n.replaceAll("(?<=[a-z가-힣])-(?=[a-z가-힣])", "/");
    }

    /** The target of a free-text allergen term ({@code DBnnnnn} or {@code group:NAME}), or null. */
    public String allergenTerm(String text) {
        return text == null ? null : allergenTerms.get(normalise(text));
    }

    /** {@link #allergenTerm} of a text already {@link #normalise normalised}. */
    String allergenTermOfNormalised(String text) {
        return allergenTerms.get(text);
    }

    public Set<Integer> group(String name) {
        return groups.getOrDefault(name, Set.of());
    }

    public String displayName(int id) {
        return knows(id) ? displayNameById[id] : formatId(id);
    }

    private String nameOf(int id) {
        Product p = products.get(id);
        if (p != null) {
            return p.nameEn();
        }
        String[] n = ingredients.get(id);
        if (n == null) {
            return formatId(id);
        }
        if (!n[0].isEmpty()) {
            return n[0];
        }
        return n[1].isEmpty()
                ? formatId(id)
                : n[1].charAt(0) + n[1].substring(1).toLowerCase(Locale.ROOT);
    }

    public InteractionRule[] interactions(int a, int b) {
        PairRules rules = interactionIndex.get(pair(moiety(a), moiety(b)));
        return rules == null ? null : rules.rules();
    }

    /** The rules of a pair ({@link #pair} key) with their alert content, or null when the pair does not interact. */
    PairRules pairRules(long pairKey) {
        return interactionIndex.get(pairKey);
    }

    public Product product(int id) {
        return knows(id) ? productById[id] : null;
    }

    /** The limits of an age band for a product ({@code dose-bands.tsv}), or null when none are recorded. */
    public DoseBand doseBand(int id, AgeBand band) {
        return doseBands.getOrDefault(band, Map.of()).get(id);
    }

    /** The duplicate-therapy rules of the groups this ingredient belongs to. */
    public DuplicateRule[] duplicateRules(int id) {
        DuplicateRule[] rules = id >= 0 && id < duplicateRulesById.length ? duplicateRulesById[id] : null;
        return rules == null ? NO_DUPLICATE_RULES : rules;
    }

    /**
     * The groups of this ingredient's duplicate-therapy rules, as bits ({@link DuplicateRule#groupBit()}): a partner
     * whose {@link #groupsOf} does not intersect them matches none of the rules; do not modify.
     */
    public BitSet duplicateRuleBits(int id) {
        BitSet bits = id >= 0 && id < duplicateRuleBitsById.length ? duplicateRuleBitsById[id] : null;
        return bits == null ? NO_GROUPS : bits;
    }

    public List<AllergyRule> allergyRules() {
        return allergyRules;
    }

    public String citation(String source) {
        String citation = citations.get(source);
        return citation != null
                ? citation
                : citations.computeIfAbsent(
                        source,
                        s -> s.equals(OVERLAY)
                                ? "CDSS clinical overlay (overlay.tsv): label contraindications and published lists,"
                                        + " cited per rule; raises severity only"
                                : meta.getProperty("source." + s + ".citation", s));
    }

    public Map<Integer, Product> products() {
        return Collections.unmodifiableMap(products);
    }

    public Map<Integer, String[]> ingredients() {
        return Collections.unmodifiableMap(ingredients);
    }

    /** Every interaction rule that names this ingredient (either side), in file order; empty when none. */
    public List<InteractionRule> rulesOf(int id) {
        return Collections.unmodifiableList(rulesByIngredient.getOrDefault(moiety(id), List.of()));
    }

    /**
     * Whether an interaction source covers this ingredient: some rule names it, its moiety or one of its forms. An
     * ingredient no source names cannot be checked for interactions at all (ADR 0061).
     */
    public boolean screenedForInteractions(int id) {
        return rulesByIngredient.containsKey(moiety(id)) || rulesByIngredient.containsKey(id);
    }

    /** The ANSM classes ({@code classes.tsv}) this ingredient belongs to, by name. */
    public List<String> ansmClassesOf(int id) {
        return ansmClassesByIngredient.getOrDefault(id, List.of());
    }

    /** The curated groups ({@code groups.tsv}) of this ingredient that allergy rules or allergen terms use. */
    public List<String> allergyGroupsOf(int id) {
        return groupsByIngredient.getOrDefault(id, List.of()).stream()
                .filter(allergyGroups::contains)
                .toList();
    }

    /** The curated groups of this ingredient that duplicate-therapy rules use. */
    public List<String> duplicateGroupsOf(int id) {
        return groupsByIngredient.getOrDefault(id, List.of()).stream()
                .filter(duplicateGroups::contains)
                .toList();
    }

    /** The interaction sources named in {@code kb.properties} ({@code sources=}). */
    public List<String> sources() {
        return Arrays.stream(meta.getProperty("sources", "").split(","))
                .map(String::strip)
                .filter(x -> !x.isEmpty())
                .toList();
    }

    /**
     * The key of an unordered pair of ingredients. The packed pair is passed through MurmurHash3's 64-bit finaliser
     * (a bijection, so keys stay unique) because {@link Long#hashCode()} of a packed pair is {@code lo ^ hi}, which
     * piles DrugBank numbers into a few buckets.
     */
    public static long pair(int a, int b) {
        int lo = Math.min(a, b);
        int hi = Math.max(a, b);
        long k = ((long) lo << 32) | (hi & 0xffffffffL);
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }

    public static String formatId(int id) {
        String digits = Integer.toString(id);
        return digits.length() >= 5 ? "DB" + digits : "DB" + "00000".substring(digits.length()) + digits;
    }

    /** The number of a DrugBank accession ({@code DB00945} → 945), or null. No regular expression: hot path. */
    public static Integer parseId(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        if (t.length() != 7
                || (t.charAt(0) != 'D' && t.charAt(0) != 'd')
                || (t.charAt(1) != 'B' && t.charAt(1) != 'b')) {
            return null;
        }
        int value = 0;
        for (int i = 2; i < 7; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Lower case, underscores as spaces, runs of white space as one space, trimmed. */
    static String normalise(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '_') {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(Character.toLowerCase(c));
            }
        }
        return out.toString();
    }

    // --- loading helpers ---

    private KbInfo buildInfo() {
        Map<String, Integer> counts = new TreeMap<>();
        counts.put("ingredients", ingredients.size());
        counts.put("products", products.size());
        counts.put("rules", ruleCount);
        counts.put("allergyRules", allergyRules.size());
        counts.put(
                "classMemberships",
                ansmClasses.values().stream().mapToInt(Set::size).sum());
        Map<String, Integer> bySource = new TreeMap<>();
        for (InteractionRule[] rules : interactions.values()) {
            for (InteractionRule r : rules) {
                bySource.merge(r.source(), 1, Integer::sum);
                counts.merge("rules." + r.source() + "." + r.severity(), 1, Integer::sum);
            }
        }
        List<KbInfo.Source> sources = new ArrayList<>();
        bySource.forEach((s, n) -> sources.add(new KbInfo.Source(s, citation(s), n)));
        return new KbInfo(version(), true, null, sources, counts);
    }

    /** A name of two accessions of one moiety (a salt and its moiety, ADR 0025) names the moiety, not "ambiguous". */
    private void index(Map<String, Integer> map, String name, int id) {
        if (name == null || name.isBlank()) {
            return;
        }
        String n = normalise(name);
        merge(map, n, id);
        // Korean names are written with and without spaces ("인슐린 글라진", "인슐린글라진정"): both are indexed
        if (n.indexOf(' ') > 0
                && n.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL)) {
            merge(map, n.replace(" ", ""), id);
        }
    }

    private void merge(Map<String, Integer> map, String n, int id) {
        map.merge(n, id, (old, now) -> {
            if (old.equals(now)) {
                return old;
            }
            return old != AMBIGUOUS && moiety(old) == moiety(now) ? Integer.valueOf(moiety(old)) : AMBIGUOUS;
        });
    }

    private static Map<Integer, List<String>> invert(Map<String, Set<Integer>> byName) {
        Map<Integer, List<String>> byMember = new HashMap<>();
        new TreeMap<>(byName)
                .forEach((name, members) -> members.forEach(
                        m -> byMember.computeIfAbsent(m, k -> new ArrayList<>()).add(name)));
        byMember.replaceAll((k, v) -> List.copyOf(v));
        return byMember;
    }
}
