package org.cdss.identity;

import java.util.UUID;

/** A department as the API shows it, with its Korean and English names. */
public record DepartmentView(UUID id, String code, String nameKo, String nameEn, boolean active) {}
