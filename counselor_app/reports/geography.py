"""French départements and their regions, from the bundled reference list."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache

from counselor_app.resources import resource_path


@dataclass(frozen=True)
class Departement:
    code: str
    name: str
    region_code: str
    region_name: str


@cache
def departements() -> dict[str, Departement]:
    """Code -> département, in the order of the list."""
    with resource_path("reference", "departements.csv").open(encoding="utf-8", newline="") as f:
        return {
            row["code"]: Departement(
                row["code"], row["name"], row["region_code"], row["region_name"]
            )
            for row in csv.DictReader(f)
        }


@cache
def regions() -> dict[str, str]:
    """Region code -> name, in order of code."""
    found = {d.region_code: d.region_name for d in departements().values()}
    return dict(sorted(found.items(), key=lambda item: (len(item[0]), item[0])))
