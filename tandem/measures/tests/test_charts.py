"""Server-drawn SVG: well-formed, a text alternative (<title>, <desc>, role="img"), no
inline style or script (the content security policy), scaling to a narrow screen, and
colours with 3:1 contrast against white."""

import xml.etree.ElementTree as ET

import pytest

from tandem.measures import charts
from tandem.measures.definitions import Direction
from tandem.measures.funnel import funnel_plot
from tandem.measures.services import Month, months_between
from tandem.measures.spc import AssuranceIcon, VariationIcon, xmr

SVG = "{http://www.w3.org/2000/svg}"


def _chart(values, **options):
    months = months_between(Month(2024, 1), Month(2030, 12))[: len(values)]
    return xmr(list(zip(months, values, strict=True)), direction=Direction.LOWER, **options)


def _parsed(markup) -> ET.Element:
    return ET.fromstring(str(markup))  # noqa: S314 (parsing our own output)


def _assert_accessible_and_inline_free(root: ET.Element) -> None:
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert [child.tag for child in root][:2] == [f"{SVG}title", f"{SVG}desc"]
    assert root.find(f"{SVG}title").text
    assert root.find(f"{SVG}desc").text
    assert root.get("viewBox")
    for element in root.iter():
        assert element.tag not in (f"{SVG}style", f"{SVG}script", f"{SVG}image")
        assert "style" not in element.attrib
        assert not any(name.startswith("on") for name in element.attrib)
        assert not any("href" in name for name in element.attrib)


def test_spc_svg_is_well_formed_accessible_and_fits_a_narrow_screen():
    values = [10, 12] * 10
    values[9] = 30
    values[4] = None
    chart = _chart(values, rebase_at=[Month(2025, 1)], target=20)
    root = _parsed(charts.spc_svg(chart, title="PPH <1,500 ml> & more", unit_label="per 1,000"))
    _assert_accessible_and_inline_free(root)
    assert root.get("width") == "100%"
    assert root.find(f"{SVG}title").text == "PPH <1,500 ml> & more"
    description = root.find(f"{SVG}desc").text
    assert "Monthly values in per 1,000 from January 2024 to August 2025." in description
    assert "Special cause variation in 1 of 19 months with data." in description
    assert "Target 20." in description
    assert "Special cause variation: concern" not in description  # the latest is common cause


def test_spc_svg_colours_points_by_type_with_a_tooltip():
    values = [10, 12] * 10
    values[9] = 30
    root = _parsed(charts.spc_svg(_chart(values), title="PPH", unit_label="per 1,000"))
    titled = [e for e in root.iter() if e.find(f"{SVG}title") is not None and e is not root]
    tooltips = {e.find(f"{SVG}title").text: e.get("fill") for e in titled}
    assert tooltips["October 2024: 30 per 1,000, special cause: concern"] == charts.CONCERN
    assert tooltips["January 2024: 10 per 1,000, common cause"] == charts.COMMON


def test_spc_svg_labels_months_and_draws_a_break_at_a_rebase():
    chart = _chart([9, 11] * 6 + [19, 21] * 6, rebase_at=[Month(2025, 1)])
    root = _parsed(charts.spc_svg(chart, title="PPH", unit_label="per 1,000"))
    texts = [e.text for e in root.iter(f"{SVG}text")]
    assert "Jan 2024" in texts
    dotted = [e for e in root.iter(f"{SVG}line") if e.get("stroke-dasharray") == "2 3"]
    assert len(dotted) == 1


def test_spc_svg_without_data_says_so():
    chart = _chart([None, None])
    root = _parsed(charts.spc_svg(chart, title="PPH", unit_label="per 1,000"))
    _assert_accessible_and_inline_free(root)
    assert root.find(f"{SVG}desc").text == "No data for pph in this period."


def test_funnel_svg_is_well_formed_and_describes_the_units_beyond():
    plot = funnel_plot([("Small", 5, 10), ("Large", 45, 990), ("Middle", 60, 1000)], multiplier=100)
    root = _parsed(charts.funnel_svg(plot, title="PPH by provider", unit_label="%"))
    _assert_accessible_and_inline_free(root)
    description = root.find(f"{SVG}desc").text
    assert "3 groups compared against the overall rate of 5.5 % (110 of 2,000)." in description
    assert "Beyond the 99.8% limits: Small." in description
    assert len(list(root.iter(f"{SVG}polyline"))) == 4  # 95% and 99.8%, lower and upper


@pytest.mark.parametrize("icon", list(VariationIcon))
def test_variation_icons_are_accessible_images(icon):
    root = _parsed(charts.variation_icon_svg(icon))
    _assert_accessible_and_inline_free(root)
    assert root.find(f"{SVG}title").text == icon.label


@pytest.mark.parametrize("icon", list(AssuranceIcon))
def test_assurance_icons_are_accessible_images(icon):
    root = _parsed(charts.assurance_icon_svg(icon))
    _assert_accessible_and_inline_free(root)
    assert root.find(f"{SVG}title").text == icon.label


def test_no_icon_draws_nothing():
    assert charts.variation_icon_svg(None) == ""
    assert charts.assurance_icon_svg(None) == ""


def _luminance(colour: str) -> float:
    def channel(hex_pair: str) -> float:
        value = int(hex_pair, 16) / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(colour[i : i + 2]) for i in (1, 3, 5))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


@pytest.mark.parametrize(
    "colour",
    [charts.IMPROVEMENT, charts.CONCERN, charts.NEUTRAL, charts.COMMON, charts.TARGET, charts.AXIS],
)
def test_colours_have_3_to_1_contrast_against_white(colour):
    assert 1.05 / (_luminance(colour) + 0.05) >= 3


def test_making_data_counts_own_blue_and_grey_would_not():
    assert 1.05 / (_luminance("#00b0f0") + 0.05) < 3
    assert 1.05 / (_luminance("#a6a6a6") + 0.05) < 3
