"""Writing the visit record through its pages: drafts, conflicts, completion, amendments."""

from django.urls import reverse

from tandem.assessments.models import TriangleEntry, VisitRecord, VisitRecordStatus
from tandem.assessments.tests.factories import AttendedVisitFactory
from tandem.assessments.tests.helpers import completed_record
from tandem.web.tests.conftest import assert_field_error, page_text


def _visit(personas):
    return AttendedVisitFactory(pregnancy=personas.pregnancy, booked_by=personas.administrator)


def test_editing_triangle_side_saves_a_draft(client, personas):
    visit = _visit(personas)
    client.force_login(personas.midwife)
    url = reverse("web:visit-record-how-i-grow", args=[visit.pk])
    assert "Strengths: Being healthy" in page_text(client.get(url))

    response = client.post(
        url,
        {"version": "0", "grow_healthy_strengths": "Synthetic: walks daily", "grow_school": "x"},
    )

    assert response.status_code == 302
    entry = TriangleEntry.objects.get()
    assert (entry.domain, entry.strengths) == ("grow_healthy", "Synthetic: walks daily")


def test_editing_matrix_one_factor_per_line(client, personas):
    visit = _visit(personas)
    client.force_login(personas.health_visitor)

    client.post(
        reverse("web:visit-record-matrix", args=[visit.pk]),
        {
            "version": "0",
            "vulnerability_adversity": "Synthetic: debt\n\nSynthetic: isolation\n",
            "matrix_summary": "Synthetic summary",
        },
    )

    record = VisitRecord.objects.get()
    assert [f.factor for f in record.factors.all()] == ["Synthetic: debt", "Synthetic: isolation"]
    assert record.matrix_summary == "Synthetic summary"


def test_editing_stale_draft_answers_409_and_keeps_what_she_typed(client, personas):
    visit = _visit(personas)
    url = reverse("web:visit-record-priorities", args=[visit.pk])
    client.force_login(personas.midwife)
    client.post(url, {"version": "0", "parents_priorities": "Synthetic: the midwife's"})
    client.force_login(personas.health_visitor)

    response = client.post(url, {"version": "0", "parents_priorities": "Synthetic: the HV's"})

    assert response.status_code == 409
    body = page_text(response)
    assert "Someone else changed this record" in body
    assert "Synthetic: the HV's" in body
    assert VisitRecord.objects.get().parents_priorities == "Synthetic: the midwife's"


def test_editing_complete_page_lists_what_is_missing(client, personas):
    visit = _visit(personas)
    client.force_login(personas.midwife)
    client.post(
        reverse("web:visit-record-matrix", args=[visit.pk]),
        {"version": "0", "resilience_protective": "Synthetic"},
    )
    url = reverse("web:visit-record-complete", args=[visit.pk])
    assert "Record the parents' priorities" in page_text(client.get(url))

    response = client.post(url, {"version": "1"})

    assert response.status_code == 200
    assert "Agree at least one goal with at least one action" in page_text(response)
    assert VisitRecord.objects.get().status == VisitRecordStatus.DRAFT


def test_editing_complete_locks_the_record(client, personas):
    visit = _visit(personas)
    client.force_login(personas.midwife)
    client.post(
        reverse("web:visit-record-priorities", args=[visit.pk]),
        {"version": "0", "parents_priorities": "Synthetic priorities"},
    )
    client.post(
        reverse("web:visit-record-goal-new", args=[visit.pk]),
        {
            "version": "1",
            "goal": "Synthetic goal",
            "action": "Synthetic action",
            "owner": "parent",
            "due_date_day": "1",
            "due_date_month": "1",
            "due_date_year": "2099",
        },
    )

    response = client.post(reverse("web:visit-record-complete", args=[visit.pk]), {"version": "2"})

    assert response.status_code == 302
    assert VisitRecord.objects.get().status == VisitRecordStatus.COMPLETE


def test_editing_after_completion_needs_a_reason(client, personas):
    visit = _visit(personas)
    record = completed_record(visit, by=personas.midwife)
    client.force_login(personas.health_visitor)
    url = reverse("web:visit-record-priorities", args=[visit.pk])
    assert "Reason for this amendment" in page_text(client.get(url))

    response = client.post(
        url, {"version": str(record.version), "parents_priorities": "Synthetic: changed"}
    )

    assert response.status_code == 200
    assert_field_error(response, "reason", "Give the reason for this amendment")
    record.refresh_from_db()
    assert record.parents_priorities.startswith("Synthetic: a warm, safe home")


def test_editing_amendment_shows_in_the_versions_with_who_when_and_why(client, personas):
    visit = _visit(personas)
    record = completed_record(visit, by=personas.midwife)
    client.force_login(personas.health_visitor)
    client.post(
        reverse("web:visit-record-priorities", args=[visit.pk]),
        {
            "version": str(record.version),
            "parents_priorities": "Synthetic: changed",
            "reason": "Synthetic: the mother corrected us",
        },
    )

    response = client.get(reverse("web:visit-record-versions", args=[visit.pk]))

    body = page_text(response)
    assert "Version 2: amended by Health Visitor Persona" in body
    assert "Version 1: completed by Midwife Persona" in body
    assert "Synthetic: the mother corrected us" in body
    assert "Synthetic: a warm, safe home" in body  # the previous version is still readable


def test_editing_outsider_gets_404_and_nothing_is_saved(client, personas):
    visit = _visit(personas)
    client.force_login(personas.outsider)

    response = client.post(
        reverse("web:visit-record-priorities", args=[visit.pk]),
        {"version": "0", "parents_priorities": "Synthetic"},
    )

    assert response.status_code == 404
    assert not VisitRecord.objects.exists()
