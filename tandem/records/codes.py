"""Coded values from the NHS Data Dictionary and MSDS v2 used by the records."""

from django.db import models


class EthnicCategory(models.TextChoices):
    """NHS ETHNIC CATEGORY (2001 Census based). 'Not stated' and 'Not known' differ: Z means
    the woman was asked and declined, 99 means she was not asked or it is not known."""

    WHITE_BRITISH = "A", "White: British"
    WHITE_IRISH = "B", "White: Irish"
    WHITE_OTHER = "C", "White: Any other White background"
    MIXED_WHITE_BLACK_CARIBBEAN = "D", "Mixed: White and Black Caribbean"
    MIXED_WHITE_BLACK_AFRICAN = "E", "Mixed: White and Black African"
    MIXED_WHITE_ASIAN = "F", "Mixed: White and Asian"
    MIXED_OTHER = "G", "Mixed: Any other mixed background"
    ASIAN_INDIAN = "H", "Asian or Asian British: Indian"
    ASIAN_PAKISTANI = "J", "Asian or Asian British: Pakistani"
    ASIAN_BANGLADESHI = "K", "Asian or Asian British: Bangladeshi"
    ASIAN_OTHER = "L", "Asian or Asian British: Any other Asian background"
    BLACK_CARIBBEAN = "M", "Black or Black British: Caribbean"
    BLACK_AFRICAN = "N", "Black or Black British: African"
    BLACK_OTHER = "P", "Black or Black British: Any other Black background"
    CHINESE = "R", "Other ethnic groups: Chinese"
    OTHER = "S", "Other ethnic groups: Any other ethnic group"
    NOT_STATED = "Z", "Not stated (asked but declined to give)"
    NOT_KNOWN = "99", "Not known (not asked)"


class EthnicGroup(models.TextChoices):
    """The reporting groups NHS maternity statistics use, plus the three unknown kinds."""

    WHITE = "White", "White"
    MIXED = "Mixed", "Mixed"
    ASIAN = "Asian or Asian British", "Asian or Asian British"
    BLACK = "Black or Black British", "Black or Black British"
    OTHER = "Any other ethnic group", "Any other ethnic group"
    NOT_STATED = "Not Stated", "Not stated"
    NOT_KNOWN = "Not known", "Not known"
    MISSING = "Missing", "Missing value"


_GROUP_OF_CODE = {
    **dict.fromkeys("ABC", EthnicGroup.WHITE),
    **dict.fromkeys("DEFG", EthnicGroup.MIXED),
    **dict.fromkeys("HJKL", EthnicGroup.ASIAN),
    **dict.fromkeys("MNP", EthnicGroup.BLACK),
    **dict.fromkeys("RS", EthnicGroup.OTHER),
    "Z": EthnicGroup.NOT_STATED,
    "99": EthnicGroup.NOT_KNOWN,
}


def ethnic_group(code: str | None) -> EthnicGroup:
    return _GROUP_OF_CODE.get(code or "", EthnicGroup.MISSING)


class Language(models.TextChoices):
    """Main spoken language (ISO 639-1), the languages most often needed in Greater
    Manchester maternity services first; 'other' with the name in the notes."""

    ENGLISH = "en", "English"
    ARABIC = "ar", "Arabic"
    BENGALI = "bn", "Bengali"
    CHINESE = "zh", "Chinese (Mandarin or Cantonese)"
    FARSI = "fa", "Farsi (Persian)"
    FRENCH = "fr", "French"
    GUJARATI = "gu", "Gujarati"
    KURDISH = "ku", "Kurdish"
    LITHUANIAN = "lt", "Lithuanian"
    PASHTO = "ps", "Pashto"
    POLISH = "pl", "Polish"
    PORTUGUESE = "pt", "Portuguese"
    PUNJABI = "pa", "Punjabi"
    ROMANIAN = "ro", "Romanian"
    SOMALI = "so", "Somali"
    SPANISH = "es", "Spanish"
    TIGRINYA = "ti", "Tigrinya"
    UKRAINIAN = "uk", "Ukrainian"
    URDU = "ur", "Urdu"
    BSL = "sgn", "British Sign Language"
    OTHER = "other", "Another language"


class SmokingStatus(models.TextChoices):
    SMOKER = "smoker", "Smoker"
    NON_SMOKER = "non_smoker", "Non-smoker"
    EX_SMOKER = "ex_smoker", "Ex-smoker"


def ethnic_group_codes() -> dict[EthnicGroup, tuple[str, ...]]:
    """The ethnic category codes of each reporting group (Missing has none: it is the rest)."""
    codes: dict[EthnicGroup, list[str]] = {}
    for code, group in _GROUP_OF_CODE.items():
        codes.setdefault(group, []).append(code)
    return {group: tuple(group_codes) for group, group_codes in codes.items()}
