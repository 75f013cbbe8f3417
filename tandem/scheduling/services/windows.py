"""When each kind of visit may happen, and how long it lasts.

The joint visit falls between 20+0 and 25+6 weeks inclusive (tandem.pathway.rules). The
health visitor's antenatal contact is due from 28+0 weeks (Healthy Child Programme); Tandem
proposes and books it in the four weeks from then (28+0 to 31+6), so that it is not left
drifting towards the birth. A booking outside its window needs a recorded reason.
"""

from dataclasses import dataclass
from datetime import date

from django.conf import settings

from tandem.core.gestation import Gestation, date_at_gestation
from tandem.pathway import rules
from tandem.pathway.models import ReviewOutcome
from tandem.scheduling.models import VisitKind

HEALTH_VISITOR_CONTACT_TO = Gestation.of(31, 6)

# Minutes per kind; a deployment may override with settings.TANDEM_VISIT_MINUTES.
DEFAULT_VISIT_MINUTES = {VisitKind.JOINT_VISIT: 90, VisitKind.HEALTH_VISITOR_28_WEEK: 60}

KIND_OF_OUTCOME = {
    ReviewOutcome.JOINT_VISIT: VisitKind.JOINT_VISIT,
    ReviewOutcome.HEALTH_VISITOR_28_WEEK: VisitKind.HEALTH_VISITOR_28_WEEK,
}


@dataclass(frozen=True)
class Window:
    kind: str
    earliest: Gestation
    latest: Gestation

    def first_day(self, edd: date) -> date:
        return date_at_gestation(edd, self.earliest)

    def last_day(self, edd: date) -> date:
        return date_at_gestation(edd, self.latest)

    def describe(self) -> str:
        return f"between {self.earliest} and {self.latest} weeks"


WINDOWS = {
    VisitKind.JOINT_VISIT: Window(
        VisitKind.JOINT_VISIT, rules.JOINT_VISIT_FROM, rules.JOINT_VISIT_TO
    ),
    VisitKind.HEALTH_VISITOR_28_WEEK: Window(
        VisitKind.HEALTH_VISITOR_28_WEEK,
        rules.HEALTH_VISITOR_CONTACT_FROM,
        HEALTH_VISITOR_CONTACT_TO,
    ),
}


def visit_minutes(kind: str) -> int:
    configured = getattr(settings, "TANDEM_VISIT_MINUTES", {})
    return int(configured.get(kind, DEFAULT_VISIT_MINUTES[kind]))


def needs_midwife(kind: str) -> bool:
    return kind == VisitKind.JOINT_VISIT
