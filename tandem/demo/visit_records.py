"""What a joint visit records: the parents' priorities, My World Triangle entries, the Risk
and Resilience Matrix, and a joint family plan of goals with owned, dated actions; and the
feedback parents and practitioners give afterwards.

Most attended joint visits have a completed record (with its first immutable version,
written as the assessments services write it); some are still drafts, a few have none yet.
Actions due before today are mostly done, some overdue. All text is synthetic and short;
rates are invented (docs/calibration.md).
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from random import Random

from tandem.assessments.models import ActionStatus, PlanOwner, Respondent, VisitRecordStatus
from tandem.assessments.my_world import MatrixQuadrant, TriangleDomain
from tandem.demo.contacts import LONDON
from tandem.demo.sampling import Categorical, chance, pick

COMPLETE, DRAFT = 0.82, 0.08  # of attended joint visits over two days ago; the rest: none
RECENT_DAYS = 2
RECENT_DRAFT = 0.6
PARENT_FEEDBACK = 0.45
PRACTITIONER_FEEDBACK = 0.3
DUE_DAYS = (7, 56)
PAST_DUE_STATUS = Categorical(
    {
        ActionStatus.DONE: 0.6,
        ActionStatus.NO_LONGER_NEEDED: 0.05,
        ActionStatus.IN_PROGRESS: 0.15,
        ActionStatus.NOT_STARTED: 0.2,
    }
)
FUTURE_STATUS = Categorical(
    {ActionStatus.NOT_STARTED: 0.5, ActionStatus.IN_PROGRESS: 0.4, ActionStatus.DONE: 0.1}
)
PARENT_RATING = Categorical({5: 0.55, 4: 0.3, 3: 0.1, 2: 0.05})
PRACTITIONER_RATING = Categorical({5: 0.4, 4: 0.4, 3: 0.15, 2: 0.05})

PRIORITIES = (
    "Getting the flat ready and warm before the baby comes.",
    "Feeling less anxious and knowing who to call when things get hard.",
    "Breastfeeding this time, with help in the first weeks.",
    "Staying well and keeping her medication right through the pregnancy.",
    "Sorting out money worries and getting the right benefits.",
    "Her partner being more involved and coming to appointments.",
)
BABY_VOICES = (
    "I need a warm, safe place to sleep and grown-ups who are calm around me.",
    "I need my mum to feel well enough to enjoy being with me.",
    "I need people who look after me to know what help is there for us.",
)
MATRIX_SUMMARIES = (
    "Strong wish to do well for the baby; stresses are mostly practical and being addressed.",
    "Good insight into her own wellbeing; support network is thin, so the plan builds it.",
    "Several adversities together, balanced by engagement with services and a supportive partner.",
)
STRENGTHS = (
    "Attending all appointments so far.",
    "Close to her sister, who visits weekly.",
    "Has thought a lot about how she wants to parent.",
    "Partner supportive and keen to learn.",
)
CONCERNS = (
    "Worried about coping with broken sleep.",
    "Little money left after rent and bills.",
    "Feels isolated since moving here.",
    "",
)
FACTORS = {
    MatrixQuadrant.RESILIENCE_PROTECTIVE: (
        "Engaged with midwife and GP",
        "Supportive partner",
        "Stable tenancy",
    ),
    MatrixQuadrant.RESILIENCE_ADVERSITY: (
        "Motivated to stop smoking despite stress at home",
        "Coping well with money worries",
    ),
    MatrixQuadrant.VULNERABILITY_PROTECTIVE: (
        "History of low mood, with a good relationship with her GP",
        "First baby, with grandparents nearby",
    ),
    MatrixQuadrant.VULNERABILITY_ADVERSITY: (
        "Previous postnatal depression and little family support",
        "Debt and overcrowded housing",
    ),
}
GOALS = (
    (
        "Feel ready and confident for the baby's arrival.",
        ("Go to the infant feeding workshop", PlanOwner.PARENT, ""),
        ("Arrange a home visit to talk through safer sleep", PlanOwner.HEALTH_VISITOR, ""),
    ),
    (
        "Keep her mood steady through the pregnancy and after the birth.",
        ("Ask the GP to review her medication", PlanOwner.PARENT, ""),
        ("Refer to the perinatal mental health team", PlanOwner.MIDWIFE, ""),
    ),
    (
        "Get money and housing sorted before the birth.",
        ("Help with a Healthy Start application", PlanOwner.MIDWIFE, ""),
        ("Benefits and debt advice appointment", PlanOwner.SERVICE, "Welfare rights advice"),
    ),
    (
        "Build a circle of support nearby.",
        ("Introduce the local baby and parent group", PlanOwner.HEALTH_VISITOR, ""),
        ("Contact the early help family support team", PlanOwner.SERVICE, "Early help"),
    ),
)
PARENT_COMMENTS = (
    "It helped to see both of them together and not repeat everything.",
    "I know who to ring now.",
    "Felt listened to.",
    "",
)
PRACTITIONER_COMMENTS = (
    "Good to plan together; the family set the priorities.",
    "Visit ran long, but the plan is clearer for both teams.",
    "",
)


@dataclass(frozen=True)
class ActionPlan:
    action: str
    owner: str
    owner_service: str
    due_date: date
    status: str


@dataclass(frozen=True)
class GoalPlan:
    goal: str
    actions: tuple[ActionPlan, ...]


@dataclass(frozen=True)
class RecordPlan:
    status: str
    completed_at: datetime | None
    completed_by: int | None
    parents_priorities: str
    baby_voice: str
    matrix_summary: str
    triangle: tuple[tuple[str, str, str], ...]  # domain, strengths, concerns
    factors: tuple[tuple[str, str, int], ...]  # quadrant, factor, position
    goals: tuple[GoalPlan, ...]

    def snapshot(self) -> dict:
        """The content of its completed version, as assessments.services.records.snapshot
        writes it."""
        return {
            "parents_priorities": self.parents_priorities,
            "baby_voice": self.baby_voice,
            "matrix_summary": self.matrix_summary,
            "triangle": [
                {"domain": domain, "strengths": strengths, "concerns": concerns}
                for domain, strengths, concerns in sorted(self.triangle)
            ],
            "factors": [
                {"quadrant": quadrant, "factor": factor}
                for quadrant, factor, _ in sorted(self.factors, key=lambda f: (f[0], f[2]))
            ],
            "goals": [
                {
                    "goal": goal.goal,
                    "actions": [
                        {
                            "action": action.action,
                            "owner": action.owner,
                            "owner_service": action.owner_service,
                            "due_date": action.due_date.isoformat(),
                            "status": action.status,
                        }
                        for action in sorted(goal.actions, key=lambda a: a.due_date)
                    ],
                }
                for goal in self.goals
            ],
        }


@dataclass(frozen=True)
class FeedbackPlan:
    respondent: str
    rating: int
    comments: str
    entered_by: int
    entered_at: datetime


def plan_record(
    rng: Random,
    ends_at: datetime,
    today: date,
    writers: tuple[int, int],
    *,
    force: str | None = None,
) -> RecordPlan | None:
    """The record of an attended joint visit; `writers` are the midwife's and the health
    visitor's user ids."""
    start_of_today = datetime.combine(today, time(0), tzinfo=LONDON)
    days_since = (today - ends_at.date()).days
    if force == "draft_record":
        complete = False
    elif force == "action_overdue":
        complete = True
    elif days_since <= RECENT_DAYS:
        if not chance(rng, RECENT_DRAFT):
            return None
        complete = False
    else:
        draw = rng.random()
        if draw >= COMPLETE + DRAFT:
            return None
        complete = draw < COMPLETE
    completed_at = ends_at + timedelta(hours=2 + int(rng.random() * 70))
    if completed_at >= start_of_today:
        complete = False
    visit_day = ends_at.date()
    triangle = tuple(
        (str(domain), pick(rng, STRENGTHS), pick(rng, CONCERNS))
        for domain in _sample(rng, list(TriangleDomain), 2 + int(rng.random() * 3))
    )
    if not complete:
        return RecordPlan(
            VisitRecordStatus.DRAFT,
            None,
            None,
            pick(rng, PRIORITIES) if chance(rng, 0.7) else "",
            "",
            "",
            triangle[:2],
            (),
            (),
        )
    factors = []
    for quadrant in _sample(rng, list(MatrixQuadrant), 3 + int(rng.random() * 2)):
        for position, text in enumerate(_sample(rng, FACTORS[quadrant], 1 + int(rng.random() * 2))):
            factors.append((str(quadrant), text, position))
    goals = []
    for index, (goal, *actions) in enumerate(_sample(rng, GOALS, 1 + int(rng.random() * 2))):
        planned = []
        for number, (action, owner, service) in enumerate(actions[: 1 + int(rng.random() * 2)]):
            due = visit_day + timedelta(days=DUE_DAYS[0] + int(rng.random() * DUE_DAYS[1]))
            overdue_wanted = force == "action_overdue" and index == 0 and number == 0
            if overdue_wanted:
                due = min(due, today - timedelta(days=1))
                status = ActionStatus.NOT_STARTED
            elif due < today:
                status = PAST_DUE_STATUS.draw(rng)
            else:
                status = FUTURE_STATUS.draw(rng)
            planned.append(ActionPlan(action, owner, service, due, status))
        goals.append(GoalPlan(goal, tuple(planned)))
    return RecordPlan(
        VisitRecordStatus.COMPLETE,
        completed_at,
        pick(rng, writers),
        pick(rng, PRIORITIES),
        pick(rng, BABY_VOICES),
        pick(rng, MATRIX_SUMMARIES),
        triangle,
        tuple(factors),
        tuple(goals),
    )


def plan_feedback(
    rng: Random,
    ends_at: datetime,
    today: date,
    writers: tuple[int, int],
    record: RecordPlan | None,
) -> tuple[FeedbackPlan, ...]:
    """Feedback on a joint visit with a completed record: the parent's (entered by one of
    the practitioners) and each practitioner's own, at most once each."""
    if record is None or record.completed_at is None:
        return ()
    start_of_today = datetime.combine(today, time(0), tzinfo=LONDON)
    given = []

    def entered_at() -> datetime:
        return record.completed_at + timedelta(hours=1 + int(rng.random() * 240))

    if chance(rng, PARENT_FEEDBACK):
        given.append(
            FeedbackPlan(
                Respondent.PARENT,
                PARENT_RATING.draw(rng),
                pick(rng, PARENT_COMMENTS),
                pick(rng, writers),
                entered_at(),
            )
        )
    for writer in writers:
        if chance(rng, PRACTITIONER_FEEDBACK):
            given.append(
                FeedbackPlan(
                    Respondent.PRACTITIONER,
                    PRACTITIONER_RATING.draw(rng),
                    pick(rng, PRACTITIONER_COMMENTS),
                    writer,
                    entered_at(),
                )
            )
    return tuple(item for item in given if item.entered_at < start_of_today)


def _sample(rng: Random, items, count: int) -> list:
    """`count` distinct items in a deterministic random order (Random.sample's draws)."""
    return rng.sample(list(items), min(count, len(items)))
