package org.cdss.seed;

import java.time.LocalTime;
import java.util.SplittableRandom;
import java.util.UUID;
import org.cdss.shared.db.UtcTimestamps;
import org.springframework.stereotype.Component;

/**
 * Synthetic doctors ({@code seed-doctor-0001}…), spread over the clinical departments, each holding clinic Monday
 * to Friday 09:00–17:00 in 15-minute slots. They cannot log in: their password hash is of a random secret.
 */
@Component
class StaffGenerator implements SeedGenerator {

    static final String USERNAME_PREFIX = "seed-doctor-";
    static final int SLOT_MINUTES = 15;
    static final LocalTime OPENS = LocalTime.of(9, 0);
    static final LocalTime CLOSES = LocalTime.of(17, 0);

    @Override
    public String kind() {
        return "staff";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public void generate(SeedContext context) {
        SplittableRandom random = context.random(kind());
        var created = UtcTimestamps.toColumn(context.now);
        String[] surnames = {"김", "이", "박", "최", "정", "강", "조", "윤"};
        String[] given = {"민준", "서연", "도윤", "지우", "현우", "수아", "정훈", "영희", "성민", "하은"};
        for (int d = 0; d < context.plan.doctors(); d++) {
            UUID id = context.id("doctor", d);
            UUID department = context.clinicalDepartments.get(d % context.clinicalDepartments.size());
            String displayName = surnames[random.nextInt(surnames.length)] + given[random.nextInt(given.length)];
            context.writer.insert(
                    "app_user",
                    "INSERT INTO app_user (id, username, display_name, password_hash, active,"
                            + " failed_logins, password_changed_at, created_at, updated_at, version)"
                            + " VALUES (?, ?, ?, ?, TRUE, 0, ?, ?, ?, 0)",
                    id.toString(),
                    USERNAME_PREFIX + String.format("%04d", d + 1),
                    displayName,
                    new SeedWriter.Unrepeatable(context.passwordHash),
                    created,
                    created,
                    created);
            context.writer.insert(
                    "app_user_role",
                    "INSERT INTO app_user_role (user_id, role) VALUES (?, ?)",
                    id.toString(),
                    "DOCTOR");
            context.writer.insert(
                    "app_user_department",
                    "INSERT INTO app_user_department (user_id, department_id) VALUES (?, ?)",
                    id.toString(),
                    department.toString());
            for (int day = 1; day <= 5; day++) {
                context.writer.insert(
                        "doctor_schedule",
                        "INSERT INTO doctor_schedule (id, doctor_id, department_id,"
                                + " day_of_week, start_time, end_time, slot_minutes, active, created_at, version)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, TRUE, ?, 0)",
                        context.id("schedule", d * 7L + day).toString(),
                        id.toString(),
                        department.toString(),
                        day,
                        OPENS,
                        CLOSES,
                        SLOT_MINUTES,
                        created);
            }
            context.doctors.add(new SeedContext.Doctor(id, department, displayName));
        }
    }
}
