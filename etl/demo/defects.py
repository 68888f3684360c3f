"""A supplementary export with the defects real exports carry, so the demo exercises validation.

Operators sometimes send a hand-assembled "bổ sung" (supplementary) file: reports re-exported from
earlier months (exact repeats, or with a changed field) and rows typed by hand with the usual slips —
swapped coordinates, an impossible date, a blank required field, a rating outside the scale, a point
dropped at 0,0. The ETL keeps all of them in ``rejected_rows`` with a reason; nothing here is loaded.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from etl.demo import writers

FILE_NAME = "hue-s_bo-sung.csv"


def _slips(rows: pd.DataFrame) -> list[pd.DataFrame]:
    """One small frame per kind of slip, each built from copies of real rows."""
    swapped = rows.iloc[0:4].assign(lat=rows["long"].iloc[0:4].to_numpy(), long=rows["lat"].iloc[0:4].to_numpy())
    bad_date = rows.iloc[4:7].assign(requested_datetime="2025-02-31 09:15:00")
    blank = rows.iloc[7:10].assign(requested_datetime="")
    rating = rows.iloc[10:12].assign(rating="rất hài lòng")
    nowhere = rows.iloc[12:14].assign(lat="0", long="0")
    frames = [swapped, bad_date, blank, rating, nowhere]
    for frame in frames:
        frame["service_request_id"] = frame["service_request_id"] + "-BS"   # new ids, so not duplicates
        frame["commune_code"] = ""                                          # found from the point, or not
    return frames


def write(rows: pd.DataFrame, folder: Path, rng: np.random.Generator) -> int:
    """Write the supplementary file from a sample of already-exported Open311 text rows."""
    sample = rows.iloc[np.sort(rng.choice(len(rows), size=min(40, len(rows)), replace=False))]
    if len(sample) < 20:
        return 0
    repeats = sample.iloc[14:20].copy()
    repeats.loc[repeats.index[3:], "status_detail"] = "Đã xử lý"            # re-exported with an update
    frame = pd.concat([*_slips(sample), repeats], ignore_index=True)
    writers.write_csv(frame, folder / FILE_NAME, sep=",", bom=True)
    return len(frame)
