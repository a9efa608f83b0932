package org.cdss.fhir;

import static org.cdss.fhir.FhirJsonPlans.GIVE_UP;
import static org.cdss.fhir.FhirJsonPlans.hasDecoration;
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
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.apache.commons.io.output.StringBuilderWriter;
import org.cdss.fhir.FhirJsonPlans.Child;
import org.cdss.fhir.FhirJsonPlans.GiveUp;
import org.cdss.fhir.FhirJsonPlans.Named;
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

    private static final SerializableString RESOURCE_TYPE = new SerializedString("resourceType");
    private static final SerializableString ID = new SerializedString("id");
    private static final SerializableString META = new SerializedString("meta");
    private static final SerializableString VERSION_ID = new SerializedString("versionId");
    private static final SerializableString LAST_UPDATED = new SerializedString("lastUpdated");
    private static final SerializableString SOURCE = new SerializedString("source");
    private static final SerializableString EXTENSION = new SerializedString("extension");
    private static final SerializableString URL = new SerializedString("url");

    private final FhirContext context;
    private @Nullable RuntimeChildUndeclaredExtensionDefinition extensionValue;
    private final FhirJsonPlans plans;
    private final LongAdder answeredHere = new LongAdder();
    private final LongAdder leftToHapi = new LongAdder();
    private final LongAdder answeredAsUtf8 = new LongAdder();

    FhirJsonWriter(FhirContext context) {
        this.plans = new FhirJsonPlans(context);
        this.context = context; // not read here: the context is still being built when this is
    }

    /**
     * Answers this writer wrote, answers it left to HAPI, and of the first those written as UTF-8 bytes, since it was
     * made (the integration tests check which path ran).
     */
    long[] counts() {
        return new long[] {answeredHere.sum(), leftToHapi.sum(), answeredAsUtf8.sum()};
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
            answeredAsUtf8.increment();
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
            leftToHapi.increment();
            return false;
        }
        try (JsonGenerator g = generators.create()) {
            resource(new Out(g), (Resource) resource, null);
        } catch (GiveUp e) {
            leftToHapi.increment();
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        answeredHere.increment();
        return true;
    }

    private void resource(Out out, Resource resource, @Nullable SerializableString name) throws IOException {
        RuntimeResourceDefinition def = context.getResourceDefinition(resource);
        if (!def.isStandardType() || resource.hasFormatComment()) {
            throw GIVE_UP;
        }
        out.open(name, false);
        out.string(RESOURCE_TYPE, def.getName());
        IIdType id = resource.getIdElement();
        String idPart = id.getIdPart();
        if (!isBlank(idPart) && !id.getValue().startsWith("urn:")) {
            if (hasDecoration(id)) {
                throw GIVE_UP; // HAPI writes "_id"
            }
            out.string(ID, idPart);
        }
        children(out, resource, resource);
        out.close();
    }

    /** A composite's element id and children, as HAPI's encodeCompositeElementChildrenToStreamWriter. */
    private void children(Out out, Base element, Resource resource) throws IOException {
        if (element instanceof Element e && !isBlank(e.getId())) {
            out.string(ID, e.getId());
        }
        boolean extensionsWritten = false;
        for (Child child : plans.plan(element.getClass())) {
            switch (child.kind()) {
                case EXTENSION -> {
                    if (!extensionsWritten) {
                        extensions(out, element, resource);
                        extensionsWritten = true;
                    }
                }
                case META -> meta(out, resource);
                case NEVER -> {
                    for (IBase value : child.def().getAccessor().getValues(element)) {
                        if (value != null && !value.isEmpty()) {
                            throw GIVE_UP; // a narrative or contained resources
                        }
                    }
                }
                case VALUES -> values(out, child, element, resource);
            }
        }
    }

    private void values(Out out, Child child, Base element, Resource resource) throws IOException {
        Object read = child.read(element);
        if (read == null) {
            return;
        }
        List<?> list = read instanceof List<?> l ? l : null;
        int size = list == null ? 1 : list.size();
        Named current = null;
        int count = 0;
        Element[] decorated = null; // primitives whose extensions or ids go into "_name"
        for (int i = 0; i < size; i++) {
            IBase value = (IBase) (list == null ? read : list.get(i));
            if (value == null) {
                continue;
            }
            boolean hasDecoration = false;
            if (value instanceof PrimitiveType<?> p) {
                // PrimitiveType.isEmpty without walking the element twice: no id, no extension, a blank value
                hasDecoration = p.hasExtension() || !isBlank(p.getId());
                if (!hasDecoration && isBlank(p.getValueAsString())) {
                    continue;
                }
            } else if (!(value instanceof Base) || value instanceof Resource) {
                // a resource always writes its type; a composite is left out by Out when nothing in it is written
                if (value.isEmpty()) {
                    continue;
                }
            }
            Named named = child.named(value.getClass());
            if (named == null
                    || (current != null && current != named && !current.name().equals(named.name()))) {
                throw GIVE_UP;
            }
            BaseRuntimeElementDefinition<?> def = named.def();
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
                        decorated = new Element[size];
                    }
                    decorated[count] = primitive;
                }
            }
            boolean written;
            if (current == null) {
                current = named;
                if (child.multiple()) {
                    out.open(named.key(), true);
                    written = value(out, value, def, null, force, resource);
                } else {
                    written = value(out, value, def, named.key(), false, resource);
                }
            } else {
                written = value(out, value, def, null, force, resource);
            }
            if (written || !(value instanceof Base) || value instanceof PrimitiveType<?>) {
                count++; // a composite that wrote nothing was empty: HAPI leaves it out, so it has no "_name" slot
            }
        }
        if (current == null) {
            return;
        }
        if (child.multiple()) {
            out.close();
        }
        if (decorated != null) {
            SerializableString name = new SerializedString('_' + current.name());
            if (child.multiple()) {
                out.open(name, true);
                for (int i = 0; i < count; i++) {
                    if (decorated[i] == null) {
                        out.nullValue();
                    } else {
                        out.open(null, false);
                        decoration(out, decorated[i], resource);
                        out.close();
                    }
                }
                out.close();
            } else {
                out.open(name, false);
                decoration(out, decorated[0], resource);
                out.close();
            }
        }
    }

    private void decoration(Out out, Element primitive, Resource resource) throws IOException {
        if (!isBlank(primitive.getId())) {
            out.string(ID, primitive.getId());
        }
        extensions(out, primitive, resource);
    }

    /** Writes one value; false if it wrote nothing (a composite with nothing in it, a blank primitive). */
    private boolean value(
            Out out,
            IBase value,
            BaseRuntimeElementDefinition<?> def,
            @Nullable SerializableString name,
            boolean force,
            Resource resource)
            throws IOException {
        switch (def.getChildType()) {
            case ID_DATATYPE -> {
                IIdType id = (IIdType) value;
                String text = name != null && "id".equals(name.getValue()) ? id.getIdPart() : id.getValue();
                if (isBlank(text)) {
                    return false;
                }
                out.string(name, text);
                return true;
            }
            case PRIMITIVE_DATATYPE -> {
                return primitive(out, (IPrimitiveType<?>) value, name, force);
            }
            case COMPOSITE_DATATYPE, RESOURCE_BLOCK -> {
                Base composite = (Base) value;
                if (composite.hasFormatComment()) {
                    throw GIVE_UP;
                }
                out.open(name, false);
                children(out, composite, resource);
                return out.close();
            }
            case RESOURCE -> {
                if (!(value instanceof Resource nested)) {
                    throw GIVE_UP;
                }
                resource(out, nested, name);
                return true;
            }
            default -> throw GIVE_UP;
        }
    }

    /** As HAPI: blank values are left out (a null in an array that has a "_name" entry for it). */
    private static boolean primitive(Out out, IPrimitiveType<?> value, @Nullable SerializableString name, boolean force)
            throws IOException {
        String text = value.getValueAsString();
        if (isBlank(text)) {
            if (force) {
                out.nullValue();
                return true;
            }
            return false;
        }
        Object raw = value.getValue();
        if (raw instanceof String) {
            out.string(name, text);
        } else if (raw instanceof Long l) {
            out.name(name).writeNumber(l);
        } else if (value instanceof IBaseIntegerDatatype integer) {
            out.name(name).writeNumber(integer.getValue());
        } else if (value instanceof IBaseDecimalDatatype) {
            // HAPI writes a BigDecimal whose toString is the value's own text (its original scale)
            out.name(name).writeNumber(text);
        } else if (value instanceof IBaseBooleanDatatype bool) {
            Boolean b = bool.getValue();
            if (b == null) {
                return false;
            }
            out.name(name).writeBoolean(b);
        } else {
            out.string(name, text);
        }
        return true;
    }

    /** HAPI's preProcessValues writes a copy of meta with the id's version when meta has none. */
    private void meta(Out out, Resource resource) throws IOException {
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
        out.open(META, false);
        if (!isBlank(versionId)) {
            out.string(VERSION_ID, versionId);
        }
        if (!isBlank(lastUpdated)) {
            out.string(LAST_UPDATED, lastUpdated);
        }
        if (!isBlank(source)) {
            out.string(SOURCE, source);
        }
        out.close();
    }

    /** The element's extensions as HAPI's extractAndWriteExtensionsAsDirectChild (modifier extensions: HAPI's). */
    private void extensions(Out out, Base element, Resource resource) throws IOException {
        if (element instanceof org.hl7.fhir.r4.model.BackboneElement b && nonEmpty(b.getModifierExtension())
                || element instanceof org.hl7.fhir.r4.model.DomainResource d && nonEmpty(d.getModifierExtension())) {
            throw GIVE_UP;
        }
        List<Extension> extensions; // hasExtension: a list with at least one extension that is not empty
        if (element instanceof Element e) {
            if (!e.hasExtension()) {
                return;
            }
            extensions = e.getExtension();
        } else if (element instanceof org.hl7.fhir.r4.model.DomainResource d) {
            if (!d.hasExtension()) {
                return;
            }
            extensions = d.getExtension();
        } else {
            return;
        }
        out.open(EXTENSION, true);
        for (Extension extension : extensions) {
            if (extension != null && !extension.isEmpty()) {
                extension(out, extension, resource);
            }
        }
        out.close();
    }

    /** As HAPI's writeUndeclaredExtension: id, url, nested extensions or the value. */
    private void extension(Out out, Extension extension, Resource resource) throws IOException {
        String url = extension.getUrl();
        IBase value = extension.getValue();
        boolean noValue = value == null || value.isEmpty();
        boolean nested = nonEmpty(extension.getExtension());
        if (isBlank(url) || url.startsWith("/") || extension.hasFormatComment() || noValue == !nested) {
            throw GIVE_UP; // HAPI reports these to its error handler or rewrites the url
        }
        out.open(null, false);
        if (!isBlank(extension.getId())) {
            out.string(ID, extension.getId());
        }
        out.string(URL, url);
        if (nested) {
            out.open(EXTENSION, true);
            for (Extension next : extension.getExtension()) {
                extension(out, next, resource);
            }
            out.close();
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
            value(out, value, def, new SerializedString(name), false, resource);
        }
        out.close();
    }

    /**
     * The generator, with each object or array started only when something is written into it: HAPI leaves out an
     * element with nothing in it, and asking each composite {@code isEmpty()} before writing it walked every subtree
     * once per level above it (16 % of this writer's time, profiled 2026-12-07). Field names come pre-encoded.
     */
    private static final class Out {

        private final JsonGenerator g;
        private @Nullable SerializableString[] names = new SerializableString[16];
        private boolean[] arrays = new boolean[16];
        private int depth; // objects and arrays opened and not yet closed
        private int started; // of those, the outer ones already started in the generator

        Out(JsonGenerator g) {
            this.g = g;
        }

        /** An object or array, named or not (in an array), started when something is first written into it. */
        void open(@Nullable SerializableString name, boolean array) {
            if (depth == names.length) {
                names = java.util.Arrays.copyOf(names, depth * 2);
                arrays = java.util.Arrays.copyOf(arrays, depth * 2);
            }
            names[depth] = name;
            arrays[depth] = array;
            depth++;
        }

        /** Closes the innermost one; false if nothing was written into it (then it leaves no trace). */
        boolean close() throws IOException {
            int closing = --depth;
            if (closing >= started) {
                return false;
            }
            started = closing;
            if (arrays[closing]) {
                g.writeEndArray();
            } else {
                g.writeEndObject();
            }
            return true;
        }

        void string(@Nullable SerializableString name, String text) throws IOException {
            name(name).writeString(text);
        }

        void nullValue() throws IOException {
            name(null).writeNull();
        }

        /** Starts what is pending and writes the name, if any; the caller writes the value on the generator. */
        JsonGenerator name(@Nullable SerializableString name) throws IOException {
            while (started < depth) {
                SerializableString pending = names[started];
                if (pending != null) {
                    g.writeFieldName(pending);
                }
                if (arrays[started]) {
                    g.writeStartArray();
                } else {
                    g.writeStartObject();
                }
                started++;
            }
            if (name != null) {
                g.writeFieldName(name);
            }
            return g;
        }
    }
}
