package org.cdss.seed;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.SplittableRandom;
import org.cdss.shared.db.UtcTimestamps;
import org.springframework.stereotype.Component;

/**
 * A finished visit for every completed past appointment: the encounter, a short SOAP note, one set of vital signs
 * (BMI computed as the records module does) and a primary KCD diagnosis, picked from a few common outpatient
 * conditions with matching note text. Reads only the completed appointments the {@link AppointmentGenerator} handed
 * on, and draws from a stream of its own.
 */
@Component
class EncounterGenerator implements SeedGenerator {

    /** A condition: its KCD code and name, and the note a doctor might write for it. */
    private record Condition(String code, String description, String subjective, String objective, String plan) {}

    private static final Condition[] CONDITIONS = {
        new Condition("J20.9", "급성 기관지염", "기침, 가래 1주", "흉부 청진상 수포음 없음", "대증 치료, 1주 후 재진"),
        new Condition("J06.9", "급성 상기도감염", "인후통, 콧물 3일", "인두 발적", "대증 치료, 수분 섭취"),
        new Condition("I10", "본태성(원발성) 고혈압", "정기 혈압 관리, 두통 없음", "혈압 측정 상 경도 상승", "항고혈압제 유지, 저염식, 4주 후 재진"),
        new Condition("E11.9", "합병증을 동반하지 않은 2형 당뇨병", "혈당 관리 위해 내원", "족부 병변 없음", "경구 혈당강하제 유지, HbA1c 재검"),
        new Condition("J45.9", "상세불명의 천식", "야간 기침과 쌕쌕거림", "호기 시 천명음", "흡입제 사용법 교육, 2주 후 재진"),
        new Condition("K21.9", "식도염을 동반하지 않은 위-식도역류병", "식후 속쓰림", "상복부 압통 없음", "PPI 4주, 식습관 교육"),
        new Condition("M54.5", "요통", "허리 통증 5일", "하지 직거상 검사 음성", "진통제, 물리치료 의뢰"),
        new Condition("J44.9", "상세불명의 만성 폐쇄성 폐질환", "운동 시 호흡곤란 악화", "호기 연장, 산소포화도 경도 저하", "기관지확장제 유지, 폐기능 검사 예약"),
    };

    private static final String ENCOUNTER = "INSERT INTO encounter (id, patient_id, appointment_id, department_id,"
            + " doctor_id, status, started_at, ended_at, created_by, created_at, updated_at, version)"
            + " VALUES (?, ?, ?, ?, ?, 'FINISHED', ?, ?, ?, ?, ?, 0)";
    private static final String NOTE = "INSERT INTO clinical_note (id, encounter_id, patient_id, authored_by,"
            + " authored_by_name, authored_at, version) VALUES (?, ?, ?, ?, ?, ?, 0)";
    /** The text of a note is its version 0 (ADR 0015). */
    private static final String NOTE_TEXT = "INSERT INTO clinical_note_version (note_id, version, subjective,"
            + " objective, assessment, plan, written_by, written_by_name, written_at)"
            + " VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?)";

    private static final String VITALS = "INSERT INTO vital_signs (id, encounter_id, patient_id, systolic, diastolic,"
            + " heart_rate, respiratory_rate, temperature_c, spo2, height_cm, weight_kg, bmi, measured_at,"
            + " recorded_by, recorded_by_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String DIAGNOSIS = "INSERT INTO encounter_diagnosis (id, encounter_id, patient_id, code,"
            + " description, is_primary, recorded_at, recorded_by, recorded_by_name)"
            + " VALUES (?, ?, ?, ?, ?, TRUE, ?, ?, ?)";

    @Override
    public String kind() {
        return "encounters";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public void generate(SeedContext context) {
        SplittableRandom random = context.random(kind());
        long n = 0;
        for (SeedContext.CompletedVisit visit : context.completedVisits) {
            long i = n++;
            String encounterId = context.id("encounter", i).toString();
            String patientId = visit.patientId().toString();
            String doctorId = visit.doctor().id().toString();
            String doctorName = visit.doctor().displayName();
            Instant started = visit.startsAt();
            Instant measured = started.plusSeconds(120);
            Instant authored = started.plusSeconds(600);
            Instant ended = started.plusSeconds(900);
            Condition condition = CONDITIONS[random.nextInt(CONDITIONS.length)];

            context.writer.insert(
                    "encounter",
                    ENCOUNTER,
                    encounterId,
                    patientId,
                    visit.appointmentId().toString(),
                    visit.doctor().departmentId().toString(),
                    doctorId,
                    UtcTimestamps.toColumn(started),
                    UtcTimestamps.toColumn(ended),
                    doctorId,
                    UtcTimestamps.toColumn(started),
                    UtcTimestamps.toColumn(ended));

            BigDecimal height = BigDecimal.valueOf(1500 + random.nextInt(351), 1); // 150.0–185.0 cm
            BigDecimal weight = BigDecimal.valueOf(450 + random.nextInt(501), 1); // 45.0–95.0 kg
            BigDecimal metres = height.movePointLeft(2);
            BigDecimal bmi = weight.divide(metres.multiply(metres), 1, RoundingMode.HALF_UP);
            int systolic = 100 + random.nextInt(51);
            context.writer.insert(
                    "vital_signs",
                    VITALS,
                    context.id("vitals", i).toString(),
                    encounterId,
                    patientId,
                    systolic,
                    systolic - 30 - random.nextInt(21),
                    55 + random.nextInt(46),
                    12 + random.nextInt(9),
                    BigDecimal.valueOf(360 + random.nextInt(20), 1),
                    94 + random.nextInt(7),
                    height,
                    weight,
                    bmi,
                    UtcTimestamps.toColumn(measured),
                    doctorId,
                    doctorName);

            String noteId = context.id("note", i).toString();
            context.writer.insert(
                    "clinical_note",
                    NOTE,
                    noteId,
                    encounterId,
                    patientId,
                    doctorId,
                    doctorName,
                    UtcTimestamps.toColumn(authored));
            context.writer.insert(
                    "clinical_note_version",
                    NOTE_TEXT,
                    noteId,
                    condition.subjective(),
                    condition.objective(),
                    condition.description(),
                    condition.plan(),
                    doctorId,
                    doctorName,
                    UtcTimestamps.toColumn(authored));

            context.writer.insert(
                    "encounter_diagnosis",
                    DIAGNOSIS,
                    context.id("diagnosis", i).toString(),
                    encounterId,
                    patientId,
                    condition.code(),
                    condition.description(),
                    UtcTimestamps.toColumn(authored),
                    doctorId,
                    doctorName);
        }
    }
}
