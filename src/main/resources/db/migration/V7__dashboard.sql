-- Dashboard (issue 4): the "outstanding" figure reads only appointments that still owe money, through
-- a small partial index, whatever the number of settled appointments.
CREATE INDEX appointments_outstanding ON appointments (status) INCLUDE (total_cents, paid_cents, starts_at)
    WHERE deleted_at IS NULL AND status IN ('READY', 'COMPLETED') AND total_cents > paid_cents;
