package org.cdss.patients;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.Set;
import java.util.UUID;
import org.cdss.shared.PageView;
import org.springframework.data.domain.Sort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/patients")
class PatientController {

    private static final Set<String> SORTABLE = Set.of("mrn", "name", "nameLatin", "birthDate", "createdAt");

    private final PatientDirectory directory;

    PatientController(PatientDirectory directory) {
        this.directory = directory;
    }

    @GetMapping
    PageView<PatientSummaryView> search(@RequestParam(required = false) @Size(max = 100) String q,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(defaultValue = "name,asc") String sort) {
        return directory.search(q, page, size, parseSort(sort));
    }

    @GetMapping("/{id}")
    PatientSummaryView get(@PathVariable UUID id) {
        return directory.get(id);
    }

    static Sort parseSort(String sort) {
        String[] parts = sort.split(",");
        String field = SORTABLE.contains(parts[0]) ? parts[0] : "name";
        boolean desc = parts.length > 1 && parts[1].equalsIgnoreCase("desc");
        return Sort.by(desc ? Sort.Direction.DESC : Sort.Direction.ASC, field).and(Sort.by("id"));
    }
}
