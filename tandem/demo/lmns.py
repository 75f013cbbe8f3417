"""The synthetic Local Maternity and Neonatal System: providers, councils and areas.

Three real Greater Manchester maternity providers with their real ODS codes, and the
councils that run health visiting and safeguarding in the same places. A council's code is
its ONS (GSS) local authority code, e.g. E08000007: the NHS ODS codes of local authorities
were not verified for this project, and "LA-E08000007" would not fit Organisation.ods_code
(10 characters).

Areas are localities a provider's community teams cover. Each is defined by the postcode
sectors (or whole districts) that mostly make it up; geography.py turns that into whole
2011 LSOAs. Stockport's ten areas follow its Enhanced Maternity Pathway rollout: the three
pilot areas went live on 1 October 2023 and seven more followed (Bramhall not yet).
"""

from dataclasses import dataclass
from datetime import date

PILOT_LIVE_FROM = date(2023, 10, 1)


@dataclass(frozen=True)
class AreaSpec:
    name: str
    postcode_sectors: tuple[str, ...]  # "SK3 8" (a sector) or "SK8" (a whole district)
    pathway_live_from: date | None = None


@dataclass(frozen=True)
class ProviderSpec:
    ods_code: str
    name: str
    short_name: str
    lad_code: str
    council_code: str
    council_name: str
    share: float  # of the generated pregnancies: not calibrated, see docs/calibration.md
    areas: tuple[AreaSpec, ...]
    out_of_area_districts: tuple[str, ...]  # neighbouring districts outside the lookup


STOCKPORT = ProviderSpec(
    ods_code="RWJ",
    name="Stockport NHS Foundation Trust",
    short_name="Stockport",
    lad_code="E08000007",
    council_code="E08000007",
    council_name="Stockport Metropolitan Borough Council",
    share=0.55,
    areas=(
        AreaSpec("Adswood", ("SK3 8", "SK2 7", "SK3 0"), PILOT_LIVE_FROM),
        AreaSpec("Brinnington", ("SK5 8", "SK6 1"), PILOT_LIVE_FROM),
        AreaSpec("Offerton", ("SK2 5", "SK2 6", "SK1 3", "SK1 4"), PILOT_LIVE_FROM),
        AreaSpec("Edgeley", ("SK3 9", "SK4 9", "SK1 1", "SK1 2"), date(2024, 4, 1)),
        AreaSpec("Reddish", ("SK5 6", "SK5 7"), date(2024, 7, 1)),
        AreaSpec("Heaton Norris", ("SK4", "M19"), date(2024, 10, 1)),
        AreaSpec("Hazel Grove", ("SK7 4", "SK7 5", "SK7 6"), date(2025, 1, 6)),
        AreaSpec("Marple", ("SK6",), date(2025, 4, 1)),
        AreaSpec("Cheadle", ("SK8",), date(2025, 7, 1)),
        AreaSpec("Bramhall", ("SK7 0", "SK7 1", "SK7 2", "SK7 3", "SK12")),
    ),
    out_of_area_districts=("SK10", "SK11", "SK22", "SK23"),
)

TAMESIDE = ProviderSpec(
    ods_code="RMP",
    name="Tameside and Glossop Integrated Care NHS Foundation Trust",
    short_name="Tameside and Glossop",
    lad_code="E08000008",
    council_code="E08000008",
    council_name="Tameside Metropolitan Borough Council",
    share=0.12,
    areas=(
        AreaSpec("Ashton-under-Lyne", ("OL5", "OL6", "OL7"), date(2026, 4, 1)),
        AreaSpec("Stalybridge and Dukinfield", ("SK15", "SK16")),
        AreaSpec("Droylsden and Audenshaw", ("M43", "M35", "M34 5")),
        AreaSpec("Denton", ("M34",)),
        AreaSpec("Hyde", ("SK14",)),
    ),
    out_of_area_districts=("SK13", "OL3", "OL4"),
)

MANCHESTER = ProviderSpec(
    ods_code="R0A",
    name="Manchester University NHS Foundation Trust",
    short_name="Manchester University",
    lad_code="E08000003",
    council_code="E08000003",
    council_name="Manchester City Council",
    share=0.33,
    areas=(
        AreaSpec("North Manchester", ("M8", "M9", "M10", "M40")),
        AreaSpec("City Centre, Hulme and Ardwick", ("M1", "M2", "M3", "M4", "M13", "M15")),
        AreaSpec("East Manchester", ("M11", "M12", "M18")),
        AreaSpec("Moss Side, Rusholme and Levenshulme", ("M14", "M16", "M19")),
        AreaSpec("Chorlton, Withington and Didsbury", ("M20", "M21")),
        AreaSpec("Wythenshawe", ("M22", "M23", "M90")),
    ),
    out_of_area_districts=("M6", "M7", "M27", "M30", "BL9", "OL9"),
)

PROVIDERS: tuple[ProviderSpec, ...] = (STOCKPORT, TAMESIDE, MANCHESTER)
