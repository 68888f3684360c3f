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
