"""The FA-KES bench's mapping of our actor1 to the crowd's perpetrator classes."""
from __future__ import annotations

from dateline.bench.fakes import perpetrator_class
from dateline.model import ActorRef, Event


def _cls(name: str | None) -> str:
    return perpetrator_class(Event(id="e", event_type="Battles", sub_event_type="Armed clash",
                                   actor1=ActorRef(name) if name else None))


def test_generic_names_are_classed_by_kind_not_by_their_country():
    assert _cls("Rebel Groups (Syria)") == "armed opposition groups"
    assert _cls("Unidentified Armed Group (Syria)") == "unknown"
    assert _cls("Civilians (Syria)") == "unknown"


def test_named_groups_with_syria_in_their_name_are_not_the_government():
    assert _cls("Free Syrian Army") == "armed opposition groups"
    assert _cls("Syrian Democratic Forces") == "self administration forces"
    assert _cls("Military Forces of Syria") == "syrian government or russian troops"
    assert _cls(None) == "unknown"
