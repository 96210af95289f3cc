"""The facts model read from sentence structure, not from phrase lists of one case: products,
the same fact stated twice, groups, parts of a whole, in phrasings written for these tests (not
taken from the blind evaluation set). Each wrong text has a corrected twin that must stay quiet."""
from __future__ import annotations

from checkutil import loud_figures

import pytest

from app.core.readers import read_bytes
from app.engine.config import Config
from app.engine.linter import LintContext, lint

_CONFIG = Config()
_CTX = LintContext(config=_CONFIG)


_loud = loud_figures


PRODUCTS = [
    ('en', 'The European Union funds the project. Twenty-five villages will each receive a grant of EUR 8,000, a total of EUR 220,000.', True),
    ('en', 'The European Union funds the project. Twenty-five villages will each receive a grant of EUR 8,000, a total of EUR 200,000.', False),
    ('en', 'The European Union funds the project. The fund will award 40 scholarships worth EUR 2,500 each, or EUR 120,000 altogether.', True),
    ('en', 'The European Union funds the project. The fund will award 40 scholarships worth EUR 2,500 each, or EUR 100,000 altogether.', False),
    ('en', 'The European Union funds the project. A total of EUR 90,000 will go to 15 cooperatives, EUR 5,000 per cooperative.', True),
    ('en', 'The European Union funds the project. A total of EUR 75,000 will go to 15 cooperatives, EUR 5,000 per cooperative.', False),
    ('en', 'The European Union funds the project. Each of the 12 clinics received equipment worth EUR 30,000 – EUR 400,000 in all.', True),
    ('en', 'The European Union funds the project. Each of the 12 clinics received equipment worth EUR 30,000 – EUR 360,000 in all.', False),
    ('en', 'The European Union funds the project. Eight regional hubs were set up. Each hub cost EUR 45,000, bringing the total to EUR 400,000.', True),
    ('en', 'The European Union funds the project. Eight regional hubs were set up. Each hub cost EUR 45,000, bringing the total to EUR 360,000.', False),
    ('en', 'The European Union funds the project. The 18 workshops gathered 25 participants each, 500 people in total.', True),
    ('en', 'The European Union funds the project. The 18 workshops gathered 25 participants each, 450 people in total.', False),
    ('en', 'The European Union funds the project. Three hundred teachers, 30 from each of the 12 districts, took part.', True),
    ('en', 'The European Union funds the project. Three hundred and sixty teachers, 30 from each of the 12 districts, took part.', False),
    ('en', 'The European Union funds the project. The project provides EUR 10,000 to each of 30 start-ups, EUR 350,000 overall.', True),
    ('en', 'The European Union funds the project. The project provides EUR 10,000 to each of 30 start-ups, EUR 300,000 overall.', False),
    ('en', 'The European Union funds the project. The EUR 2 million project will fund 30 grants of EUR 12,000 each.', False),
    ('en', 'The European Union funds the project. The budget of EUR 500,000 covers 20 grants of EUR 20,000 each and a training programme.', False),
    ('en', 'The European Union funds the project. EUR 500,000 will pay for 20 grants of EUR 20,000 each and a training programme.', False),
    ('en', 'The European Union funds the project. Some 40 trainers earn EUR 500 per month over 24 months.', False),
    ('ru', 'Проект финансирует Европейский союз. Двадцать пять сёл получат гранты по 8 000 евро, всего 220 000 евро.', True),
    ('ru', 'Проект финансирует Европейский союз. Двадцать пять сёл получат гранты по 8 000 евро, всего 200 000 евро.', False),
    ('ru', 'Проект финансирует Европейский союз. Каждая из 12 больниц получила оборудование на 30 000 евро – в общей сложности на 400 000 евро.', True),
    ('ru', 'Проект финансирует Европейский союз. Каждая из 12 больниц получила оборудование на 30 000 евро – в общей сложности на 360 000 евро.', False),
    ('ru', 'Проект финансирует Европейский союз. Создано восемь хабов. Каждый обошёлся в 45 000 евро, а общая сумма составила 400 000 евро.', True),
    ('ru', 'Проект финансирует Европейский союз. Создано восемь хабов. Каждый обошёлся в 45 000 евро, а общая сумма составила 360 000 евро.', False),
    ('ru', 'Проект финансирует Европейский союз. В 18 семинарах приняли участие по 25 человек, всего 500 участников.', True),
    ('ru', 'Проект финансирует Европейский союз. В 18 семинарах приняли участие по 25 человек, всего 450 участников.', False),
    ('ru', 'Проект финансирует Европейский союз. Триста учителей – по 30 из каждого из 12 районов – прошли обучение.', True),
    ('ru', 'Проект финансирует Европейский союз. Триста шестьдесят учителей – по 30 из каждого из 12 районов – прошли обучение.', False),
    ('ru', 'Проект финансирует Европейский союз. На 40 стипендий по 2 500 евро выделено 120 000 евро.', True),
    ('ru', 'Проект финансирует Европейский союз. На 40 стипендий по 2 500 евро выделено 100 000 евро.', False),
    ('ru', 'Проект финансирует Европейский союз. Проект с бюджетом 2 млн евро профинансирует 30 грантов по 12 000 евро.', False),
    ('ru', 'Проект финансирует Европейский союз. 500 000 евро пойдут на 20 грантов по 20 000 евро и на обучение.', False),
    ('ru', 'Проект финансирует Европейский союз. Тренеры получают по 500 евро в месяц в течение 24 месяцев.', False),
    ('en', 'The European Union funds the project. Six cohorts of 20 trainees will complete the course, 140 trainees in total.', True),
    ('en', 'The European Union funds the project. Six cohorts of 20 trainees will complete the course, 120 trainees in total.', False),
    ('en', 'The European Union funds the project. Forty schools will receive EUR 5,000 apiece, for a total of EUR 250,000.', True),
    ('en', 'The European Union funds the project. Forty schools will receive EUR 5,000 apiece, for a total of EUR 200,000.', False),
    ('en', 'The European Union funds the project. The programme offers 15 fellowships at EUR 4,000 per fellowship (EUR 75,000).', True),
    ('en', 'The European Union funds the project. The programme offers 15 fellowships at EUR 4,000 per fellowship (EUR 60,000).', False),
    ('en', 'The European Union funds the project. In total, EUR 700,000 has been set aside for 50 micro-grants of EUR 12,000.', True),
    ('en', 'The European Union funds the project. In total, EUR 600,000 has been set aside for 50 micro-grants of EUR 12,000.', False),
    ('en', 'The European Union funds the project. The EU is funding 25 grants worth EUR 20,000 each. Together, the grants amount to EUR 450,000.', True),
    ('en', 'The European Union funds the project. The EU is funding 25 grants worth EUR 20,000 each. Together, the grants amount to EUR 500,000.', False),
    ('en', 'The European Union funds the project. Ten mobile teams, each made up of four specialists, now serve the region: 45 specialists in all.', True),
    ('en', 'The European Union funds the project. Ten mobile teams, each made up of four specialists, now serve the region: 40 specialists in all.', False),
    ('en', 'The European Union funds the project. The 120 participants were split into eight groups of 20.', True),
    ('en', 'The European Union funds the project. The 160 participants were split into eight groups of 20.', False),
    ('en', 'The European Union funds the project. Grants of EUR 25,000 will go to 16 NGOs, making EUR 450,000 in total.', True),
    ('en', 'The European Union funds the project. Grants of EUR 25,000 will go to 16 NGOs, making EUR 400,000 in total.', False),
    ('ru', 'Проект финансирует Европейский союз. Четыре группы по 15 человек пройдут обучение, всего 70 слушателей.', True),
    ('ru', 'Проект финансирует Европейский союз. Четыре группы по 15 человек пройдут обучение, всего 60 слушателей.', False),
    ('ru', 'Проект финансирует Европейский союз. Сорок школ получат по 5 000 евро, то есть в общей сложности 250 000 евро.', True),
    ('ru', 'Проект финансирует Европейский союз. Сорок школ получат по 5 000 евро, то есть в общей сложности 200 000 евро.', False),
    ('ru', 'Проект финансирует Европейский союз. Всего на 50 микрогрантов по 12 000 евро предусмотрено 700 000 евро.', True),
    ('ru', 'Проект финансирует Европейский союз. Всего на 50 микрогрантов по 12 000 евро предусмотрено 600 000 евро.', False),
    ('ru', 'Проект финансирует Европейский союз. Проект профинансирует 25 грантов размером 20 000 евро каждый. Общая сумма грантов – 450 000 евро.', True),
    ('ru', 'Проект финансирует Европейский союз. Проект профинансирует 25 грантов размером 20 000 евро каждый. Общая сумма грантов – 500 000 евро.', False),
    ('ru', 'Проект финансирует Европейский союз. Десять мобильных бригад по четыре специалиста в каждой обслуживают район – всего 45 специалистов.', True),
    ('ru', 'Проект финансирует Европейский союз. Десять мобильных бригад по четыре специалиста в каждой обслуживают район – всего 40 специалистов.', False),
    ('ru', 'Проект финансирует Европейский союз. Гранты в размере 25 000 евро получат 16 НКО, общий объём поддержки – 450 000 евро.', True),
    ('ru', 'Проект финансирует Европейский союз. Гранты в размере 25 000 евро получат 16 НКО, общий объём поддержки – 400 000 евро.', False),
    ('ru', 'Проект финансирует Европейский союз. В каждой из пяти областей обучение пройдут по 40 медсестёр, итого 220 человек.', True),
    ('ru', 'Проект финансирует Европейский союз. В каждой из пяти областей обучение пройдут по 40 медсестёр, итого 200 человек.', False),
    ('en', 'The European Union funds the project. Twenty grants, each worth EUR 15,000, have been awarded, EUR 320,000 in total.', True),
    ('en', 'The European Union funds the project. The EU has set aside EUR 450,000 for small grants. Thirty newsrooms will each receive a grant of EUR 12,000.', True),
    ('en', 'The European Union funds the project. The EU has set aside EUR 360,000 for small grants. Thirty newsrooms will each receive a grant of EUR 12,000.', False),
    ('en', 'The European Union funds the project. EUR 15,000 will go to each of the 20 selected cooperatives, a total investment of EUR 320,000.', True),
    ('en', 'The European Union funds the project. EUR 15,000 will go to each of the 20 selected cooperatives, a total investment of EUR 300,000.', False),
    ('en', 'The European Union funds the project. The scheme funds 20 grants x EUR 15,000 = EUR 320,000.', True),
    ('en', 'The European Union funds the project. The scheme funds 20 grants x EUR 15,000 = EUR 300,000.', False),
    ('en', 'The European Union funds the project. Each of the 14 mobile clinics will see 30 patients a day.', False),
    ('en', 'The European Union funds the project. Nine districts will host four workshops each, 40 workshops altogether.', True),
    ('en', 'The European Union funds the project. Nine districts will host four workshops each, 36 workshops altogether.', False),
    ('ru', 'Проект финансирует Европейский союз. По 15 000 евро получит каждый из 20 кооперативов – в сумме 320 000 евро.', True),
    ('ru', 'Проект финансирует Европейский союз. По 15 000 евро получит каждый из 20 кооперативов – в сумме 300 000 евро.', False),
    ('ru', 'Проект финансирует Европейский союз. На малые гранты предусмотрено 450 000 евро. Тридцать редакций получат по 12 000 евро.', True),
    ('ru', 'Проект финансирует Европейский союз. На малые гранты предусмотрено 360 000 евро. Тридцать редакций получат по 12 000 евро.', False),
    ('ru', 'Проект финансирует Европейский союз. В девяти районах пройдут по четыре семинара, всего 40 семинаров.', True),
    ('ru', 'Проект финансирует Европейский союз. В девяти районах пройдут по четыре семинара, всего 36 семинаров.', False),
    ('ru', 'Проект финансирует Европейский союз. 20 грантов × 15 000 евро = 320 000 евро.', True),
    ('ru', 'Проект финансирует Европейский союз. Каждый из 25 участников получит сертификат, а 10 лучших – стажировку в Брюсселе.', False),
]


@pytest.mark.parametrize("lang,text,wrong", PRODUCTS, ids=[f"{'wrong' if w else 'right'}-{i}" for i, (_, _, w) in enumerate(PRODUCTS)])
def test_products(lang, text, wrong):
    found = _loud(lang, text)
    assert bool(found) == wrong, found


SAME_FACT = [
    ('en', 'EU provides EUR 4 million for clean water in Osh\nOSH, 3 March 2025 – The European Union has signed a EUR 4 million agreement with UNICEF. The EU contribution of EUR 4.5 million will fund 40 water points.', True),
    ('en', 'EU provides EUR 4 million for clean water in Osh\nOSH, 3 March 2025 – The European Union has signed a EUR 4 million agreement with UNICEF. The EU contribution of EUR 4 million will fund 40 water points.', False),
    ('en', 'The project, worth EUR 3 million, is funded by the European Union. It runs until 2027. With its EUR 3.5 million budget, the project will equip 20 clinics.', True),
    ('en', 'The project, worth EUR 3 million, is funded by the European Union. It runs until 2027. With its EUR 3 million budget, the project will equip 20 clinics.', False),
    ('en', "The European Union is contributing EUR 1.2 million to the programme. Partners add EUR 300,000. Later, the EU ambassador said the Union's EUR 1.4 million grant showed commitment.", True),
    ('en', "The European Union is contributing EUR 1.2 million to the programme. Partners add EUR 300,000. Later, the EU ambassador said the Union's EUR 1.2 million grant showed commitment.", False),
    ('en', 'The EU handed over 24 ambulances to the ministry. "These 26 ambulances will reach remote villages," the minister said.', True),
    ('en', 'The EU handed over 24 ambulances to the ministry. "These 24 ambulances will reach remote villages," the minister said.', False),
    ('en', 'The EU trained 350 border guards in 2025. The 350 border guards will train 120 more next year.', False),
    ('en', 'The EU delivered 10 vehicles in May. Another 12 vehicles will follow in 2026.', False),
    ('ru', 'ЕС выделил 5 млн евро на водоснабжение\nБИШКЕК, 3 марта 2025 года – Европейский союз и ПРООН запустили проект. Вклад ЕС составляет 4 млн евро.', True),
    ('ru', 'ЕС выделил 5 млн евро на водоснабжение\nБИШКЕК, 3 марта 2025 года – Европейский союз и ПРООН запустили проект. Вклад ЕС составляет 5 млн евро.', False),
    ('ru', 'Бюджет проекта – 2,5 млн евро, его финансирует Европейский союз. Проект продлится до 2027 года. Общая стоимость проекта в 2,8 млн евро включает закупку оборудования.', True),
    ('ru', 'Бюджет проекта – 2,5 млн евро, его финансирует Европейский союз. Проект продлится до 2027 года. Общая стоимость проекта в 2,5 млн евро включает закупку оборудования.', False),
    ('ru', 'Евросоюз передал 18 машин скорой помощи. «Эти 20 машин скорой помощи доедут до отдалённых сёл», – сказал министр.', True),
    ('ru', 'Евросоюз передал 18 машин скорой помощи. «Эти 18 машин скорой помощи доедут до отдалённых сёл», – сказал министр.', False),
    ('ru', 'ЕС передал 10 автомобилей в мае. Ещё 12 автомобилей поступят в 2026 году.', False),
    ('ru', 'Обучение прошли 240 учителей. Европейский союз финансирует проект. Всего 260 учителей получили сертификаты.', True),
]


@pytest.mark.parametrize("lang,text,wrong", SAME_FACT, ids=[f"{'wrong' if w else 'right'}-{i}" for i, (_, _, w) in enumerate(SAME_FACT)])
def test_same_fact(lang, text, wrong):
    found = _loud(lang, text)
    assert bool(found) == wrong, found


GROUPS = [
    ('en', 'The European Union funds the project. The course brought together 80 young people: 45 girls and 40 boys.', True),
    ('en', 'The European Union funds the project. The course brought together 85 young people: 45 girls and 40 boys.', False),
    ('en', 'The European Union funds the project. Of the 150 farmers trained, 90 were men and 70 were women.', True),
    ('en', 'The European Union funds the project. Of the 160 farmers trained, 90 were men and 70 were women.', False),
    ('en', 'The European Union funds the project. A total of 200 students took part. Women made up 120 of them and men 90.', True),
    ('en', 'The European Union funds the project. A total of 210 students took part. Women made up 120 of them and men 90.', False),
    ('en', 'The European Union funds the project. Exactly 300 teachers were trained, including 170 women and 130 men.', False),
    ('en', 'The European Union funds the project. The 64 participants (38 women, 30 men) came from four regions.', True),
    ('en', 'The European Union funds the project. The 68 participants (38 women, 30 men) came from four regions.', False),
    ('en', 'The European Union funds the project. Ninety officers were trained; 50 of them were women and 45 men.', True),
    ('en', 'The European Union funds the project. Ninety-five officers were trained; 50 of them were women and 45 men.', False),
    ('en', 'The European Union funds the project. The 120 participants came from three regions: 50 from Osh, 40 from Jalal-Abad and 40 from Batken.', True),
    ('en', 'The European Union funds the project. The 130 participants came from three regions: 50 from Osh, 40 from Jalal-Abad and 40 from Batken.', False),
    ('en', 'The European Union funds the project. One hundred and twenty doctors attended, 70 women and 60 men.', True),
    ('en', 'The European Union funds the project. One hundred and thirty doctors attended, 70 women and 60 men.', False),
    ('ru', 'Проект финансирует Европейский союз. На курсы записались 80 человек: 45 девушек и 40 юношей.', True),
    ('ru', 'Проект финансирует Европейский союз. На курсы записались 85 человек: 45 девушек и 40 юношей.', False),
    ('ru', 'Проект финансирует Европейский союз. Из 150 обученных фермеров 90 – мужчины, 70 – женщины.', True),
    ('ru', 'Проект финансирует Европейский союз. Из 160 обученных фермеров 90 – мужчины, 70 – женщины.', False),
    ('ru', 'Проект финансирует Европейский союз. Всего обучение прошли 200 студентов. Среди них 120 женщин и 90 мужчин.', True),
    ('ru', 'Проект финансирует Европейский союз. Всего обучение прошли 210 студентов. Среди них 120 женщин и 90 мужчин.', False),
    ('ru', 'Проект финансирует Европейский союз. В тренинге участвовали 64 специалиста (38 женщин и 30 мужчин).', True),
    ('ru', 'Проект финансирует Европейский союз. В тренинге участвовали 68 специалистов (38 женщин и 30 мужчин).', False),
    ('ru', 'Проект финансирует Европейский союз. Девяносто сотрудников прошли подготовку; женщин среди них 50, мужчин – 45.', True),
    ('ru', 'Проект финансирует Европейский союз. Девяносто пять сотрудников прошли подготовку; женщин среди них 50, мужчин – 45.', False),
    ('ru', 'Проект финансирует Европейский союз. Сто двадцать врачей, из которых 70 женщин и 60 мужчин, прошли курс.', True),
    ('ru', 'Проект финансирует Европейский союз. Сто тридцать врачей, из которых 70 женщин и 60 мужчин, прошли курс.', False),
    ('ru', 'Проект финансирует Европейский союз. Участниками стали 120 человек из трёх областей: 50 из Оша, 40 из Джалал-Абада и 40 из Баткена.', True),
    ('ru', 'Проект финансирует Европейский союз. Участниками стали 130 человек из трёх областей: 50 из Оша, 40 из Джалал-Абада и 40 из Баткена.', False),
]


@pytest.mark.parametrize("lang,text,wrong", GROUPS, ids=[f"{'wrong' if w else 'right'}-{i}" for i, (_, _, w) in enumerate(GROUPS)])
def test_groups(lang, text, wrong):
    found = _loud(lang, text)
    assert bool(found) == wrong, found


PARTS = [
    ('en', 'The project costs EUR 3 million. The European Union covers EUR 2.7 million; the rest, EUR 400,000, comes from the Ministry of Health.', True),
    ('en', 'The project costs EUR 3 million. The European Union covers EUR 2.7 million; the rest, EUR 300,000, comes from the Ministry of Health.', False),
    ('en', 'Of the EUR 5 million budget, the EU gives EUR 4.5 million and UNDP the remaining EUR 600,000.', True),
    ('en', 'Of the EUR 5 million budget, the EU gives EUR 4.5 million and UNDP the remaining EUR 500,000.', False),
    ('en', 'The EU-funded action has a budget of EUR 1.5 million. The money will be spent on equipment (EUR 900,000), training (EUR 400,000) and monitoring (EUR 300,000).', True),
    ('en', 'The EU-funded action has a budget of EUR 1.5 million. The money will be spent on equipment (EUR 900,000), training (EUR 400,000) and monitoring (EUR 200,000).', False),
    ('en', 'The EU contributes EUR 2 million to the EUR 1.8 million project.', True),
    ('en', 'The EU contributes EUR 1.6 million to the EUR 1.8 million project.', False),
    ('en', 'The European Union provides EUR 800,000. A further EUR 300,000 comes from the municipality, bringing the total to EUR 1 million.', True),
    ('en', 'The European Union provides EUR 800,000. A further EUR 200,000 comes from the municipality, bringing the total to EUR 1 million.', False),
    ('en', 'The European Union invested EUR 40 million in the water sector between 2014 and 2024. This project, worth EUR 2 million, adds EUR 1.5 million of EU money to that.', False),
    ('ru', 'Общая стоимость проекта – 3 млн евро. Европейский союз покрывает 2,7 млн евро, а оставшиеся 400 000 евро выделяет министерство.', True),
    ('ru', 'Общая стоимость проекта – 3 млн евро. Европейский союз покрывает 2,7 млн евро, а оставшиеся 300 000 евро выделяет министерство.', False),
    ('ru', 'Бюджет проекта ЕС составляет 1,5 млн евро. Средства будут направлены на оборудование (900 000 евро), обучение (400 000 евро) и мониторинг (300 000 евро).', True),
    ('ru', 'Бюджет проекта ЕС составляет 1,5 млн евро. Средства будут направлены на оборудование (900 000 евро), обучение (400 000 евро) и мониторинг (200 000 евро).', False),
    ('ru', 'Европейский союз выделяет 800 000 евро. Ещё 300 000 евро добавляет акимат, так что общий бюджет составит 1 млн евро.', True),
    ('ru', 'Европейский союз выделяет 800 000 евро. Ещё 200 000 евро добавляет акимат, так что общий бюджет составит 1 млн евро.', False),
    ('ru', 'Из 2 млн евро на долю ЕС приходится 1,9 млн евро, остальное – 200 000 евро – вносит ПРООН.', True),
    ('ru', 'Из 2 млн евро на долю ЕС приходится 1,8 млн евро, остальное – 200 000 евро – вносит ПРООН.', False),
]


@pytest.mark.parametrize("lang,text,wrong", PARTS, ids=[f"{'wrong' if w else 'right'}-{i}" for i, (_, _, w) in enumerate(PARTS)])
def test_parts(lang, text, wrong):
    found = _loud(lang, text)
    assert bool(found) == wrong, found


def test_past_eu_money_is_not_the_projects():
    text = ("BISHKEK, 3 March 2026 – The European Union invested EUR 40 million in the water sector between 2014 and "
            "2024. This project, worth EUR 2 million, adds EUR 1.5 million of EU money to that.")
    assert _loud("en", text) == []
    text = ("БИШКЕК, 3 марта 2026 года – С 2014 года ЕС вложил в водный сектор 40 млн евро. Новый проект стоимостью "
            "2 млн евро добавит к ним 1,5 млн евро средств ЕС.")
    assert _loud("ru", text) == []


def test_product_points_at_the_total_and_suggests_the_product():
    doc = read_bytes("The European Union funds the project. Twenty-five villages will each receive a grant of "
                     "EUR 8,000, a total of EUR 220,000.".encode(), "d.txt")
    fs = [f for f in lint(doc, _CONFIG, context=_CTX).findings if f.rule == "figures.product"]
    assert [(doc.span_text(f.offset, f.end), f.suggestions[:1]) for f in fs] == [("EUR 220,000", ["EUR 200,000"])]


def test_body_line_against_the_budget_table_row():
    from test_checks_figures import _docx, _lint_docx

    table = [["Budget line", "EUR"], ["Staff", "300,000"], ["Laboratory equipment", "650,000"],
             ["Training of nurses", "250,000"], ["Total", "1,200,000"]]
    body = ["ALMATY, 4 May 2026 – The European Union funds the project.",
            "Laboratory equipment, EUR 560,000, is the largest line of the budget."]
    doc, fs = _lint_docx(_docx(body, table), "en")
    loud = [(f.rule, doc.span_text(f.offset, f.end)) for f in fs if f.category == "figures" and f.severity in ("error", "warning")]
    assert loud == [("figures.same-fact", "EUR 560,000")]
    body[1] = body[1].replace("560,000", "650,000")
    doc, fs = _lint_docx(_docx(body, table), "en")
    assert not [f for f in fs if f.category == "figures" and f.severity in ("error", "warning")]


SHARES = [
    ("en", "The European Union funds the EUR 4 million project. So far EUR 1.2 million has gone to new pumps in six "
           "villages, or about 45 per cent of the budget.", True),
    ("en", "The European Union funds the EUR 4 million project. So far EUR 1.2 million has gone to new pumps in six "
           "villages, or about 30 per cent of the budget.", False),
    ("ru", "Проект стоимостью 2 000 000 евро на 80 % финансируется Европейским союзом (1 500 000 евро).", True),
    ("ru", "Проект стоимостью 2 000 000 евро на 75 % финансируется Европейским союзом (1 500 000 евро).", False),
]


@pytest.mark.parametrize("lang,text,wrong", SHARES, ids=[f"{'wrong' if w else 'right'}-{i}" for i, (_, _, w) in enumerate(SHARES)])
def test_shares_named_by_their_whole_or_their_owner(lang, text, wrong):
    found = _loud(lang, text)
    assert bool(found) == wrong, found


def test_together_with_is_no_total_of_the_counts_before():
    text = ("OSH, 2 June 2026 – Farmers in 40 villages got water after the project repaired 30 kilometres of canals "
            "together with twelve Water Users Associations funded by the European Union.")
    assert _loud("en", text) == []
