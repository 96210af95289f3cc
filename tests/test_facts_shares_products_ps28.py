"""General readings of stop 28, each as wrong/right twins in our own phrasings: a percentage after a count
whose whole the sentence's structure gives; fractions read as shares wherever they stand («каждый
третий», "one in four", «пятая часть», "almost half"); per-item amounts after «на» and "per" further
back in the clause; a rate paid to people for a duration (three factors); "the remaining" after a
phase's amount."""
import pytest
from checkutil import assert_flagged_twin_quiet, loud_figures

EU_EN = "The project is funded by the European Union. "
EU_RU = "Проект финансирует Европейский союз. "


@pytest.mark.parametrize("lang,right,wrong,span", [
    ("ru", "Из 240 слушателей курса 96 — женщины (40 %). Занятия вели преподаватели университета. " + EU_RU,
     "Из 240 слушателей курса 96 — женщины (45 %). Занятия вели преподаватели университета. " + EU_RU, "45 %"),
    ("ru", "Через год после выпуска трудоустроены 330 из 600 выпускников — 55 %. " + EU_RU,
     "Через год после выпуска трудоустроены 330 из 600 выпускников — 60 %. " + EU_RU, "60 %"),
    ("ru", "Из 80 прошедших стажировку 20 человек, или 25 %, — сотрудники районных больниц. " + EU_RU,
     "Из 80 прошедших стажировку 20 человек, или 30 %, — сотрудники районных больниц. " + EU_RU, "30 %"),
])
def test_a_percentage_after_a_count_with_a_structural_whole(lang, right, wrong, span):
    assert_flagged_twin_quiet("figures.share", lang, wrong, right, span)


@pytest.mark.parametrize("lang,right,wrong,span", [
    ("ru", EU_RU + "Курсы бухгалтеров окончили 360 фермеров. Каждый третий выпускник – 120 человек – уже ведёт учёт сам.",
     EU_RU + "Курсы бухгалтеров окончили 360 фермеров. Каждый третий выпускник – 150 человек – уже ведёт учёт сам.",
     "Каждый третий"),
    ("ru", EU_RU + "Из 2 млн евро бюджета 400 тыс. евро пойдут на ремонт библиотек — это пятая часть бюджета.",
     EU_RU + "Из 2 млн евро бюджета 500 тыс. евро пойдут на ремонт библиотек — это пятая часть бюджета.", "пятая часть"),
    ("ru", EU_RU + "Обследование прошли 600 жителей. Анемия выявлена у каждого пятого обследованного — у 120 человек.",
     EU_RU + "Обследование прошли 600 жителей. Анемия выявлена у каждого пятого обследованного — у 100 человек.",
     "каждого пятого"),
    ("en", EU_EN + "The clinic trained 200 health workers this year. A quarter of them, 50, were midwives.",
     EU_EN + "The clinic trained 200 health workers this year. A quarter of them, 60, were midwives.", "A quarter"),
    ("en", EU_EN + "\"Last year 60 of our 200 graduates opened a business – that is almost a third,\" said the director.",
     EU_EN + "\"Last year 60 of our 200 graduates opened a business – that is almost a half,\" said the director.",
     "almost a half"),
    ("en", EU_EN + "The centre trained 480 teachers. Three out of four, 360 teachers, came from rural schools.",
     EU_EN + "The centre trained 480 teachers. Three out of four, 300 teachers, came from rural schools.",
     "Three out of four"),
])
def test_fractions_are_shares(lang, right, wrong, span):
    assert_flagged_twin_quiet("figures.share", lang, wrong, right, span)


def test_a_fraction_of_the_budget_restated_is_quiet():
    text = ("Osh, 4 March 2026 – A new EUR 3 million programme will modernise rural clinics.\n\n"
            "The European Union finances four fifths of the programme, or EUR 2.4 million.\n\n"
            "The rest comes from the Ministry of Health.\n")
    assert loud_figures("en", text) == []


def test_one_in_n_takes_the_whole_of_its_own_noun():
    text = ("OSH, 3 March 2026 – The EU-funded fund has issued 400 loans to 400 farmers. Two in five borrowers "
            "are women: 160 of the 400 loans went to women. One in four farmers, 100 people, has hired a worker.")
    assert loud_figures("en", text) == []


@pytest.mark.parametrize("lang,right,wrong,span", [
    ("ru", EU_RU + "Пострадавшие от паводка 30 семей получили помощь в размере 1 500 евро на семью. "
     "Общая сумма выплат составила 45 000 евро.",
     EU_RU + "Пострадавшие от паводка 30 семей получили помощь в размере 1 500 евро на семью. "
     "Общая сумма выплат составила 50 000 евро.", "50 000 евро"),
    ("ru", EU_RU + "На 12 микрогрантов из расчёта 4 000 евро на грант выделено 48 000 евро.",
     EU_RU + "На 12 микрогрантов из расчёта 4 000 евро на грант выделено 52 000 евро.", "52 000 евро"),
    ("en", EU_EN + "The 16 health posts will be refurbished at a cost of EUR 20,000 per health post, or EUR 320,000 overall.",
     EU_EN + "The 16 health posts will be refurbished at a cost of EUR 20,000 per health post, or EUR 340,000 overall.",
     "EUR 340,000"),
    ("en", EU_EN + "The EU set aside EUR 84,000 for 14 micro-grants at EUR 6,000 per grant.",
     EU_EN + "The EU set aside EUR 90,000 for 14 micro-grants at EUR 6,000 per grant.", "EUR 90,000"),
])
def test_per_item_amounts_in_more_phrasings(lang, right, wrong, span):
    assert_flagged_twin_quiet("figures.product", lang, wrong, right, span)


@pytest.mark.parametrize("lang,right,wrong,span", [
    ("en", EU_EN + "A monthly stipend of EUR 250 will be paid to 30 interns for eight months, EUR 60,000 altogether.",
     EU_EN + "A monthly stipend of EUR 250 will be paid to 30 interns for eight months, EUR 66,000 altogether.",
     "EUR 66,000"),
    ("ru", EU_RU + "Двенадцать наставников получали по 300 евро в неделю в течение десяти недель – всего 36 000 евро.",
     EU_RU + "Двенадцать наставников получали по 300 евро в неделю в течение десяти недель – всего 30 000 евро.",
     "30 000 евро"),
])
def test_a_rate_paid_to_people_for_a_duration_has_three_factors(lang, right, wrong, span):
    assert_flagged_twin_quiet("figures.product", lang, wrong, right, span)


@pytest.mark.parametrize("lang,right,wrong,span", [
    ("en", "The project, funded by the European Union, has a budget of EUR 3 million. EUR 1.8 million was spent in "
     "the first two years; the remaining EUR 1.2 million will equip 40 more schools in 2026.",
     "The project, funded by the European Union, has a budget of EUR 3 million. EUR 1.8 million was spent in "
     "the first two years; the remaining EUR 1.4 million will equip 40 more schools in 2026.", "EUR 1.4 million"),
    ("ru", "За первый год освоено 1,2 млн евро из 2 млн евро бюджета проекта Европейского союза; остаток в размере "
     "800 тыс. евро пойдёт на оснащение ещё 30 школ.",
     "За первый год освоено 1,2 млн евро из 2 млн евро бюджета проекта Европейского союза; остаток в размере "
     "900 тыс. евро пойдёт на оснащение ещё 30 школ.", "900 тыс. евро"),
])
def test_the_remaining_after_a_phases_amount(lang, right, wrong, span):
    assert_flagged_twin_quiet("figures.parts", lang, wrong, right, span)


@pytest.mark.parametrize("lang,right,wrong,span", [
    ("en", "The 30-month \"Open Archives\" project, funded by the European Union, will spend its first eight months on "
     "an inventory of 12 regional archives. The remaining 22 months will go to digitisation and training.",
     "The 30-month \"Open Archives\" project, funded by the European Union, will spend its first eight months on "
     "an inventory of 12 regional archives. The remaining 20 months will go to digitisation and training.", "20 months"),
    ("ru", "Проект Европейского союза рассчитан на 30 месяцев. Первые 10 месяцев уйдут на обследование, ещё 12 месяцев — "
     "на ремонт, а оставшиеся восемь месяцев — на обучение персонала.",
     "Проект Европейского союза рассчитан на 30 месяцев. Первые 10 месяцев уйдут на обследование, ещё 12 месяцев — "
     "на ремонт, а оставшиеся шесть месяцев — на обучение персонала.", "шесть месяцев"),
])
def test_the_remaining_months_of_a_project(lang, right, wrong, span):
    assert_flagged_twin_quiet("figures.parts", lang, wrong, right, span)


@pytest.mark.parametrize("lang,right,wrong,span", [
    ("en", EU_EN + "The project bought 20 incubators at USD 9,000 per unit; the purchase came to USD 180,000.",
     EU_EN + "The project bought 20 incubators at USD 9,000 per unit; the purchase came to USD 190,000.", "USD 190,000"),
    ("ru", EU_RU + "Проект закупил 20 инкубаторов по цене 9 000 долларов США за штуку на общую сумму 180 000 долларов США.",
     EU_RU + "Проект закупил 20 инкубаторов по цене 9 000 долларов США за штуку на общую сумму 190 000 долларов США.",
     "190 000 долларов"),
    ("en", EU_EN + "Each of the five regional hubs will host 30 trainees, so 150 trainees will be trained.",
     EU_EN + "Each of the five regional hubs will host 30 trainees, so 160 trainees will be trained.", "160 trainees"),
])
def test_per_unit_and_so(lang, right, wrong, span):
    assert_flagged_twin_quiet("figures.product", lang, wrong, right, span)


@pytest.mark.parametrize("lang,right,wrong,span", [
    ("en", "The European Union provides EUR 1.5 million, or 75 per cent of the project's cost. The remaining EUR 500,000 "
     "comes from the regional government.",
     "The European Union provides EUR 1.5 million, or 80 per cent of the project's cost. The remaining EUR 500,000 "
     "comes from the regional government.", "80 per cent"),
    ("ru", "Европейский союз выделил грант в размере 1,6 млн евро — 80 процентов стоимости проекта. Остальные 400 тыс. "
     "евро вносит хокимият области.",
     "Европейский союз выделил грант в размере 1,6 млн евро — 75 процентов стоимости проекта. Остальные 400 тыс. "
     "евро вносит хокимият области.", "75 процентов"),
])
def test_a_share_of_a_part_and_the_remaining_with_no_total(lang, right, wrong, span):
    assert_flagged_twin_quiet("figures.share", lang, wrong, right, span)


def test_the_rest_counted_after_its_noun():
    right = ("Учебный центр при поддержке Европейского союза выпустил 150 сварщиков, электриков и сантехников. "
             "Сварщиков среди выпускников — 50; электриков — 45. Прочие выпускники, а их 55, получили специальность сантехника.")
    wrong = right.replace("а их 55", "а их 65")
    assert_flagged_twin_quiet("figures.groups", "ru", wrong, right, "65")


def test_the_rest_after_an_unread_part_is_not_known():
    text = ("В форуме, прошедшем при поддержке Европейского союза, приняли участие 200 представителей НКО. "
            "80 делегатов приехали из Душанбе, 50 — из Худжанда. Остальные участники (70 человек) представляли Хатлон.")
    assert loud_figures("ru", text) == []


def test_of_which_n_with_its_share_in_brackets():
    right = ("Beneficiaries of the EU-funded pilot in Kyzylorda region: 1,500 households, of which 450 (30%) are headed "
             "by women; 200 families with children with disabilities.")
    wrong = right.replace("(30%)", "(25%)")
    assert_flagged_twin_quiet("figures.share", "en", wrong, right, "25%")
