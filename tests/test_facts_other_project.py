"""Another project's paragraph (stop 28): "In a separate initiative, the EU is providing …" or «В рамках
другого проекта ЕС …» states another project's figures; they are not parts of the release's own budget.
The release's own figures after that paragraph are compared again. And a total spent in two steps
(«Из 3,2 млн евро освоено 1,4 млн, оставшиеся 1,8 млн …») is not a third funder of the total."""
from checkutil import loud_figures

OWN = ("Osh, 3 March 2026 – Forty village libraries in Osh region will get new books under the EU-funded "
       "\"Open Pages\" project, which the Aga Khan Foundation implements with a budget of EUR 850,000.\n")


def test_a_separate_initiative_is_another_scope():
    text = OWN + "In a separate initiative, the EU is providing EUR 2 million for school meals in Batken region.\n"
    assert loud_figures("en", text) == []


def test_a_separate_eu_funded_project_is_another_scope():
    text = OWN + "A separate EU-funded programme in Jalal-Abad, to which the EU contributes EUR 1.5 million, supports clinics.\n"
    assert loud_figures("en", text) == []


def test_the_release_own_figures_after_the_other_paragraph_are_compared():
    text = (OWN + "In a separate initiative, the EU is providing EUR 2 million for school meals in Batken region.\n"
            "Of the EUR 850,000, the EU provides EUR 900,000 and the Foundation EUR 50,000.\n")
    assert any(rule == "figures.parts" for rule, _ in loud_figures("en", text))


def test_another_project_in_russian():
    text = ("Душанбе, 5 апреля 2026 года – Бюджет проекта «Чистая вода Хатлона» составляет 900 000 евро.\n"
            "В рамках другого проекта ЕС на ремонт школ в Бохтаре выделено 1,2 млн евро.\n")
    assert loud_figures("ru", text) == []


def test_a_total_spent_in_two_steps_is_not_another_funder():
    text = ("Дашогуз, 18 июня 2025 года – Бюджет проекта — 3,2 млн евро: 2,9 млн евро предоставляет Европейский союз, "
            "300 000 евро — ПРООН. Из 3,2 млн евро на первом этапе освоено 1,4 млн, оставшиеся 1,8 млн евро будут "
            "направлены на второй этап в 2026–2027 годах.\n")
    assert loud_figures("ru", text) == []
    wrong = text.replace("оставшиеся 1,8 млн", "оставшиеся 1,6 млн")
    # the spending that does not make the total is still found, on the figure of the rest
    assert loud_figures("ru", wrong) == [("figures.parts", "1,6 млн евро")]


def test_the_second_project_named_in_an_apposition():
    text = ("Taraz, 15 September 2025 – The European Union today presented two new projects in Zhambyl region.\n"
            "The first, \"Talas–Asa Irrigation Renewal\", has a total budget of EUR 3.6 million. The EU provides "
            "EUR 3.0 million and the Government of Kazakhstan the remaining EUR 0.6 million.\n"
            "The second, a EUR 1.2 million pasture management project implemented by FAO, will support 30 pasture "
            "committees.\n")
    assert loud_figures("en", text) == []


def test_the_eu_contribution_to_a_previous_project():
    text = ("Khujand, 3 March 2026 – The European Union contributes EUR 3.2 million to the new \"Sughd Water\" "
            "project, implemented by UNDP.\nThe EU had contributed EUR 1.8 million to a previous one, which built "
            "pumping stations in Isfara.\n")
    assert loud_figures("en", text) == []
    ru = ("Худжанд, 3 марта 2026 года – Европейский Союз выделяет 3,2 млн евро на новый проект «Вода Согда».\n"
          "На предыдущий проект ЕС выделил 1,8 млн евро.\n")
    assert loud_figures("ru", ru) == []
