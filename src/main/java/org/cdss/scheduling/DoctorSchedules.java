package org.cdss.scheduling;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface DoctorSchedules extends JpaRepository<DoctorSchedule, UUID> {

    List<DoctorSchedule> findByDoctorIdAndDepartmentIdAndDayOfWeekAndActiveTrue(
            UUID doctorId, UUID departmentId, int dayOfWeek);

    List<DoctorSchedule> findByDoctorIdAndActiveTrueOrderByDayOfWeekAscStartTimeAsc(UUID doctorId);
}
