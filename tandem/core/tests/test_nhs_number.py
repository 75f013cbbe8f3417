import pytest
from django.core.exceptions import ValidationError

from tandem.core.nhs_number import format_nhs_number, is_valid, validate_nhs_number


@pytest.mark.parametrize(
    ("number", "valid"),
    [
        ("9434765919", True),
        ("943 476 5919", True),
        ("943-476-5919", True),
        ("9434765918", False),
        ("9434765870", True),
        ("4010232137", True),
        ("1234567881", True),
        ("1234567890", False),  # the check digit would be 10: no valid number exists
        ("943476591", False),
        ("94347659190", False),
        ("94347659A9", False),
        ("", False),
    ],
)
def test_modulus_11_check_matches_the_data_dictionary_examples(number, valid):
    assert is_valid(number) is valid


def test_validation_message_names_the_problem():
    with pytest.raises(ValidationError, match="check digit"):
        validate_nhs_number("9434765918")
    with pytest.raises(ValidationError, match="10 digits"):
        validate_nhs_number("12345")


def test_numbers_display_in_three_groups():
    assert format_nhs_number("9434765919") == "943 476 5919"
