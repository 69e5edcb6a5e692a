-- Session settings shared by every phase (included with \ir).
\set ON_ERROR_STOP on
\set QUIET on
SET client_min_messages = warning;
SET statement_timeout = 0;
SET lock_timeout = '30s';
SET synchronous_commit = off;
SET work_mem = '512MB';
SET maintenance_work_mem = '1GB';
SET TIME ZONE 'UTC';
SET jit = off;
-- Repeatability: every random() draw happens in a query whose row order is fixed by an explicit
-- ORDER BY on a unique key or by generate_series; no parallel plan may reorder them, and a
-- sequential scan always starts at the table's first block.
SET max_parallel_workers_per_gather = 0;
SET synchronize_seqscans = off;
