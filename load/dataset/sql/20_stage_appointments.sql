-- Phase 2a: stage the appointments, placed so that no technician and no vehicle is ever
-- double-booked.
\ir settings.sql
DO $$ BEGIN PERFORM setseed(((p.seed * 1000003 + 202) % 2000000 + 2000000) % 2000000 / 1000000.0 - 1) FROM load_stage.params p; END $$;

-- The service menu: w_main = how often a visit is about it, w_addon = how often it is added to one
CREATE UNLOGGED TABLE load_stage.job AS
SELECT * FROM (VALUES
    ( 1, 'Oil change',                  'Full synthetic oil and filter change',   'Maintenance',  0.50,   8999, 300,  0),
    ( 2, 'Oil change',                  'Conventional oil and filter change',     'Maintenance',  0.50,   5999, 120,  0),
    ( 3, 'Tire rotation',               'Tire rotation and balance',              'Tires',        0.80,   7999,  70, 90),
    ( 4, 'New tires',                   'All-season tires (set of 4), mounted',   'Tires',        1.50,  72000,  30,  0),
    ( 5, 'Wheel alignment',             'Four-wheel alignment',                   'Suspension',   1.00,  12999,  25, 60),
    ( 6, 'Brake service',               'Front brake pads and rotors',            'Brakes',       2.00,  42900,  60,  0),
    ( 7, 'Brake service',               'Rear brake pads',                        'Brakes',       1.50,  24900,  30, 20),
    ( 8, 'Brake fluid flush',           'Brake fluid flush',                      'Brakes',       0.50,  11900,   5, 60),
    ( 9, 'Check engine light',          'Diagnostic scan and road test',          'Diagnostics',  1.00,  14900,  60,  0),
    (10, 'Ignition repair',             'Spark plugs (set of 4)',                 'Engine',       1.00,  18900,  10, 40),
    (11, 'Ignition repair',             'Ignition coil replacement',              'Engine',       0.80,  21450,   8, 15),
    (12, 'A/C not cooling',             'A/C performance check and recharge',     'HVAC',         1.50,  28800,  25,  0),
    (13, 'Battery replacement',         'Battery test and replacement',           'Electrical',   0.50,  24900,  30, 15),
    (14, 'Scheduled maintenance',       '30,000-mile factory service',            'Maintenance',  2.00,  39900,  25,  0),
    (15, 'Scheduled maintenance',       '60,000-mile factory service',            'Maintenance',  2.50,  54900,  15,  0),
    (16, 'Timing belt',                 'Timing belt and water pump',             'Engine',       5.50, 118000,   6,  0),
    (17, 'Coolant flush',               'Coolant flush',                          'Fluids',       1.00,  15900,   8, 50),
    (18, 'Transmission service',        'Transmission fluid exchange',            'Fluids',       1.50,  27900,  12, 25),
    (19, 'Suspension noise',            'Front struts (pair)',                    'Suspension',   3.00,  98000,   8,  0),
    (20, 'Suspension noise',            'Sway bar links',                         'Suspension',   1.00,  21900,   6, 10),
    (21, 'State inspection',            'State safety inspection',                'Inspection',   0.50,   3500,  40,  0),
    (22, 'Wipers',                      'Wiper blades (pair)',                    'Maintenance',  0.20,   4900,   5, 90),
    (23, 'Cabin air filter',            'Cabin air filter',                       'Maintenance',  0.30,   6500,   3, 90),
    (24, 'Engine air filter',           'Engine air filter',                      'Maintenance',  0.30,   5900,   3, 80),
    (25, 'Headlights',                  'Headlight bulb replacement',             'Electrical',   0.30,   3900,   5, 40),
    (26, 'Exhaust repair',              'Exhaust heat shield repair',             'Exhaust',      1.00,  16500,   8,  5),
    (27, 'Serpentine belt',             'Serpentine belt replacement',            'Engine',       0.50,   8900,   6, 30),
    (28, 'Fleet maintenance',           'Fleet preventive maintenance',           'Maintenance',  1.50,  19900,  10,  0),
    (29, 'Inspection',                  'Multi-point inspection',                 'Inspection',   0.30,      0,   0, 80),
    (30, 'Fuel system',                 'Fuel injection cleaning',                'Fuel',         1.00,  14900,   4, 25)
) AS j (code, title, name, category, hours, base_cents, w_main, w_addon);
CREATE UNIQUE INDEX ON load_stage.job (code);
ANALYZE load_stage.job;

-- bucket 0..999 of a uniform draw -> job, by cumulative weight
CREATE UNLOGGED TABLE load_stage.pick AS
WITH c AS (
    SELECT code, sum(w_main) OVER (ORDER BY code) AS cm, sum(w_main) OVER () AS tm,
                 sum(w_addon) OVER (ORDER BY code) AS ca, sum(w_addon) OVER () AS ta
    FROM load_stage.job
)
SELECT b AS bucket,
       (SELECT min(code) FROM c WHERE c.cm * 1000 > b * c.tm) AS main_code,
       (SELECT min(code) FROM c WHERE c.ca * 1000 > b * c.ta) AS addon_code
FROM generate_series(0, 999) AS b;
CREATE UNIQUE INDEX ON load_stage.pick (bucket);
ANALYZE load_stage.pick;

-- Draws: vehicle by vehicle, visit j falls in the j-th equal part of the vehicle's working days,
-- so a vehicle never has two visits on the same day (hence never two overlapping ones).
-- an numbers the appointments 1..n in (vehicle, visit) order.
CREATE UNLOGGED TABLE load_stage.appt_draw WITH (autovacuum_enabled = off) AS
SELECT v.first_an + j - 1 AS an, v.vn, v.start_wd + (j - 1) * v.seg + floor(random() * v.seg)::int AS wd,
       random() AS r_assign, random() AS r_order, random() AS r_dur, random() AS r_status, random() AS r_time,
       random() AS r_a, random() AS r_b, random() AS r_c, random() AS r_items, random() AS r_job, random() AS r_addon,
       random() AS r_pay, random() AS r_method, random() AS r_msg, random() AS r_note
FROM (SELECT vn, c, start_wd, seg, first_an FROM load_stage.vehicle WHERE c > 0 ORDER BY vn) AS v
CROSS JOIN LATERAL generate_series(1, v.c) AS j;
ANALYZE load_stage.appt_draw;

-- Placement. Of each day's visits, those drawn for a technician (1 - unassigned of them) are dealt
-- round-robin to the technicians, and each technician's jobs of the day are laid end to end from
-- 08:00: [s1, s1 + d1), [s1 + d1, ...) never overlap. A job that would end after 18:00 stays
-- unassigned. Unassigned jobs start on any half hour from 08:00 to 16:00. All times UTC.
CREATE UNLOGGED TABLE load_stage.place WITH (autovacuum_enabled = off) AS
WITH base AS (
    SELECT d.an, d.wd, d.r_order, d.r_time, d.r_status, d.r_assign >= p.unassigned AS want_tech,
           CASE WHEN d.r_dur < 0.35 THEN 60 WHEN d.r_dur < 0.70 THEN 90 WHEN d.r_dur < 0.92 THEN 120 ELSE 180 END AS dur
    FROM load_stage.appt_draw d, load_stage.params p
), dealt AS (
    SELECT b.*, row_number() OVER (PARTITION BY b.wd, b.want_tech ORDER BY b.r_order, b.an) - 1 AS rn
    FROM base b
), packed AS (
    SELECT x.*, ((x.rn + x.wd::bigint * 7) % p.n_tech + 1)::int AS tech_slot,
           480 + sum(x.dur) OVER (PARTITION BY x.wd, x.want_tech, (x.rn + x.wd::bigint * 7) % p.n_tech ORDER BY x.rn) - x.dur AS packed_start
    FROM dealt x, load_stage.params p
), placed AS (
    SELECT x.an, x.wd, x.dur, x.r_status,
           CASE WHEN x.want_tech AND x.packed_start + x.dur <= 1080 THEN x.tech_slot END AS tech_n,
           CASE WHEN x.want_tech AND x.packed_start + x.dur <= 1080 THEN x.packed_start
                ELSE 480 + 30 * floor(x.r_time * 17)::int END AS start_min
    FROM packed x
), timed AS (
    SELECT x.*, (dy.day + make_interval(mins => x.start_min::int)) AT TIME ZONE 'UTC' AS starts_at,
           (dy.day + make_interval(mins => (x.start_min + x.dur)::int)) AT TIME ZONE 'UTC' AS ends_at
    FROM placed x JOIN load_stage.days dy ON dy.wd = x.wd
), st AS (
    SELECT t.an, t.wd, t.tech_n, t.starts_at, t.ends_at,
           CASE
             WHEN t.wd < p.today_wd - 5 THEN
                  CASE WHEN t.r_status < 0.91 THEN 'COMPLETED' WHEN t.r_status < 0.96 THEN 'CANCELED' ELSE 'NO_SHOW' END
             WHEN t.wd < p.today_wd THEN
                  CASE WHEN t.r_status < 0.80 THEN 'COMPLETED' WHEN t.r_status < 0.87 THEN 'READY'
                       WHEN t.r_status < 0.90 THEN 'IN_PROGRESS' WHEN t.r_status < 0.91 THEN 'SCHEDULED'
                       WHEN t.r_status < 0.96 THEN 'CANCELED' ELSE 'NO_SHOW' END
             WHEN t.ends_at <= p.anchor THEN
                  CASE WHEN t.r_status < 0.70 THEN 'COMPLETED' WHEN t.r_status < 0.88 THEN 'READY'
                       WHEN t.r_status < 0.94 THEN 'CANCELED' ELSE 'NO_SHOW' END
             WHEN t.starts_at <= p.anchor THEN
                  CASE WHEN t.r_status < 0.92 THEN 'IN_PROGRESS' WHEN t.r_status < 0.97 THEN 'SCHEDULED' ELSE 'CANCELED' END
             ELSE CASE WHEN t.r_status < 0.94 THEN 'SCHEDULED' ELSE 'CANCELED' END
           END AS status
    FROM timed t, load_stage.params p
)
-- position: the card's place in its status column, per day
SELECT st.*, (row_number() OVER (PARTITION BY st.status, st.wd ORDER BY st.starts_at, st.an) - 1)::int AS position
FROM st;
ANALYZE load_stage.place;

CREATE UNLOGGED TABLE load_stage.appt WITH (autovacuum_enabled = off) AS
WITH s AS (
    SELECT pl.*, d.vn, d.r_a, d.r_b, d.r_c, d.r_items, d.r_job, d.r_addon, d.r_pay, d.r_method, d.r_msg, d.r_note,
           least(p.anchor - make_interval(mins => 30 + floor(d.r_c * 600)::int),
                 pl.starts_at - make_interval(mins => 1440 + floor(d.r_b * 28800)::int)) AS created_at
    FROM load_stage.place pl JOIN load_stage.appt_draw d ON d.an = pl.an, load_stage.params p
)
SELECT s.an, s.vn, v.cust_n, s.wd, s.status, s.starts_at, s.ends_at, s.position,
       v.customer_id, v.id AS vehicle_id, tc.id AS technician_id,
       load_stage.v7(s.created_at, p.seed * 64 + 16, s.an) AS id,
       pk.main_code AS job, j.title,
       CASE WHEN s.r_items < 0.65 THEN 1 WHEN s.r_items < 0.87 THEN 2 WHEN s.r_items < 0.97 THEN 3 ELSE 4 END AS m,
       CASE WHEN s.r_note < 0.08 THEN
            (ARRAY['Customer waiting in the lobby', 'Loaner car requested', 'Key in the drop box',
                   'Call before any extra work over $200', 'Noise from the front left when braking',
                   'Customer supplies own parts', 'Check tire pressure warning light', 'Pick-up after 5 pm'])
                [1 + floor(s.r_note / 0.08 * 8)::int] END AS notes,
       CASE WHEN s.status IN ('IN_PROGRESS', 'READY', 'COMPLETED')
            THEN s.starts_at - make_interval(mins => 5 + floor(s.r_a * 25)::int) END AS check_in_at,
       CASE WHEN s.status IN ('IN_PROGRESS', 'READY', 'COMPLETED')
            THEN least(p.anchor, s.starts_at + make_interval(mins => floor(s.r_b * 15)::int)) END AS started_at,
       CASE WHEN s.status = 'COMPLETED' THEN s.ends_at - make_interval(mins => floor(s.r_c * 10)::int) END AS completed_at,
       CASE WHEN s.status = 'COMPLETED'
            THEN least(p.anchor, s.ends_at + make_interval(mins => 10 + floor(s.r_a * s.r_a * s.r_a * 1800)::int)) END AS check_out_at,
       s.created_at,
       CASE s.status
            WHEN 'CANCELED' THEN s.created_at + (least(p.anchor, s.starts_at) - s.created_at) * s.r_a
            WHEN 'NO_SHOW' THEN least(p.anchor, s.ends_at + interval '30 minutes') END AS closed_at,
       CASE s.status WHEN 'SCHEDULED' THEN 0 WHEN 'IN_PROGRESS' THEN 2 WHEN 'READY' THEN 3 WHEN 'COMPLETED' THEN 5 ELSE 1 END AS version,
       s.r_pay, s.r_method, s.r_msg, s.r_addon
FROM s
CROSS JOIN load_stage.params p
JOIN load_stage.vehicle v ON v.vn = s.vn
LEFT JOIN load_stage.technician tc ON tc.tech_n = s.tech_n
JOIN load_stage.pick pk ON pk.bucket = floor(s.r_job * 1000)::int
JOIN load_stage.job j ON j.code = pk.main_code;
ANALYZE load_stage.appt;
