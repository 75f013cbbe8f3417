"""Drafts of the visit record save at any time, partial or not, by either practitioner."""

import pytest
from django.core.exceptions import ValidationError

from tandem.assessments.models import MatrixFactor, TriangleEntry, VisitRecord, VisitRecordStatus
from tandem.assessments.services import records
from tandem.core.models import AuditAction, AuditEvent


def test_draft_first_save_creates_the_record(personas, visit):
    record = records.save_priorities(
        by=personas.midwife,
        visit=visit,
        expected_version=0,
        parents_priorities="  Synthetic: feel confident feeding  ",
        baby_voice="",
    )

    assert record.status == VisitRecordStatus.DRAFT
    assert record.parents_priorities == "Synthetic: feel confident feeding"
    assert record.version == 1
    event = AuditEvent.objects.get(object_type="visit_record")
    assert (event.action, event.person_id) == (AuditAction.CREATE, personas.woman.pk)


def test_draft_both_practitioners_contribute(personas, visit):
    record = records.save_triangle_side(
        by=personas.midwife,
        visit=visit,
        expected_version=0,
        side="how-i-grow",
        entries={"grow_healthy": {"strengths": "Synthetic: eats well", "concerns": ""}},
    )
    record = records.save_triangle_side(
        by=personas.health_visitor,
        visit=visit,
        expected_version=record.version,
        side="my-wider-world",
        entries={"world_housing": {"strengths": "", "concerns": "Synthetic: damp flat"}},
    )

    assert record.version == 2
    entries = TriangleEntry.objects.filter(record=record).order_by("domain")
    assert [(e.domain, e.strengths, e.concerns) for e in entries] == [
        ("grow_healthy", "Synthetic: eats well", ""),
        ("world_housing", "", "Synthetic: damp flat"),
    ]
    users = {h.history_user for h in VisitRecord.history.filter(id=record.pk)}
    assert users == {personas.midwife, personas.health_visitor}


def test_draft_clearing_a_domain_removes_its_entry(personas, visit):
    entries = {"grow_healthy": {"strengths": "Synthetic", "concerns": ""}}
    record = records.save_triangle_side(
        by=personas.midwife, visit=visit, expected_version=0, side="how-i-grow", entries=entries
    )
    records.save_triangle_side(
        by=personas.midwife,
        visit=visit,
        expected_version=record.version,
        side="how-i-grow",
        entries={"grow_healthy": {"strengths": " ", "concerns": ""}},
    )

    assert not TriangleEntry.objects.exists()
    deletion = TriangleEntry.history.get(history_type="-")
    assert deletion.history_user == personas.midwife


def test_draft_triangle_refuses_a_domain_of_another_side(personas, visit):
    with pytest.raises(ValueError):
        records.save_triangle_side(
            by=personas.midwife,
            visit=visit,
            expected_version=0,
            side="how-i-grow",
            entries={"world_housing": {"strengths": "x", "concerns": ""}},
        )


def test_draft_matrix_places_factors_in_quadrants_in_order(personas, visit):
    record = records.save_matrix(
        by=personas.health_visitor,
        visit=visit,
        expected_version=0,
        factors={
            "resilience_protective": ["Synthetic: close to her sister", "Synthetic: keen"],
            "vulnerability_adversity": ["Synthetic: debt"],
        },
        summary="Synthetic: strong family, money worries",
    )
    records.save_matrix(
        by=personas.midwife,
        visit=visit,
        expected_version=record.version,
        factors={"resilience_protective": ["Synthetic: keen"]},
        summary="Synthetic: strong family",
    )

    record.refresh_from_db()
    assert record.matrix_summary == "Synthetic: strong family"
    assert list(MatrixFactor.objects.values_list("quadrant", "factor")) == [
        ("resilience_protective", "Synthetic: keen")
    ]


def test_draft_needs_the_visit_to_have_been_attended(personas, booked_visit):
    with pytest.raises(ValidationError) as error:
        records.save_priorities(
            by=personas.midwife,
            visit=booked_visit,
            expected_version=0,
            parents_priorities="Synthetic",
            baby_voice="",
        )

    assert "attended" in error.value.messages[0]
    assert not VisitRecord.objects.exists()


def test_draft_text_that_is_too_long_is_refused_naming_the_field(personas, visit):
    with pytest.raises(ValidationError) as error:
        records.save_triangle_side(
            by=personas.midwife,
            visit=visit,
            expected_version=0,
            side="what-i-need",
            entries={"care_safe": {"strengths": "x" * 5001, "concerns": ""}},
        )

    assert error.value.message_dict == {
        "care_safe_strengths": [
            "The strengths of Keeping me safe must be 5,000 characters or fewer"
        ]
    }
    assert not VisitRecord.objects.exists()
