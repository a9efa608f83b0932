package org.cdss.fhir;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.BaseRuntimeDeclaredChildDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementCompositeDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementDefinition;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeChildContainedResources;
import ca.uhn.fhir.context.RuntimeChildDeclaredExtensionDefinition;
import ca.uhn.fhir.context.RuntimeChildNarrativeDefinition;
import ca.uhn.fhir.context.RuntimeResourceDefinition;
import com.fasterxml.jackson.core.io.SerializedString;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
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
                .map(c -> new Child(c, kind(c, isResource), multiple(c)))
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
            // hasExtension is HAPI's "at least one extension that is not empty"
            return e.hasFormatComment() || !isBlank(e.getId()) || e.hasExtension();
        }
        return value instanceof PrimitiveType<?> p && p.hasFormatComment();
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

    /** As {@link String#isBlank()}, answered from the first character when it is printable ASCII (most values). */
    static boolean isBlank(@Nullable String s) {
        if (s == null || s.isEmpty()) {
            return true;
        }
        char first = s.charAt(0);
        return (first <= ' ' || first >= 0x7f) && s.isBlank();
    }

    enum Kind {
        EXTENSION,
        META,
        NEVER,
        VALUES
    }

    /**
     * One child of a class: its definition, what it is to the writer, and how its value is read — the model's field,
     * as HAPI's own accessor reads it, through a method handle that returns the field as it is (null, the element, or
     * the list) where the accessor wraps it in a new list and the model's {@code getProperty} copies it to an array.
     */
    static final class Child {

        private static final MethodType READ = MethodType.methodType(Object.class, Base.class);

        private final BaseRuntimeChildDefinition def;
        private final Kind kind;
        private final boolean multiple;
        private final @Nullable MethodHandle field;
        private @Nullable Named last; // the name of the datatype last seen here (a data race is harmless: immutable)

        Child(BaseRuntimeChildDefinition def, Kind kind, boolean multiple) {
            this.def = def;
            this.kind = kind;
            this.multiple = multiple;
            this.field = kind == Kind.VALUES ? getter(def) : null;
        }

        BaseRuntimeChildDefinition def() {
            return def;
        }

        Kind kind() {
            return kind;
        }

        boolean multiple() {
            return multiple;
        }

        /** The child's values in {@code element}: null, one value, or a list of values. */
        @Nullable
        Object read(Base element) {
            if (field == null) {
                List<? extends IBase> values = def.getAccessor().getValues(element);
                return values.isEmpty() ? null : values;
            }
            try {
                return (Object) field.invokeExact(element);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }

        /** The JSON name and element definition of a value of this type here (a choice's name has its type in it). */
        @Nullable
        Named named(Class<? extends IBase> type) {
            Named named = last;
            if (named != null && named.type == type) {
                return named;
            }
            String name = def.getChildNameByDatatype(type);
            BaseRuntimeElementDefinition<?> element = def.getChildElementDefinitionByDatatype(type);
            if (name == null || element == null) {
                return null;
            }
            named = new Named(type, name, new SerializedString(name), element);
            last = named;
            return named;
        }

        private static @Nullable MethodHandle getter(BaseRuntimeChildDefinition def) {
            if (!(def instanceof BaseRuntimeDeclaredChildDefinition declared)) {
                return null;
            }
            Field field = declared.getField();
            if (field == null || !Base.class.isAssignableFrom(field.getDeclaringClass()) || !field.trySetAccessible()) {
                return null;
            }
            try {
                return MethodHandles.lookup().unreflectGetter(field).asType(READ);
            } catch (IllegalAccessException e) {
                return null; // HAPI's accessor then
            }
        }
    }

    /** A value's JSON name (also pre-encoded for the generator) and its element definition. */
    record Named(Class<?> type, String name, SerializedString key, BaseRuntimeElementDefinition<?> def) {}

    /** Thrown where this writer would not write what HAPI writes; no stack trace, it is control flow. */
    static final class GiveUp extends RuntimeException {
        GiveUp() {
            super(null, null, false, false);
        }
    }
}
