-- Order templates (ADR 0039): a doctor's own name for a favourite order, shown in the basket's favourites list
-- (the order itself is still labelled by its product or test); and the Korean name of each template's product or
-- test beside the English one, so that the basket shows the reader's language (rows stored before: English only).
ALTER TABLE order_favourite ADD COLUMN label VARCHAR(120);
ALTER TABLE order_favourite ADD COLUMN item_name_ko VARCHAR(200);
ALTER TABLE order_set_item ADD COLUMN item_name_ko VARCHAR(200);
