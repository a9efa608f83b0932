package org.cdss.medsafety.engine;

import java.util.List;
import org.cdss.medsafety.AlertType;
import org.cdss.medsafety.SafetyAlert;
import org.cdss.medsafety.Severity;

/**
 * A product labelled once a week ({@code products.tsv} schedule "weekly": oral methotrexate) ordered with a daily
 * frequency: a major dose alert, whatever the dose. Taking the weekly dose every day has killed patients (ISMP
 * high-alert medications; the label's weekly regimen for rheumatoid arthritis and psoriasis); a daily regimen that
 * is meant (an oncology protocol) is an override with its reason. Weekly ("QW") and "as needed" orders carry no
 * daily frequency and raise nothing.
 */
final class WeeklyDosingPolicy implements SafetyPolicy {

    @Override
    public void evaluate(CheckContext c, Findings findings) {
        for (CheckContext.Drug d : c.proposed()) {
            if (!d.known() || d.order() == null || d.order().frequencyPerDay() == null) {
                continue;
            }
            KnowledgeBase.Product p = c.kb().product(d.form());
            if (p == null || !p.weekly()) {
                continue;
            }
            int perDay = d.order().frequencyPerDay();
            findings.add(new SafetyAlert(
                    AlertType.DOSE,
                    Severity.MAJOR,
                    Severity.MAJOR.tier(),
                    List.of(d.involved()),
                    d.name() + " is taken once a WEEK, and this order gives it " + perDay
                            + (perDay == 1 ? " time" : " times") + " a day: daily use of the weekly dose has caused "
                            + "fatal overdoses.",
                    "Order it once a week (QW) on one named day; a daily regimen (an oncology protocol) needs the "
                            + "reason recorded.",
                    DoseRangePolicy.SOURCE,
                    p.scheduleSource(),
                    "DOSE-WEEKLY-AS-DAILY:" + d.accession(),
                    List.of(),
                    c.version()));
        }
    }
}
