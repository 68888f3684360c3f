"""Reading Dash component trees in callback tests."""

from __future__ import annotations


def text(component) -> str:
    """Every string inside a component tree, space separated."""
    if component is None:
        return ""
    if isinstance(component, (str, int, float)):
        return str(component)
    if isinstance(component, (list, tuple)):
        return " ".join(text(c) for c in component)
    return text(getattr(component, "children", None))


def find(component, component_id: str):
    """The component with this id inside a tree."""
    if isinstance(component, (list, tuple)):
        return next((f for c in component if (f := find(c, component_id)) is not None), None)
    if getattr(component, "id", None) == component_id:
        return component
    children = getattr(component, "children", None)
    return None if children is None or isinstance(children, str) else find(children, component_id)
