"""Data-quality queries, each checked against numbers computed here from the fixture rows."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import datetime

from fixture_warehouse import ETL_RUNS, FEEDBACK, HEALTH, REJECTED, SCHOOLS, TODAY, TRAFFIC_COUNTS

from queries import quality

COUNTS = ("rows_read", "rows_loaded", "rows_rejected", "rows_duplicate")


def latest_run_files() -> dict[str, list[dict]]:
    """Source -> the etl_runs rows of that source's latest run."""
    by_source = defaultdict(list)
    for run in ETL_RUNS:
        by_source[run["source"]].append(run)
    result = {}
    for source, runs in by_source.items():
        latest = max(runs, key=lambda r: r["finished_at"])["run_id"]
        result[source] = [r for r in runs if r["run_id"] == latest]
    return result


def test_last_load_sums_the_files_of_each_sources_latest_run():
    frame = quality.last_load_per_source().set_index("source")
    expected = latest_run_files()
    assert sorted(frame.index) == sorted(expected)
    for source, files in expected.items():
        row = frame.loc[source]
        assert row["files"] == len(files)
        assert row["finished_at"] == max(f["finished_at"] for f in files)
        for column in COUNTS:
            assert row[column] == sum(f[column] for f in files), (source, column)
        assert row["status"] == ("failed" if any(f["status"] == "failed" for f in files) else "loaded")


def test_files_show_each_files_latest_load_with_a_sha256_prefix():
    frame = quality.files()
    latest = {}
    for run in sorted(ETL_RUNS, key=lambda r: r["finished_at"]):
        latest[(run["source"], run["file_name"])] = run
    assert len(frame) == len(latest)
    for row in frame.to_dict("records"):
        run = latest[(row["source"], row["file_name"])]
        assert row["sha256_prefix"] == run["sha256"][:12]
        assert [row[c] for c in COUNTS] == [run[c] for c in COUNTS]
        assert row["status"] == run["status"]


def test_rejected_rows_are_counted_per_source_rule_and_kind_largest_first():
    frame = quality.rejected_by_rule()
    expected = Counter()
    for source, _file, kind, rule, _column, count, _first in REJECTED:
        expected[(source, rule, kind)] += count
    got = {(r["source"], r["rule"], r["kind"]): r["rows"] for r in frame.to_dict("records")}
    assert got == dict(expected)
    assert list(frame["rows"]) == sorted(frame["rows"], reverse=True)


def test_rejected_sources_and_rules_count_rows():
    by_source = Counter()
    health_rules = Counter()
    for source, _file, _kind, rule, _column, count, _first in REJECTED:
        by_source[source] += count
        if source == "health":
            health_rules[rule] += count
    assert dict(zip(quality.rejected_sources()["source"], quality.rejected_sources()["rows"])) == by_source
    rules = quality.rejected_rules("health")
    assert dict(zip(rules["rule"], rules["rows"])) == health_rules
    assert quality.rejected_rules()["rows"].sum() == sum(by_source.values())


def test_the_sample_is_filtered_by_source_and_rule_in_file_order():
    group = next(g for g in REJECTED if g[0] == "health" and g[3] == "bad_period")
    frame = quality.rejected_sample("health", "bad_period")
    assert list(frame["row_number"]) == [group[6] + i for i in range(group[5])]
    assert set(frame["file_name"]) == {group[1]} and set(frame["column_name"]) == {group[4]}


def test_the_sample_is_limited_and_unfiltered_by_default():
    frame = quality.rejected_sample(limit=7)
    assert len(frame) == 7
    assert quality.rejected_sample("traffic_counts")["source"].unique().tolist() == ["traffic_counts"]
    assert quality.rejected_sample("no_such_source").empty


def test_freshness_compares_each_sources_latest_data_with_its_threshold():
    frame = quality.freshness(TODAY).set_index("source")
    latest = {
        "feedback": max(row[4] for row in FEEDBACK),
        "health": max(datetime.combine(row[2], datetime.min.time()) for row in HEALTH),
        "schools": datetime(max(row[2] for row in SCHOOLS), 9, 1),
        "traffic_counts": max(row[1] for row in TRAFFIC_COUNTS),
    }
    for source, when in latest.items():
        age = (TODAY - when.date()).days
        assert frame.loc[source, "latest"] == when
        assert frame.loc[source, "age_days"] == age
        expected = "stale" if age > quality.STALE_AFTER_DAYS[source] else "fresh"
        assert frame.loc[source, "status"] == expected, source
    assert frame.loc["traffic_counts", "status"] == "stale"  # 8 days old, threshold 2
    assert frame.loc["traffic_incidents", "status"] == "no_data"
