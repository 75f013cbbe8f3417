"""Every language's catalogue covers every portal string, each translated (none empty, none
fuzzy), keeps each placeholder, and its compiled .mo is what Django reads."""

import re

import pytest
from django.utils import translation

from tandem.portal.catalogues import (
    PLACEHOLDER,
    po_path,
    read_po,
    source_messages,
    translated_languages,
)

LANGUAGES = translated_languages()


def test_the_portal_is_offered_in_polish_romanian_urdu_and_arabic():
    assert LANGUAGES == ["pl", "ro", "ur", "ar"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_has_every_string_of_the_portal_and_no_other(language):
    _header, entries = read_po(po_path(language))

    assert {entry.msgid for entry in entries} == set(source_messages()), (
        "Run `python manage.py update_catalogues` and translate the new strings"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_has_no_untranslated_or_fuzzy_entry(language):
    _header, entries = read_po(po_path(language))

    assert not [entry.msgid for entry in entries if not entry.msgstr.strip()]
    assert not [entry.msgid for entry in entries if "fuzzy" in entry.flags]


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_every_placeholder(language):
    """A lost or renamed %(date)s would break the page or drop a clinical fact."""
    _header, entries = read_po(po_path(language))
    for entry in entries:
        assert sorted(PLACEHOLDER.findall(entry.msgid)) == sorted(
            PLACEHOLDER.findall(entry.msgstr)
        ), entry.msgid
        assert entry.msgid.count("%s") == entry.msgstr.count("%s"), entry.msgid


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_header_says_it_needs_review_by_fluent_speakers(language):
    header, _entries = read_po(po_path(language))
    text = po_path(language).read_text(encoding="utf-8")

    assert "needs review by fluent speakers" in header
    assert "NOT FOR PRODUCTION USE" in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogue_matches_the_po_file(language):
    """Django reads the .mo: each of its translations is the one in the .po."""
    _header, entries = read_po(po_path(language))
    with translation.override(language):
        read = {entry.msgid: translation.gettext(entry.msgid) for entry in entries}

    assert read == {entry.msgid: entry.msgstr for entry in entries}, (
        "Run `python manage.py update_catalogues` to compile the .mo files"
    )


def test_right_to_left_languages_are_written_in_their_script():
    arabic_script = re.compile("[\u0600-\u06ff]")
    for language in ("ur", "ar"):
        _header, entries = read_po(po_path(language))
        words = [e for e in entries if re.search("[A-Za-z]{4,}", e.msgid.replace("%", ""))]
        assert all(arabic_script.search(e.msgstr) for e in words), language
