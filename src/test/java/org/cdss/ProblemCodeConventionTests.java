package org.cdss;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.cdss.shared.ProblemCode;
import org.cdss.shared.ProblemType;
import org.junit.jupiter.api.Test;

/**
 * The problem codes clients switch on (issue 10 item 9): every enum implementing {@link ProblemType} in
 * {@code org.cdss} is found; codes are unique across all of them; a module's codes are {@code <noun>.<kebab-case>}
 * (the generic {@link ProblemCode}s alone have no prefix); and each code has a title in both languages.
 */
class ProblemCodeConventionTests {

    private static final String MODULE_CODE = "[a-z]+(-[a-z]+)*\\.[a-z0-9]+(-[a-z0-9]+)*";
    private static final String GENERIC_CODE = "[a-z]+(-[a-z]+)*";

    static List<ProblemType> allProblemTypes() {
        List<ProblemType> all = new ArrayList<>();
        for (JavaClass type : ArchitectureTests.CLASSES) {
            if (type.isEnum() && type.isAssignableTo(ProblemType.class)) {
                all.addAll(List.of((ProblemType[]) type.reflect().getEnumConstants()));
            }
        }
        return all;
    }

    @Test
    void module_enums_are_found() {
        assertThat(allProblemTypes())
                .contains(ProblemCode.NOT_FOUND)
                .anyMatch(p -> p.code().equals("appointment.slot-taken"));
    }

    @Test
    void codes_are_unique() {
        Set<String> seen = new HashSet<>();
        assertThat(allProblemTypes())
                .allSatisfy(p -> assertThat(seen.add(p.code()))
                        .as("%s.%s repeats the code %s", p.getClass().getSimpleName(), p, p.code())
                        .isTrue());
    }

    @Test
    void module_codes_are_prefixed_by_a_module_noun_and_a_dot() {
        assertThat(allProblemTypes()).allSatisfy(p -> {
            if (p instanceof ProblemCode) {
                assertThat(p.code()).as("generic code %s", p).matches(GENERIC_CODE);
            } else {
                assertThat(p.code())
                        .as("%s.%s", p.getClass().getSimpleName(), p)
                        .matches(MODULE_CODE);
            }
            assertThat(p.status()).as("status of %s", p.code()).isBetween(400, 599);
            assertThat(p.type()).isEqualTo("urn:cdss:problem:" + p.code());
        });
    }

    @Test
    void every_code_has_a_title_in_english_and_korean() throws IOException {
        Properties english = load("/messages.properties");
        Properties korean = load("/messages_ko.properties");
        assertThat(allProblemTypes()).allSatisfy(p -> {
            assertThat(english.getProperty("problem." + p.code() + ".title"))
                    .as("English title of %s", p.code())
                    .isNotBlank();
            assertThat(korean.getProperty("problem." + p.code() + ".title"))
                    .as("Korean title of %s", p.code())
                    .isNotBlank();
        });
    }

    /**
     * Korean sentences never leave the particle to the reader ("{0}을(를)"): a particle right after a run-time value
     * cannot be chosen in a properties file, so the sentence puts a fixed noun before it ("{1} 상태로").
     */
    @Test
    void korean_messages_have_no_bracketed_particles() throws IOException {
        Properties korean = load("/messages_ko.properties");
        assertThat(korean.stringPropertyNames())
                .filteredOn(key ->
                        korean.getProperty(key).matches("(?s).*(\\(를\\)|\\(가\\)|\\(는\\)|\\(와\\)|\\(으\\)로|\\(이\\)).*"))
                .as("messages with a bracketed particle")
                .isEmpty();
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ProblemCodeConventionTests.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
