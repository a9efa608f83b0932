-- Order statistics group the orders created in a period (ADR 0016): an index that starts with the creation time
-- and holds the grouped columns answers them without reading the table rows.
CREATE INDEX ix_clinical_order_created ON clinical_order (created_at, target_department_id, order_type, status,
    priority);
