-- The warehouse: the only DDL of the product. Applied by the ETL to every new build.
-- Columns are snake_case; times are local (Asia/Ho_Chi_Minh) without zone; ids are text.
-- Every loaded fact row keeps source_file and source_row so a figure can be traced to its export.

CREATE TABLE IF NOT EXISTS meta (            -- facts about the build itself (data origin, …)
    key   VARCHAR PRIMARY KEY,
    value VARCHAR
);

CREATE TABLE IF NOT EXISTS areas (           -- province, districts and communes (GSO codes)
    code             VARCHAR PRIMARY KEY,
    level            VARCHAR NOT NULL,       -- 'province' | 'district' | 'commune'
    parent_code      VARCHAR,
    name_vi          VARCHAR NOT NULL,       -- short name with diacritics ("Hương Trà")
    name_full_vi     VARCHAR NOT NULL,       -- with unit type ("Thị xã Hương Trà")
    name_ascii       VARCHAR NOT NULL,       -- for accent-insensitive search and English UI
    unit_type_vi     VARCHAR,
    population       INTEGER,
    population_basis VARCHAR,                -- where the figure comes from; 'estimate' is never shown as fact
    area_km2         DOUBLE,
    lon              DOUBLE,                 -- a point inside the area (label / centre)
    lat              DOUBLE,
    geometry_quality VARCHAR,                -- 'official' | 'approximate'
    geometry         VARCHAR                 -- GeoJSON geometry text
);

CREATE TABLE IF NOT EXISTS calendar (        -- every day of the loaded range, Vietnamese working days
    day            DATE PRIMARY KEY,
    is_working_day BOOLEAN NOT NULL,
    day_off_name   VARCHAR                   -- holiday or break name; NULL on weekends and working days
);

-- The large fact tables carry no PRIMARY KEY: the loader guarantees their keys are unique, and an
-- index would make every load and replacement several times slower.
CREATE TABLE IF NOT EXISTS feedback (        -- one citizen report; unique by service_request_id
    service_request_id   VARCHAR NOT NULL,
    status               VARCHAR NOT NULL,   -- 'open' | 'closed' (Open311)
    status_detail        VARCHAR,            -- as exported by Hue-S
    verified             BOOLEAN NOT NULL,   -- routed to a handling unit
    not_verified_reason  VARCHAR,            -- 'duplicate' | 'insufficient' | 'out_of_scope' | 'spam'
    service_code         VARCHAR,
    service_name         VARCHAR,            -- category (lĩnh vực)
    description          VARCHAR,
    agency_responsible   VARCHAR,
    channel              VARCHAR,            -- 'app' | 'web' | 'hotline' | 'social'
    requested_at         TIMESTAMP NOT NULL,
    updated_at           TIMESTAMP,
    expected_at          TIMESTAMP,          -- deadline as exported
    closed_at            TIMESTAMP,
    deadline_date        DATE,               -- computed: N Vietnamese working days after receipt
    deadline_working_days INTEGER,           -- N: 7, or 9 for reports before 2022
    handling_working_days INTEGER,           -- working days from receipt to closure
    on_time              BOOLEAN,            -- closed by deadline_date; NULL while open or not verified
    rating               VARCHAR,            -- 'hài lòng' | 'chấp nhận' | 'không hài lòng' | NULL
    address              VARCHAR,
    lat                  DOUBLE,
    lon                  DOUBLE,
    commune_code         VARCHAR,
    district_code        VARCHAR,
    commune_from_point   BOOLEAN,            -- commune derived from lat/lon, not given
    reporter_hash        VARCHAR,            -- salted sha256 of the phone number; never the number
    source_file          VARCHAR NOT NULL,
    source_row           INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS health_coverage ( -- e-health records per commune and month
    commune_code     VARCHAR NOT NULL,
    district_code    VARCHAR NOT NULL,
    period           DATE NOT NULL,          -- first day of the month
    population       INTEGER NOT NULL,
    records_created  INTEGER NOT NULL,
    records_complete INTEGER NOT NULL,
    source_file      VARCHAR NOT NULL,
    source_row       INTEGER NOT NULL,
    PRIMARY KEY (commune_code, period)
);

CREATE TABLE IF NOT EXISTS schools (         -- one school in one school year
    school_id        VARCHAR NOT NULL,
    school_year      VARCHAR NOT NULL,       -- '2024-2025'
    year_start       INTEGER NOT NULL,       -- 2024
    name             VARCHAR NOT NULL,
    level            VARCHAR NOT NULL,       -- 'mầm non' | 'tiểu học' | 'THCS' | 'THPT' | 'khác'
    ownership        VARCHAR NOT NULL,       -- 'công lập' | 'ngoài công lập'
    commune_code     VARCHAR,
    district_code    VARCHAR,
    lat              DOUBLE,
    lon              DOUBLE,
    students         INTEGER,
    classrooms       INTEGER,
    smart_classrooms INTEGER,
    has_broadband    BOOLEAN,
    source_file      VARCHAR NOT NULL,
    source_row       INTEGER NOT NULL,
    PRIMARY KEY (school_id, school_year)
);

CREATE TABLE IF NOT EXISTS traffic_sensors (
    sensor_id      VARCHAR PRIMARY KEY,
    corridor       VARCHAR NOT NULL,
    lat            DOUBLE,
    lon            DOUBLE,
    capacity_veh_h INTEGER NOT NULL,
    commune_code   VARCHAR,
    district_code  VARCHAR,
    source_file    VARCHAR NOT NULL,
    source_row     INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS traffic_counts (  -- one sensor, one hour
    sensor_id     VARCHAR NOT NULL,
    hour_start    TIMESTAMP NOT NULL,
    motorbikes    INTEGER NOT NULL,
    cars          INTEGER NOT NULL,
    trucks_buses  INTEGER NOT NULL,
    vehicles      INTEGER NOT NULL,          -- sum of the three
    avg_speed_kmh DOUBLE,
    source_file   VARCHAR NOT NULL,
    source_row    INTEGER NOT NULL          -- unique by (sensor_id, hour_start)
);

CREATE TABLE IF NOT EXISTS traffic_daily (   -- rollup of traffic_counts, rebuilt after each load
    sensor_id         VARCHAR NOT NULL,
    corridor          VARCHAR NOT NULL,
    day               DATE NOT NULL,
    motorbikes        BIGINT NOT NULL,
    cars              BIGINT NOT NULL,
    trucks_buses      BIGINT NOT NULL,
    vehicles          BIGINT NOT NULL,
    hours_counted     INTEGER NOT NULL,
    congestion_hours  INTEGER NOT NULL,      -- hours with vehicles / capacity > 0.85
    peak_ratio        DOUBLE NOT NULL        -- highest hourly vehicles / capacity
);

CREATE TABLE IF NOT EXISTS traffic_hour_of_week ( -- rollup per sensor, month, weekday and hour
    sensor_id        VARCHAR NOT NULL,
    corridor         VARCHAR NOT NULL,
    month            DATE NOT NULL,
    weekday          INTEGER NOT NULL,       -- ISO: 1 = Monday … 7 = Sunday
    hour             INTEGER NOT NULL,
    hours_counted    INTEGER NOT NULL,
    vehicles         BIGINT NOT NULL,
    motorbikes       BIGINT NOT NULL,
    cars             BIGINT NOT NULL,
    trucks_buses     BIGINT NOT NULL,
    congestion_hours INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS traffic_incidents (
    incident_id   VARCHAR PRIMARY KEY,
    occurred_at   TIMESTAMP NOT NULL,
    kind          VARCHAR NOT NULL,          -- 'va chạm' | 'ùn tắc' | 'ngập'
    severity      VARCHAR,
    deaths        INTEGER NOT NULL,
    injuries      INTEGER NOT NULL,
    road_type     VARCHAR,
    corridor      VARCHAR,
    lat           DOUBLE,
    lon           DOUBLE,
    commune_code  VARCHAR,
    district_code VARCHAR,
    source_file   VARCHAR NOT NULL,
    source_row    INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS places (          -- points of interest shown as map layers
    place_id      VARCHAR PRIMARY KEY,
    kind          VARCHAR NOT NULL,
    name          VARCHAR NOT NULL,
    lat           DOUBLE NOT NULL,
    lon           DOUBLE NOT NULL,
    commune_code  VARCHAR,
    district_code VARCHAR,
    source_file   VARCHAR NOT NULL,
    source_row    INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS targets (
    indicator_id VARCHAR NOT NULL,
    area_code    VARCHAR NOT NULL,           -- '46' = the whole province (blank in the file)
    target_value DOUBLE NOT NULL,
    due_date     DATE,
    legal_source VARCHAR,
    source_file  VARCHAR NOT NULL,
    source_row   INTEGER NOT NULL,
    PRIMARY KEY (indicator_id, area_code)
);

CREATE TABLE IF NOT EXISTS forecasts (
    indicator_id VARCHAR NOT NULL,
    area_code    VARCHAR NOT NULL,
    series_key   VARCHAR NOT NULL,           -- e.g. a category within the indicator; '' for none
    ds           DATE NOT NULL,
    yhat         DOUBLE NOT NULL,
    lo_80        DOUBLE,
    hi_80        DOUBLE,
    lo_95        DOUBLE,
    hi_95        DOUBLE,
    model        VARCHAR NOT NULL,
    mase         DOUBLE,                     -- rolling-origin backtest, mean over folds
    coverage_80  DOUBLE,
    coverage_95  DOUBLE,
    made_at      TIMESTAMP NOT NULL,
    backtest_folds  INTEGER,                 -- the chosen model's backtest folds (0: too short to test)
    backtest_points INTEGER,                 -- held-out points over those folds
    inside_80    INTEGER,                    -- of those, how many the 80 % / 95 % band held
    inside_95    INTEGER,
    PRIMARY KEY (indicator_id, area_code, series_key, ds)
);
-- Warehouses made before the counts existed gain them on their next load or forecast (NULL until then).
ALTER TABLE forecasts ADD COLUMN IF NOT EXISTS backtest_folds INTEGER;
ALTER TABLE forecasts ADD COLUMN IF NOT EXISTS backtest_points INTEGER;
ALTER TABLE forecasts ADD COLUMN IF NOT EXISTS inside_80 INTEGER;
ALTER TABLE forecasts ADD COLUMN IF NOT EXISTS inside_95 INTEGER;

CREATE TABLE IF NOT EXISTS etl_runs (        -- one row per source file per run that read it
    run_id        VARCHAR NOT NULL,
    source        VARCHAR NOT NULL,
    file_name     VARCHAR NOT NULL,          -- relative to the source folder
    sha256        VARCHAR,
    rows_read     INTEGER NOT NULL,
    rows_loaded   INTEGER NOT NULL,
    rows_rejected INTEGER NOT NULL,
    rows_duplicate INTEGER NOT NULL,
    started_at    TIMESTAMP NOT NULL,
    finished_at   TIMESTAMP NOT NULL,
    status        VARCHAR NOT NULL,          -- 'loaded' | 'failed'
    message       VARCHAR
);

CREATE TABLE IF NOT EXISTS rejected_rows (   -- every row not loaded, with a reason a person can act on
    source      VARCHAR NOT NULL,
    file_name   VARCHAR NOT NULL,
    row_number  INTEGER NOT NULL,            -- as a spreadsheet shows it: the header is row 1
    kind        VARCHAR NOT NULL,            -- 'rejected' | 'duplicate'
    rule        VARCHAR NOT NULL,            -- stable code, e.g. 'closed_before_requested'
    column_name VARCHAR,
    reason      VARCHAR NOT NULL,            -- English sentence naming row, column, value and what was expected
    raw         JSON                         -- the row as read, personal data removed
);
