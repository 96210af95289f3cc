"""A district named after its town (stop 27): «в Казалинском районе» is the adjective of Казалинск,
which the dictionary knows only as the town (its instrumental «Казалинском»); before the noun it
agrees with, it is not the town in the wrong case. The town alone after «в» still is."""
from checkutil import loud_grammar


def test_place_adjective_before_its_noun_is_quiet():
    assert loud_grammar("Новые насосы установлены в трёх сёлах в Казалинском районе Кызылординской области.") == []


def test_the_town_itself_in_the_wrong_case_is_still_flagged():
    found = loud_grammar("Новые насосы уже установлены в Казалинском.")
    assert found and found[0][0] == "Казалинском" and found[0][1] == ["Казалинске"], found
