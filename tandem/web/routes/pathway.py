"""Pages of the pathway slice of the Enhanced Maternity Pathway, and their menu entries."""

from django.urls import path

from tandem.core.roles import Permission
from tandem.web.presenters.navigation import NavItem
from tandem.web.views import pathway, pathway_review

urlpatterns: list = [
    path("pregnancies/<int:pk>/pathway-screen/", pathway.screen_new, name="pathway-screen"),
    path("pathway/screens/<int:pk>/", pathway.screen_result, name="pathway-screen-result"),
    path("pathway/referrals/", pathway_review.queue, name="pathway-queue"),
    path("pathway/referrals/<int:pk>/", pathway_review.referral, name="pathway-referral"),
    path("pathway/referrals/<int:pk>/decide/", pathway_review.decide, name="pathway-decide"),
    path(
        "pathway/referrals/<int:pk>/change-decision/",
        pathway_review.revise,
        name="pathway-revise",
    ),
    path("pathway/referrals/<int:pk>/answer/", pathway_review.answer, name="pathway-answer"),
    path("pathway/referrals/<int:pk>/withdraw/", pathway_review.withdraw, name="pathway-withdraw"),
    path("pathway/questions/", pathway_review.questions, name="pathway-questions"),
]

# Header menu entries for these pages, shown to those whose role has the permission.
nav_items: tuple[NavItem, ...] = (
    NavItem("Referrals to review", "web:pathway-queue", permission=Permission.REVIEW_REFERRALS),
    NavItem(
        "Safeguarding questions", "web:pathway-questions", permission=Permission.REFER_TO_PATHWAY
    ),
)
