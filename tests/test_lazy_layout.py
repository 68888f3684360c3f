"""Every callback's components exist, and keep to one place of their page.

Dash does not check callbacks against the layout in the browser (app.py), so a misspelt id is found here.
Lazy sections (pages/_parts.lazy) draw their components only once scrolled to, so a callback may not
mix components of two places: two sections, or a section and the first view. Dash stops with "A
nonexistent object was used" when a callback runs while some of its components are not on the page."""

from __future__ import annotations

import dash
from components import find

import app as hue_app
import ids

FIRST_VIEW = "first view"


def _ids_in(component, found: set[str]) -> set[str]:
    if isinstance(component, (list, tuple)):
        for child in component:
            _ids_in(child, found)
    elif hasattr(component, "to_plotly_json"):
        if isinstance(getattr(component, "id", None), str):
            found.add(component.id)
        for prop in ("children", "data"):
            value = getattr(component, prop, None)
            if value is not None and not isinstance(value, (str, dict)):
                _ids_in(value, found)
    return found


def places() -> dict[str, str]:
    """Component id -> the lazy section it is drawn with, or FIRST_VIEW, over every page and the shell."""
    where = dict.fromkeys(_ids_in(hue_app.app.layout, set()), FIRST_VIEW)
    for page in dash.page_registry.values():
        layout = page["layout"]()
        everything = _ids_in(layout, set())
        for store in [i for i in everything if i.endswith(ids.LAZY_CONTENT)]:
            content = find(layout, store).data
            where.update(dict.fromkeys(_ids_in(content, set()), store.removesuffix(ids.LAZY_CONTENT)))
        where.update({i: FIRST_VIEW for i in everything if i not in where})
    return where


def dependencies() -> list[dict]:
    client = hue_app.server.test_client()
    client.get("/")  # callbacks are registered on the first request
    return client.get("/_dash-dependencies").get_json()


def _output_ids(output: str) -> list[str]:
    return [o.rsplit(".", 1)[0] for o in output.strip(".").split("...")]


def test_the_lazy_sections_hold_what_their_callbacks_draw():
    where = places()
    sections = {place for place in where.values() if place != FIRST_VIEW}
    assert ids.FEEDBACK_RECORDS_PART in sections and len(sections) >= 15
    assert where[ids.FEEDBACK_FUNNEL] == ids.FEEDBACK_REASONS_PART
    assert where[ids.lazy_state(ids.FEEDBACK_MAP_PART)] == ids.FEEDBACK_MAP_PART  # fed once drawn
    assert where[ids.lazy_seen(ids.FEEDBACK_MAP_PART)] == where[ids.FEEDBACK_KPIS] == FIRST_VIEW


def _callback_ids(dependency: dict) -> list[str]:
    inputs = [i["id"] for i in dependency["inputs"] + dependency["state"] if isinstance(i["id"], str)]
    if dependency.get("no_output"):  # Dash names the missing output with a hash
        return inputs
    return inputs + [o for o in _output_ids(dependency["output"]) if not o.startswith("{")]


def test_every_component_a_callback_names_is_in_a_layout():
    where = places()
    missing = {i for dependency in dependencies() for i in _callback_ids(dependency) if i not in where}
    assert missing == set()


def test_every_callback_keeps_to_one_section():
    where, mixed = places(), []
    for dependency in dependencies():
        inputs = [i["id"] for i in dependency["inputs"] if isinstance(i["id"], str)]
        states = [s["id"] for s in dependency["state"] if isinstance(s["id"], str)]
        outputs = [o for o in _output_ids(dependency["output"]) if not o.startswith("{")]
        at = {name: {where.get(i, FIRST_VIEW) for i in group} for name, group in
              (("outputs", outputs), ("inputs", inputs), ("reads", inputs + states))}
        lazy_reads = at["reads"] - {FIRST_VIEW}
        fine = len(at["outputs"]) <= 1 and (
            not lazy_reads or (len(lazy_reads) == 1 and at["inputs"] == lazy_reads
                               and at["outputs"] <= lazy_reads | {FIRST_VIEW})
        )
        if not fine:
            mixed.append((dependency["output"], at))
    assert mixed == []


def test_a_section_is_filled_when_drawn():
    """A callback drawing into a section from the first view's inputs must run as the section appears:
    with ``prevent_initial_call`` it would wait for the next change of those inputs."""
    where, waiting = places(), []
    for dependency in dependencies():
        outputs = {where.get(o, FIRST_VIEW) for o in _output_ids(dependency["output"]) if not o.startswith("{")}
        inputs = {where.get(i["id"], FIRST_VIEW) for i in dependency["inputs"] if isinstance(i["id"], str)}
        if outputs - {FIRST_VIEW} and not inputs & outputs and dependency["prevent_initial_call"]:
            waiting.append(dependency["output"])
    assert waiting == []
