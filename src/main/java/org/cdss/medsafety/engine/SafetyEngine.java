package org.cdss.medsafety.engine;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cdss.medsafety.ActiveMedication;
import org.cdss.medsafety.AlertType;
import org.cdss.medsafety.DrugCodes;
import org.cdss.medsafety.DrugSuggestion;
import org.cdss.medsafety.InvolvedDrug;
import org.cdss.medsafety.KbInfo;
import org.cdss.medsafety.KbIngredient;
import org.cdss.medsafety.MedicationCheckRequest;
import org.cdss.medsafety.MedicationCheckResult;
import org.cdss.medsafety.ProposedDrug;
import org.cdss.medsafety.RecordedAllergy;
import org.cdss.medsafety.SafetyAlert;
import org.cdss.medsafety.Severity;
import org.cdss.shared.DomainException;
import org.cdss.shared.PageView;
import org.cdss.shared.ProblemCode;

/**
 * The medication safety engine: pure Java, thread-safe, no I/O per check. It resolves the request against the
 * {@link KnowledgeBase} and runs the policies. Without a knowledge base (missing or corrupt at start-up) every check
 * answers {@code complete=false} with an INCOMPLETE alert: it never reports "no interactions" it could not check.
 */
public final class SafetyEngine {

    private final KnowledgeBase kb;
    private final KbInfo info;
    private final List<SafetyPolicy> policies = List.of(
            new UnknownDrugPolicy(),
            new InteractionPolicy(),
            new InteractionCoveragePolicy(),
            new AllergyPolicy(),
            new DuplicateTherapyPolicy(),
            new DoseRangePolicy(),
            new WeeklyDosingPolicy());
    private final List<SearchEntry> searchEntries;

    private SafetyEngine(KnowledgeBase kb, String problem) {
        this.kb = kb;
        this.info = kb != null ? kb.info() : new KbInfo("unavailable", false, problem, List.of(), Map.of());
        this.searchEntries = kb != null ? searchEntries(kb) : List.of();
    }

    public static SafetyEngine with(KnowledgeBase kb) {
        return new SafetyEngine(kb, null);
    }

    /** An engine whose knowledge base did not load: every check is incomplete. */
    public static SafetyEngine unavailable(String problem) {
        return new SafetyEngine(null, problem);
    }

    public boolean available() {
        return kb != null;
    }

    public KbInfo info() {
        return info;
    }

    public MedicationCheckResult check(MedicationCheckRequest request) {
        validate(request);
        if (kb == null) {
            List<InvolvedDrug> drugs = request.proposed().stream()
                    .map(d -> new InvolvedDrug(
                            d.ingredientId(), d.name() != null ? d.name() : d.ingredientId(), "PROPOSED"))
                    .toList();
            SafetyAlert alert = new SafetyAlert(
                    AlertType.INCOMPLETE,
                    Severity.MAJOR,
                    Severity.MAJOR.tier(),
                    drugs,
                    "The medication knowledge base is not available: NOTHING was checked (interactions, allergies, "
                            + "duplicates, dose).",
                    "Check the order manually with a pharmacist and tell IT: the knowledge base failed to load.",
                    UnknownDrugPolicy.SOURCE,
                    "CDSS fail-safe rule (issue 4)",
                    "INCOMPLETE-KB-UNAVAILABLE",
                    List.of(),
                    info.version());
            return new MedicationCheckResult(List.of(alert), false, info);
        }
        CheckContext context = resolve(request);
        Findings findings = new Findings(64);
        for (int i = 0; i < policies.size(); i++) {
            policies.get(i).evaluate(context, findings);
        }
        return new MedicationCheckResult(findings.sorted(), !findings.incomplete(), info);
    }

    /**
     * The knowledge-base code of a free-text substance or drug name, as a recorded allergy or medication stores it:
     * an allergen term ({@code group:PENICILLINS} or {@code DBnnnnn}) or the one ingredient the name denotes; null
     * when unknown or ambiguous, or when the knowledge base is not loaded.
     */
    public String codeSubstance(String text) {
        if (kb == null || text == null || text.isBlank()) {
            return null;
        }
        String term = kb.allergenTerm(text);
        if (term != null) {
            return term;
        }
        // a combination product ("Augmentin") is its components, never the one ingredient a brand index names
        // (clavulanic acid): stored as "DB01060+DB00766", read back by #combinationParts
        int[] parts = kb.components(text);
        if (parts != null) {
            return combinationCode(parts);
        }
        Integer id = kb.idForName(text);
        return id == null || id == KnowledgeBase.AMBIGUOUS ? null : KnowledgeBase.formatId(id);
    }

    /** The stored code of a combination: its components' accessions joined by "+". */
    static String combinationCode(int[] parts) {
        StringBuilder code = new StringBuilder();
        for (int part : parts) {
            if (!code.isEmpty()) {
                code.append('+');
            }
            code.append(KnowledgeBase.formatId(part));
        }
        return code.toString();
    }

    /** The components of a stored combination code ("DB01060+DB00766"), or null for any other code. */
    static int[] combinationParts(String code) {
        if (code == null || code.indexOf('+') < 0) {
            return null;
        }
        String[] accessions = code.split("\\+");
        int[] parts = new int[accessions.length];
        for (int i = 0; i < accessions.length; i++) {
            Integer id = KnowledgeBase.parseId(accessions[i]);
            if (id == null) {
                return null;
            }
            parts[i] = id;
        }
        return parts;
    }

    /** Whether a free name is a known combination product (checked as its components). */
    /** The KB's display name of a DrugBank accession ({@code null} when the KB is missing or does not know it). */
    public String displayName(String accession) {
        Integer id = kb == null ? null : KnowledgeBase.parseId(accession);
        return id == null || !kb.knows(id) ? null : kb.displayName(id);
    }

    public boolean isCombination(String name) {
        return kb != null && kb.components(name) != null;
    }

    /** The DrugBank accession when the knowledge base knows it ({@code DB01060}), else null. */
    public String knownIngredient(String accession) {
        Integer id = kb == null ? null : KnowledgeBase.parseId(accession);
        return id != null && kb.knows(id) ? KnowledgeBase.formatId(id) : null;
    }

    /** The DrugBank accession of an RxNorm ingredient concept (RxCUI), else null (products are not mapped). */
    public String ingredientForRxcui(String rxcui) {
        Integer id = kb == null ? null : kb.idForRxcui(rxcui);
        return id == null ? null : KnowledgeBase.formatId(id);
    }

    /**
     * The codes the knowledge base holds for a DrugBank accession: its English and Korean names, the RxNorm
     * ingredient concepts mapped to it ({@code rxnorm.tsv}) and the ATC code of its curated product
     * ({@code products.tsv}); empty when the knowledge base does not know it or is not loaded.
     */
    public java.util.Optional<DrugCodes> codes(String accession) {
        Integer id = kb == null || accession == null ? null : KnowledgeBase.parseId(accession);
        if (id == null || !kb.knows(id)) {
            return java.util.Optional.empty();
        }
        KnowledgeBase.Product p = kb.product(id);
        String atc = p == null || p.atc().isBlank() ? null : p.atc().strip();
        return java.util.Optional.of(new DrugCodes(
                KnowledgeBase.formatId(id),
                kb.displayName(id),
                p == null || p.nameKo().isBlank() ? null : p.nameKo(),
                kb.rxcuis(id),
                atc));
    }

    /** The components (DrugBank accessions) of a combination product's ATC code (J01CR02), else an empty list. */
    public List<String> componentsForAtc(String atc) {
        int[] ids = kb == null ? null : kb.componentsForAtc(atc);
        return ids == null
                ? List.of()
                : java.util.Arrays.stream(ids).mapToObj(KnowledgeBase::formatId).toList();
    }

    /** The DrugBank accession of the one ingredient an ATC code denotes in the knowledge base, else null. */
    public String ingredientForAtc(String atc) {
        if (kb != null && kb.componentsForAtc(atc) != null) {
            return null; // a combination code is not one ingredient
        }
        Integer id = kb == null ? null : kb.idForAtc(atc);
        return id == null ? null : KnowledgeBase.formatId(id);
    }

    /** Drug search for the order form: products first, then ingredients; prefix matches before others. */
    public List<DrugSuggestion> search(String query, int limit) {
        String q = query == null ? "" : KnowledgeBase.normalise(query);
        if (q.isEmpty()) {
            return List.of();
        }
        List<DrugSuggestion> prefix = new ArrayList<>();
        List<DrugSuggestion> contains = new ArrayList<>();
        for (SearchEntry e : searchEntries) {
            int rank = e.rank(q);
            if (rank == 0 && prefix.size() < limit) {
                prefix.add(e.suggestion());
            } else if (rank == 1 && contains.size() < limit) {
                contains.add(e.suggestion());
            }
            if (prefix.size() >= limit) {
                break;
            }
        }
        prefix.addAll(contains);
        return List.copyOf(prefix.subList(0, Math.min(limit, prefix.size())));
    }

    private static void validate(MedicationCheckRequest request) {
        List<DomainException.FieldProblem> problems = new ArrayList<>();
        if (request.proposed().isEmpty()) {
            problems.add(new DomainException.FieldProblem("/proposed", "NotEmpty"));
        }
        limit(problems, "/proposed", request.proposed().size(), MedicationCheckRequest.MAX_PROPOSED);
        limit(problems, "/activeMedications", request.activeMedications().size(), MedicationCheckRequest.MAX_ACTIVE);
        limit(problems, "/allergies", request.allergies().size(), MedicationCheckRequest.MAX_ALLERGIES);
        for (int i = 0; i < request.proposed().size() && problems.isEmpty(); i++) {
            ProposedDrug d = request.proposed().get(i);
            if (d == null || (blank(d.ingredientId()) && blank(d.name()))) {
                problems.add(new DomainException.FieldProblem("/proposed/" + i + "/name", "validation.required"));
            }
        }
        if (!problems.isEmpty()) {
            throw new DomainException(ProblemCode.VALIDATION, null, problems);
        }
    }

    private static void limit(List<DomainException.FieldProblem> problems, String pointer, int size, int max) {
        if (size > max) {
            problems.add(new DomainException.FieldProblem(pointer, "medsafety.too-many", max));
        }
    }

    private CheckContext resolve(MedicationCheckRequest request) {
        List<CheckContext.Drug> proposed = new ArrayList<>(request.proposed().size());
        int product = 0;
        for (ProposedDrug d : request.proposed()) {
            int[] parts = blank(d.ingredientId()) ? kb.components(d.name()) : combinationParts(d.ingredientId());
            KnowledgeBase.PartialCombination partial =
                    parts == null && blank(d.ingredientId()) ? kb.partialComponents(d.name()) : null;
            if (parts != null) {
                components(proposed, parts, d.name(), "PROPOSED", ++product);
            } else if (partial != null) {
                partly(proposed, partial, d.name(), "PROPOSED", ++product);
            } else {
                proposed.add(drug(d.ingredientId(), d.name(), "PROPOSED", d));
            }
        }
        List<CheckContext.Drug> active =
                new ArrayList<>(request.activeMedications().size());
        for (ActiveMedication m : request.activeMedications()) {
            if (m != null && !(blank(m.ingredientId()) && blank(m.name()))) {
                int[] parts = blank(m.ingredientId()) ? kb.components(m.name()) : combinationParts(m.ingredientId());
                KnowledgeBase.PartialCombination partial =
                        parts == null && blank(m.ingredientId()) ? kb.partialComponents(m.name()) : null;
                if (parts != null) {
                    components(active, parts, m.name(), "ACTIVE", ++product);
                } else if (partial != null) {
                    partly(active, partial, m.name(), "ACTIVE", ++product);
                } else {
                    active.add(drug(m.ingredientId(), m.name(), "ACTIVE", null));
                }
            }
        }
        List<CheckContext.Allergy> allergies =
                new ArrayList<>(request.allergies().size());
        for (RecordedAllergy a : request.allergies()) {
            if (a != null && !(blank(a.allergenId()) && blank(a.text()))) {
                int[] parts = combinationParts(a.allergenId());
                if (parts == null && !blank(a.text()) && kb.allergenTerm(a.text()) == null) {
                    // the record names a combination: its components, whatever single code it was stored with
                    // (before combinations were coded, "Augmentin" was stored as clavulanic acid)
                    parts = kb.components(a.text());
                }
                KnowledgeBase.PartialCombination partial =
                        parts == null && blank(a.allergenId()) ? kb.partialComponents(a.text()) : null;
                if (parts != null) {
                    for (int part : parts) {
                        allergies.add(allergyToIngredient(part, a));
                    }
                } else if (partial != null) {
                    // the known parts are checked; each other part is an allergy that could not be coded
                    for (int part : partial.known()) {
                        allergies.add(allergyToIngredient(part, a));
                    }
                    for (String part : partial.unknown()) {
                        allergies.add(toIngredient(
                                null,
                                part + " (in " + a.text().strip() + ")",
                                AllergyReaction.of(a.reaction(), a.severity())));
                    }
                } else {
                    allergies.add(allergy(a));
                }
            }
        }
        return new CheckContext(
                kb, proposed, active, allergies, request.ageYears(), request.weightKg(), repeats(proposed, active));
    }

    /** Whether a known ingredient occurs more than once among the proposed and active drugs. */
    private static boolean repeats(List<CheckContext.Drug> proposed, List<CheckContext.Drug> active) {
        int[] ids = new int[proposed.size() + active.size()];
        int n = 0;
        for (int i = 0; i < proposed.size(); i++) {
            if (proposed.get(i).known()) {
                ids[n++] = proposed.get(i).id();
            }
        }
        for (int i = 0; i < active.size(); i++) {
            if (active.get(i).known()) {
                ids[n++] = active.get(i).id();
            }
        }
        java.util.Arrays.sort(ids, 0, n);
        for (int i = 1; i < n; i++) {
            if (ids[i] == ids[i - 1]) {
                return true;
            }
        }
        return false;
    }

    /**
     * A combination product is checked as its components ("Amoxicillin (in Augmentin)"); the product's dose is not
     * compared with single-ingredient limits, and its components are not checked against each other.
     */
    private void components(List<CheckContext.Drug> into, int[] ids, String given, String role, int product) {
        for (int id : ids) {
            into.add(new CheckContext.Drug(
                    kb.moiety(id),
                    id,
                    kb.accession(id),
                    kb.displayName(id) + " (in " + given.strip() + ")",
                    role,
                    null,
                    given.strip(),
                    product,
                    false));
        }
    }

    /**
     * A combination known only in part ("piperacillin/tazobactam" when the KB knows no tazobactam): the known parts
     * as components, each other part as an unknown drug (reported as not checked by {@link UnknownDrugPolicy}).
     */
    private void partly(
            List<CheckContext.Drug> into,
            KnowledgeBase.PartialCombination partial,
            String given,
            String role,
            int product) {
        components(into, partial.known(), given, role, product);
        for (String part : partial.unknown()) {
            String name = part + " (in " + given.strip() + ")";
            into.add(new CheckContext.Drug(CheckContext.UNKNOWN, null, name, role, null, name, product, false));
        }
    }

    private CheckContext.Drug drug(String idText, String name, String role, ProposedDrug order) {
        String given = !blank(name) ? name.strip() : idText.strip();
        Integer id = null;
        if (!blank(idText)) {
            id = KnowledgeBase.parseId(idText);
            if (id != null && !kb.knows(id)) {
                id = null;
            }
        }
        if (id == null && !blank(name)) {
            id = kb.idForName(name);
        }
        if (id == null) {
            return new CheckContext.Drug(CheckContext.UNKNOWN, null, given, role, order, given, 0, false);
        }
        if (id == KnowledgeBase.AMBIGUOUS) {
            return new CheckContext.Drug(KnowledgeBase.AMBIGUOUS, null, given, role, order, given, 0, false);
        }
        int moiety = kb.moiety(id);
        if (moiety == id) {
            return new CheckContext.Drug(id, kb.accession(id), kb.displayName(id), role, order, given, 0, true);
        }
        // a salt, ester or hydrate: named with its moiety ("Potassium chloride (potassium)"), matched on the moiety
        String named = kb.displayName(id) + " (" + kb.displayName(moiety).toLowerCase(Locale.ROOT) + ")";
        return new CheckContext.Drug(moiety, id, kb.accession(id), named, role, order, given, 0, false);
    }

    private CheckContext.Allergy allergy(RecordedAllergy a) {
        AllergyReaction reaction = AllergyReaction.of(a.reaction(), a.severity());
        String label = !blank(a.text()) ? a.text().strip() : a.allergenId().strip();
        String target;
        Integer id = null;
        if (!blank(a.allergenId())) {
            target = a.allergenId().strip();
        } else {
            String text = KnowledgeBase.normalise(a.text()); // once, for both indexes
            target = kb.allergenTermOfNormalised(text);
            if (target == null) {
                id = kb.idForNormalisedName(text);
            }
        }
        if (target != null && target.regionMatches(true, 0, "group:", 0, 6)) {
            String group = target.substring(6).strip().toUpperCase(Locale.ROOT);
            Set<Integer> members = kb.group(group);
            int bit = kb.groupBit(group);
            return new CheckContext.Allergy(
                    members,
                    null,
                    members.isEmpty() ? null : group,
                    bit,
                    kb.groupClosure(bit),
                    blank(a.text()) ? group : label,
                    reaction);
        }
        if (target != null) {
            id = KnowledgeBase.parseId(target);
        }
        boolean known = id != null && kb.knows(id);
        return toIngredient(id, known && blank(a.text()) ? kb.displayName(id) : label, reaction);
    }

    /** One component of a combination the patient is allergic to, named as the record names the product. */
    private CheckContext.Allergy allergyToIngredient(int id, RecordedAllergy a) {
        AllergyReaction reaction = AllergyReaction.of(a.reaction(), a.severity());
        String label = !blank(a.text()) ? a.text().strip() : a.allergenId().strip();
        return toIngredient(id, kb.knows(id) ? label + " (" + kb.displayName(id) + ")" : label, reaction);
    }

    /** An allergy to one ingredient (matched on its moiety), or an uncoded one when the KB does not know it. */
    private CheckContext.Allergy toIngredient(Integer id, String label, AllergyReaction reaction) {
        if (id == null || !kb.knows(id)) {
            return new CheckContext.Allergy(Set.of(), null, null, -1, new BitSet(0), label, reaction);
        }
        int moiety = kb.moiety(id);
        return new CheckContext.Allergy(Set.of(moiety), moiety, null, -1, kb.groupsOf(moiety), label, reaction);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private record SearchEntry(DrugSuggestion suggestion, List<String> keys) {
        /** 0 = a key starts with q, 1 = a key contains it, 2 = no match. */
        int rank(String q) {
            int best = 2;
            for (String k : keys) {
                if (k.startsWith(q)) {
                    return 0;
                }
                if (best == 2 && k.contains(q)) {
                    best = 1;
                }
            }
            return best;
        }
    }

    /** The orderable product of a DrugBank accession, if the knowledge base has one (the order form's drug). */
    public java.util.Optional<DrugSuggestion> orderable(String accession) {
        Integer id = kb == null || accession == null ? null : KnowledgeBase.parseId(accession);
        KnowledgeBase.Product p = id == null ? null : kb.product(id);
        return p == null
                ? java.util.Optional.empty()
                : java.util.Optional.of(new DrugSuggestion(
                        KnowledgeBase.formatId(p.id()),
                        p.nameEn(),
                        p.nameKo(),
                        p.brands(),
                        p.strength() + " " + p.strengthUnit(),
                        p.form(),
                        p.route(),
                        true));
    }

    /**
     * The KB browser's view of one ingredient or product (DrugBank accession), with one page of its interactions
     * (optionally only one severity and/or source), most severe first, then by partner name; empty when the
     * knowledge base does not know the accession or is not loaded.
     */
    public java.util.Optional<KbIngredient> ingredient(
            String accession, Severity severity, String source, int page, int size) {
        Integer id = kb == null ? null : KnowledgeBase.parseId(accession);
        if (id == null || !kb.knows(id)) {
            return java.util.Optional.empty();
        }
        Map<Severity, Integer> counts = new java.util.EnumMap<>(Severity.class);
        List<KbIngredient.KbInteraction> matching = new ArrayList<>();
        for (KnowledgeBase.InteractionRule r : kb.rulesOf(id)) {
            counts.merge(r.severity(), 1, Integer::sum);
            if ((severity == null || r.severity() == severity)
                    && (source == null || r.source().equals(source))) {
                int partner = kb.moiety(r.a()) == kb.moiety(id) ? r.b() : r.a();
                matching.add(new KbIngredient.KbInteraction(
                        r.id(),
                        KnowledgeBase.formatId(partner),
                        kb.displayName(partner),
                        r.severity(),
                        r.source(),
                        r.sourceSeverity(),
                        r.mechanism(),
                        r.description(),
                        kb.citation(r.source()) + (r.citation().isEmpty() ? "" : " " + r.citation())));
            }
        }
        matching.sort(Comparator.comparing(KbIngredient.KbInteraction::severity)
                .thenComparing(i -> i.partnerName().toLowerCase(Locale.ROOT))
                .thenComparing(KbIngredient.KbInteraction::ruleId));
        int from = (int) Math.min((long) page * size, matching.size());
        int to = Math.min(from + size, matching.size());
        String[] names = kb.ingredients().getOrDefault(id, new String[] {"", ""});
        KnowledgeBase.Product p = kb.product(id);
        KbIngredient.KbProduct product = p == null
                ? null
                : new KbIngredient.KbProduct(
                        p.brands(),
                        p.strength() + " " + p.strengthUnit(),
                        p.form(),
                        p.route(),
                        p.maxSingle(),
                        p.maxDaily(),
                        p.doseUnit().isEmpty() ? null : p.doseUnit(),
                        p.doseSource().isEmpty() ? null : p.doseSource());
        return java.util.Optional.of(new KbIngredient(
                KnowledgeBase.formatId(id),
                kb.displayName(id),
                names[1].isEmpty() ? null : names[1],
                p == null || p.nameKo().isEmpty() ? null : p.nameKo(),
                p == null || p.atc().isBlank() ? null : p.atc().strip(),
                product,
                kb.ansmClassesOf(id),
                kb.allergyGroupsOf(id),
                kb.duplicateGroupsOf(id),
                counts,
                PageView.of(List.copyOf(matching.subList(from, to)), page, size, matching.size())));
    }

    /** The interaction sources of the knowledge base (empty when it is not loaded). */
    public List<String> sources() {
        return kb == null ? List.of() : kb.sources();
    }

    private static List<SearchEntry> searchEntries(KnowledgeBase kb) {
        List<SearchEntry> entries = new ArrayList<>();
        kb.products().values().stream()
                .sorted(Comparator.comparing(KnowledgeBase.Product::nameEn))
                .forEach(p -> entries.add(new SearchEntry(
                        new DrugSuggestion(
                                KnowledgeBase.formatId(p.id()),
                                p.nameEn(),
                                p.nameKo(),
                                p.brands(),
                                p.strength() + " " + p.strengthUnit(),
                                p.form(),
                                p.route(),
                                true),
                        keys(
                                p.nameEn(),
                                p.nameKo(),
                                p.brands(),
                                kb.ingredients().getOrDefault(p.id(), new String[] {"", ""})[1]))));
        kb.ingredients().entrySet().stream()
                .filter(e -> kb.product(e.getKey()) == null)
                .sorted(Comparator.comparing(e -> kb.displayName(e.getKey())))
                .forEach(e -> entries.add(new SearchEntry(
                        new DrugSuggestion(
                                KnowledgeBase.formatId(e.getKey()),
                                kb.displayName(e.getKey()),
                                null,
                                null,
                                null,
                                null,
                                null,
                                false),
                        keys(e.getValue()[0], e.getValue()[1]))));
        return List.copyOf(entries);
    }

    private static List<String> keys(String... names) {
        List<String> keys = new ArrayList<>();
        for (String n : names) {
            if (n == null || n.isBlank()) {
                continue;
            }
            keys.add(KnowledgeBase.normalise(n));
            for (String part : n.split("[;\\s()]+")) {
                if (!part.isBlank()) {
                    keys.add(KnowledgeBase.normalise(part));
                }
            }
        }
        return List.copyOf(keys);
    }
}
