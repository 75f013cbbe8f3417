"""The vendored public lookups: postcode -> LSOA (2011) -> IMD 2019 decile.

Sources and licences are in reference_data/SOURCES.md. Loaded by a data migration, so every
database (development, test, production) has them.
"""

import csv
from pathlib import Path

REFERENCE_DATA = Path(__file__).resolve().parent / "reference_data"
IMD_FILE = REFERENCE_DATA / "imd2019_lsoa.csv"
POSTCODE_FILES = (
    REFERENCE_DATA / "postcode_lsoa_stockport.csv",
    REFERENCE_DATA / "postcode_lsoa_gm_neighbours.csv",
)
_BATCH = 5000


def normalise_postcode(value: str) -> str:
    """Upper case with a single space before the inward code: 'sk11aa' -> 'SK1 1AA'."""
    compact = "".join(str(value).split()).upper()
    if len(compact) < 5:
        return compact
    return f"{compact[:-3]} {compact[-3:]}"


def load_lookups(lsoa_model, postcode_model) -> tuple[int, int]:
    """Load both lookups into empty tables; returns the number of rows of each."""
    with IMD_FILE.open(newline="", encoding="utf-8") as handle:
        lsoas = [
            lsoa_model(
                code=row["lsoa11_code"],
                name=row["lsoa11_name"],
                lad_code=row["lad19_code"],
                lad_name=row["lad19_name"],
                imd_rank=int(row["imd_rank"]),
                imd_decile=int(row["imd_decile"]),
            )
            for row in csv.DictReader(handle)
        ]
    lsoa_model.objects.bulk_create(lsoas, batch_size=_BATCH)

    postcodes = {}
    for path in POSTCODE_FILES:
        with path.open(newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                postcode = normalise_postcode(row["postcode"])
                postcodes[postcode] = postcode_model(
                    postcode=postcode,
                    lsoa11_code=row["lsoa11_code"],
                    lsoa21_code=row["lsoa21_code"],
                    lad_code=row["lad_code"],
                )
    postcode_model.objects.bulk_create(postcodes.values(), batch_size=_BATCH)
    return len(lsoas), len(postcodes)
