package org.cdss.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.io.ByteArrayOutputStream;
import java.io.CharArrayWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.cdss.records.RecordViews.VitalsView;
import org.hl7.fhir.r4.model.Bundle;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code bench/fhir-encode-jmh.sh}: the bytes of one FHIR answer — a searchset Bundle of 80 vital-sign Observations
 * (ten sets of eight, as {@link ObservationProvider#vitals} builds them, a Korean recorder name; the bench patient's
 * 74.6 kB page) — from the resource to the byte array the servlet sends, three ways in the same run: HAPI's own JSON
 * parser writing to a UTF-8 writer ({@link #hapiParser}, the baseline), our writer's text path as the server used it
 * before ADR 0055 ({@link #writerText}: a string, HAPI's writer, a char buffer, a string, UTF-8 bytes), and its UTF-8
 * path into the response's byte buffer ({@link #writerUtf8}). Here, in {@code org.cdss.fhir}, because the writer is
 * package-private; not part of the test suite.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FhirEncodingBenchmark {

    private IParser hapi;
    private FhirJsonWriter writer;
    private Bundle bundle;
    private final java.util.List<VitalsView> vitals = new java.util.ArrayList<>();
    private static final UUID PATIENT = UUID.fromString("00000000-0000-4000-8000-000000000001");

    @Setup
    public void setUp() {
        FhirContext plain = FhirContext.forR4();
        plain.getParserOptions().setAutoContainReferenceTargetsWithNoId(false);
        hapi = plain.newJsonParser();
        writer = new FhirJsonWriter(SearchBundles.context());
        bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        UUID patient = PATIENT;
        Instant first = Instant.parse("2026-11-01T09:30:00Z");
        for (int set = 0; set < 10; set++) {
            VitalsView v = new VitalsView(
                    new UUID(0x1000, set),
                    new UUID(0x2000, set),
                    120 + set,
                    80,
                    72,
                    16,
                    new java.math.BigDecimal("36.6"),
                    98,
                    new java.math.BigDecimal("170.0"),
                    new java.math.BigDecimal("65.2"),
                    new java.math.BigDecimal("22.6"),
                    first.plusSeconds(86_400L * set),
                    "간호사 김지은");
            vitals.add(v);
            for (var o : ObservationProvider.vitals(patient, v)) {
                bundle.addEntry()
                        .setFullUrl("http://127.0.0.1:8080/fhir/Observation/" + o.getIdPart())
                        .setResource(o)
                        .getSearch()
                        .setMode(Bundle.SearchEntryMode.MATCH);
            }
        }
        bundle.setTotal(bundle.getEntry().size());
        byte[] a = hapiParser();
        byte[] b = writerText();
        byte[] c = writerUtf8();
        if (!java.util.Arrays.equals(a, b) || !java.util.Arrays.equals(a, c)) {
            throw new IllegalStateException("the three paths must write the same bytes");
        }
    }

    /** Building the answer's 80 Observations from the vital-sign rows, as the provider does for each search. */
    @Benchmark
    public int buildVitals() {
        int built = 0;
        for (VitalsView v : vitals) {
            built += ObservationProvider.vitals(PATIENT, v).size();
        }
        return built;
    }

    @Benchmark
    public byte[] hapiParser() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            hapi.encodeResourceToWriter(bundle, out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Benchmark
    public byte[] writerText() {
        CharArrayWriter text = new CharArrayWriter(4096);
        new PrintWriter(text).write(writer.encode(bundle));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public byte[] writerUtf8() {
        WholeResponses.Bytes bytes = new WholeResponses.Bytes();
        writer.encodeUtf8(bundle, bytes);
        return bytes.toByteArray(); // stands for the copy into Tomcat's buffer (writeTo)
    }
}
