"""The assessment frameworks a joint visit uses, as reference data in code.

The My World Triangle (GIRFEC National Practice Model, 2022 guidance; domain headings as
published by IRISS) and the Risk and Resilience Matrix (Daniel and Wassell), adapted by the
Stockport Enhanced Maternity Pathway. See /docs/visit-record.md and the domain reference,
section 10. Entries are rows keyed by these codes, so the frameworks never become columns.
"""

from dataclasses import dataclass

from django.db import models


class TriangleDomain(models.TextChoices):
    # How I grow and develop
    BEING_HEALTHY = "grow_healthy", "Being healthy"
    LEARNING_AND_ACHIEVING = "grow_learning", "Learning and achieving"
    COMMUNICATING = "grow_communicate", "Being able to communicate"
    CONFIDENCE = "grow_confidence", "Confidence in who I am"
    RESPONSIBLE = "grow_responsible", "Learning to be responsible"
    INDEPENDENT = "grow_independent", "Becoming independent, looking after myself"
    FAMILY_AND_FRIENDS = "grow_family_friends", "Enjoying family and friends"
    # What I need from people who look after me
    EVERYDAY_CARE = "care_everyday", "Everyday care and help"
    KEEPING_SAFE = "care_safe", "Keeping me safe"
    BEING_THERE = "care_there", "Being there for me"
    PLAY = "care_play", "Play, encouragement and fun"
    GUIDANCE = "care_guidance", "Guidance, supporting me to make the right choices"
    KNOWING_WHAT_HAPPENS = "care_knowing", "Knowing what is going to happen and when"
    BACKGROUND_AND_BELIEFS = (
        "care_background",
        "Understanding my family's background and beliefs",
    )
    # My wider world
    SUPPORT = "world_support", "Support from family, friends and other people"
    SCHOOL = "world_school", "School"
    LOCAL_RESOURCES = "world_local", "Local resources"
    WORK = "world_work", "Work opportunities for my family"
    BELONGING = "world_belonging", "Belonging"
    MONEY = "world_money", "Enough money"
    HOUSING = "world_housing", "Comfortable and safe housing"


@dataclass(frozen=True)
class TriangleSide:
    slug: str
    title: str
    domains: tuple[TriangleDomain, ...]


D = TriangleDomain
TRIANGLE_SIDES: tuple[TriangleSide, ...] = (
    TriangleSide(
        "how-i-grow",
        "How I grow and develop",
        (
            D.BEING_HEALTHY,
            D.LEARNING_AND_ACHIEVING,
            D.COMMUNICATING,
            D.CONFIDENCE,
            D.RESPONSIBLE,
            D.INDEPENDENT,
            D.FAMILY_AND_FRIENDS,
        ),
    ),
    TriangleSide(
        "what-i-need",
        "What I need from people who look after me",
        (
            D.EVERYDAY_CARE,
            D.KEEPING_SAFE,
            D.BEING_THERE,
            D.PLAY,
            D.GUIDANCE,
            D.KNOWING_WHAT_HAPPENS,
            D.BACKGROUND_AND_BELIEFS,
        ),
    ),
    TriangleSide(
        "my-wider-world",
        "My wider world",
        (
            D.SUPPORT,
            D.SCHOOL,
            D.LOCAL_RESOURCES,
            D.WORK,
            D.BELONGING,
            D.MONEY,
            D.HOUSING,
        ),
    ),
)
SIDE_BY_SLUG = {side.slug: side for side in TRIANGLE_SIDES}
del D


class MatrixQuadrant(models.TextChoices):
    """The Resilience Matrix: resilience to vulnerability (intrinsic), crossed with a
    protective environment to adversity (extrinsic)."""

    RESILIENCE_PROTECTIVE = "resilience_protective", "Resilience and a protective environment"
    RESILIENCE_ADVERSITY = "resilience_adversity", "Resilience and adversity"
    VULNERABILITY_PROTECTIVE = (
        "vulnerability_protective",
        "Vulnerability and a protective environment",
    )
    VULNERABILITY_ADVERSITY = "vulnerability_adversity", "Vulnerability and adversity"
