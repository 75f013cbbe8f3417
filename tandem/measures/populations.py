"""Every population a measure may count, by name."""

from tandem.measures.birth_populations import BIRTH_POPULATIONS
from tandem.measures.care_populations import CARE_POPULATIONS
from tandem.measures.population import Population

POPULATIONS: dict[str, Population] = {
    population.name: population for population in (*BIRTH_POPULATIONS, *CARE_POPULATIONS)
}
