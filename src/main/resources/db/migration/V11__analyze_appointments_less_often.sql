-- A board move shifts the positions of a few hundred cards of its day. At the benchmark's 600 users/s that
-- is about 8,000 modified rows a second, so autoanalyze (by default after 10 % of the table) ran on
-- appointments every minute: half a second of CPU each time, and every pooled connection then plans its
-- prepared statements again. The 5-minute run at 600 users/s failed with a collapse at one of those
-- moments and held (p99 44 ms) with the setting below. No plan reads position's statistics; what moves the
-- statistics the plans do read (new appointments, a few hundred a day) needs far fewer analyses.
ALTER TABLE appointments SET (autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 5000000);
