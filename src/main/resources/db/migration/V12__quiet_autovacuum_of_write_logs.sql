-- Every move and payment writes an audit entry, every payment an Idempotency-Key. At 1,000 users/s that is
-- about 150 and 50 new rows a second, and both tables are small, so autovacuum ran on them every minute: an
-- analyze of each (by default after 10 % of the table) and an insert-driven vacuum of audit_entries
-- (after 20 %), and with each analyze a vacuum of pg_statistic's TOAST table. The mix's per-second p99
-- rose to 250..700 ms within two seconds of those runs at 1,000 users/s. No plan depends on either
-- table's statistics (both are read only through their keys); the thresholds below keep the runs but
-- make them rare. Dead rows (the expiry purge's) still trigger vacuum as before.
ALTER TABLE audit_entries SET (autovacuum_analyze_threshold = 200000, autovacuum_vacuum_insert_threshold = 200000);
ALTER TABLE idempotency_keys SET (autovacuum_analyze_threshold = 200000, autovacuum_vacuum_insert_threshold = 200000);

-- V11's 5 M modified rows were a few minutes of moves at 1,000 users/s (about 15,000 shifted positions a
-- second); 20 M keeps the analyses of appointments to one in twenty minutes or fewer at that rate.
ALTER TABLE appointments SET (autovacuum_analyze_threshold = 20000000);
