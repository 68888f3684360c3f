"""One module per raw source; ``SOURCES`` is the load order (lookups before the facts that use them)."""
