-- V12's threshold of 20 M modified rows still brought an autoanalyze of appointments every twenty minutes
-- at 1,000 users/s, busiest hour or not: board moves shift about 15,000 positions a second. An analyze
-- samples 30,000 rows (0.34..0.42 s of one core on the benchmark machine) and invalidates every pooled
-- connection's plans that read appointments, so each plans its statements again (the move's 3..4 ms).
-- That burst was one of the moments that broke a run at 1,000 users/s. What the plans read from the
-- statistics (how customers, vehicles and days spread over the table) drifts with the few hundred new
-- appointments a day, not with the shifts: the service refreshes them once a night at a quiet hour
-- (autoshop.statistics.refresh-cron, in the shop's time zone) and autovacuum no longer analyzes the table.
-- Vacuum is unchanged.
ALTER TABLE appointments SET (autovacuum_analyze_threshold = 2147483647);

-- Analyzes appointments unless its statistics are younger than min_age (another instance refreshed them
-- moments ago) or another session is refreshing them now; answers whether it analyzed.
CREATE FUNCTION refresh_appointment_statistics(min_age interval) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
    IF NOT pg_try_advisory_xact_lock(hashtext('refresh_appointment_statistics')) THEN
        RETURN false;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_stat_user_tables
               WHERE relid = 'appointments'::regclass
                 AND greatest(last_analyze, last_autoanalyze) > now() - min_age) THEN
        RETURN false;
    END IF;
    ANALYZE appointments;
    RETURN true;
END
$$;
