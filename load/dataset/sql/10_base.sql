-- Phase 1: technicians, customers, vehicles, and the load-test logins.
\ir settings.sql
DO $$ BEGIN PERFORM setseed(((p.seed * 1000003 + 101) % 2000000 + 2000000) % 2000000 / 1000000.0 - 1) FROM load_stage.params p; END $$;

-- Name pools -------------------------------------------------------------------------------------
CREATE UNLOGGED TABLE load_stage.pool AS SELECT
  ARRAY['James','Mary','Robert','Patricia','John','Jennifer','Michael','Linda','David','Elizabeth','William','Barbara',
        'Richard','Susan','Joseph','Jessica','Thomas','Sarah','Christopher','Karen','Charles','Lisa','Daniel','Nancy',
        'Matthew','Betty','Anthony','Sandra','Mark','Margaret','Donald','Ashley','Steven','Kimberly','Andrew','Emily',
        'Paul','Donna','Joshua','Michelle','Kenneth','Carol','Kevin','Amanda','Brian','Melissa','Timothy','Deborah',
        'Ronald','Stephanie','George','Rebecca','Jason','Sharon','Edward','Laura','Jeffrey','Cynthia','Ryan','Dorothy',
        'Jacob','Amy','Nicholas','Kathleen','Gary','Angela','Eric','Shirley','Jonathan','Emma','Stephen','Brenda',
        'Larry','Pamela','Justin','Nicole','Scott','Anna','Brandon','Samantha','Benjamin','Katherine','Samuel','Christine',
        'Gregory','Debra','Alexander','Rachel','Patrick','Carolyn','Frank','Janet','Raymond','Maria','Jack','Olivia',
        'Dennis','Heather','Jerry','Helen','Tyler','Catherine','Aaron','Diane','Jose','Julie','Adam','Victoria',
        'Nathan','Joyce','Henry','Lauren','Zachary','Kelly','Douglas','Christina','Peter','Ruth','Kyle','Joan',
        'Noah','Virginia','Ethan','Judith','Jeremy','Evelyn','Christian','Hannah','Walter','Andrea','Keith','Megan',
        'Austin','Cheryl','Roger','Jacqueline','Terry','Madison','Sean','Teresa','Gerald','Abigail','Carl','Sophia',
        'Dylan','Martha','Harold','Sara','Jordan','Gloria','Jesse','Janice','Bryan','Kathryn','Lawrence','Ann',
        'Arthur','Isabella','Gabriel','Judy','Bruce','Charlotte','Logan','Julia','Billy','Grace','Joe','Amber',
        'Alan','Alice','Juan','Jean','Elijah','Denise','Willie','Frances','Albert','Danielle','Wayne','Marilyn',
        'Randy','Natalie','Mason','Beverly','Vincent','Diana','Liam','Brittany','Roy','Theresa','Bobby','Kayla',
        'Caleb','Alexis','Bradley','Doris','Russell','Lori','Lucas','Tiffany','Priya','Wei','Aisha','Hiroshi',
        'Sofia','Mateo','Fatima','Arjun','Mei','Omar','Yuki','Carlos','Ngozi','Lars','Ingrid','Diego','Chloe','Zoe'] AS first_names,
  ARRAY['Smith','Johnson','Williams','Brown','Jones','Garcia','Miller','Davis','Rodriguez','Martinez','Hernandez',
        'Lopez','Gonzalez','Wilson','Anderson','Thomas','Taylor','Moore','Jackson','Martin','Lee','Perez','Thompson',
        'White','Harris','Sanchez','Clark','Ramirez','Lewis','Robinson','Walker','Young','Allen','King','Wright',
        'Scott','Torres','Nguyen','Hill','Flores','Green','Adams','Nelson','Baker','Hall','Rivera','Campbell',
        'Mitchell','Carter','Roberts','Gomez','Phillips','Evans','Turner','Diaz','Parker','Cruz','Edwards','Collins',
        'Reyes','Stewart','Morris','Morales','Murphy','Cook','Rogers','Gutierrez','Ortiz','Morgan','Cooper','Peterson',
        'Bailey','Reed','Kelly','Howard','Ramos','Kim','Cox','Ward','Richardson','Watson','Brooks','Chavez','Wood',
        'James','Bennett','Gray','Mendoza','Ruiz','Hughes','Price','Alvarez','Castillo','Sanders','Patel','Myers',
        'Long','Ross','Foster','Jimenez','Powell','Jenkins','Perry','Russell','Sullivan','Bell','Coleman','Butler',
        'Henderson','Barnes','Gonzales','Fisher','Vasquez','Simmons','Romero','Jordan','Patterson','Alexander',
        'Hamilton','Graham','Reynolds','Griffin','Wallace','Moreno','West','Cole','Hayes','Bryant','Herrera','Gibson',
        'Ellis','Tran','Medina','Aguilar','Stevens','Murray','Ford','Castro','Marshall','Owens','Harrison','Fernandez',
        'Mcdonald','Woods','Washington','Kennedy','Wells','Vargas','Henry','Chen','Freeman','Webb','Tucker','Guzman',
        'Burns','Crawford','Olson','Simpson','Porter','Hunter','Gordon','Mendez','Silva','Shaw','Snyder','Mason',
        'Dixon','Munoz','Hunt','Hicks','Holmes','Palmer','Wagner','Black','Robertson','Boyd','Rose','Stone','Salazar',
        'Fox','Warren','Mills','Meyer','Rice','Schmidt','Garza','Daniels','Ferguson','Nichols','Stephens','Soto',
        'Weaver','Ryan','Gardner','Payne','Grant','Dunn','Kumar','Singh','Okafor','Larsen','Novak','Schultz','Yamamoto',
        'Rossi','Dubois','Kowalski','Lindqvist','Haddad','Osei','Fischer','Wong','Park'] AS last_names,
  ARRAY['example.com','example.net','example.org','mail.example.com','inbox.example.net'] AS domains,
  ARRAY['Main St','Oak Ave','Pine St','Maple Ave','Cedar Ln','Elm St','Washington Blvd','Lake Dr','Hill Rd',
        'Park Ave','Sunset Blvd','River Rd','Division St','Belmont St','Hawthorne Blvd','Alberta St',
        'Broadway','Sandy Blvd','Powell Blvd','Foster Rd'] AS streets,
  ARRAY['Portland, OR 97214','Portland, OR 97202','Beaverton, OR 97005','Gresham, OR 97030','Tigard, OR 97223',
        'Lake Oswego, OR 97034','Vancouver, WA 98660','Hillsboro, OR 97123','Milwaukie, OR 97222','Salem, OR 97301'] AS cities,
  ARRAY['503','971','360','541','458'] AS areas,
  ARRAY['Rose City','Cascade','Willamette','Pacific','Summit'] AS places,
  ARRAY['Plumbing','Courier','Cabs','Electric','Landscaping','Delivery','Rentals','Heating and Air','Movers','Catering'] AS trades;
ANALYZE load_stage.pool;
-- the same pools as (kind, i, word) rows: a hash join per lookup is much cheaper than subscripting
-- a compressed array for every customer
CREATE UNLOGGED TABLE load_stage.word AS
SELECT 'first' AS kind, i::int, w FROM load_stage.pool, unnest(first_names) WITH ORDINALITY AS u (w, i)
UNION ALL SELECT 'last', i::int, w FROM load_stage.pool, unnest(last_names) WITH ORDINALITY AS u (w, i)
UNION ALL SELECT 'domain', i::int, w FROM load_stage.pool, unnest(domains) WITH ORDINALITY AS u (w, i)
UNION ALL SELECT 'street', i::int, w FROM load_stage.pool, unnest(streets) WITH ORDINALITY AS u (w, i)
UNION ALL SELECT 'city', i::int, w FROM load_stage.pool, unnest(cities) WITH ORDINALITY AS u (w, i)
UNION ALL SELECT 'area', i::int, w FROM load_stage.pool, unnest(areas) WITH ORDINALITY AS u (w, i)
UNION ALL SELECT 'place', i::int, w FROM load_stage.pool, unnest(places) WITH ORDINALITY AS u (w, i)
UNION ALL SELECT 'trade', i::int, w FROM load_stage.pool, unnest(trades) WITH ORDINALITY AS u (w, i);
CREATE UNLOGGED TABLE load_stage.word_count AS
SELECT count(*) FILTER (WHERE kind = 'first') AS first, count(*) FILTER (WHERE kind = 'last') AS last,
       count(*) FILTER (WHERE kind = 'domain') AS domain
FROM load_stage.word;
CREATE UNIQUE INDEX ON load_stage.word (kind, i);
ANALYZE load_stage.word;
ANALYZE load_stage.word_count;

-- Technicians ------------------------------------------------------------------------------------
INSERT INTO technicians (id, name, initials, active, created_at, updated_at)
SELECT load_stage.v7(t.created_at, p.seed * 64 + 4, t.n), t.name, t.initials, true, t.created_at, t.created_at
FROM (
    SELECT n, name, created_at,
           base || CASE WHEN row_number() OVER (PARTITION BY base ORDER BY n) > 1
                        THEN chr(64 + (row_number() OVER (PARTITION BY base ORDER BY n))::int) ELSE '' END AS initials
    FROM (
        SELECT g AS n, f.first_names[1 + (g * 37) % array_length(f.first_names, 1)] || ' '
                       || f.last_names[1 + (g * 53) % array_length(f.last_names, 1)] AS name,
               upper(left(f.first_names[1 + (g * 37) % array_length(f.first_names, 1)], 1)
                     || left(f.last_names[1 + (g * 53) % array_length(f.last_names, 1)], 1)) AS base,
               (SELECT day FROM load_stage.days WHERE wd = 0) - interval '60 days' + make_interval(hours => g) AS created_at
        FROM load_stage.params p0, load_stage.pool f, generate_series(1, p0.n_tech) g
    ) t0
) t, load_stage.params p
ORDER BY t.n;

CREATE UNLOGGED TABLE load_stage.technician AS
SELECT row_number() OVER (ORDER BY created_at, id) AS tech_n, id FROM technicians;
CREATE UNIQUE INDEX ON load_stage.technician (tech_n);
ANALYZE load_stage.technician;

-- Customers --------------------------------------------------------------------------------------
-- 1..heavy are fleet accounts with hundreds of visits; the others come for a while: 30 % were
-- already customers when the window opens, the rest arrive over the years; 30 % of those who
-- arrived early enough stopped coming at least 180 days ago ("overdue for service").
CREATE UNLOGGED TABLE load_stage.cust_draw AS
SELECT n, random() AS r_first, random() AS r_last, random() AS r_domain, random() AS r_consent, random() AS r_start,
       random() AS r_churn, random() AS r_life, random() AS r_heavy, random() AS r_contact, random() AS r_addr,
       random() AS r_vip, random() AS r_hour
FROM load_stage.params p, generate_series(1, p.n_cust) AS n;
ANALYZE load_stage.cust_draw;

CREATE UNLOGGED TABLE load_stage.customer AS
WITH a AS (
    SELECT d.*, n <= p.n_heavy AS heavy,
           CASE WHEN n <= p.n_heavy THEN 0
                WHEN r_start < 0.3 THEN floor(r_start / 0.3 * 60)::int
                ELSE floor((r_start - 0.3) / 0.7 * (p.last_wd - 60))::int END AS start_wd
    FROM load_stage.cust_draw d, load_stage.params p
), b AS (
    SELECT a.*,
           CASE WHEN NOT heavy AND r_churn < 0.3 AND start_wd < p.today_wd - 600
                THEN start_wd + 150 + floor(r_life * (p.today_wd - 180 - start_wd - 150))::int
                ELSE p.last_wd END AS end_wd,
           1 + floor(r_first * wc.first)::int AS first_i, 1 + floor(r_last * wc.last)::int AS last_i,
           1 + floor(r_domain * wc.domain)::int AS domain_i
    FROM a, load_stage.params p, load_stage.word_count wc
), c AS (
    SELECT b.*, fn.w AS first, ln.w AS last, dm.w AS domain, st.w AS street, ct.w AS city, ar.w AS area,
           pl.w AS place, tr.w AS trade,
           (d.day - make_interval(days => 30 + floor(r_life * 700)::int) + make_interval(mins => floor(r_hour * 600)::int + 480))
               ::timestamp AT TIME ZONE 'UTC' AS created_at
    FROM b
    JOIN load_stage.days d ON d.wd = b.start_wd
    JOIN load_stage.word fn ON fn.kind = 'first' AND fn.i = b.first_i
    JOIN load_stage.word ln ON ln.kind = 'last' AND ln.i = b.last_i
    JOIN load_stage.word dm ON dm.kind = 'domain' AND dm.i = b.domain_i
    JOIN load_stage.word st ON st.kind = 'street' AND st.i = 1 + b.n % 20
    JOIN load_stage.word ct ON ct.kind = 'city' AND ct.i = 1 + (b.n / 20) % 10
    JOIN load_stage.word ar ON ar.kind = 'area' AND ar.i = 1 + b.n % 5
    JOIN load_stage.word pl ON pl.kind = 'place' AND pl.i = 1 + (b.n - 1) / 10 % 5
    JOIN load_stage.word tr ON tr.kind = 'trade' AND tr.i = 1 + (b.n - 1) % 10
)
SELECT c.n, c.heavy, c.start_wd, c.end_wd, c.created_at,
       load_stage.v7(c.created_at, p.seed * 64 + 8, c.n) AS id,
       CASE WHEN c.heavy THEN c.place || ' ' || c.trade || ' ' || (ARRAY['LLC', 'Inc.', 'Co.'])[1 + c.n % 3]
            ELSE c.first || ' ' || c.last END AS name,
       CASE WHEN c.heavy THEN 'fleet' || c.n || '@' || c.domain
            WHEN c.r_contact < 0.04 THEN NULL
            ELSE lower(c.first || '.' || c.last) || c.n || '@' || c.domain END AS email,
       CASE WHEN c.r_contact BETWEEN 0.04 AND 0.07 AND NOT c.heavy THEN NULL
            ELSE '+1' || c.area || (2000000 + (c.n::bigint * 7919) % 7999999)::text END AS phone,
       (100 + floor(c.r_addr * 9800)::int) || ' ' || c.street || ', ' || c.city AS address,
       CASE WHEN c.heavy THEN 'Fleet account: monthly invoice, pays by ACH.'
            WHEN c.r_vip < 0.01 THEN 'Prefers a loaner car.' END AS notes,
       CASE WHEN c.heavy THEN '{fleet}'::text[] WHEN c.r_vip < 0.02 THEN '{vip}'::text[] ELSE '{}'::text[] END AS tags,
       c.heavy OR c.r_vip < 0.02 AS is_vip,
       CASE WHEN c.r_consent < 0.70 THEN 'granted' WHEN c.r_consent < 0.90 THEN 'unknown' ELSE 'denied' END AS sms_consent
FROM c, load_stage.params p;
CREATE UNIQUE INDEX ON load_stage.customer (n);
ANALYZE load_stage.customer;

INSERT INTO customers (id, name, email, phone, address, notes, tags, is_vip, sms_consent, created_at, updated_at)
SELECT id, name, email, phone, address, notes, tags, is_vip, sms_consent, created_at, created_at
FROM load_stage.customer ORDER BY id;

-- Vehicles ---------------------------------------------------------------------------------------
-- Vehicle n <= customers is customer n's primary vehicle; each fleet account has 10 more; the
-- remaining vehicles are second (and some third) cars of other customers.
CREATE UNLOGGED TABLE load_stage.model AS
SELECT * FROM (VALUES
    ( 1, 'Toyota',     'Camry',        '{LE,SE,XLE,XSE}'::text[],              '4T1', 1995, 2026),
    ( 2, 'Toyota',     'Corolla',      '{L,LE,S,XSE}',                   '2T1', 1995, 2026),
    ( 3, 'Toyota',     'RAV4',         '{LE,XLE,Limited,Hybrid XSE}',    '2T3', 1996, 2026),
    ( 4, 'Toyota',     'Tacoma',       '{SR,SR5,TRD Off-Road}',          '5TF', 1995, 2026),
    ( 5, 'Honda',      'Civic',        '{LX,EX,Sport,Touring}',          '19X', 1995, 2026),
    ( 6, 'Honda',      'Accord',       '{LX,EX,EX-L,Sport}',             '1HG', 1995, 2026),
    ( 7, 'Honda',      'CR-V',         '{LX,EX,EX-L,Touring}',           '2HK', 1997, 2026),
    ( 8, 'Honda',      'Odyssey',      '{LX,EX,EX-L,Touring}',           '5FN', 1995, 2026),
    ( 9, 'Ford',       'F-150',        '{XL,XLT,Lariat,Platinum}',       '1FT', 1995, 2026),
    (10, 'Ford',       'Escape',       '{S,SE,Titanium}',                '1FM', 2001, 2026),
    (11, 'Ford',       'Transit 250',  '{Low Roof,Medium Roof,High Roof}', '1FT', 2015, 2026),
    (12, 'Chevrolet',  'Silverado 1500', '{WT,LT,LTZ,High Country}',     '1GC', 1999, 2026),
    (13, 'Chevrolet',  'Equinox',      '{LS,LT,Premier}',                '2GN', 2005, 2026),
    (14, 'Chevrolet',  'Malibu',       '{LS,LT,Premier}',                '1G1', 1997, 2025),
    (15, 'Nissan',     'Altima',       '{S,SV,SR,SL}',                   '1N4', 1995, 2026),
    (16, 'Nissan',     'Rogue',        '{S,SV,SL}',                      '5N1', 2008, 2026),
    (17, 'Subaru',     'Outback',      '{Base,Premium,Limited,Touring}', '4S4', 1995, 2026),
    (18, 'Subaru',     'Forester',     '{Base,Premium,Sport,Limited}',   'JF2', 1998, 2026),
    (19, 'Hyundai',    'Elantra',      '{SE,SEL,Limited}',               '5NP', 1995, 2026),
    (20, 'Hyundai',    'Tucson',       '{SE,SEL,Limited}',               '5NM', 2005, 2026),
    (21, 'Kia',        'Sorento',      '{LX,EX,SX}',                     '5XY', 2003, 2026),
    (22, 'Jeep',       'Wrangler',     '{Sport,Sahara,Rubicon}',         '1C4', 1997, 2026),
    (23, 'Jeep',       'Grand Cherokee', '{Laredo,Limited,Overland}',    '1C4', 1995, 2026),
    (24, 'Ram',        '1500',         '{Tradesman,Big Horn,Laramie}',   '1C6', 2010, 2026),
    (25, 'Volkswagen', 'Jetta',        '{S,SE,SEL}',                     '3VW', 1995, 2026),
    (26, 'BMW',        '3 Series',     '{328i,330i,340i}',               'WBA', 1995, 2026),
    (27, 'Mazda',      'CX-5',         '{Sport,Touring,Grand Touring}',  'JM3', 2013, 2026),
    (28, 'Tesla',      'Model 3',      '{Standard,Long Range,Performance}', '5YJ', 2017, 2026),
    (29, 'Tesla',      'Model Y',      '{Long Range,Performance}',       '7SA', 2020, 2026),
    (30, 'Lexus',      'RX 350',       '{Base,F Sport,Premium}',         '2T2', 1999, 2026)
) AS m (model_n, make, model, trims, wmi, first_year, last_year);
CREATE UNIQUE INDEX ON load_stage.model (model_n);
ANALYZE load_stage.model;

CREATE UNLOGGED TABLE load_stage.veh_draw AS
SELECT n, random() AS r_model, random() AS r_year, random() AS r_trim, random() AS r_color, random() AS r_start,
       random() AS r_rate, random() AS r_miles
FROM load_stage.params p, generate_series(1, p.n_veh) AS n;
ANALYZE load_stage.veh_draw;

CREATE UNLOGGED TABLE load_stage.vehicle AS
WITH owner AS (
    SELECT d.*,
           CASE WHEN n <= p.n_cust THEN n
                WHEN n <= p.n_cust + 10 * p.n_heavy THEN (n - p.n_cust - 1) / 10 + 1
                ELSE p.n_heavy + 1 + (((n - p.n_cust - 10 * p.n_heavy - 1)
                                       % greatest(1, ceil((p.n_veh - p.n_cust - 10 * p.n_heavy) * 0.8)::int))::bigint
                                      * 7919) % greatest(1, p.n_cust - p.n_heavy) END AS cust_n
    FROM load_stage.veh_draw d, load_stage.params p
), span AS (
    SELECT o.*, c.id AS customer_id, c.heavy, c.created_at AS cust_created,
           CASE WHEN o.n = o.cust_n THEN c.start_wd
                ELSE c.start_wd + floor(o.r_start * (c.end_wd - c.start_wd) * 0.6)::int END AS start_wd,
           c.end_wd,
           row_number() OVER (PARTITION BY o.cust_n ORDER BY o.n) AS rank_in_customer
    FROM owner o JOIN load_stage.customer c ON c.n = o.cust_n
)
SELECT s.n AS vn, s.cust_n, s.customer_id, s.heavy, s.start_wd, s.end_wd, s.rank_in_customer, s.r_rate,
       s.n = s.cust_n AS is_primary,
       greatest(s.cust_created + make_interval(mins => s.rank_in_customer::int),
                (d.day - 30)::timestamp AT TIME ZONE 'UTC' + make_interval(mins => 480 + floor(s.r_start * 600)::int)) AS created_at,
       m.make, m.model, m.trims[1 + floor(s.r_trim * array_length(m.trims, 1))::int] AS trim, m.wmi,
       least(m.last_year, greatest(m.first_year,
             extract(year FROM d.day)::int + 1 - floor(s.r_year * 12)::int)) AS year,
       (ARRAY['Black','White','Silver','Gray','Blue','Red','Green','Beige','Brown','Orange','Gold','Burgundy'])
           [1 + floor(s.r_color * 12)::int] AS color,
       s.r_miles
FROM span s
JOIN load_stage.days d ON d.wd = s.start_wd
JOIN load_stage.model m ON m.model_n = 1 + floor(s.r_model * 30)::int;

-- Visits per vehicle: a fleet account's 200..500 visits are shared by its 11 vehicles; the other
-- visits (exactly appointments - fleet visits) go to the other vehicles in proportion to the
-- working days they are around times a per-vehicle rate (integer arithmetic, so the sum is exact).
CREATE UNLOGGED TABLE load_stage.fleet AS
SELECT c.n AS cust_n, 200 + floor(d.r_heavy * 301)::int AS visits
FROM load_stage.customer c JOIN load_stage.cust_draw d ON d.n = c.n WHERE c.heavy;
CREATE UNIQUE INDEX ON load_stage.fleet (cust_n);
ANALYZE load_stage.fleet;

CREATE UNIQUE INDEX ON load_stage.vehicle (vn);
ANALYZE load_stage.vehicle;
ALTER TABLE load_stage.vehicle ADD COLUMN c int, ADD COLUMN seg int, ADD COLUMN id uuid;
WITH w AS (
    SELECT vn, (end_wd - start_wd + 1)::bigint * (50 + floor(r_rate * 100)::bigint) AS w
    FROM load_stage.vehicle WHERE NOT heavy
), cum AS (
    SELECT vn, w, (sum(w) OVER (ORDER BY vn))::bigint AS cum, (sum(w) OVER ())::bigint AS total FROM w
), normal AS (
    SELECT cum.vn,
           ((cum.cum * r.rest) / cum.total - ((cum.cum - cum.w) * r.rest) / cum.total)::int AS c
    FROM cum, (SELECT p.n_appt - coalesce((SELECT sum(visits) FROM load_stage.fleet), 0) AS rest
               FROM load_stage.params p) r
), fleet AS (
    SELECT v.vn, (f.visits * v.rank_in_customer / 11 - f.visits * (v.rank_in_customer - 1) / 11)::int AS c
    FROM load_stage.vehicle v JOIN load_stage.fleet f ON f.cust_n = v.cust_n
), counts AS (SELECT * FROM normal UNION ALL SELECT * FROM fleet)
UPDATE load_stage.vehicle v SET c = counts.c, seg = (v.end_wd - v.start_wd + 1) / greatest(counts.c, 1)
FROM counts WHERE counts.vn = v.vn;

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM load_stage.vehicle WHERE c > end_wd - start_wd + 1 OR c IS NULL) THEN
        RAISE EXCEPTION 'a vehicle has more visits than working days: lower appointments or raise years';
    END IF;
END $$;

ALTER TABLE load_stage.vehicle ADD COLUMN first_an bigint;
UPDATE load_stage.vehicle v SET id = load_stage.v7(v.created_at, p.seed * 64 + 12, v.vn), first_an = f.first_an
FROM load_stage.params p,
     (SELECT vn, sum(c) OVER (ORDER BY vn) - c + 1 AS first_an FROM load_stage.vehicle) f
WHERE f.vn = v.vn;
ANALYZE load_stage.vehicle;

-- VIN: the make's WMI, 5 characters, a check position, the model-year code, a plant code and the
-- vehicle number as serial (unique by construction). Plate: 3 letters + 4 digits, a bijection of
-- the vehicle number (unique by construction).
INSERT INTO vehicles (id, customer_id, year, make, model, trim, color, vin, license_plate, mileage, is_primary,
                      created_at, updated_at)
SELECT v.id, v.customer_id, v.year, v.make, v.model, v.trim, v.color,
       v.wmi || upper(substr(h, 1, 5)) || substr('0123456789X', 1 + (ascii(substr(h, 6, 1)) % 11), 1)
           || substr('ABCDEFGHJKLMNPRSTVWXY123456789', 1 + (v.year - 1980) % 30, 1)
           || upper(substr(h, 7, 1)) || lpad(v.vn::text, 6, '0'),
       chr(65 + (pl / 10000 / 676)::int % 26) || chr(65 + (pl / 10000 / 26)::int % 26) || chr(65 + (pl / 10000)::int % 26)
           || lpad((pl % 10000)::text, 4, '0'),
       least(4000000, ((extract(year FROM p.anchor) - v.year + 0.5) * (6000 + v.r_miles * 12000))::int),
       v.is_primary, v.created_at, v.created_at
FROM load_stage.vehicle v, load_stage.params p,
     LATERAL (SELECT md5(p.seed || ':vin:' || v.vn) AS h, (v.vn::bigint * 48271) % 175760000 AS pl) x
ORDER BY v.id;

-- Logins for the load test (publicly known passwords; load databases only) -----------------------
--   owner@load.autoshop owner-load-2026, advisor@load.autoshop advisor-load-2026,
--   tech@load.autoshop tech-load-2026, accountant@load.autoshop accountant-load-2026,
--   customer<N>@load.autoshop customer-load-2026 for customers 1..1000 (1..50 are the fleets)
INSERT INTO users (id, email, name, role, password_hash) VALUES
    ('10ad0000-0000-7000-8000-000000000001', 'owner@load.autoshop',      'Load Owner',      'Owner',
     '$2a$10$.VW2YbsVQerqO1nECjQO5OEcuA9WtTVQeY.PhJ3ZVnwvWa2bg7a8K'),
    ('10ad0000-0000-7000-8000-000000000002', 'advisor@load.autoshop',    'Load Advisor',    'Advisor',
     '$2a$10$KZ5Z5oYTtOXdFFNIUwd3e.ABtPfj1l4hilwtu7g8yDZkaWo5BMIXa'),
    ('10ad0000-0000-7000-8000-000000000003', 'tech@load.autoshop',       'Load Tech',       'Tech',
     '$2a$10$/p6jAh1VzyNDSS3wlGccM.HuREoFHt89Of8WOh4CHgJYYqQ1JvWPe'),
    ('10ad0000-0000-7000-8000-000000000004', 'accountant@load.autoshop', 'Load Accountant', 'Accountant',
     '$2a$10$vGMSFMXqcNv8GtjKG/55vObKob4osZ26Be/WZjIDqfwqel3/Wt0vW')
ON CONFLICT DO NOTHING;

INSERT INTO customer_accounts (customer_id, email, password_hash, created_at, updated_at)
SELECT c.id, 'customer' || c.n || '@load.autoshop', '$2a$10$syRU40c4qB7HoXPzJ0eovu5WbxglHknQj7OUb1Cml6uerGs0uWTnO',
       c.created_at, c.created_at
FROM load_stage.customer c WHERE c.n <= 1000 ORDER BY c.n;
