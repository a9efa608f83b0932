package org.cdss.fhir;

import static org.cdss.fhir.FhirJsonPlans.GIVE_UP;
import static org.cdss.fhir.FhirJsonPlans.hasDecoration;
import static org.cdss.fhir.FhirJsonPlans.hasNonEmptyExtension;
import static org.cdss.fhir.FhirJsonPlans.isBlank;
import static org.cdss.fhir.FhirJsonPlans.nonEmpty;
import static org.cdss.fhir.FhirJsonPlans.plainReference;

import ca.uhn.fhir.context.BaseRuntimeElementDefinition;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.RuntimeChildUndeclaredExtensionDefinition;
import ca.uhn.fhir.context.RuntimeResourceDefinition;
import ca.uhn.fhir.context.api.AddProfileTagEnum;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.apache.commons.io.output.StringBuilderWriter;
import org.cdss.fhir.FhirJsonPlans.Child;
import org.cdss.fhir.FhirJsonPlans.GiveUp;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IBaseBooleanDatatype;
import org.hl7.fhir.instance.model.api.IBaseDecimalDatatype;
import org.hl7.fhir.instance.model.api.IBaseIntegerDatatype;
import org.hl7.fhir.instance.model.api.IBaseReference;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Element;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;

/**
 * The R4 JSON that HAPI's {@code JsonParser} writes for the resources this server answers with, byte for byte, at a
 * fraction of its cost (ADR 0052): HAPI's encoder builds a path object, four holder lists and a reflective copy of
 * {@code meta} per element and writes each value through an {@code ObjectMapper}; this writer walks the same runtime
 * model (children in definition order, choice names by datatype) with one plan per class and writes straight to a
 * Jackson 2 generator from the same factory defaults as HAPI's.
 *
 * <p>It covers what the providers here emit: ids, {@code meta} versionId/lastUpdated/source (versionId from the id's
 * version as HAPI adds it), primitives, composites, choice types, plain relative references, extensions (nested, with
 * a value), primitives with extensions or element ids as {@code _name} siblings, bundles with their resources. Anything
 * else (contained resources, a narrative, references with a version, a base URL or an attached resource, modifier
 * extensions, tags, profiles, format comments, anything it does not know) makes {@link #encode} return null, so the
 * caller lets HAPI encode the whole answer: it never writes a byte HAPI would not. {@code FhirJsonWriterTests} compares
 * the two on every resource type the providers build.
 */
final class FhirJsonWriter {

    /** HAPI writes through its ObjectMapper's factory, whose generator features are these defaults. */
    private static final JsonFactory FACTORY = new JsonFactory();

    /**
     * For UTF-8 output: Jackson's byte generator would write a character outside the BMP (an emoji, a rare hanja) as
     * two escaped surrogate halves where the text path writes the character; combined, the bytes are the text's in UTF-8.
     * (A lone surrogate, which is no character, stays an escape; the text path's UTF-8 encoding made it a '?'.)
     */
    private static final JsonFactory UTF8_FACTORY = JsonFactory.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();

    private static final LongAdder FAST = new LongAdder();
    private static final LongAdder FALLBACK = new LongAdder();
    private static final LongAdder UTF8 = new LongAdder();

    private final FhirContext context;
    private @Nullable RuntimeChildUndeclaredExtensionDefinition extensionValue;
    private final FhirJsonPlans plans;

    FhirJsonWriter(FhirContext context) {
        this.plans = new FhirJsonPlans(context);
        this.context = context; // not read here: the context is still being built when this is
    }

    /**
     * Answers written here, answers left to HAPI, and of the first those written as UTF-8 bytes, since start (the
     * integration tests check which path ran).
     */
    static long[] counts() {
        return new long[] {FAST.sum(), FALLBACK.sum(), UTF8.sum()};
    }

    /** The resource as HAPI's compact JSON, or null where HAPI must encode it. */
    @Nullable
    String encode(IBaseResource resource) {
        StringBuilderWriter out = new StringBuilderWriter(16 * 1024);
        return write(resource, () -> FACTORY.createGenerator(out)) ? out.toString() : null;
    }

    /**
     * The same JSON as {@link #encode(IBaseResource)}, as UTF-8 bytes appended to {@code out}: the server's answers go
     * to the response's byte buffer without a string and a second encoding pass between (ADR 0055). False where HAPI
     * must encode it; {@code out} may then hold part of the answer, which the caller drops.
     */
    boolean encodeUtf8(IBaseResource resource, OutputStream out) {
        boolean written = write(
                resource,
                () -> UTF8_FACTORY
                        .createGenerator(out, JsonEncoding.UTF8)
                        .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET));
        if (written) {
            UTF8.increment();
        }
        return written;
    }

    private interface Generators {
        JsonGenerator create() throws IOException;
    }

    private boolean write(IBaseResource resource, Generators generators) {
        if (context.getNarrativeGenerator() != null
                || context.getAddProfileTagWhenEncoding() == AddProfileTagEnum.ALWAYS
                || !(resource instanceof Resource)) {
            FALLBACK.increment();
            return false;
        }
        try (JsonGenerator g = generators.create()) {
            resource(g, (Resource) resource, null);
        } catch (GiveUp e) {
            FALLBACK.increment();
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FAST.increment();
        return true;
    }

    private void resource(JsonGenerator g, Resource resource, @Nullable String name) throws IOException {
        RuntimeResourceDefinition def = context.getResourceDefinition(resource);
        if (!def.isStandardType() || resource.hasFormatComment()) {
            throw GIVE_UP;
        }
        if (name == null) {
            g.writeStartObject();
        } else {
            g.writeObjectFieldStart(name);
        }
        g.writeStringField("resourceType", def.getName());
        IIdType id = resource.getIdElement();
        String idPart = id.getIdPart();
        if (!isBlank(idPart) && !id.getValue().startsWith("urn:")) {
            if (hasDecoration(id)) {
                throw GIVE_UP; // HAPI writes "_id"
            }
            g.writeStringField("id", idPart);
        }
        children(g, resource, resource);
        g.writeEndObject();
    }

    /** A composite's element id and children, as HAPI's encodeCompositeElementChildrenToStreamWriter. */
    private void children(JsonGenerator g, Base element, Resource resource) throws IOException {
        if (element instanceof Element e && !isBlank(e.getId())) {
            g.writeStringField("id", e.getId());
        }
        boolean extensionsWritten = false;
        for (Child child : plans.plan(element.getClass())) {
            switch (child.kind()) {
                case EXTENSION -> {
                    if (!extensionsWritten) {
                        extensions(g, element, resource);
                        extensionsWritten = true;
                    }
                }
                case META -> meta(g, resource);
                case NEVER -> {
                    for (IBase value : child.def().getAccessor().getValues(element)) {
                        if (value != null && !value.isEmpty()) {
                            throw GIVE_UP; // a narrative or contained resources
                        }
                    }
                }
                case VALUES -> values(g, child, element, resource);
            }
        }
    }

    private void values(JsonGenerator g, Child child, Base element, Resource resource) throws IOException {
        // the model's generated getProperty is a switch on the name; HAPI's accessor reads the field by reflection
        IBase[] values = element.getProperty(child.hash(), child.name(), false);
        if (values == null) {
            values = child.def().getAccessor().getValues(element).toArray(new IBase[0]);
        }
        if (values.length == 0) {
            return;
        }
        String current = null;
        int count = 0;
        Element[] decorated = null; // primitives whose extensions or ids go into "_name"
        for (IBase value : values) {
            if (value == null) {
                continue;
            }
            boolean hasDecoration = false;
            if (value instanceof PrimitiveType<?> p) {
                // PrimitiveType.isEmpty without walking the element twice: no id, no extension, a blank value
                hasDecoration = hasNonEmptyExtension(p) || !isBlank(p.getId());
                if (!hasDecoration && isBlank(p.getValueAsString())) {
                    continue;
                }
            } else if (value.isEmpty()) {
                continue;
            }
            Class<? extends IBase> type = value.getClass();
            String name = child.def().getChildNameByDatatype(type);
            BaseRuntimeElementDefinition<?> def = child.def().getChildElementDefinitionByDatatype(type);
            if (def == null || name == null || (current != null && !current.equals(name))) {
                throw GIVE_UP;
            }
            if (value instanceof IBaseReference reference) {
                plainReference(reference);
            }
            boolean force = false;
            if (def.getChildType() == BaseRuntimeElementDefinition.ChildTypeEnum.PRIMITIVE_DATATYPE) {
                Element primitive = (Element) value;
                if (primitive.hasFormatComment()) {
                    throw GIVE_UP;
                }
                if (hasDecoration) {
                    force = true;
                    if (decorated == null) {
                        decorated = new Element[values.length];
                    }
                    decorated[count] = primitive;
                }
            }
            if (current == null) {
                current = name;
                if (child.multiple()) {
                    g.writeArrayFieldStart(name);
                    value(g, value, def, null, force, resource);
                } else {
                    value(g, value, def, name, false, resource);
                }
            } else {
                value(g, value, def, null, force, resource);
            }
            count++;
        }
        if (current == null) {
            return;
        }
        if (child.multiple()) {
            g.writeEndArray();
        }
        if (decorated != null) {
            if (child.multiple()) {
                g.writeArrayFieldStart('_' + current);
                for (int i = 0; i < count; i++) {
                    if (decorated[i] == null) {
                        g.writeNull();
                    } else {
                        g.writeStartObject();
                        decoration(g, decorated[i], resource);
                        g.writeEndObject();
                    }
                }
                g.writeEndArray();
            } else {
                g.writeObjectFieldStart('_' + current);
                decoration(g, decorated[0], resource);
                g.writeEndObject();
            }
        }
    }

    private void decoration(JsonGenerator g, Element primitive, Resource resource) throws IOException {
        if (!isBlank(primitive.getId())) {
            g.writeStringField("id", primitive.getId());
        }
        extensions(g, primitive, resource);
    }

    private void value(
            JsonGenerator g,
            IBase value,
            BaseRuntimeElementDefinition<?> def,
            @Nullable String name,
            boolean force,
            Resource resource)
            throws IOException {
        switch (def.getChildType()) {
            case ID_DATATYPE -> {
                IIdType id = (IIdType) value;
                String text = "id".equals(name) ? id.getIdPart() : id.getValue();
                if (!isBlank(text)) {
                    string(g, name, text);
                }
            }
            case PRIMITIVE_DATATYPE -> primitive(g, (IPrimitiveType<?>) value, name, force);
            case COMPOSITE_DATATYPE, RESOURCE_BLOCK -> {
                Base composite = (Base) value;
                if (composite.hasFormatComment()) {
                    throw GIVE_UP;
                }
                if (name == null) {
                    g.writeStartObject();
                } else {
                    g.writeObjectFieldStart(name);
                }
                children(g, composite, resource);
                g.writeEndObject();
            }
            case RESOURCE -> {
                if (!(value instanceof Resource nested)) {
                    throw GIVE_UP;
                }
                resource(g, nested, name);
            }
            default -> throw GIVE_UP;
        }
    }

    /** As HAPI: blank values are left out (a null in an array that has a "_name" entry for it). */
    private static void primitive(JsonGenerator g, IPrimitiveType<?> value, @Nullable String name, boolean force)
            throws IOException {
        String text = value.getValueAsString();
        if (isBlank(text)) {
            if (force) {
                g.writeNull();
            }
            return;
        }
        Object raw = value.getValue();
        if (raw instanceof String) {
            string(g, name, text);
        } else if (raw instanceof Long l) {
            name(g, name);
            g.writeNumber(l);
        } else if (value instanceof IBaseIntegerDatatype integer) {
            name(g, name);
            g.writeNumber(integer.getValue());
        } else if (value instanceof IBaseDecimalDatatype) {
            // HAPI writes a BigDecimal whose toString is the value's own text (its original scale)
            name(g, name);
            g.writeNumber(text);
        } else if (value instanceof IBaseBooleanDatatype bool) {
            Boolean b = bool.getValue();
            if (b != null) {
                name(g, name);
                g.writeBoolean(b);
            }
        } else {
            string(g, name, text);
        }
    }

    /** HAPI's preProcessValues writes a copy of meta with the id's version when meta has none. */
    private void meta(JsonGenerator g, Resource resource) throws IOException {
        Meta meta = resource.hasMeta() ? resource.getMeta() : null;
        String versionId = null;
        String lastUpdated = null;
        String source = null;
        if (meta != null) {
            if (meta.hasId()
                    || meta.hasExtension()
                    || meta.hasProfile()
                    || meta.hasSecurity()
                    || meta.hasTag()
                    || meta.hasFormatComment()
                    || hasDecoration(meta.getVersionIdElement())
                    || hasDecoration(meta.getLastUpdatedElement())
                    || hasDecoration(meta.getSourceElement())) {
                throw GIVE_UP;
            }
            versionId = meta.getVersionIdElement().getValue();
            lastUpdated = meta.getLastUpdatedElement().getValueAsString();
            source = meta.getSourceElement().getValueAsString();
        }
        if (isBlank(versionId) && resource.getIdElement().hasVersionIdPart()) {
            versionId = resource.getIdElement().getVersionIdPart();
        }
        if (isBlank(versionId) && isBlank(lastUpdated) && isBlank(source)) {
            return;
        }
        g.writeObjectFieldStart("meta");
        if (!isBlank(versionId)) {
            g.writeStringField("versionId", versionId);
        }
        if (!isBlank(lastUpdated)) {
            g.writeStringField("lastUpdated", lastUpdated);
        }
        if (!isBlank(source)) {
            g.writeStringField("source", source);
        }
        g.writeEndObject();
    }

    /** The element's extensions as HAPI's extractAndWriteExtensionsAsDirectChild (modifier extensions: HAPI's). */
    private void extensions(JsonGenerator g, Base element, Resource resource) throws IOException {
        if (element instanceof org.hl7.fhir.r4.model.BackboneElement b && nonEmpty(b.getModifierExtension())
                || element instanceof org.hl7.fhir.r4.model.DomainResource d && nonEmpty(d.getModifierExtension())) {
            throw GIVE_UP;
        }
        List<Extension> extensions;
        if (element instanceof Element e) {
            extensions = e.getExtension();
        } else if (element instanceof org.hl7.fhir.r4.model.DomainResource d) {
            extensions = d.getExtension();
        } else {
            return;
        }
        if (!nonEmpty(extensions)) {
            return;
        }
        g.writeArrayFieldStart("extension");
        for (Extension extension : extensions) {
            if (extension != null && !extension.isEmpty()) {
                extension(g, extension, resource);
            }
        }
        g.writeEndArray();
    }

    /** As HAPI's writeUndeclaredExtension: id, url, nested extensions or the value. */
    private void extension(JsonGenerator g, Extension extension, Resource resource) throws IOException {
        String url = extension.getUrl();
        IBase value = extension.getValue();
        boolean noValue = value == null || value.isEmpty();
        boolean nested = nonEmpty(extension.getExtension());
        if (isBlank(url) || url.startsWith("/") || extension.hasFormatComment() || noValue == !nested) {
            throw GIVE_UP; // HAPI reports these to its error handler or rewrites the url
        }
        g.writeStartObject();
        if (!isBlank(extension.getId())) {
            g.writeStringField("id", extension.getId());
        }
        g.writeStringField("url", url);
        if (nested) {
            g.writeArrayFieldStart("extension");
            for (Extension next : extension.getExtension()) {
                extension(g, next, resource);
            }
            g.writeEndArray();
        } else {
            if (value instanceof IBaseReference reference) {
                plainReference(reference);
            }
            RuntimeChildUndeclaredExtensionDefinition values = extensionValue;
            if (values == null) {
                values = extensionValue = context.getRuntimeChildUndeclaredExtensionDefinition();
            }
            String name = values.getChildNameByDatatype(value.getClass());
            BaseRuntimeElementDefinition<?> def = values.getChildElementDefinitionByDatatype(value.getClass());
            if (name == null || def == null || (value instanceof Element e && hasDecoration(e))) {
                throw GIVE_UP;
            }
            value(g, value, def, name, false, resource);
        }
        g.writeEndObject();
    }

    private static void string(JsonGenerator g, @Nullable String name, String text) throws IOException {
        if (name == null) {
            g.writeString(text);
        } else {
            g.writeStringField(name, text);
        }
    }

    private static void name(JsonGenerator g, @Nullable String name) throws IOException {
        if (name != null) {
            g.writeFieldName(name);
        }
    }
}
