from datetime import date, timedelta

from tandem.core.gestation import Gestation, date_at_gestation, edd_from_lmp, gestation_on


def test_gestation_counts_from_the_edd_for_any_date():
    edd = date(2026, 6, 1)
    assert gestation_on(edd, edd) == Gestation.of(40)
    assert str(gestation_on(edd, edd - timedelta(days=8))) == "38+6"
    assert gestation_on(edd, edd - timedelta(days=280)) == Gestation(0)


def test_edd_is_280_days_after_lmp():
    assert edd_from_lmp(date(2026, 1, 1)) == date(2026, 10, 8)


def test_date_at_gestation_inverts_gestation_on():
    edd = date(2026, 6, 1)
    on = date_at_gestation(edd, Gestation.of(20))
    assert gestation_on(edd, on) == Gestation.of(20, 0)
