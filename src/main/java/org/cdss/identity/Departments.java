package org.cdss.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface Departments extends JpaRepository<Department, UUID> {

    List<Department> findAllByOrderByCodeAsc();

    Optional<Department> findByCode(String code);

    /** Several departments by id: a fixed query string, so Hibernate caches its plan (unlike findAllById). */
    @org.springframework.data.jpa.repository.Query("select d from Department d where d.id in :ids")
    List<Department> findByIds(java.util.Collection<UUID> ids);
}
