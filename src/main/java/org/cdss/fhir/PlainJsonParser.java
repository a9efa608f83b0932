package org.cdss.fhir;

import ca.uhn.fhir.parser.IJsonLikeParser;
import ca.uhn.fhir.parser.IParser;
import java.io.Writer;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Collection;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.jspecify.annotations.Nullable;

/**
 * HAPI's JSON parser whose resource encoding first tries {@link FhirJsonWriter} (ADR 0052), only while every setting
 * that changes what HAPI writes is at its default: not pretty, no {@code _summary}, {@code _elements} or narrative
 * suppression, no omitted or forced id. Otherwise, or where the writer gives up, HAPI's parser encodes the whole
 * resource; everything else (parsing, the settings) is HAPI's parser's own.
 *
 * <p>A proxy over HAPI's {@code JsonParser} rather than a subclass: HAPI's {@code encodeResourceToWriter}, which the
 * {@code RestfulServer} calls, is final, and the method under it takes a package-private type.
 */
final class PlainJsonParser implements InvocationHandler {

    /**
     * Integration tests turn this on, on the server's context ({@link SearchBundles.ServerContext}), to compare every
     * answer the writer gives with what HAPI's parser writes for it; HAPI's is sent where they differ, and the pair is
     * kept. Off in production.
     */
    static final class Verification {

        private volatile boolean on;
        private final Queue<String> mismatches = new ConcurrentLinkedQueue<>();

        void set(boolean on) {
            this.on = on;
        }

        /** The answers (as the writer's and HAPI's JSON) that differed while on; HAPI's was sent. */
        List<String> mismatches() {
            return List.copyOf(mismatches);
        }
    }

    private final IJsonLikeParser hapi;
    private final FhirJsonWriter writer;
    private final Verification verification;
    private boolean pretty;
    private boolean elements;
    private boolean elementsExcluded;
    private boolean noNarratives;

    private PlainJsonParser(IJsonLikeParser hapi, FhirJsonWriter writer, Verification verification) {
        this.hapi = hapi;
        this.writer = writer;
        this.verification = verification;
    }

    static IParser wrap(IParser hapi, FhirJsonWriter writer, Verification verification) {
        return (IParser) Proxy.newProxyInstance(
                PlainJsonParser.class.getClassLoader(),
                new Class<?>[] {IJsonLikeParser.class},
                new PlainJsonParser((IJsonLikeParser) hapi, writer, verification));
    }

    private @Nullable String encode(IBaseResource resource) {
        String json = writer.encode(resource);
        String instead = json != null && verification.on ? hapiInstead(resource, json) : null;
        return instead != null ? instead : json;
    }

    /**
     * The server's answer as UTF-8 bytes straight into the response's buffer (ADR 0055); false, with the buffer as it
     * was, where the writer gives up (then HAPI's parser answers).
     */
    private boolean encodeUtf8(IBaseResource resource, WholeResponses.Bytes bytes) {
        int start = bytes.size();
        if (!writer.encodeUtf8(resource, bytes)) {
            bytes.truncate(start);
            return false;
        }
        if (verification.on) {
            String instead = hapiInstead(resource, bytes.text(start));
            if (instead != null) {
                bytes.truncate(start);
                bytes.writeBytes(instead.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return true;
    }

    /** Verify mode: null if HAPI writes the writer's JSON, else HAPI's JSON, to send instead (the pair is kept). */
    private @Nullable String hapiInstead(IBaseResource resource, String json) {
        String hapiJson = hapi.encodeResourceToString(resource);
        if (hapiJson.equals(json)) {
            return null;
        }
        verification.mismatches.add("writer: " + json + "\nHAPI:   " + hapiJson);
        return hapiJson;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        int arity = args == null ? 0 : args.length;
        if (arity == 2 && name.equals("encodeResourceToWriter") && plain()) {
            WholeResponses.Bytes bytes = args[1] instanceof WholeResponses.Body body ? body.utf8() : null;
            if (bytes != null) {
                if (encodeUtf8((IBaseResource) args[0], bytes)) {
                    return null;
                }
            } else {
                String json = encode((IBaseResource) args[0]);
                if (json != null) {
                    ((Writer) args[1]).write(json);
                    return null;
                }
            }
        } else if (arity == 1 && name.equals("encodeResourceToString") && plain()) {
            String json = encode((IBaseResource) args[0]);
            if (json != null) {
                return json;
            }
        } else if (arity == 1 && name.equals("setPrettyPrint")) {
            pretty = (Boolean) args[0];
        } else if (arity == 1 && name.equals("setSuppressNarratives")) {
            noNarratives = (Boolean) args[0];
        } else if (arity == 1 && name.equals("setEncodeElements")) {
            elements = args[0] != null && !((Collection<?>) args[0]).isEmpty();
        } else if (arity == 1 && name.equals("setDontEncodeElements")) {
            elementsExcluded = args[0] != null && !((Collection<?>) args[0]).isEmpty();
        }
        Object result;
        try {
            result = method.invoke(hapi, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        return result == hapi ? proxy : result; // the setters chain on this parser, not on HAPI's under it
    }

    private boolean plain() {
        return !pretty
                && !elements
                && !elementsExcluded
                && !hapi.isSummaryMode()
                && !noNarratives
                && !hapi.isOmitResourceId()
                && hapi.getEncodeForceResourceId() == null;
    }
}
