-- The whole domain of SPEC.md section 1. Rules that must hold whatever the caller does
-- live here: exclusion constraints, partial unique indexes, CHECKs, append-only payments.

CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Time-ordered UUID (version 7) for rows created in SQL (demo data, the load dataset).
-- The service generates its own v7 ids in Java.
CREATE FUNCTION uuid_v7() RETURNS uuid LANGUAGE sql VOLATILE AS $$
  SELECT encode(
           set_bit(set_bit(
             overlay(uuid_send(gen_random_uuid())
                     PLACING substring(int8send((extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
                     FROM 1 FOR 6),
             52, 1), 53, 1), 'hex')::uuid
$$;

-- Staff accounts ---------------------------------------------------------------------------

CREATE TABLE users (
    id            uuid PRIMARY KEY,
    email         text        NOT NULL CHECK (email = lower(btrim(email)) AND email LIKE '%_@_%'),
    name          text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    role          text        NOT NULL CHECK (role IN ('Owner', 'Advisor', 'Tech', 'Accountant')),
    password_hash text        NOT NULL,
    active        boolean     NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    version       bigint      NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX users_email_key ON users (email);

-- Customers --------------------------------------------------------------------------------

CREATE TABLE customers (
    id          uuid PRIMARY KEY,
    name        text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    email       text        CHECK (email = lower(btrim(email)) AND email LIKE '%_@_%'),
    phone       text        CHECK (phone ~ '^\+?[0-9]{4,20}$'),
    address     text        CHECK (length(address) <= 500),
    notes       text        CHECK (length(notes) <= 5000),
    tags        text[]      NOT NULL DEFAULT '{}',
    is_vip      boolean     NOT NULL DEFAULT false,
    sms_consent text        NOT NULL DEFAULT 'unknown' CHECK (sms_consent IN ('granted', 'denied', 'unknown')),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    deleted_at  timestamptz,
    version     bigint      NOT NULL DEFAULT 0,
    -- one lower-cased document for the search box: name, email and phone in one trigram index
    search_text text GENERATED ALWAYS AS (
        lower(name) || ' ' || coalesce(email, '') || ' ' || coalesce(phone, '')) STORED
);
CREATE INDEX customers_search_trgm ON customers USING gin (search_text gin_trgm_ops) WHERE deleted_at IS NULL;
-- byte order (COLLATE "C"): a stable keyset order and prefix matches on the same index
CREATE INDEX customers_name_order ON customers ((lower(name) COLLATE "C"), id) WHERE deleted_at IS NULL;
CREATE INDEX customers_email ON customers (email) WHERE deleted_at IS NULL;
CREATE INDEX customers_phone ON customers (phone text_pattern_ops) WHERE deleted_at IS NULL;

-- A customer's own login (mobile app). Registration always creates a new customer row.
CREATE TABLE customer_accounts (
    customer_id   uuid PRIMARY KEY REFERENCES customers (id),
    email         text        NOT NULL CHECK (email = lower(btrim(email)) AND email LIKE '%_@_%'),
    password_hash text        NOT NULL,
    active        boolean     NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX customer_accounts_email_key ON customer_accounts (email);

-- Vehicles ---------------------------------------------------------------------------------

CREATE TABLE vehicles (
    id            uuid PRIMARY KEY,
    customer_id   uuid        NOT NULL REFERENCES customers (id),
    year          smallint    CHECK (year BETWEEN 1886 AND 2100),
    make          text        CHECK (length(make) <= 100),
    model         text        CHECK (length(model) <= 100),
    trim          text        CHECK (length(trim) <= 100),
    color         text        CHECK (length(color) <= 50),
    vin           text        CHECK (vin ~ '^[A-HJ-NPR-Z0-9]{17}$'),
    license_plate text        CHECK (license_plate ~ '^[A-Z0-9]{1,12}$'),
    mileage       integer     CHECK (mileage BETWEEN 0 AND 5000000),
    is_primary    boolean     NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    deleted_at    timestamptz,
    version       bigint      NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX vehicles_live_vin_key ON vehicles (vin) WHERE deleted_at IS NULL AND vin IS NOT NULL;
CREATE UNIQUE INDEX vehicles_live_plate_key ON vehicles (license_plate) WHERE deleted_at IS NULL AND license_plate IS NOT NULL;
CREATE UNIQUE INDEX vehicles_one_primary_key ON vehicles (customer_id) WHERE deleted_at IS NULL AND is_primary;
CREATE INDEX vehicles_customer ON vehicles (customer_id) WHERE deleted_at IS NULL;
CREATE INDEX vehicles_plate_trgm ON vehicles USING gin (lower(license_plate) gin_trgm_ops) WHERE deleted_at IS NULL;

-- Technicians ------------------------------------------------------------------------------

CREATE TABLE technicians (
    id         uuid PRIMARY KEY,
    name       text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    initials   text        NOT NULL CHECK (initials ~ '^[A-Z]{1,4}$'),
    active     boolean     NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    version    bigint      NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX technicians_active_initials_key ON technicians (initials) WHERE active;

-- Appointments -----------------------------------------------------------------------------

CREATE TABLE appointments (
    id            uuid PRIMARY KEY,
    customer_id   uuid        NOT NULL REFERENCES customers (id),
    vehicle_id    uuid        NOT NULL REFERENCES vehicles (id),
    technician_id uuid        REFERENCES technicians (id),
    status        text        NOT NULL DEFAULT 'SCHEDULED'
                              CHECK (status IN ('SCHEDULED', 'IN_PROGRESS', 'READY', 'COMPLETED', 'NO_SHOW', 'CANCELED')),
    starts_at     timestamptz NOT NULL,
    ends_at       timestamptz NOT NULL,
    title         text        CHECK (length(title) <= 200),
    notes         text        CHECK (length(notes) <= 5000),
    position      integer     NOT NULL DEFAULT 0 CHECK (position >= 0),
    total_cents   bigint      NOT NULL DEFAULT 0 CHECK (total_cents >= 0),
    paid_cents    bigint      NOT NULL DEFAULT 0 CHECK (paid_cents >= 0),
    check_in_at   timestamptz,
    check_out_at  timestamptz,
    started_at    timestamptz,
    completed_at  timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    deleted_at    timestamptz,
    version       bigint      NOT NULL DEFAULT 0,
    CONSTRAINT appointments_time_order CHECK (ends_at > starts_at),
    CONSTRAINT appointments_max_length CHECK (ends_at - starts_at <= interval '48 hours'),
    CONSTRAINT appointments_paid_within_total CHECK (paid_cents <= total_cents),
    CONSTRAINT appointments_technician_overlap EXCLUDE USING gist (
        technician_id WITH =, tstzrange(starts_at, ends_at) WITH &&)
        WHERE (technician_id IS NOT NULL AND deleted_at IS NULL AND status NOT IN ('CANCELED', 'NO_SHOW')),
    CONSTRAINT appointments_vehicle_overlap EXCLUDE USING gist (
        vehicle_id WITH =, tstzrange(starts_at, ends_at) WITH &&)
        WHERE (deleted_at IS NULL AND status NOT IN ('CANCELED', 'NO_SHOW'))
);
CREATE INDEX appointments_starts ON appointments (starts_at, id) WHERE deleted_at IS NULL;
CREATE INDEX appointments_customer_starts ON appointments (customer_id, starts_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX appointments_vehicle_starts ON appointments (vehicle_id, starts_at DESC) WHERE deleted_at IS NULL;
CREATE INDEX appointments_technician_starts ON appointments (technician_id, starts_at) WHERE deleted_at IS NULL;
CREATE INDEX appointments_status_starts ON appointments (status, starts_at) WHERE deleted_at IS NULL;
CREATE INDEX appointments_on_premises ON appointments (check_in_at)
    WHERE deleted_at IS NULL AND check_in_at IS NOT NULL AND check_out_at IS NULL;
CREATE INDEX appointments_title_trgm ON appointments USING gin (lower(title) gin_trgm_ops) WHERE deleted_at IS NULL;

CREATE TABLE appointment_services (
    id              uuid PRIMARY KEY,
    appointment_id  uuid          NOT NULL REFERENCES appointments (id),
    name            text          NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    notes           text          CHECK (length(notes) <= 5000),
    estimated_hours numeric(6, 2) CHECK (estimated_hours >= 0),
    price_cents     bigint        NOT NULL CHECK (price_cents BETWEEN 0 AND 100000000000),
    category        text          CHECK (length(category) <= 100),
    created_at      timestamptz   NOT NULL DEFAULT now(),
    updated_at      timestamptz   NOT NULL DEFAULT now(),
    version         bigint        NOT NULL DEFAULT 0
);
CREATE INDEX appointment_services_appointment ON appointment_services (appointment_id, created_at, id);

-- Money ------------------------------------------------------------------------------------

CREATE TABLE payments (
    id               uuid PRIMARY KEY,
    appointment_id   uuid        NOT NULL REFERENCES appointments (id),
    amount_cents     bigint      NOT NULL CHECK (amount_cents <> 0 AND abs(amount_cents) <= 100000000000),
    method           text        NOT NULL CHECK (method IN ('cash', 'card', 'ach', 'other')),
    note             text        CHECK (length(note) <= 1000),
    voids_payment_id uuid        UNIQUE REFERENCES payments (id),
    created_at       timestamptz NOT NULL DEFAULT now(),
    created_by       text        NOT NULL,
    CONSTRAINT payments_void_is_negative CHECK (voids_payment_id IS NULL OR amount_cents < 0)
);
CREATE INDEX payments_appointment ON payments (appointment_id, created_at, id);
CREATE INDEX payments_created ON payments (created_at, id);

-- Payments are append-only: a correction is a reversing row, never an edit.
CREATE FUNCTION payments_are_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'payments are append-only' USING ERRCODE = 'restrict_violation';
END
$$;
CREATE TRIGGER payments_no_update_or_delete BEFORE UPDATE OR DELETE ON payments
    FOR EACH ROW EXECUTE FUNCTION payments_are_immutable();

-- Messages (the outbox is the queued rows) -------------------------------------------------

CREATE TABLE messages (
    id              uuid PRIMARY KEY,
    appointment_id  uuid        NOT NULL REFERENCES appointments (id),
    channel         text        NOT NULL CHECK (channel IN ('sms', 'email')),
    direction       text        NOT NULL CHECK (direction IN ('in', 'out')),
    body            text        NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
    status          text        NOT NULL CHECK (status IN ('queued', 'sending', 'delivered', 'failed')),
    failure_reason  text,
    attempts        integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at timestamptz,
    provider_ref    text,
    sent_at         timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    created_by      text
);
CREATE INDEX messages_appointment ON messages (appointment_id, created_at DESC, id DESC);
CREATE INDEX messages_outbox ON messages (next_attempt_at) WHERE status IN ('queued', 'sending');
CREATE INDEX messages_out_created ON messages (created_at) WHERE direction = 'out';

-- Audit trail ------------------------------------------------------------------------------

CREATE TABLE audit_entries (
    id        uuid PRIMARY KEY,
    actor     text        NOT NULL,
    action    text        NOT NULL,
    entity    text        NOT NULL,
    entity_id uuid        NOT NULL,
    before    jsonb,
    after     jsonb,
    at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_entries_entity ON audit_entries (entity, entity_id, at);

-- Cross-instance limits --------------------------------------------------------------------

-- Replayable answers for Idempotency-Key, scoped to (caller, method, path, key).
CREATE TABLE idempotency_keys (
    caller        text        NOT NULL,
    method        text        NOT NULL,
    path          text        NOT NULL,
    key           text        NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
    request_hash  text        NOT NULL,
    status_code   integer,
    response_body text,
    location      text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    expires_at    timestamptz NOT NULL,
    PRIMARY KEY (caller, method, path, key)
);
CREATE INDEX idempotency_keys_expiry ON idempotency_keys (expires_at);

-- Fixed-window counters shared by every instance (messaging limits, login throttling, exports).
CREATE TABLE rate_limit_counters (
    bucket       text        NOT NULL,
    window_start timestamptz NOT NULL,
    hits         integer     NOT NULL DEFAULT 0,
    expires_at   timestamptz NOT NULL,
    PRIMARY KEY (bucket, window_start)
);
CREATE INDEX rate_limit_counters_expiry ON rate_limit_counters (expires_at);
