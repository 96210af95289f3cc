"""Places counted after «из» / "from" (stop 27): where someone comes from is a detail of that someone,
not a fact of its own: the lead's «фермеров из всех пяти велаятов» and a buyer's «покупатели из трех
велаятов» in a quote are two facts. The places where something happens, stated twice, stay one fact."""
from checkutil import loud_figures

LEAD_FROM = ("Ашхабад, 12 мая 2026 года – Курсы бухгалтерского учёта, которые финансирует Европейский Союз, окончили "
             "210 фермеров из всех пяти велаятов.\n")
LEAD_IN = "Ашхабад, 12 мая 2026 года – Курсы бухгалтерского учёта, которые финансирует Европейский Союз, прошли в пяти велаятах.\n"


def test_origins_of_different_people_are_two_facts():
    quote = "«Сейчас мне звонят покупатели из трех велаятов», – говорит фермер из Мары Мерген Аннаев."
    assert loud_figures("ru", LEAD_FROM + quote) == []


def test_places_where_it_happens_stated_twice_are_one_fact():
    quote = "«Курсы прошли в трех велаятах», – говорит координатор курсов Мерген Аннаев."
    assert ("figures.same-fact", "трех велаятах") in loud_figures("ru", LEAD_IN + quote)
