"""Access rows for the community hubs and onward referrals pages
(see tandem/web/tests/test_access_matrix.py).

Columns: anonymous, midwife, health visitor, team leader, administrator, reviewer,
outsider, analyst, system admin, woman. The directory is open to every practitioner who
cares for families; the safeguarding reviewer may read the family's referrals but not make
one, record a reply or action a red flag (403); the outsider may, but not for this family
(404). Analysts, system administrators and the woman herself get no staff page (403).
"""

from tandem.hubs.tests.factories import (
    RedFlagTaskFactory,
    ServiceReferralFactory,
    WellbeingCheckFactory,
)
from tandem.web.tests.access_rows.personas import SIGN_IN

READING = (SIGN_IN, 200, 200, 200, 200, 200, 404, 403, 403, 403)
RECORDING = (SIGN_IN, 200, 200, 200, 200, 403, 404, 403, 403, 403)
DIRECTORY = (SIGN_IN, 200, 200, 200, 200, 200, 200, 403, 403, 403)
WORKLIST = (SIGN_IN, 200, 200, 200, 200, 403, 200, 403, 403, 403)

ROWS: dict = {
    "web:hubs-directory": (None, "get", DIRECTORY),
    "web:service-referrals": ("pregnancy", "get", READING),
    "web:service-referral-new": ("pregnancy", "get", RECORDING),
    "web:service-referral": ("service_referral", "get", READING),
    "web:service-referrals-overdue": (None, "get", WORKLIST),
    "web:red-flag-tasks": (None, "get", WORKLIST),
    "web:red-flag-task": ("red_flag_task", "get", RECORDING),
}

OBJECTS: dict = {
    "service_referral": lambda context: ServiceReferralFactory(
        pregnancy=context.personas.pregnancy,
        referred_by=context.personas.midwife.practitioner,
        recorded_by=context.personas.midwife,
    ),
    "red_flag_task": lambda context: RedFlagTaskFactory(
        wellbeing_check=WellbeingCheckFactory(
            contact=context.contact,
            red_flag_mental_state=True,
            red_flag_detail="Synthetic: a sudden change in how she seemed",
        )
    ),
}
