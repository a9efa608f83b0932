package org.cdss.fhir;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementCompositeDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementDefinition;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeChildContainedResources;
import ca.uhn.fhir.context.RuntimeChildDeclaredExtensionDefinition;
import ca.uhn.fhir.context.RuntimeChildNarrativeDefinition;
import ca.uhn.fhir.context.RuntimeResourceDefinition;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IBaseReference;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Element;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.jspecify.annotations.Nullable;

/**
 * {@link FhirJsonWriter}'s plan per class (the children HAPI's JSON parser visits, in its order, and what each is to
 * the writer) and the checks where it gives up rather than write what HAPI might not (ADR 0052).
 */
final class FhirJsonPlans {

    static final GiveUp GIVE_UP = new GiveUp();

    private final FhirContext context;
    private final ConcurrentHashMap<Class<?>, Child[]> plans = new ConcurrentHashMap<>();

    FhirJsonPlans(FhirContext context) {
        this.context = context;
    }

    Child[] plan(Class<?> type) {
        Child[] plan = plans.get(type);
        if (plan == null) {
            plan = plans.computeIfAbsent(type, this::newPlan);
        }
        return plan;
    }

    @SuppressWarnings("unchecked")
    private Child[] newPlan(Class<?> type) {
        BaseRuntimeElementDefinition<?> def = context.getElementDefinition((Class<? extends IBase>) type);
        if (!(def instanceof BaseRuntimeElementCompositeDefinition<?> composite)) {
            throw GIVE_UP;
        }
        boolean isResource = def instanceof RuntimeResourceDefinition;
        return composite.getChildrenAndExtension().stream()
                .filter(c -> !c.getElementName().equals("id"))
                .map(c -> new Child(
                        c, c.getElementName(), c.getElementName().hashCode(), kind(c, isResource), multiple(c)))
                .toArray(Child[]::new);
    }

    private static Kind kind(BaseRuntimeChildDefinition child, boolean isResource) {
        String name = child.getElementName();
        if (child instanceof RuntimeChildDeclaredExtensionDefinition) {
            throw GIVE_UP; // custom types only
        }
        if (name.equals("extension") || name.equals("modifierExtension")) {
            return Kind.EXTENSION;
        }
        if (child instanceof RuntimeChildNarrativeDefinition || child instanceof RuntimeChildContainedResources) {
            return Kind.NEVER;
        }
        if (isResource && name.equals("meta")) {
            return Kind.META;
        }
        return Kind.VALUES;
    }

    private static boolean multiple(BaseRuntimeChildDefinition child) {
        BaseRuntimeChildDefinition replaced = child.getReplacedParentDefinition();
        return many(child.getMax()) || (replaced != null && many(replaced.getMax()));
    }

    private static boolean many(int max) {
        return max > 1 || max == -1;
    }

    static boolean hasDecoration(Object value) {
        if (value instanceof Element e) {
            return e.hasFormatComment() || !isBlank(e.getId()) || hasNonEmptyExtension(e);
        }
        return value instanceof PrimitiveType<?> p && p.hasFormatComment();
    }

    static boolean hasNonEmptyExtension(Element element) {
        return element.hasExtension() && nonEmpty(element.getExtension());
    }

    static boolean nonEmpty(List<? extends Base> list) {
        for (Base b : list) {
            if (b != null && !b.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** HAPI rewrites the text of references with a version, a base URL, a local id or an attached resource. */
    static void plainReference(IBaseReference reference) {
        if (reference.getResource() != null) {
            throw GIVE_UP;
        }
        IIdType id = reference.getReferenceElement();
        String text = id.getValue();
        if (text == null) {
            return;
        }
        if (isBlank(id.getIdPart())
                || id.hasVersionIdPart()
                || id.hasBaseUrl()
                || text.startsWith("#")
                || text.startsWith("urn:")
                || !text.equals(id.toVersionless().getValue())) {
            throw GIVE_UP;
        }
    }

    static boolean isBlank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    enum Kind {
        EXTENSION,
        META,
        NEVER,
        VALUES
    }

    record Child(BaseRuntimeChildDefinition def, String name, int hash, Kind kind, boolean multiple) {}

    /** Thrown where this writer would not write what HAPI writes; no stack trace, it is control flow. */
    static final class GiveUp extends RuntimeException {
        GiveUp() {
            super(null, null, false, false);
        }
    }
}
