"""Callbacks and builders of the map explorer, called directly (the demo warehouse where data is needed)."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import pytest
from dash import no_update

from callbacks import map as map_callbacks
from callbacks import map_layers, maps_explorer
from queries import indicators, kpi
from queries import map as map_queries

VI = {"lang": "vi"}


def text_of(component) -> str:
    """Every string inside a Dash component tree."""
    if isinstance(component, str):
        return component
    if isinstance(component, (list, tuple)):
        return " ".join(text_of(c) for c in component)
    children = getattr(component, "children", None)
    return text_of(children) if children is not None else ""


def test_quantile_breaks_split_the_values_into_five_even_classes():
    values = pd.Series(range(1, 11), dtype=float)
    assert maps_explorer.class_breaks(values, "quantile") == [2.8, 4.6, 6.4, 8.2]


def test_equal_breaks_split_the_range_evenly_and_target_breaks_sit_around_the_target():
    values = pd.Series([0.0, 50.0, 100.0])
    assert maps_explorer.class_breaks(values, "equal") == [20.0, 40.0, 60.0, 80.0]
    assert maps_explorer.class_breaks(values, "target", 100.0) == [90.0, 95.0, 105.0, 110.0]
    assert maps_explorer.class_breaks(pd.Series([3.0, 3.0]), "quantile") == []


def test_an_area_without_a_value_is_in_the_no_data_class():
    assert maps_explorer.class_of(None, [1.0]) == "none"
    assert maps_explorer.class_of(float("nan"), [1.0]) == "none"
    assert maps_explorer.class_of(0.5, [1.0, 2.0]) == "0" and maps_explorer.class_of(2.0, [1.0, 2.0]) == "2"


def test_an_indicator_added_to_the_catalogue_appears_at_the_levels_it_has():
    extra = replace(indicators.get("traffic_crashes"), id="map_test_district_only", levels=("province", "district"))
    indicators.register(extra)
    try:
        district, _value = map_callbacks.fill_indicators("district", "map_test_district_only", VI)
        commune, value = map_callbacks.fill_indicators("commune", "map_test_district_only", VI)
    finally:
        indicators.unregister(extra.id)
    assert "map_test_district_only" in [o["value"] for o in district]
    assert "map_test_district_only" not in [o["value"] for o in commune]
    assert value == commune[0]["value"]  # an indicator the level lacks gives way to the first one


def test_colouring_puts_each_commune_in_the_class_of_its_value(on_demo_warehouse):
    months, _max, _marks, index = map_callbacks.fill_months(VI)
    month = map_callbacks.chosen_month(index, months)
    hideout, legend = map_callbacks.colour_areas(
        "health_created_pct", "commune", "quantile", index, months, None, VI
    )
    values = kpi.values("health_created_pct", month.start, month.end, "commune").set_index("area_code")["value"]
    edges = maps_explorer.class_breaks(values, "quantile")
    assert len(hideout["classes"]) == len(map_queries.boundaries("commune"))
    for code, cls in hideout["classes"].items():
        expected = "none" if code not in values.index else str(sum(values[code] >= e for e in edges))
        assert cls == expected
    text = text_of(legend)
    assert "Không có dữ liệu" in text and "%" in text and "gần đúng" in text


def test_around_the_target_falls_back_to_quantiles_for_a_count_without_an_area_target(on_demo_warehouse):
    months, _max, _marks, index = map_callbacks.fill_months(VI)
    hideout, legend = map_callbacks.colour_areas("traffic_crashes", "district", "target", index, months, None, VI)
    assert hideout["palette"] == "sequential"
    assert "hiển thị theo phân vị" in text_of(legend)
    hideout, _legend = map_callbacks.colour_areas(
        "health_created_pct", "district", "target", index, months, None, VI
    )
    assert hideout["palette"] == "target-up"


def test_clicking_a_district_at_district_level_drills_down_to_its_communes(on_demo_warehouse):
    click = {"properties": {"code": "474", "level": "district"}}
    selected, level, view = map_callbacks.select_area(click, "district")
    assert (selected, level) == ("474", "commune")
    (south, west), (north, east) = view["bounds"]
    assert south < 16.47 < north and west < 107.59 < east  # Huế city's centre
    commune = {"properties": {"code": "19753", "level": "commune"}}
    assert map_callbacks.select_area(commune, "commune") == ("19753", no_update, no_update)


def test_the_profile_marks_the_population_as_an_estimate_and_links_to_the_sector_pages(on_demo_warehouse):
    months, _max, _marks, index = map_callbacks.fill_months(VI)
    panel = map_callbacks.show_profile("19753", index, months, VI)
    text = text_of(panel)
    assert "(ước tính)" in text and "Xếp hạng" in text
    links = [c for c in panel[-1].children if getattr(c, "href", None)]
    assert {link.href for link in links} == {f"{p}?district=474" for p in ("/feedback", "/health", "/schools",
                                                                           "/traffic")}


def test_only_ticked_layers_are_drawn_and_feedback_is_per_commune_when_zoomed_out(on_demo_warehouse):
    months, _max, _marks, index = map_callbacks.fill_months(VI)
    schools_layer, sensors_layer, visitors_layer = map_layers.show_places(["sensors"], VI)
    assert schools_layer["features"] == [] and visitors_layer["features"] == []
    assert len(sensors_layer["features"]) == len(map_queries.sensor_points())
    layer = map_layers.show_feedback(["feedback"], index, months, 10, None, VI)
    counts = [f["properties"]["count"] for f in layer["features"]]
    assert 0 < len(counts) <= 152 and sum(counts) > 0
    assert map_layers.show_feedback([], index, months, 10, None, VI)["features"] == []


@pytest.mark.parametrize("index", [None, 999, "x"])
def test_a_slider_position_out_of_range_means_the_latest_month(index):
    assert map_callbacks.chosen_month(index, ["2025-10", "2025-11"]).start.month == 11
