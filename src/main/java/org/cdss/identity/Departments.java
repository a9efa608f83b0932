package org.cdss.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface Departments extends JpaRepository<Department, UUID> {

    List<Department> findAllByOrderByCodeAsc();

    Optional<Department> findByCode(String code);
}
