"""One booked pregnancy's way through the Enhanced Maternity Pathway: screen, referral and
review, visits, and what the visits record.

The demo midwife's own families are the showcase: they are referred more often (half of
them), and the first of them whose stage fits a state a worklist or queue shows (SHOWCASE)
is referred and steered into it, so every demo sign-in finds something to do on her home
page. Everyone
else follows the invented rates of screening.py, referrals.py, visits.py and
visit_records.py.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from random import Random

from tandem.assessments.models import ActionStatus, VisitRecordStatus
from tandem.demo.accounts import DemoAccounts
from tandem.demo.calendars import Diary
from tandem.demo.contacts import CareTeam
from tandem.demo.lmns import STOCKPORT
from tandem.demo.organisations import ProviderStaff
from tandem.demo.pregnancies import PregnancyStory
from tandem.demo.referrals import ReferralPlan, choose_reviewer, plan_referral
from tandem.demo.screening import Screener, ScreenPlan
from tandem.demo.visits import VisitPlan, VisitTeam, plan_visits
from tandem.pathway.models import ReferralStatus, ReviewOutcome
from tandem.records.models import PregnancyStatus
from tandem.scheduling.models import VisitStatus

SHOWCASE_REFERRAL_RATE = 0.5
JOINT, CONTACT = ReviewOutcome.JOINT_VISIT, ReviewOutcome.HEALTH_VISITOR_28_WEEK


@dataclass(frozen=True)
class Showcase:
    """A state to show: the gestation today (days) and days since booking it needs, and
    how the referral and its visit are steered."""

    gestation: tuple[int, int]
    booked_days_ago: tuple[int, int]
    referral: str
    visit: str | None = None


SHOWCASE = {
    "overdue_review": Showcase((0, 300), (8, 40), "awaiting"),
    "question_open": Showcase((0, 300), (6, 30), "question_open"),
    "joint_not_booked": Showcase((133, 175), (14, 400), JOINT, "not_booked"),
    "contact_28_week_due": Showcase((182, 217), (14, 400), CONTACT, "not_booked"),
    "out_of_window": Showcase((105, 181), (14, 400), JOINT, "out_of_window"),
    "not_recorded": Showcase((146, 201), (14, 400), JOINT, "not_recorded"),
    "draft_record": Showcase((146, 200), (14, 400), JOINT, "draft_record"),
    "action_overdue": Showcase((165, 265), (14, 400), JOINT, "action_overdue"),
}


@dataclass(frozen=True)
class PathwayPlan:
    screen: ScreenPlan
    screened_by: int
    referral: ReferralPlan | None
    visits: list[VisitPlan]


class PathwayPlanner:
    def __init__(
        self,
        rng: Random,
        screener: Screener,
        diary: Diary,
        accounts: DemoAccounts,
        providers: list[ProviderStaff],
        today: date,
    ) -> None:
        self.rng = rng
        self.screener = screener
        self.diary = diary
        self.accounts = accounts
        self.today = today
        users = accounts.user_of_practitioner
        self.reviewers = {
            staff.organisation_id: [users[p] for p in staff.safeguarding if p in users]
            for staff in providers
        }
        self.administrators = {
            staff.organisation_id: tuple(users[p] for p in staff.administrators if p in users)
            for staff in providers
        }
        self.demo_reviewer = users.get(accounts.demo_reviewer)
        self.wanted = list(SHOWCASE)
        self.shown: list[str] = []

    def plan(
        self,
        story: PregnancyStory,
        provider: ProviderStaff,
        care: CareTeam,
        booking_at: datetime,
    ) -> PathwayPlan | None:
        users = self.accounts.user_of_practitioner
        screened_by = users.get(care.named_midwife)
        if screened_by is None:
            return None
        showcase = (
            care.named_midwife == self.accounts.demo_midwife
            and story.status == PregnancyStatus.ACTIVE
        )
        scenario = self._scenario(story) if showcase else None
        rate = 1.0 if scenario else SHOWCASE_REFERRAL_RATE if showcase else None
        screen = self.screener.screen(self.rng, story, booking_at=booking_at, rate=rate)
        if not screen.referred:
            return PathwayPlan(screen, screened_by, None, [])
        steer = SHOWCASE[scenario] if scenario else None
        demo_reviewer = self.demo_reviewer if provider.spec is STOCKPORT else None
        referral = plan_referral(
            self.rng,
            story,
            referred_at=screen.screened_at,
            reason=screen.reason,
            referred_by=screened_by,
            reviewer=choose_reviewer(
                self.rng, demo_reviewer, self.reviewers[provider.organisation_id]
            ),
            today=self.today,
            force=steer.referral if steer else None,
        )
        visits: list[VisitPlan] = []
        visitor_user = users.get(care.health_visitor) if care.health_visitor else None
        if visitor_user is not None:
            team = VisitTeam(
                care.named_midwife,
                care.health_visitor,
                screened_by,
                visitor_user,
                self.administrators[provider.organisation_id],
            )
            visits = plan_visits(
                self.rng,
                referral,
                story,
                team,
                self.diary,
                today=self.today,
                force=steer.visit if steer else None,
            )
        if scenario and shows(scenario, referral, visits, self.today):
            self.wanted.remove(scenario)
            self.shown.append(scenario)
        return PathwayPlan(screen, screened_by, referral, visits)

    def _scenario(self, story: PregnancyStory) -> str | None:
        gestation = 280 - (story.edd - self.today).days
        booked_days_ago = (self.today - story.booking_date).days
        for name in self.wanted:
            wanted = SHOWCASE[name]
            low, high = wanted.gestation
            earliest, latest = wanted.booked_days_ago
            if low <= gestation <= high and earliest <= booked_days_ago <= latest:
                return name
        return None


def shows(scenario: str, referral: ReferralPlan, visits: list[VisitPlan], today: date) -> bool:
    """Whether the planned referral and visits are in the state the scenario shows."""
    decided = referral.status == ReferralStatus.DECIDED
    live = [visit for visit in visits if visit.status != VisitStatus.CANCELLED]
    records = [visit.record for visit in live if visit.record is not None]
    if scenario == "overdue_review":
        return referral.status == ReferralStatus.AWAITING_REVIEW
    if scenario == "question_open":
        return referral.status == ReferralStatus.MORE_INFORMATION_NEEDED
    if scenario == "joint_not_booked":
        return decided and referral.current_outcome == JOINT and not live
    if scenario == "contact_28_week_due":
        return decided and referral.current_outcome == CONTACT and not live
    if scenario == "out_of_window":
        return any(v.outside_window_reason and v.status == VisitStatus.BOOKED for v in live)
    if scenario == "not_recorded":
        return any(
            v.status == VisitStatus.BOOKED and v.ends_at.date() < today - timedelta(days=2)
            for v in live
        )
    if scenario == "draft_record":
        return any(record.status == VisitRecordStatus.DRAFT for record in records)
    return any(
        action.due_date < today
        and action.status in (ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS)
        for record in records
        if record.status == VisitRecordStatus.COMPLETE
        for goal in record.goals
        for action in goal.actions
    )
