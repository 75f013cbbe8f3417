"""Every write to a woman's record, and every audited read, goes through these functions.

Each write takes an explicit actor (`by=`), validates everything before saving anything,
runs in one transaction with its audit event, and keeps the previous version (history).
Edits name the version the editor started from; a stale edit raises EditConflictError.
"""

from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from tandem.core import nhs_number
from tandem.core.audit import conflicts_audited, record_event
from tandem.core.concurrency import claim_version
from tandem.core.gestation import Gestation, date_at_gestation
from tandem.core.history import save_with_history
from tandem.core.models import AuditAction
from tandem.outcomes.derivation import derive_labour
from tandem.records.models import (
    AreaLsoa,
    CareContact,
    CarePlanRecord,
    EddMethod,
    Lsoa,
    Organisation,
    OrganisationKind,
    Postcode,
    Practitioner,
    Pregnancy,
    PregnancyStatus,
    TeamKind,
    Woman,
)
from tandem.records.reference import normalise_postcode
from tandem.records.validation import (
    Errors,
    check_contact,
    check_named_midwife,
    check_pregnancy_dates,
    check_previous_births,
    check_smoking_status,
    check_woman,
)

WOMAN_FIELDS = (
    "nhs_number",
    "given_name",
    "family_name",
    "date_of_birth",
    "postcode",
    "ethnic_category",
    "main_language",
    "interpreter_needed",
    "accessibility_needs",
)
PREGNANCY_FIELDS = (
    "lmp",
    "edd_scan",
    "booking_date",
    "previous_live_births",
    "previous_stillbirths",
    "previous_caesareans",
    "smoking_status_booking",
    "named_midwife",
    "team",
    "area",
    "status",
    "ended_on",
)
CONTACT_FIELDS = ("starts_at", "contact_type", "outcome", "wellbeing_asked", "notes")


@dataclass(frozen=True)
class Deprivation:
    lsoa_code: str
    imd_decile: int | None


def locate_postcode(postcode: str) -> Deprivation:
    """Postcode -> 2011 LSOA -> IMD 2019 decile; empty when the postcode is not known."""
    match = Postcode.objects.filter(postcode=normalise_postcode(postcode)).first()
    if match is None:
        return Deprivation(lsoa_code="", imd_decile=None)
    decile = Lsoa.objects.filter(code=match.lsoa11_code).values_list("imd_decile", flat=True)
    return Deprivation(lsoa_code=match.lsoa11_code, imd_decile=decile.first())


def _changed(instance, new_values: dict) -> dict:
    """Field name -> [old, new] for the fields this edit changes (for the audit trail)."""
    changes = {}
    for field, value in new_values.items():
        old = getattr(instance, field)
        if old != value:
            changes[field] = [_audit_value(old), _audit_value(value)]
    return changes


def _audit_value(value):
    if hasattr(value, "pk"):
        return value.pk
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


def _reject_unknown(given: dict, allowed: tuple[str, ...]) -> None:
    unknown = set(given) - set(allowed)
    if unknown:
        raise TypeError(f"Unknown fields: {sorted(unknown)}")


def _apply_edit(
    instance,
    values: dict,
    *,
    by,
    expected_version: int,
    object_type: str,
    person_id: int,
    also_changed: dict | None = None,
) -> None:
    """Claim the next version, save the validated values with history, audit the change."""
    claim_version(instance, expected_version)
    changes = _changed(instance, values) | (also_changed or {})
    for field, value in values.items():
        setattr(instance, field, value)
    save_with_history(instance, by=by)
    record_event(
        by=by,
        action=AuditAction.CHANGE,
        object_type=object_type,
        object_id=instance.pk,
        person_id=person_id,
        detail={"changes": changes},
    )


# --- Women ------------------------------------------------------------------------------


def _validated_woman_values(
    values: dict, *, exclude_pk: int | None = None, previous_date_of_birth: date | None = None
) -> dict:
    values = dict(values)
    values["nhs_number"] = nhs_number.normalise(values.get("nhs_number") or "")
    values["postcode"] = normalise_postcode(values.get("postcode") or "")
    values["given_name"] = (values.get("given_name") or "").strip()
    values["family_name"] = (values.get("family_name") or "").strip()
    # Never recorded is stored as "", whether the caller left it out or sent None.
    values["ethnic_category"] = values.get("ethnic_category") or ""
    values.setdefault("main_language", "en")
    errors = Errors()
    check_woman(
        errors,
        nhs_number_value=values["nhs_number"],
        given_name=values["given_name"],
        family_name=values["family_name"],
        date_of_birth=values.get("date_of_birth"),
        postcode=values["postcode"],
        ethnic_category=values["ethnic_category"],
        main_language=values["main_language"],
        today=timezone.localdate(),
        check_age=exclude_pk is None or values.get("date_of_birth") != previous_date_of_birth,
    )
    if "nhs_number" not in errors:
        duplicate = Woman.objects.filter(nhs_number=values["nhs_number"])
        if exclude_pk is not None:
            duplicate = duplicate.exclude(pk=exclude_pk)
        if duplicate.exists():
            errors.add("nhs_number", "A woman with this NHS number is already registered")
    errors.raise_if_any()
    place = locate_postcode(values["postcode"])
    values["lsoa_code"] = place.lsoa_code
    values["imd_decile"] = place.imd_decile
    return values


@transaction.atomic
def register_woman(*, by, **details) -> Woman:
    _reject_unknown(details, WOMAN_FIELDS)
    values = _validated_woman_values(details)
    woman = Woman(**values)
    try:
        with transaction.atomic():
            save_with_history(woman, by=by)
    except IntegrityError:
        # Someone registered the same NHS number between our check and our save.
        raise ValidationError(
            {"nhs_number": "A woman with this NHS number is already registered"}
        ) from None
    record_event(
        by=by,
        action=AuditAction.CREATE,
        object_type="woman",
        object_id=woman.pk,
        person_id=woman.pk,
    )
    return woman


def update_woman(*, by, woman: Woman, expected_version: int, **changes) -> Woman:
    with conflicts_audited(
        by=by,
        object_type="woman",
        object_id=woman.pk,
        person_id=woman.pk,
        expected_version=expected_version,
    ):
        return _update_woman(by=by, woman=woman, expected_version=expected_version, **changes)


@transaction.atomic
def _update_woman(*, by, woman: Woman, expected_version: int, **changes) -> Woman:
    _reject_unknown(changes, WOMAN_FIELDS)
    current = {field: getattr(woman, field) for field in WOMAN_FIELDS}
    values = _validated_woman_values(
        {**current, **changes}, exclude_pk=woman.pk, previous_date_of_birth=woman.date_of_birth
    )
    _apply_edit(
        woman,
        values,
        by=by,
        expected_version=expected_version,
        object_type="woman",
        person_id=woman.pk,
    )
    return woman


# --- Pregnancies --------------------------------------------------------------------------


def _area_for(woman: Woman, provider: Organisation):
    if not woman.lsoa_code:
        return None
    link = (
        AreaLsoa.objects.select_related("area")
        .filter(lsoa_code=woman.lsoa_code, area__organisation=provider)
        .first()
    )
    return link.area if link else None


def _validated_pregnancy_values(woman: Woman, provider: Organisation, values: dict) -> dict:
    values = dict(values)
    values.setdefault("status", PregnancyStatus.ACTIVE)
    values.setdefault("smoking_status_booking", "")
    errors = Errors()
    if provider is None or provider.kind != OrganisationKind.MATERNITY_PROVIDER:
        errors.add("provider", "Choose the maternity provider caring for her")
    if values["status"] not in PregnancyStatus.values:
        errors.add("status", "Choose the status of the pregnancy")
    edd = check_pregnancy_dates(
        errors,
        lmp=values.get("lmp"),
        edd_scan=values.get("edd_scan"),
        booking_date=values.get("booking_date"),
        status=values["status"],
        ended_on=values.get("ended_on"),
        today=timezone.localdate(),
    )
    check_previous_births(
        errors,
        live=values.get("previous_live_births"),
        still=values.get("previous_stillbirths"),
        caesareans=values.get("previous_caesareans"),
    )
    check_smoking_status(errors, "smoking_status_booking", values["smoking_status_booking"])
    check_named_midwife(errors, values.get("named_midwife"))
    team, area = values.get("team"), values.get("area")
    if team is not None and provider is not None and team.organisation_id != provider.pk:
        errors.add("team", f"{team} is not a team of {provider.name}")
    if area is not None and provider is not None and area.organisation_id != provider.pk:
        errors.add("area", f"{area} is not an area of {provider.name}")
    errors.raise_if_any()
    values["edd"] = edd
    values["edd_method"] = EddMethod.SCAN if values.get("edd_scan") else EddMethod.LMP
    if area is None:
        values["area"] = _area_for(woman, provider)
    return values


@transaction.atomic
def book_pregnancy(*, by, woman: Woman, provider: Organisation, **details) -> Pregnancy:
    _reject_unknown(details, PREGNANCY_FIELDS)
    if woman.pregnancies.filter(status=PregnancyStatus.ACTIVE).exists():
        raise ValidationError(
            {"lmp": "She already has an active pregnancy: update that one instead"}
        )
    values = _validated_pregnancy_values(woman, provider, details)
    pregnancy = Pregnancy(woman=woman, provider=provider, **values)
    save_with_history(pregnancy, by=by)
    record_event(
        by=by,
        action=AuditAction.CREATE,
        object_type="pregnancy",
        object_id=pregnancy.pk,
        person_id=woman.pk,
    )
    return pregnancy


@transaction.atomic
def register_and_book(*, by, woman_details: dict, provider: Organisation, **details):
    """A new woman and her pregnancy together: both are saved, or neither."""
    errors: dict[str, list[str]] = {}
    woman = None
    try:
        woman = register_woman(by=by, **woman_details)
    except ValidationError as error:
        errors.update(error.message_dict)
    if woman is None:
        # Check the pregnancy too so the form shows every problem at once.
        probe = Woman(lsoa_code="")
        try:
            _validated_pregnancy_values(probe, provider, details)
        except ValidationError as error:
            errors.update(error.message_dict)
        raise ValidationError(errors)
    return woman, book_pregnancy(by=by, woman=woman, provider=provider, **details)


def update_pregnancy(*, by, pregnancy: Pregnancy, expected_version: int, **changes):
    with conflicts_audited(
        by=by,
        object_type="pregnancy",
        object_id=pregnancy.pk,
        person_id=pregnancy.woman_id,
        expected_version=expected_version,
    ):
        return _update_pregnancy(
            by=by, pregnancy=pregnancy, expected_version=expected_version, **changes
        )


@transaction.atomic
def _update_pregnancy(*, by, pregnancy: Pregnancy, expected_version: int, **changes):
    _reject_unknown(changes, PREGNANCY_FIELDS)
    current = {field: getattr(pregnancy, field) for field in PREGNANCY_FIELDS}
    values = _validated_pregnancy_values(
        pregnancy.woman, pregnancy.provider, {**current, **changes}
    )
    _apply_edit(
        pregnancy,
        values,
        by=by,
        expected_version=expected_version,
        object_type="pregnancy",
        person_id=pregnancy.woman_id,
    )
    if hasattr(pregnancy, "labour_delivery"):  # previous births decide its Robson group
        derive_labour(pregnancy.labour_delivery)
    return pregnancy


@transaction.atomic
def set_current_carers(
    *,
    by,
    pregnancy: Pregnancy,
    named_midwife: Practitioner | None,
    team,
    expected_version: int,
    reason: str,
) -> Pregnancy:
    """Change only her named midwife and team (the summary continuity of carer keeps in
    step with its assignments): checked, versioned, with history and audit. Call inside
    the caller's transaction so both change together or neither does."""
    errors = Errors()
    check_named_midwife(errors, named_midwife)
    if team is not None and team.organisation_id != pregnancy.provider_id:
        errors.add("team", f"{team} is not a team of {pregnancy.provider.name}")
    errors.raise_if_any()
    claim_version(pregnancy, expected_version)
    changes = _changed(pregnancy, {"named_midwife": named_midwife, "team": team})
    pregnancy.named_midwife, pregnancy.team = named_midwife, team
    save_with_history(pregnancy, by=by, reason=reason)
    record_event(
        by=by,
        action=AuditAction.CHANGE,
        object_type="pregnancy",
        object_id=pregnancy.pk,
        person_id=pregnancy.woman_id,
        detail={"changes": changes, "reason": reason},
    )
    return pregnancy


# --- Care contacts ------------------------------------------------------------------------


def _check_contact_values(pregnancy: Pregnancy, values: dict, practitioners) -> None:
    errors = Errors()
    check_contact(
        errors,
        starts_at=values.get("starts_at"),
        contact_type=values.get("contact_type", ""),
        outcome=values.get("outcome", ""),
        practitioner_count=len(practitioners),
        pregnancy_began=date_at_gestation(pregnancy.edd, Gestation(0)),
        now=timezone.now(),
    )
    errors.raise_if_any()


@transaction.atomic
def record_contact(
    *, by, pregnancy: Pregnancy, practitioners: list[Practitioner], **details
) -> CareContact:
    _reject_unknown(details, CONTACT_FIELDS)
    _check_contact_values(pregnancy, details, practitioners)
    contact = CareContact(pregnancy=pregnancy, **details)
    save_with_history(contact, by=by)
    contact.practitioners.set(practitioners)
    record_event(
        by=by,
        action=AuditAction.CREATE,
        object_type="care_contact",
        object_id=contact.pk,
        person_id=pregnancy.woman_id,
    )
    return contact


def update_contact(
    *,
    by,
    contact: CareContact,
    expected_version: int,
    practitioners: list[Practitioner] | None = None,
    **changes,
) -> CareContact:
    with conflicts_audited(
        by=by,
        object_type="care_contact",
        object_id=contact.pk,
        person_id=contact.pregnancy.woman_id,
        expected_version=expected_version,
    ):
        return _update_contact(
            by=by,
            contact=contact,
            expected_version=expected_version,
            practitioners=practitioners,
            **changes,
        )


@transaction.atomic
def _update_contact(
    *,
    by,
    contact: CareContact,
    expected_version: int,
    practitioners: list[Practitioner] | None,
    **changes,
) -> CareContact:
    _reject_unknown(changes, CONTACT_FIELDS)
    values = {field: getattr(contact, field) for field in CONTACT_FIELDS} | changes
    chosen = list(practitioners if practitioners is not None else contact.practitioners.all())
    _check_contact_values(contact.pregnancy, values, chosen)
    who_changed = {}
    if practitioners is not None:
        before = sorted(contact.practitioners.values_list("pk", flat=True))
        after = sorted(practitioner.pk for practitioner in practitioners)
        if before != after:
            who_changed["practitioners"] = [before, after]
    _apply_edit(
        contact,
        values,
        by=by,
        expected_version=expected_version,
        object_type="care_contact",
        person_id=contact.pregnancy.woman_id,
        also_changed=who_changed,
    )
    if practitioners is not None:
        contact.practitioners.set(practitioners)
    return contact


# --- Audited reads ------------------------------------------------------------------------


def record_viewed(*, by, woman: Woman, what: str = "woman", object_id=None) -> None:
    record_event(
        by=by,
        action=AuditAction.VIEW,
        object_type=what,
        object_id=object_id if object_id is not None else woman.pk,
        person_id=woman.pk,
    )


def list_viewed(*, by, what: str, woman_ids: list[int], object_id: str = "") -> None:
    """She was shown a list naming these women (a home page, a worklist): one event."""
    record_event(
        by=by,
        action=AuditAction.VIEW,
        object_type=what,
        object_id=object_id,
        detail={"women": woman_ids},
    )


def search_women(*, by, women: QuerySet[Woman], query: str, limit: int = 50) -> list[Woman]:
    """Search among the women the user may see, by NHS number or by name (every word must
    match her given or family name).

    The search is audited with its terms and the women it returned, in one event.
    """
    query = (query or "").strip()
    if not query:
        return []
    digits = nhs_number.normalise(query)
    if digits.isdigit() and len(digits) == 10:
        matches = women.filter(nhs_number=digits)
    else:
        condition = Q()
        for term in query.split():
            condition &= Q(given_name__icontains=term) | Q(family_name__icontains=term)
        matches = women.filter(condition)
    results = list(matches.order_by("family_name", "given_name", "pk")[:limit])
    record_event(
        by=by,
        action=AuditAction.SEARCH,
        object_type="woman",
        detail={"query": query, "results": [woman.pk for woman in results]},
    )
    return results


# --- Care plans ---------------------------------------------------------------------------


@transaction.atomic
def record_care_plan_agreed(
    *, by, pregnancy: Pregnancy, care_plan_type: str, agreed_on: date
) -> CarePlanRecord:
    """That a personalised care plan of this MSDS type was agreed with her (MSD102), unless
    one is already recorded: the plan's content lives in tandem.careplans."""
    existing = CarePlanRecord.objects.filter(
        pregnancy=pregnancy, care_plan_type=care_plan_type, personalised=True
    ).first()
    if existing is not None:
        return existing
    try:
        practitioner = by.practitioner
    except Practitioner.DoesNotExist:
        practitioner = None
    team = pregnancy.team
    record = CarePlanRecord(
        pregnancy=pregnancy,
        care_plan_type=care_plan_type,
        care_plan_date=agreed_on,
        personalised=True,
        continuity_pathway=team is not None and team.kind == TeamKind.CONTINUITY,
        recorded_by=practitioner,
    )
    save_with_history(record, by=by)
    record_event(
        by=by,
        action=AuditAction.CREATE,
        object_type="care_plan_record",
        object_id=record.pk,
        person_id=pregnancy.woman_id,
        detail={"care_plan_type": care_plan_type},
    )
    return record
