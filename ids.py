"""Every component id of the app, ``<page>-<thing>-<kind>``, grouped by page.

Declared once here so a typo fails at import, not in the browser. Anything a test clicks has a plain
string id. Each page's root element is ``<PAGE>_MAIN`` (``<page>-page-main``): the browser tests find it by
that name.
"""

from __future__ import annotations

# --- App shell (app.py, callbacks/shell.py) ---------------------------------------------------------
APP_URL = "app-url-location"
APP_SHELL = "app-shell-appshell"
APP_BURGER = "app-menu-burger"
APP_BRAND = "app-brand-link"
APP_NAV = "app-nav-stack"
APP_LANG_VI = "app-lang-vi-link"
APP_LANG_EN = "app-lang-en-link"
APP_LANG_STORE = "app-lang-store"
APP_ASOF = "app-asof-badge"
APP_DEMO = "app-demo-badge"
APP_ALERT = "app-warehouse-alert"


def nav_link(page_key: str) -> str:
    """Id of the navigation link to a page, e.g. ``app-nav-data-link`` for ``pages/data.py``."""
    return f"app-nav-{page_key.replace('_', '-')}-link"



def lazy_seen(section: str) -> str:
    """Id of the flag a lazy section's watcher sets once it nears the screen (pages/_parts.lazy)."""
    return f"{section}-seen-store"


def lazy_state(section: str) -> str:
    """Id of a lazy section's copy of its page state, set only once the section has been seen."""
    return f"{section}-state-store"


LAZY_CONTENT = "-content-store"


def lazy_content(section: str) -> str:
    """Id of the store holding a lazy section's components until they are drawn."""
    return f"{section}{LAZY_CONTENT}"


def lazy_body(section: str) -> str:
    """Id of the element a lazy section's components are drawn into once it nears the screen."""
    return f"{section}-body-div"

# --- 404 (pages/not_found_404.py) -------------------------------------------------------------------
NOT_FOUND_404_MAIN = "notfound-page-main"
NOT_FOUND_404_HOME = "notfound-home-link"

# --- Dữ liệu / Data quality (pages/data.py, callbacks/data.py) --------------------------------------
DATA_MAIN = "data-page-main"
DATA_STATE = "data-state-store"
DATA_LASTLOAD_GRID = "data-lastload-grid"
DATA_FILES_GRID = "data-files-grid"
DATA_REJECTED_GRAPH = "data-rejected-graph"
DATA_SOURCE_DROPDOWN = "data-source-dropdown"
DATA_RULE_DROPDOWN = "data-rule-dropdown"
DATA_SAMPLE_GRID = "data-sample-grid"
DATA_FRESHNESS_GRID = "data-freshness-grid"
#: The data page's lazy sections (pages/_parts.lazy).
DATA_REJECTED_PART = "data-rejected"
DATA_SAMPLE_PART = "data-sample"
DATA_FILES_PART = "data-files"

# --- Giáo dục / Schools (pages/schools.py, callbacks/schools.py) -------------------------------------
SCHOOLS_MAIN = "schools-page-main"
SCHOOLS_STATE = "schools-state-store"
SCHOOLS_YEAR_DROPDOWN = "schools-year-dropdown"
SCHOOLS_DISTRICT_DROPDOWN = "schools-district-dropdown"
SCHOOLS_LEVEL_DROPDOWN = "schools-level-dropdown"
SCHOOLS_OWNERSHIP_DROPDOWN = "schools-ownership-dropdown"
SCHOOLS_KPI_GRID = "schools-kpi-grid"
SCHOOLS_KPI = "schools-kpi"  # prefix of each card's id: schools-kpi-schools, -students, -spc, -smart
SCHOOLS_MAP = "schools-map-map"
SCHOOLS_AREAS_GEOJSON = "schools-areas-geojson"
SCHOOLS_POINTS_GEOJSON = "schools-points-geojson"
SCHOOLS_SHADE_SEGMENTED = "schools-shade-segmented"
SCHOOLS_LEGEND = "schools-legend-div"
SCHOOLS_SELECTED_STORE = "schools-selected-store"
SCHOOLS_CARD = "schools-card-div"
SCHOOLS_TARGET_GRAPH = "schools-target-graph"
SCHOOLS_METRIC_DROPDOWN = "schools-metric-dropdown"
SCHOOLS_DISTRICT_GRAPH = "schools-district-graph"
SCHOOLS_LEVEL_GRAPH = "schools-level-graph"
SCHOOLS_SEARCH_INPUT = "schools-search-input"
SCHOOLS_TABLE_GRID = "schools-table-grid"
#: The schools page's lazy sections (pages/_parts.lazy).
SCHOOLS_TARGET_PART = "schools-target"
SCHOOLS_COMPARE_PART = "schools-compare"
SCHOOLS_TABLE_PART = "schools-table"

# --- Y tế / Health records (pages/health.py, callbacks/health.py) ----------------------------------
HEALTH_MAIN = "health-page-main"
HEALTH_STATE = "health-state-store"
HEALTH_MONTH_DROPDOWN = "health-month-dropdown"
HEALTH_DISTRICT_DROPDOWN = "health-district-dropdown"
HEALTH_LEVEL_CONTROL = "health-level-segmented"
HEALTH_MEASURE_CONTROL = "health-measure-segmented"
HEALTH_SELECTION = "health-selection-text"
HEALTH_CLEAR_COMMUNE = "health-clearcommune-button"
HEALTH_KPI = "health-kpi-div"
HEALTH_MAP = "health-map-container"
HEALTH_MAP_LAYER = "health-map-geojson"
HEALTH_MAP_LEGEND = "health-map-legend"
HEALTH_MAP_NOTE = "health-map-note"
HEALTH_TREND_GRAPH = "health-trend-graph"
HEALTH_GAP_GRID = "health-gap-grid"
HEALTH_GAP_HINT = "health-gap-hint"
HEALTH_GAP_CSV_BUTTON = "health-gapcsv-button"
HEALTH_GAP_CSV_DOWNLOAD = "health-gapcsv-download"
HEALTH_CHECKS = "health-checks-div"
#: The health page's lazy sections (pages/_parts.lazy).
HEALTH_TREND_PART = "health-trend"
HEALTH_GAP_PART = "health-gap"
HEALTH_CHECKS_PART = "health-checks"

# --- Phản ánh hiện trường / Citizen feedback (pages/feedback.py, callbacks/feedback*.py) -------------
FEEDBACK_MAIN = "feedback-page-main"
FEEDBACK_PARAMS = "feedback-params-store"
FEEDBACK_STATE = "feedback-state-store"
FEEDBACK_PERIOD = "feedback-period-datepicker"
FEEDBACK_DISTRICT = "feedback-district-dropdown"
FEEDBACK_COMMUNE = "feedback-commune-dropdown"
FEEDBACK_CATEGORY = "feedback-category-dropdown"
FEEDBACK_AGENCY = "feedback-agency-dropdown"
FEEDBACK_CHANNEL = "feedback-channel-dropdown"
FEEDBACK_STATUS = "feedback-status-dropdown"
FEEDBACK_CLEAR = "feedback-clear-button"
FEEDBACK_ACTIVE = "feedback-active-text"
FEEDBACK_KPIS = "feedback-kpis-div"
FEEDBACK_GRAIN = "feedback-grain-segmented"
FEEDBACK_SPLIT = "feedback-split-segmented"
FEEDBACK_VOLUME = "feedback-volume-graph"
FEEDBACK_CATEGORY_GRAPH = "feedback-category-graph"
FEEDBACK_CHANNEL_GRAPH = "feedback-channel-graph"
FEEDBACK_FUNNEL = "feedback-funnel-graph"
FEEDBACK_REASONS = "feedback-reasons-graph"
FEEDBACK_AGENCY_GRID = "feedback-agency-grid"
FEEDBACK_TARGET = "feedback-target-text"
FEEDBACK_HANDLING = "feedback-handling-graph"
FEEDBACK_BACKLOG = "feedback-backlog-graph"
FEEDBACK_BACKLOG_NOTE = "feedback-backlog-text"
FEEDBACK_RATING_TIME = "feedback-ratingtime-graph"
FEEDBACK_RATING_CATEGORY = "feedback-ratingcategory-graph"
FEEDBACK_RATED_NOTE = "feedback-rated-text"
FEEDBACK_PER10K = "feedback-per10k-graph"
FEEDBACK_MAP = "feedback-hotspot-map"
FEEDBACK_MAP_COMMUNES = "feedback-communes-geojson"
FEEDBACK_MAP_DISTRICTS = "feedback-districts-geojson"
FEEDBACK_MAP_CELLS = "feedback-cells-geojson"
FEEDBACK_MAP_LEGEND = "feedback-maplegend-div"
FEEDBACK_MAP_NOTE = "feedback-mapnote-text"
FEEDBACK_RECORDS_GRID = "feedback-records-grid"
FEEDBACK_RECORDS_COUNT = "feedback-records-text"
FEEDBACK_EXPORT = "feedback-export-link"
#: The feedback page's lazy sections (pages/_parts.lazy): names for their seen flag and state copy.
FEEDBACK_SHARES_PART = "feedback-shares"
FEEDBACK_REASONS_PART = "feedback-reasons"
FEEDBACK_AGENCIES_PART = "feedback-agencies"
FEEDBACK_HANDLING_PART = "feedback-handling"
FEEDBACK_RATINGS_PART = "feedback-ratings"
FEEDBACK_PER10K_PART = "feedback-per10k"
FEEDBACK_MAP_PART = "feedback-map"
FEEDBACK_RECORDS_PART = "feedback-records"

# --- Tổng quan / Overview (pages/overview.py, callbacks/overview.py) -------------------------------
OVERVIEW_MAIN = "overview-page-main"
OVERVIEW_STATE = "overview-state-store"
OVERVIEW_VIEW = "overview-view-store"
OVERVIEW_GRAIN = "overview-grain-segmented"
OVERVIEW_PERIOD = "overview-period-dropdown"
OVERVIEW_AREA = "overview-area-dropdown"
OVERVIEW_CARDS_TITLE = "overview-cards-title"
OVERVIEW_CARDS = "overview-cards-div"
OVERVIEW_ATTENTION = "overview-attention-list"
OVERVIEW_LEAGUE_GRID = "overview-league-grid"


def overview_card(indicator_id: str) -> str:
    """Id of the KPI card of one catalogue indicator, e.g. ``overview-feedback-on-time-pct-card``."""
    return f"overview-{indicator_id.replace('_', '-')}-card"


def overview_spark(indicator_id: str) -> str:
    """Id of the sparkline image inside one KPI card."""
    return f"overview-{indicator_id.replace('_', '-')}-spark-graph"

# --- Giao thông / Traffic (pages/traffic.py, callbacks/traffic*.py) --------------------------------
TRAFFIC_MAIN = "traffic-page-main"
TRAFFIC_PARAMS = "traffic-params-store"
TRAFFIC_STATE = "traffic-state-store"
TRAFFIC_PERIOD = "traffic-period-datepicker"
TRAFFIC_CORRIDOR = "traffic-corridor-dropdown"
TRAFFIC_DISTRICT = "traffic-district-dropdown"
TRAFFIC_VEHICLE = "traffic-vehicle-segmented"
TRAFFIC_COMPARE = "traffic-compare-text"
TRAFFIC_KPIS = "traffic-kpis-div"
TRAFFIC_GRAIN = "traffic-grain-segmented"
TRAFFIC_VOLUME = "traffic-volume-graph"
TRAFFIC_MEASURE = "traffic-measure-segmented"
TRAFFIC_HEATMAP = "traffic-heatmap-graph"
TRAFFIC_HEATMAP_NOTE = "traffic-heatmapnote-text"
TRAFFIC_RANK_CONGESTION = "traffic-rankcongestion-graph"
TRAFFIC_RANK_PEAK = "traffic-rankpeak-graph"
TRAFFIC_MAP = "traffic-map-map"
TRAFFIC_MAP_DISTRICTS = "traffic-districts-geojson"
TRAFFIC_MAP_CORRIDORS = "traffic-corridors-geojson"
TRAFFIC_MAP_SENSORS = "traffic-sensors-geojson"
TRAFFIC_MAP_CRASHES = "traffic-crashes-geojson"
TRAFFIC_MAP_HOTSPOTS = "traffic-hotspots-geojson"
TRAFFIC_MAP_LEGEND = "traffic-maplegend-div"
TRAFFIC_SENSOR_STORE = "traffic-sensor-store"
TRAFFIC_PROFILE_TITLE = "traffic-profile-text"
TRAFFIC_PROFILE = "traffic-profile-graph"
TRAFFIC_CRASH_TREND = "traffic-crashtrend-graph"
TRAFFIC_ROAD_TYPE = "traffic-roadtype-graph"
#: The traffic page's lazy sections (pages/_parts.lazy).
TRAFFIC_PATTERNS_PART = "traffic-patterns"
TRAFFIC_MAP_PART = "traffic-map"
TRAFFIC_CRASHES_PART = "traffic-crashes"

# --- Dự báo / Forecasts (pages/forecasts.py, callbacks/forecasts.py) --------------------------------
FORECASTS_MAIN = "forecasts-page-main"
FORECASTS_STATE = "forecasts-state-store"
FORECASTS_SELECTION = "forecasts-selection-store"
FORECASTS_INDICATOR = "forecasts-indicator-dropdown"
FORECASTS_AREA = "forecasts-area-dropdown"
FORECASTS_KEY = "forecasts-key-dropdown"
FORECASTS_KEY_LABEL = "forecasts-keylabel-text"
FORECASTS_GRAPH = "forecasts-chart-graph"
FORECASTS_TRUST = "forecasts-trust-div"
FORECASTS_TARGET = "forecasts-target-div"
FORECASTS_EMPTY = "forecasts-empty-div"

# --- Bản đồ / Map explorer (pages/map.py, callbacks/map.py) ----------------------------------------
MAP_MAIN = "map-page-main"
MAP_STATE = "map-state-store"
MAP_MONTHS = "map-months-store"
MAP_URL_SINK = "map-url-store"
MAP_SELECTED = "map-selected-store"
MAP_INDICATOR = "map-indicator-dropdown"
MAP_LEVEL = "map-level-segmented"
MAP_METHOD = "map-method-segmented"
MAP_MONTH = "map-month-slider"
MAP_MONTH_LABEL = "map-month-text"
MAP_PLAY = "map-play-button"
MAP_TICK = "map-tick-interval"
MAP_LAYERS = "map-layers-checklist"
MAP_MAP = "map-explorer-map"
MAP_AREAS = "map-areas-geojson"
MAP_FEEDBACK = "map-feedback-geojson"
MAP_SCHOOLS = "map-schools-geojson"
MAP_SENSORS = "map-sensors-geojson"
MAP_CRASHES = "map-crashes-geojson"
MAP_VISITORS = "map-visitors-geojson"
MAP_LEGEND = "map-legend-div"
MAP_PROFILE = "map-profile-aside"

# --- Báo cáo / Reports (pages/reports.py, callbacks/reports.py) ------------------------------------
REPORTS_MAIN = "reports-page-main"
REPORTS_PARAMS = "reports-params-store"
REPORTS_STATE = "reports-state-store"
REPORTS_DATASET = "reports-dataset-dropdown"
REPORTS_AREA = "reports-area-dropdown"
REPORTS_PERIOD = "reports-period-daterange"
REPORTS_INDICATOR = "reports-indicator-dropdown"
REPORTS_COLUMNS = "reports-columns-dropdown"
REPORTS_NOTE = "reports-note-text"
REPORTS_COUNT = "reports-count-text"
REPORTS_GRID = "reports-preview-grid"
REPORTS_CSV = "reports-csv-link"
REPORTS_XLSX = "reports-xlsx-link"
REPORTS_PARQUET = "reports-parquet-link"
REPORTS_BRIEFING_MONTH = "reports-briefingmonth-dropdown"
REPORTS_BRIEFING_AREA = "reports-briefingarea-dropdown"
REPORTS_BRIEFING_LINK = "reports-briefing-link"
