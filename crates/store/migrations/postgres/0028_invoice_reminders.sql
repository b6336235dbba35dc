-- Reminders of unpaid invoices: each centre chooses after how many days past the due date the
-- first and the second reminder go (0 turns one off). `invoices.reminders` counts those sent;
-- it is raised in the transaction that queues the reminder's mail, so each goes once.
ALTER TABLE seller_settings ADD COLUMN reminder_first_days BIGINT NOT NULL DEFAULT 7;
ALTER TABLE seller_settings ADD COLUMN reminder_second_days BIGINT NOT NULL DEFAULT 21;
CREATE INDEX invoices_unpaid_due ON invoices(status, due_date);
