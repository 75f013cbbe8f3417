"""The Whooley and GAD-2 questions and the mental health red flags, recorded with the contact
in one save: all of it, or nothing."""

from django.urls import reverse

from tandem.hubs.models import RedFlagTask, WellbeingCheck
from tandem.hubs.tests.factories import WellbeingCheckFactory
from tandem.hubs.tests.helpers import contact_data
from tandem.records.models import CareContact, ContactOutcome
from tandem.web.tests.conftest import assert_field_error, page_text


def _post(client, personas, **changes):
    client.force_login(personas.midwife)
    url = reverse("web:contact-new", args=[personas.pregnancy.pk])
    return client.post(url, contact_data(personas, **changes))


def test_contact_form_asks_the_whooley_and_gad2_questions_and_red_flags(client, personas):
    client.force_login(personas.midwife)
    page = page_text(client.get(reverse("web:contact-new", args=[personas.pregnancy.pk])))
    assert "have you often been bothered by feeling down, depressed or hopeless?" in page
    assert "having little interest or pleasure in doing things?" in page
    assert "is this something you feel you need or want help with?" in page
    assert "how often have you been bothered by feeling nervous, anxious or on edge?" in page
    assert "not being able to stop or control worrying?" in page
    assert "New thoughts or acts of violent self-harm" in page
    assert "estrangement from the infant" in page
    assert "Recent significant change in mental state or emergence of new symptoms" in page


def test_answers_are_saved_with_the_contact(client, personas):
    response = _post(
        client, personas, feeling_down="yes", wants_help="yes", nervous="2", worrying="3"
    )
    assert response.status_code == 302
    contact = CareContact.objects.get()
    check = contact.wellbeing_check
    assert contact.wellbeing_asked is True
    assert (check.feeling_down, check.little_interest, check.wants_help) == (True, False, True)
    assert check.gad2_score == 5
    assert not check.has_red_flag
    assert not RedFlagTask.objects.exists()


def test_asked_without_the_answers_names_each_missing_answer_and_saves_nothing(client, personas):
    response = _post(client, personas, feeling_down="", nervous="")
    assert response.status_code == 200
    assert_field_error(response, "feeling_down", "Select her answer about feeling down")
    assert_field_error(response, "nervous", "Select how often she has felt nervous or on edge")
    assert not CareContact.objects.exists()


def test_yes_to_a_whooley_question_needs_the_help_question(client, personas):
    response = _post(client, personas, little_interest="yes")
    assert_field_error(response, "wants_help", "Select whether she feels she needs or wants help")
    assert not CareContact.objects.exists()


def test_answers_given_but_asked_no_is_refused(client, personas):
    response = _post(client, personas, wellbeing_asked="no")
    assert_field_error(response, "wellbeing_asked", "select yes, you asked")
    assert not CareContact.objects.exists()


def test_not_asked_saves_the_contact_without_a_check(client, personas):
    response = _post(
        client,
        personas,
        wellbeing_asked="no",
        feeling_down="",
        little_interest="",
        nervous="",
        worrying="",
    )
    assert response.status_code == 302
    contact = CareContact.objects.get()
    assert contact.wellbeing_asked is False
    assert not WellbeingCheck.objects.exists()


def test_red_flag_raises_the_urgent_task_with_the_contact(client, personas):
    response = _post(
        client,
        personas,
        red_flags=["self_harm", "estrangement"],
        red_flag_detail="Synthetic: said she has thought of hurting herself",
    )
    task = RedFlagTask.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("web:red-flag-task", args=[task.pk])
    check = task.wellbeing_check
    assert check.contact == CareContact.objects.get()
    assert (check.red_flag_self_harm, check.red_flag_estrangement) == (True, True)
    assert not check.red_flag_mental_state
    assert task.pregnancy == personas.pregnancy
    assert task.raised_by == personas.midwife
    assert task.is_open


def test_red_flag_noticed_without_the_questions_still_raises_the_task(client, personas):
    _post(
        client,
        personas,
        wellbeing_asked="no",
        feeling_down="",
        little_interest="",
        nervous="",
        worrying="",
        red_flags=["mental_state"],
        red_flag_detail="Synthetic: withdrawn and confused, new since last week",
    )
    task = RedFlagTask.objects.get()
    assert not task.wellbeing_check.questions_asked
    assert CareContact.objects.get().wellbeing_asked is False


def test_bad_contact_with_a_red_flag_saves_neither(client, personas):
    response = _post(
        client,
        personas,
        practitioners=[],
        red_flags=["self_harm"],
        red_flag_detail="Synthetic",
    )
    assert response.status_code == 200
    assert_field_error(response, "practitioners", "Choose who saw her")
    assert not CareContact.objects.exists()
    assert not WellbeingCheck.objects.exists()
    assert not RedFlagTask.objects.exists()


def test_red_flag_without_what_was_noticed_saves_nothing(client, personas):
    response = _post(client, personas, red_flags=["self_harm"])
    assert_field_error(response, "red_flag_detail", "Describe what you noticed")
    assert not CareContact.objects.exists()
    assert not RedFlagTask.objects.exists()


def test_missed_contact_cannot_carry_wellbeing_answers(client, personas):
    response = _post(client, personas, outcome=ContactOutcome.DID_NOT_ATTEND)
    assert_field_error(
        response,
        "wellbeing_asked",
        "You can only ask about her emotional wellbeing at a contact that took place",
    )
    assert not CareContact.objects.exists()


def test_changing_a_contact_keeps_it_consistent_with_its_answers(client, personas, contact):
    WellbeingCheckFactory(contact=contact)
    client.force_login(personas.midwife)
    url = reverse("web:contact-edit", args=[contact.pk])
    data = contact_data(personas, wellbeing_asked="no", version=str(contact.version))
    response = client.post(url, data)
    assert_field_error(response, "wellbeing_asked", "select yes")
    response = client.post(url, {**data, "outcome": ContactOutcome.DID_NOT_ATTEND})
    assert_field_error(response, "outcome", "so it took place")
    contact.refresh_from_db()
    assert (contact.wellbeing_asked, contact.version) == (True, 1)
    assert client.post(url, {**data, "wellbeing_asked": "yes", "notes": "Seen"}).status_code == 302
    contact.refresh_from_db()
    assert contact.notes == "Seen"
