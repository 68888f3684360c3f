"""File writers with byte-stable output: CSV, JSON and XLSX (fixed workbook dates and zip times)."""
from __future__ import annotations

import io
import json
import re
import shutil
import zipfile
from datetime import datetime
from pathlib import Path

import pandas as pd
from openpyxl import Workbook

#: Timestamp written into every XLSX (document properties and zip entries) so reruns are identical.
FIXED_TIME = datetime(2020, 1, 1, 0, 0, 0)
_CORE_DATES = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")


def reset_folders(out: Path, names: list[str]) -> None:
    """Remove and recreate only the given source sub-folders of ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    for name in names:
        folder = out / name
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir()


def write_csv(frame: pd.DataFrame, path: Path, sep: str = ",", bom: bool = False) -> None:
    """CSV with '\\n' line ends; ``bom`` writes the UTF-8 byte-order mark as Excel does."""
    frame.to_csv(path, sep=sep, index=False, encoding="utf-8-sig" if bom else "utf-8", lineterminator="\n")


def write_json(records: list[dict], path: Path) -> None:
    """A JSON array, one object per line, UTF-8 without escaping Vietnamese letters."""
    lines = ",\n".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in records)
    path.write_text(f"[\n{lines}\n]\n" if records else "[]\n", encoding="utf-8")


def write_xlsx(frame: pd.DataFrame, path: Path, sheet: str) -> None:
    """One sheet, header row then data, with fixed dates so the bytes depend only on the data."""
    book = Workbook(write_only=True)
    book.properties.creator = "Huế IOC"
    book.properties.created = book.properties.modified = FIXED_TIME
    table = book.create_sheet(sheet)
    table.append(list(frame.columns))
    for row in frame.itertuples(index=False):
        table.append([_cell(v) for v in row])
    buffer = io.BytesIO()
    book.save(buffer)
    path.write_bytes(_stable_zip(buffer.getvalue()))


def _cell(value):
    return value.item() if hasattr(value, "item") else value


def _stable_zip(data: bytes) -> bytes:
    """Rewrite every zip entry with a fixed date and fixed core-property timestamps."""
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = _CORE_DATES.sub(lambda m: m.group(1) + stamp + m.group(3), body)
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            dst.writestr(entry, body)
    return out.getvalue()
