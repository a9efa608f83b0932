-- Order templates (ADR 0038): a doctor's favourite orders and the named order sets of a department, which
-- administrators edit. A template is an order form without patient or due time, kept as JSON text (type,
-- priority, indication and the payload of its type) and checked against the catalogues when saved; ordering from
-- it goes through the order basket like any other order (safety checks, signing).
CREATE TABLE order_favourite (
    id         CHAR(36)      NOT NULL PRIMARY KEY,
    user_id    CHAR(36)      NOT NULL,
    order_type VARCHAR(20)   NOT NULL,
    item_name  VARCHAR(200)  NOT NULL,
    template_json VARCHAR(4000) NOT NULL,
    created_at ${ts}         NOT NULL,
    CONSTRAINT fk_order_favourite_user FOREIGN KEY (user_id) REFERENCES app_user (id)
);
CREATE INDEX ix_order_favourite_user ON order_favourite (user_id, created_at);

CREATE TABLE order_set (
    id            CHAR(36)     NOT NULL PRIMARY KEY,
    department_id CHAR(36)     NOT NULL,
    name          VARCHAR(120) NOT NULL,
    version       BIGINT       NOT NULL,
    updated_at    ${ts}        NOT NULL,
    updated_by    CHAR(36)     NOT NULL,
    CONSTRAINT uq_order_set_name UNIQUE (department_id, name),
    CONSTRAINT fk_order_set_department FOREIGN KEY (department_id) REFERENCES department (id)
);

CREATE TABLE order_set_item (
    id           CHAR(36)      NOT NULL PRIMARY KEY,
    order_set_id CHAR(36)      NOT NULL,
    sort_order   INT           NOT NULL,
    order_type   VARCHAR(20)   NOT NULL,
    item_name    VARCHAR(200)  NOT NULL,
    template_json VARCHAR(4000) NOT NULL,
    CONSTRAINT uq_order_set_item_sort UNIQUE (order_set_id, sort_order),
    CONSTRAINT fk_order_set_item_set FOREIGN KEY (order_set_id) REFERENCES order_set (id)
);
