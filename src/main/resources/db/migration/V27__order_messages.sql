-- Pharmacist verification (issue 15, item 5): a message thread on an order between the department that carries it out
-- (the pharmacist's query) and the prescriber (the answer). Append-only, like the other rows around an order.
CREATE TABLE order_message (
    id          CHAR(36)      NOT NULL PRIMARY KEY,
    order_id    CHAR(36)      NOT NULL,
    author_id   CHAR(36)      NOT NULL,
    to_prescriber BOOLEAN     NOT NULL,
    body        VARCHAR(2000) NOT NULL,
    created_at  ${ts}         NOT NULL,
    CONSTRAINT fk_order_message_order FOREIGN KEY (order_id) REFERENCES clinical_order (id)
);
CREATE INDEX ix_order_message_order ON order_message (order_id, created_at);

-- An override names what it overrode in words: the alert's type and the drugs involved (display names, e.g.
-- "Simvastatin + Clarithromycin"), so the pharmacist's view shows no rule codes. Null for overrides stored before.
ALTER TABLE order_safety_override ADD COLUMN alert_type VARCHAR(20);
ALTER TABLE order_safety_override ADD COLUMN drug_names VARCHAR(500);
