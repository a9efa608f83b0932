-- Why an order was cancelled, as a code the UI translates (issue 5): REQUESTED — a person gave the reason in
-- cancel_reason; WITHDRAWN — the orderer withdrew it before sending; REPLACED — a revision replaced it. The two
-- system causes used to be English sentences in cancel_reason and showed as such in the Korean UI; cancel_reason
-- keeps that sentence for readers of the raw data.
ALTER TABLE clinical_order ADD COLUMN cancel_cause VARCHAR(16);

UPDATE clinical_order SET cancel_cause = 'WITHDRAWN'
    WHERE status = 'CANCELLED' AND sent_at IS NULL AND cancel_reason = 'Withdrawn before sending';
UPDATE clinical_order SET cancel_cause = 'REPLACED'
    WHERE status = 'CANCELLED' AND cancel_cause IS NULL AND cancel_reason LIKE 'Revised: replaced by %';
UPDATE clinical_order SET cancel_cause = 'REQUESTED'
    WHERE status = 'CANCELLED' AND cancel_cause IS NULL;
