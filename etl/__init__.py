"""The write side: extract -> validate -> load per source into the DuckDB warehouse (``python -m etl``)."""
