"""Access rows for the assessments pages (see tandem/web/tests/test_access_matrix.py).

Reading a visit record needs VIEW_PERSON_RECORDS (the safeguarding reviewer and the
administrator read it; the reviewer sees it because the family was referred); writing it
needs RECORD_VISITS (midwife, health visitor, team leader). A parent's feedback is entered by
anyone with GIVE_FEEDBACK; a practitioner gives her own. The outsider, in Brinnington, gets
404 for the Adswood family's visit; analysts and system administrators 403.
"""

from tandem.assessments.tests.factories import AttendedVisitFactory, FamilyPlanActionFactory
from tandem.web.tests.access_rows.personas import SIGN_IN


def _visit(context):
    return AttendedVisitFactory(
        pregnancy=context.personas.pregnancy, booked_by=context.personas.administrator
    )


def _action(context):
    return FamilyPlanActionFactory(goal__record__visit=_visit(context))


READ = (SIGN_IN, 200, 200, 200, 200, 200, 404, 403, 403, 403)
RECORD = (SIGN_IN, 200, 200, 200, 403, 403, 404, 403, 403, 403)
FEEDBACK = (SIGN_IN, 200, 200, 200, 200, 403, 404, 403, 403, 403)

# url name: (the object kind its id names or None, the method, the answer per persona)
#                                           anon     mw   hv   tl   adm  rev  out  ana  sys  wom
ROWS: dict = {
    "web:visit-attendance": ("attended_visit", "get", RECORD),
    "web:visit-record": ("attended_visit", "get", READ),
    "web:visit-record-how-i-grow": ("attended_visit", "get", RECORD),
    "web:visit-record-what-i-need": ("attended_visit", "get", RECORD),
    "web:visit-record-my-wider-world": ("attended_visit", "get", RECORD),
    "web:visit-record-matrix": ("attended_visit", "get", RECORD),
    "web:visit-record-priorities": ("attended_visit", "get", RECORD),
    "web:visit-record-goal-new": ("attended_visit", "get", RECORD),
    "web:visit-record-complete": ("attended_visit", "get", RECORD),
    "web:visit-record-versions": ("attended_visit", "get", READ),
    "web:plan-goal-edit": ("plan_goal", "get", RECORD),
    "web:plan-action-new": ("plan_goal", "get", RECORD),
    "web:plan-action-edit": ("plan_action", "get", RECORD),
    "web:plan-action-status": ("plan_action", "get", RECORD),
    "web:visit-feedback-parent": ("attended_visit", "get", FEEDBACK),
    "web:visit-feedback-practitioner": ("attended_visit", "get", RECORD),
    "web:feedback-summary": (None, "get", (SIGN_IN, 403, 403, 200, 403, 403, 403, 200, 403, 403)),
}

# object kind: a function of the test context (personas, contact, referral) returning it
OBJECTS: dict = {
    "attended_visit": _visit,
    "plan_goal": lambda context: _action(context).goal,
    "plan_action": _action,
}
