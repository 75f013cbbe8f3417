"""Places: which LSOAs make up each area, and where a synthetic woman lives.

Areas are built from whole middle-layer areas (MSOAs): every 2011 LSOA named like
"Stockport 023B" belongs to MSOA "Stockport 023", and an MSOA goes, with all its LSOAs, to
the area whose postcode sectors hold most of its postcodes. An MSOA no sector claims joins
the area of the nearest-numbered MSOA (ONS numbers MSOAs roughly north to south, so
neighbouring numbers tend to be neighbours). This approximates locality boundaries; it does
not reproduce any official map.
"""

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from random import Random

from tandem.demo.calibration import OUTSIDE_PSEUDO
from tandem.demo.lmns import AreaSpec, ProviderSpec
from tandem.demo.sampling import pick
from tandem.records.models import Lsoa, Postcode

_INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
# NHS pseudo-postcodes: no fixed abode, and England not otherwise specified.
PSEUDO_POSTCODES = ("ZZ99 3VZ", "ZZ99 3CZ")
_MSOA_NUMBER = re.compile(r"^(?P<msoa>.*?(?P<number>\d{3}))[A-Z]$")


@dataclass(frozen=True)
class Home:
    postcode: str
    lsoa_code: str  # "" when the postcode is not in the lookup
    imd_decile: int | None
    area_name: str | None


@dataclass
class LocalGeography:
    """One provider's local authority: its LSOAs, their areas, and postcodes by decile."""

    provider: ProviderSpec
    area_of_lsoa: dict[str, str]
    decile_of_lsoa: dict[str, int]
    postcodes_by_decile: dict[int, list[tuple[str, str]]]

    def home(self, rng: Random, decile: int) -> Home:
        """A real postcode whose LSOA has this decile, or the nearest decile there is."""
        available = sorted(self.postcodes_by_decile, key=lambda d: (abs(d - decile), d))
        postcode, lsoa_code = pick(rng, self.postcodes_by_decile[available[0]])
        return Home(
            postcode, lsoa_code, self.decile_of_lsoa[lsoa_code], self.area_of_lsoa[lsoa_code]
        )


def msoa_of(lsoa_name: str) -> tuple[str, int]:
    match = _MSOA_NUMBER.match(lsoa_name.strip())
    if match is None:
        raise ValueError(f"Not an LSOA name like 'Stockport 001A': {lsoa_name!r}")
    return match["msoa"], int(match["number"])


def assign_areas(
    lsoas: Iterable[tuple[str, str]],
    postcodes: Iterable[tuple[str, str]],
    areas: Iterable[AreaSpec],
) -> dict[str, str]:
    """LSOA code -> area name, from (code, name) LSOAs and (postcode, LSOA code) pairs."""
    areas = tuple(areas)
    claims = {sector: area.name for area in areas for sector in area.postcode_sectors}
    order = {area.name: index for index, area in enumerate(areas)}
    msoa_by_lsoa = {code: msoa_of(name) for code, name in lsoas}
    votes: dict[str, Counter] = defaultdict(Counter)
    for postcode, lsoa_code in postcodes:
        if lsoa_code in msoa_by_lsoa:
            sector = postcode[:-2]
            area = claims.get(sector) or claims.get(sector.split(" ")[0])
            if area is not None:
                votes[msoa_by_lsoa[lsoa_code][0]][area] += 1
    msoa_area = {
        msoa: min(counter, key=lambda area: (-counter[area], order[area]))
        for msoa, counter in votes.items()
    }
    numbered = sorted(set(msoa_by_lsoa.values()), key=lambda item: item[1])
    claimed = [(number, msoa_area[msoa]) for msoa, number in numbered if msoa in msoa_area]
    if not claimed:
        raise ValueError("No postcode sector matched any area: check the area definitions")
    for msoa, number in numbered:
        if msoa not in msoa_area:
            msoa_area[msoa] = min(claimed, key=lambda item: (abs(item[0] - number), item[0]))[1]
    return {code: msoa_area[msoa] for code, (msoa, _) in msoa_by_lsoa.items()}


def load_local_geography(provider: ProviderSpec) -> LocalGeography:
    """Read the vendored lookups for the provider's local authority (two queries)."""
    lsoas = list(
        Lsoa.objects.filter(lad_code=provider.lad_code)
        .order_by("code")
        .values_list("code", "name", "imd_decile")
    )
    if not lsoas:
        raise ValueError(f"No LSOAs for {provider.lad_code}: run the migrations first")
    decile_of_lsoa = {code: decile for code, _, decile in lsoas}
    postcodes = [
        (postcode, lsoa_code)
        for postcode, lsoa_code in Postcode.objects.filter(lad_code=provider.lad_code)
        .order_by("postcode")
        .values_list("postcode", "lsoa11_code")
        if lsoa_code in decile_of_lsoa
    ]
    area_of_lsoa = assign_areas(
        [(code, name) for code, name, _ in lsoas], postcodes, provider.areas
    )
    by_decile: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for postcode, lsoa_code in postcodes:
        by_decile[decile_of_lsoa[lsoa_code]].append((postcode, lsoa_code))
    return LocalGeography(provider, area_of_lsoa, decile_of_lsoa, dict(by_decile))


def known_postcodes() -> frozenset[str]:
    return frozenset(Postcode.objects.values_list("postcode", flat=True))


def outside_home(rng: Random, provider: ProviderSpec, kind: str, known: frozenset[str]) -> Home:
    """A postcode the lookup does not hold: a pseudo-postcode or one from outside the area."""
    if kind == OUTSIDE_PSEUDO:
        return Home(pick(rng, PSEUDO_POSTCODES), "", None, None)
    while True:
        district = pick(rng, provider.out_of_area_districts)
        postcode = (
            f"{district} {int(rng.random() * 10)}"
            f"{pick(rng, _INWARD_LETTERS)}{pick(rng, _INWARD_LETTERS)}"
        )
        if postcode not in known:
            return Home(postcode, "", None, None)
