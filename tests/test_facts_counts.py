"""Counts, groups and products read from how a release is built (issue 10), in phrasings written for
these tests (not taken from the blind evaluation sets). Each wrong text has a corrected twin that
must stay quiet; a wrong text must be flagged by the given rule on a span containing the given text."""
from __future__ import annotations

from checkutil import EU_EN, EU_RU, loud_figures

import pytest

from app.core.readers import read_bytes
from app.engine.config import Config
from app.engine.linter import LintContext, lint
from app.facts.numbers import find_numbers

_CONFIG = Config()


_loud = loud_figures


# (lang, wrong text, right twin, rule, a text the flagged span contains)
CASES = [
    # a whole and its groups linked by a verb ("include", "comprise")
    ("en", EU_EN + "The 250 trained nurses include 120 women and 140 men.",
     EU_EN + "The 250 trained nurses include 120 women and 130 men.", "figures.groups", ""),
    ("en", EU_EN + "The 64 new judges comprise 30 women and 40 men.",
     EU_EN + "The 64 new judges comprise 30 women and 34 men.", "figures.groups", ""),
    # groups counted in brackets after their labels
    ("en", EU_EN + "The course was completed by 180 teachers from Osh (70), Naryn (60) and Talas (40).",
     EU_EN + "The course was completed by 170 teachers from Osh (70), Naryn (60) and Talas (40).", "figures.groups", ""),
    ("ru", EU_RU + "Обучение прошли 150 медсестер из Хатлонской (60), Согдийской (50) и Раштской (30) зон.",
     EU_RU + "Обучение прошли 140 медсестер из Хатлонской (60), Согдийской (50) и Раштской (30) зон.", "figures.groups", ""),
    # the groups' own count («четыре района») is not their whole: the count stated just before is
    ("ru", EU_RU + "Жюри выбрало 30 проектов. Они представляют четыре района: 10 – Сокулукский, 8 – Аламединский, 7 – Кеминский и 9 – Чуйский.",
     EU_RU + "Жюри выбрало 30 проектов. Они представляют четыре района: 10 – Сокулукский, 8 – Аламединский, 7 – Кеминский и 5 – Чуйский.",
     "figures.groups", ""),
    ("en", EU_EN + "The jury picked 30 projects. They come from three provinces: 12 from Osh, 10 from Naryn and 10 from Talas.",
     EU_EN + "The jury picked 30 projects. They come from three provinces: 12 from Osh, 10 from Naryn and 8 from Talas.",
     "figures.groups", ""),
    # products: «на каждый … по N», a sentence about each item, items counted in the headline, "for all N"
    ("ru", EU_RU + "Ремонт пройдут 30 школ. На каждую школу предусмотрено по 12 000 евро – итого 380 000 евро.",
     EU_RU + "Ремонт пройдут 30 школ. На каждую школу предусмотрено по 12 000 евро – итого 360 000 евро.",
     "figures.product", "380 000"),
    ("en", EU_EN + "Ten clinics joined the programme. Each clinic received beds, monitors and a generator worth EUR 40,000, bringing the package to EUR 450,000.",
     EU_EN + "Ten clinics joined the programme. Each clinic received beds, monitors and a generator worth EUR 40,000, bringing the package to EUR 400,000.",
     "figures.product", "450,000"),
    ("en", "EU awards 30 scholarships to young engineers\n\nBishkek, 3 March 2026 – The European Union funds the scheme.\n\n"
           "Each scholarship is worth EUR 3,000, so the students will share EUR 95,000 in total.",
     "EU awards 30 scholarships to young engineers\n\nBishkek, 3 March 2026 – The European Union funds the scheme.\n\n"
     "Each scholarship is worth EUR 3,000, so the students will share EUR 90,000 in total.", "figures.product", "95,000"),
    ("ru", EU_RU + "Каждая метеостанция оснащается датчиками, модемом и солнечной панелью и стоит 5 000 евро; оснащение всех 40 сел обойдется в 220 000 евро.",
     EU_RU + "Каждая метеостанция оснащается датчиками, модемом и солнечной панелью и стоит 5 000 евро; оснащение всех 40 сел обойдется в 200 000 евро.",
     "figures.product", ""),
    # a count product whose total stands before the items; people counted by an animate noun
    ("ru", EU_RU + "Курс окончили 100 спасателей: шесть групп по 15 человек в Бишкеке, Оше и Караколе.",
     EU_RU + "Курс окончили 90 спасателей: шесть групп по 15 человек в Бишкеке, Оше и Караколе.", "figures.product", ""),
    # the same fact in the lead and in the project's summary ("About the project", «О проекте»)
    ("en", "Taraz, 3 May 2026 – Twelve rural clinics in Zhambyl region received solar panels from the European Union.\n\n"
           "The panels keep vaccines cold during power cuts.\n\nAbout the project: the initiative equips 14 clinics in 2026.",
     "Taraz, 3 May 2026 – Twelve rural clinics in Zhambyl region received solar panels from the European Union.\n\n"
     "The panels keep vaccines cold during power cuts.\n\nAbout the project: the initiative equips 12 clinics in 2026.",
     "figures.same-fact", "14"),
    ("ru", "Тараз, 3 мая 2026 года – Двенадцать сельских больниц Жамбылской области получили солнечные панели от Европейского союза.\n\n"
           "Панели сохранят вакцины при отключениях света.\n\nО проекте: инициатива оснащает 14 больниц.",
     "Тараз, 3 мая 2026 года – Двенадцать сельских больниц Жамбылской области получили солнечные панели от Европейского союза.\n\n"
     "Панели сохранят вакцины при отключениях света.\n\nО проекте: инициатива оснащает 12 больниц.",
     "figures.same-fact", "14"),
    ("en", "Naryn, 3 May 2026 – Herders will restore 800 hectares of pasture with support from the European Union.\n\n"
           "Grazing plans are drawn up with each village.\n\nAbout the project\n\nThe initiative covers 950 hectares in two districts.",
     "Naryn, 3 May 2026 – Herders will restore 800 hectares of pasture with support from the European Union.\n\n"
     "Grazing plans are drawn up with each village.\n\nAbout the project\n\nThe initiative covers 800 hectares in two districts.",
     "figures.same-fact", "950"),
    ("en", "Osh, 3 May 2026 – The European Union launched a 24-month project on school meals.\n\nKitchens will be renovated.\n\n"
           "About the project: School Meals for Osh is a 30-month project funded by the European Union.",
     "Osh, 3 May 2026 – The European Union launched a 24-month project on school meals.\n\nKitchens will be renovated.\n\n"
     "About the project: School Meals for Osh is a 24-month project funded by the European Union.",
     "figures.same-fact", "month"),
    # a whole with its groups and a later mention pointing back at it
    ("en", EU_EN + "The programme trained 320 teachers, 200 of them women. \"These 350 teachers will change their schools,\" said the minister.",
     EU_EN + "The programme trained 320 teachers, 200 of them women. \"These 320 teachers will change their schools,\" said the minister.",
     "figures.same-fact", "350"),
    # a product's count restated in the headline, with the body's parts of it beside
    ("ru", "Шестьдесят школ получат системы видеонаблюдения\n\nБишкек, 3 мая 2026 года – Проект финансирует Европейский союз.\n\n"
           "В 2025 году системы получили 25 школ. Каждый комплект стоит 2 000 евро; оснащение всех 70 школ обойдется в 140 000 евро.",
     "Семьдесят школ получат системы видеонаблюдения\n\nБишкек, 3 мая 2026 года – Проект финансирует Европейский союз.\n\n"
     "В 2025 году системы получили 25 школ. Каждый комплект стоит 2 000 евро; оснащение всех 70 школ обойдется в 140 000 евро.",
     "figures.same-fact", "Шестьдесят"),
    # groups by place after a verb ("50 are located in Chui"); «Из N … восемь …, оставшиеся …»
    ("en", EU_EN + "Of the 90 schools taking part, 40 are located in Osh, 30 in Batken and 30 in Jalal-Abad.",
     EU_EN + "Of the 90 schools taking part, 40 are located in Osh, 30 in Batken and 20 in Jalal-Abad.", "figures.groups", ""),
    ("ru", EU_RU + "Из 20 автобусов шесть уже переданы школам Нарынской области, оставшиеся 15 поступят в Таласскую область весной.",
     EU_RU + "Из 20 автобусов шесть уже переданы школам Нарынской области, оставшиеся 14 поступят в Таласскую область весной.",
     "figures.groups", "15"),
    # "Over 12 months, from …": during, not "more than"
    ("en", EU_EN + "Over 12 months, from March 2026 to February 2028, the project will train 40 mediators.",
     EU_EN + "Over 24 months, from March 2026 to February 2028, the project will train 40 mediators.", "figures.duration", "12 months"),
    # the value of one thing stated twice, in the body and in a quote
    ("ru", "Душанбе, 3 мая 2026 года – Европейский союз передал спасателям технику.\n\nСтоимость переданной техники – 640 000 евро.\n\n"
           "«Техника на 460 000 евро поможет в горах», – сказал министр.",
     "Душанбе, 3 мая 2026 года – Европейский союз передал спасателям технику.\n\nСтоимость переданной техники – 640 000 евро.\n\n"
     "«Техника на 640 000 евро поможет в горах», – сказал министр.", "figures.same-fact", "евро"),
    ("en", "Dushanbe, 3 May 2026 – The European Union handed over rescue vehicles to the ministry.\n\nThe vehicles, worth EUR 640,000, "
           "will serve mountain districts.\n\n\"These vehicles worth EUR 460,000 will save lives,\" said the minister.",
     "Dushanbe, 3 May 2026 – The European Union handed over rescue vehicles to the ministry.\n\nThe vehicles, worth EUR 640,000, "
     "will serve mountain districts.\n\n\"These vehicles worth EUR 640,000 will save lives,\" said the minister.", "figures.same-fact", "EUR"),
    # people paid per head, counted only in the headline, and a total named after the per-head amount
    ("ru", "Тридцать студенток получили стипендии ЕС\n\nОш, 3 мая 2026 года – Программа, которую финансирует Европейский союз, "
           "подвела итоги конкурса.\n\nКаждая стипендиатка получит по 2 000 евро; общий объем стипендиального фонда – 66 000 евро.",
     "Тридцать студенток получили стипендии ЕС\n\nОш, 3 мая 2026 года – Программа, которую финансирует Европейский союз, "
     "подвела итоги конкурса.\n\nКаждая стипендиатка получит по 2 000 евро; общий объем стипендиального фонда – 60 000 евро.",
     "figures.product", "66 000"),
    # stop 22 (fig-counts5): a group's label anywhere in its own clause, whatever the verb; "of them" in the
    # next sentence points back at any count; "among the N"; groups by a kind of place in lower case
    ("en", EU_EN + "Of the 25 start-ups selected, twelve are led by women and fifteen by men.",
     EU_EN + "Of the 25 start-ups selected, twelve are led by women and thirteen by men.", "figures.groups", ""),
    ("en", EU_EN + "The clinic screened 1,200 children. Girls accounted for 650 and boys for 600.",
     EU_EN + "The clinic screened 1,200 children. Girls accounted for 650 and boys for 550.", "figures.groups", ""),
    ("en", EU_EN + "Forty of the 70 mentors are women, while 35 are men.",
     EU_EN + "Forty of the 70 mentors are women, while 30 are men.", "figures.groups", ""),
    ("en", EU_EN + "The academy enrolled 72 cadets. Forty-one of them are women and thirty-five are men.",
     EU_EN + "The academy enrolled 72 cadets. Forty-one of them are women and thirty-one are men.", "figures.groups", ""),
    ("ru", EU_RU + "Гранты получили 36 предприятий. 20 из них возглавляют женщины, 20 – мужчины.",
     EU_RU + "Гранты получили 36 предприятий. 20 из них возглавляют женщины, 16 – мужчины.", "figures.groups", ""),
    ("en", EU_EN + "Among the 120 trainees were 70 women and 60 men.",
     EU_EN + "Among the 120 trainees were 70 women and 50 men.", "figures.groups", ""),
    ("en", EU_EN + "The survey covered 600 households: 250 in towns and 400 in villages.",
     EU_EN + "The survey covered 600 households: 250 in towns and 350 in villages.", "figures.groups", ""),
    # products: a total named anywhere in its clause («всего на эти цели выделено …»), a total split into the items
    # ("is split into", «разделят на»), the amount the items share between them and the per-item figure, «за единицу»,
    # "Each will receive" after the sentence counting them
    ("ru", EU_RU + "Двенадцать общин получат по 15 000 евро; всего на эти цели выделено 200 000 евро.",
     EU_RU + "Двенадцать общин получат по 15 000 евро; всего на эти цели выделено 180 000 евро.", "figures.product", ""),
    ("en", EU_EN + "The EUR 300,000 envelope is split into 12 grants of EUR 30,000.",
     EU_EN + "The EUR 360,000 envelope is split into 12 grants of EUR 30,000.", "figures.product", ""),
    ("ru", EU_RU + "Фонд в 500 000 евро разделят на 20 грантов по 20 000 евро.",
     EU_RU + "Фонд в 400 000 евро разделят на 20 грантов по 20 000 евро.", "figures.product", ""),
    ("en", EU_EN + "Ten cooperatives will share EUR 300,000, receiving EUR 25,000 each.",
     EU_EN + "Ten cooperatives will share EUR 250,000, receiving EUR 25,000 each.", "figures.product", ""),
    ("ru", EU_RU + "На закупку 40 инкубаторов стоимостью 2 500 евро за единицу направлено 90 000 евро.",
     EU_RU + "На закупку 40 инкубаторов стоимостью 2 500 евро за единицу направлено 100 000 евро.", "figures.product", ""),
    ("ru", EU_RU + "Каждый из 14 районных центров получит оборудование на 9 000 евро. Общая стоимость поставки – 140 000 евро.",
     EU_RU + "Каждый из 14 районных центров получит оборудование на 9 000 евро. Общая стоимость поставки – 126 000 евро.",
     "figures.product", ""),
    ("en", EU_EN + "Thirty young innovators have won seed funding. Each will receive EUR 5,000, a total of EUR 160,000.",
     EU_EN + "Thirty young innovators have won seed funding. Each will receive EUR 5,000, a total of EUR 150,000.",
     "figures.product", ""),
    # same fact: the summary restates the lead's people whatever the verb and places; «Всего …» opening the clause;
    # "The N …" opening a sentence and "all N" point back at the things counted; "these N <other noun>" at the one
    # people count before; "Over its 24 months, the project …" is the project's duration
    ('en', 'Osh, 4 May 2026 – The European Union will help 5,000 farmers adapt to drought.\n\nThe farmers will receive seeds and training.\n\nAbout the project: the initiative supports 6,000 farmers in Osh and Jalal-Abad.',
     'Osh, 4 May 2026 – The European Union will help 5,000 farmers adapt to drought.\n\nThe farmers will receive seeds and training.\n\nAbout the project: the initiative supports 5,000 farmers in Osh and Jalal-Abad.', 'figures.same-fact', '000'),
    ('en', "Khujand, 4 May 2026 – The European Union launched a three-year project on women's entrepreneurship.\n\nBusiness centres will open in four towns.\n\nOver its 24 months, the project will reach 800 women.",
     "Khujand, 4 May 2026 – The European Union launched a three-year project on women's entrepreneurship.\n\nBusiness centres will open in four towns.\n\nOver its 36 months, the project will reach 800 women.", 'figures.same-fact', ''),
    ('en', 'EU awards 15 grants to local media\n\nAstana, 4 May 2026 – The European Union has selected local newsrooms for support.\n\nThe 12 grants will fund investigative reporting.',
     'EU awards 15 grants to local media\n\nAstana, 4 May 2026 – The European Union has selected local newsrooms for support.\n\nThe 15 grants will fund investigative reporting.', 'figures.same-fact', ''),
    ('ru', 'ЕС выделил 20 грантов местным СМИ\n\nАстана, 4 мая 2026 года – Европейский союз подвел итоги конкурса.\n\nВсе 18 грантов пойдут на журналистские расследования.',
     'ЕС выделил 20 грантов местным СМИ\n\nАстана, 4 мая 2026 года – Европейский союз подвел итоги конкурса.\n\nВсе 20 грантов пойдут на журналистские расследования.', 'figures.same-fact', ''),
    ('en', 'Ashgabat, 4 May 2026 – The European Union will train 400 border guards over two years.\n\nTraining starts in June.\n\n"These 450 officers are the first line of defence," said the head of the service.',
     'Ashgabat, 4 May 2026 – The European Union will train 400 border guards over two years.\n\nTraining starts in June.\n\n"These 400 officers are the first line of defence," said the head of the service.', 'figures.same-fact', ''),
    ('ru', 'Ош, 4 мая 2026 года – Европейский союз поддержит 300 молодых предпринимателей юга.\n\nОбучение начнется в июне.\n\nВсего программа охватит 350 молодых предпринимателей.',
     'Ош, 4 мая 2026 года – Европейский союз поддержит 300 молодых предпринимателей юга.\n\nОбучение начнется в июне.\n\nВсего программа охватит 300 молодых предпринимателей.', 'figures.same-fact', ''),
    # «полгода», "half a year": six months
    ("ru", EU_RU + "Работы продлятся полгода: с апреля по декабрь 2026 года.",
     EU_RU + "Работы продлятся девять месяцев: с апреля по декабрь 2026 года.", "figures.duration", "полгода"),
    # stop 22, structure: the numbers starting their clauses after "Of these," / «Из них» (the whole in the sentence
    # before), after "Among the N …," / «Из N …,», with "the remaining group of N" in the next sentence
    ("en", EU_EN + "Eighty nurses finished the course.\nOf these, 50 work in district hospitals and 40 in rural clinics.",
     EU_EN + "Eighty nurses finished the course.\nOf these, 50 work in district hospitals and 30 in rural clinics.", "figures.groups", ""),
    ("ru", EU_RU + "Стажировку прошли 45 инженеров. Из них 30 работают на гидростанциях, а 20 – в сетевых компаниях.",
     EU_RU + "Стажировку прошли 45 инженеров. Из них 30 работают на гидростанциях, а 15 – в сетевых компаниях.", "figures.groups", ""),
    ("en", EU_EN + "Among the 64 mayors trained, 40 lead rural districts and 30 run towns.",
     EU_EN + "Among the 64 mayors trained, 40 lead rural districts and 24 run towns.", "figures.groups", ""),
    ("en", EU_EN + "In all, 90 rangers were hired. Of them, 40 patrol the reserves and 30 staff the visitor centres. "
     "Drivers make up the remaining group of 25 rangers.",
     EU_EN + "In all, 90 rangers were hired. Of them, 40 patrol the reserves and 30 staff the visitor centres. "
     "Drivers make up the remaining group of 20 rangers.", "figures.groups", ""),
]

QUIET = [
    # "The largest group, 70 teachers" is a part, not the whole again; "ten modules of 12 hours each, 120 hours"
    ("en", EU_EN + "A total of 150 teachers took part. The largest group, 70 teachers, came from Osh."),
    ("en", EU_EN + "The course had ten modules of 12 hours each, 120 hours in total."),
    ("en", EU_EN + "Thirty farmers joined. Of these, 12 grow apricots; the cooperative was founded in 2019."),
    # stop 22: running totals since a year, a phase's or the first months' duration, subsets named after the count
    ('en', 'EU awards 15 grants to local media\n\nAstana, 4 May 2026 – The European Union has selected local newsrooms for support.\n\nThe 12 grants for regional newsrooms will fund investigative reporting; three go to national outlets.'),
    ('en', 'Osh, 4 May 2026 – The EU-funded project will renovate 30 schools.\n\nAll 12 schools in Naryn will get new roofs.'),
    ('ru', 'Ош, 4 мая 2026 года – Европейский союз поддержит 300 фермеров.\n\nВсего с 2020 года программа охватила 1 200 фермеров.'),
    ('en', 'Osh, 4 May 2026 – The European Union will train 120 teachers this year.\n\nLessons start in June.\n\nAbout the project: since 2019 the programme has trained 2,000 teachers in Kyrgyzstan.'),
    ('en', 'Osh, 4 May 2026 – The European Union will train 120 teachers this year.\n\nAbout the project: the programme has trained 2,000 teachers to date.'),
    ('ru', 'Ош, 4 мая 2026 года – Европейский союз обучит 120 учителей в этом году.\n\nО проекте: с 2019 года программа подготовила 2 000 учителей.'),
    ('en', 'Dushanbe, 4 May 2026 – The European Union launched a 36-month project.\n\nOver its first 12 months, the project will map risks.'),
    ('en', 'Dushanbe, 4 May 2026 – The European Union launched a three-year project on water.\n\nIts 18-month pilot phase starts in June.'),
    ('en', 'Bishkek, 4 May 2026 – 40 young women received grants from the European Union.\n\nThe 25 women from Chui will open shops; the other 15 will start farms.'),
    ('en', 'Bishkek, 4 May 2026 – The European Union handed over 30 ambulances to the ministry.\n\nThe 10 ambulances for Osh arrive next week.'),
    ('en', 'Bishkek, 4 May 2026 – The European Union supports 20 schools.\n\nThe 20 schools host 6,000 pupils. In total, 450 teachers work there.'),
    ('ru', 'Бишкек, 4 мая 2026 года – Европейский союз поддерживает 20 школ.\n\nВсе 20 школ получат компьютеры. Всего в них работают 450 учителей.'),
    ('en', 'Almaty, 4 May 2026 – The European Union will train 300 nurses.\n\nThe training is run by 12 trainers. These 12 trainers were certified in Vienna.'),
    ('en', 'Almaty, 4 May 2026 – The EU project trained 300 nurses last year.\n\nThis year, 400 nurses will be trained in 20 hospitals.'),
    # stop 22: not groups — people counted in the things («12 школ: … 2 400 детей»), a list going on after an aside;
    # not products — the project's budget beside a per-item figure, an amount beside "and a training course"
    ("en", EU_EN + "The project trained 200 police officers, 60 of them women, and 150 prosecutors."),
    ("ru", EU_RU + "В проекте участвуют 12 школ: в восьми из них учатся 2 400 детей."),
    ("ru", "Общая стоимость проекта, который финансирует Европейский союз, – 3 млн евро. Каждый из 10 центров получит по 50 000 евро."),
    ("en", EU_EN + "The EUR 2 million project will award 20 grants of EUR 50,000 each."),
    ("en", EU_EN + "Ten cooperatives, supported with EUR 300,000 from the EU, will each receive EUR 25,000 and a training course."),
    ("en", EU_EN + "Of the 80 participants, 45 were women aged 18 to 30."),
    ("en", EU_EN + "The centre employs 45 staff. 30 more will be hired next year, mostly women."),
    # two things valued differently are two facts
    ("en", "Dushanbe, 3 May 2026 – The European Union handed over rescue vehicles worth EUR 640,000.\n\n"
           "\"Radios worth EUR 46,000 came with them,\" said the minister."),
    # "of the EUR 1.8 million cost" names the whole, not the EU's part
    ("en", "Tashkent, 15 October 2024 – The European Union and UNDP launched energy audits in 60 mahallas. The EU covers three "
           "quarters of the € 1.8 m cost.\n\nThe EU provides € 1.35 m and UNDP € 0.45 m."),
    # a work's period is not the project's: «рассчитан на три года» and «восстановить в 2026–2027 годах»
    ("ru", "Каналы Приаралья отремонтируют\n\nКызылорда, 3 мая 2026 года – Проект финансирует Европейский союз. "
           "Проект рассчитан на три года.\n\nРаботы затронут 12 000 жителей.\n\nВ первый год подрядчики отремонтируют 40 км каналов, оставшиеся 60 км "
           "планируется восстановить в 2027–2028 годах."),
    # a group not read between the whole and the groups it has: the groups are at most the whole
    ("en", EU_EN + "Of the 120 participating schools, 50 will receive laptops first, 40 in Osh and 30 in Naryn."),
    # a phase's duration is not the project's; a paragraph opening with "About 300" is no summary
    ("en", "Osh, 3 May 2026 – The European Union launched a 36-month project on school meals.\n\n"
           "The project's 6-month inception phase starts in June.\n\nAbout 300 parents attended the launch."),
    ("en", "Osh, 3 May 2026 – Twelve rural clinics received solar panels from the European Union.\n\n"
           "About 14 rural clinics: the second round will equip them next year."),
]


@pytest.mark.parametrize("lang,text", QUIET)
def test_quiet(lang, text):
    assert _loud(lang, text) == []


def test_suggestion_in_words_for_any_count():
    from app.checks.figures.common import number_words

    assert number_words(100, "ru") == "сто" and number_words(125, "ru") == "сто двадцать пять"
    assert number_words(120, "en") == "one hundred and twenty" and number_words(45, "en") == "forty-five"


@pytest.mark.parametrize("lang,wrong,right,rule,span", CASES, ids=[f"{c[3]}-{i}" for i, c in enumerate(CASES)])
def test_wrong_is_flagged_and_twin_is_quiet(lang, wrong, right, rule, span):
    got = _loud(lang, wrong)
    assert any(r == rule and span in t for r, t in got), got
    assert _loud(lang, right) == []


def test_spaced_m_after_a_currency_is_million():
    n = find_numbers("Of the € 4 m budget", "en")
    assert n[0].value == 4_000_000
    assert find_numbers("a wall 4 m high", "en")[0].value == 4


def _docx_header(body: list[str], header: str) -> bytes:
    import io

    import docx

    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = header
    for p in body:
        d.add_paragraph(p)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


@pytest.mark.parametrize("lang,header,body,flagged", [
    # the lead's bare weekday ("announced on Thursday", «в четверг») supports the dateline against the page header
    ("en", "NEWS | 12.04.2026", ["Ten schools get solar roofs", "Osh, 12 February 2026 – The EU-funded project announced on Thursday "
                                 "that ten schools now run on solar power."], "12.04.2026"),
    ("ru", "Новости проекта · 12.02.2025", ["Десять школ получили солнечные панели", "Ош, 12 февраля 2026 г. – В четверг проект, "
                                           "который финансирует Европейский союз, подключил к солнечным панелям десять школ."], "12.02.2025"),
])
def test_bare_weekday_in_the_lead_decides_against_the_header(lang, header, body, flagged):
    doc = read_bytes(_docx_header(body, header), "t.docx", "docx", lang)
    loud = [(f.rule, doc.span_text(f.offset, f.end)) for f in lint(doc, _CONFIG, select=["figures"]).findings
            if f.severity in ("error", "warning")]
    assert ("figures.dateline-date", flagged) in loud, loud


@pytest.mark.parametrize("lang,text,flagged,suggestion", [
    ("ru", "Семинар пройдёт 31 сентября 2026 года в Оше.", "31 сентября 2026 года", "30 сентября 2026 года"),
    ("en", "The call closes on 29 February 2027.", "29 February 2027", "28 February 2027"),
    ("en", "The call closes on April 31, 2026.", "April 31, 2026", "April 30, 2026"),
    ("ru", "Первый семинар пройдёт 14.13.2026 в Бохтаре.", "14.13.2026", None),
])
def test_impossible_dates_suggest_the_months_last_day(lang, text, flagged, suggestion):
    doc = read_bytes(text.encode("utf-8"), "draft.txt")
    got = [(doc.span_text(f.offset, f.end), f.suggestions[:1]) for f in lint(doc, _CONFIG, select=["figures"]).findings
           if f.rule == "figures.impossible-date"]
    assert got == [(flagged, [suggestion] if suggestion else [])]


def test_russian_suggestion_agrees_with_the_new_number():
    from app.checks.figures.common import _ru_agree

    assert _ru_agree("месяцев", 24, 18) == "месяца" and _ru_agree("школ", 22, 18) == "школы"


def test_a_share_decides_which_statement_of_a_value_is_wrong():
    text = ("Душанбе, 3 мая 2026 года – Европейский союз передал спасателям технику.\n\n"
            "Стоимость переданной техники – 600 000 евро, что составляет 20 % бюджета компонента, который достигает 3 млн евро.\n\n"
            "«Техника на 660 000 евро поможет в горах», – сказал министр.")
    doc = read_bytes(text.encode("utf-8"), "draft.txt")
    got = [(f.rule, doc.span_text(f.offset, f.end), f.suggestions[:1]) for f in lint(doc, _CONFIG, select=["figures"]).findings
           if f.severity in ("error", "warning")]
    assert got == [("figures.same-fact", "660 000 евро", ["600 000 евро"])]


def _docx_header_table(body: list[str], cells: list[str]) -> bytes:
    import io

    import docx

    d = docx.Document()
    t = d.sections[0].header.add_table(1, len(cells), width=docx.shared.Inches(6))
    for i, c in enumerate(cells):
        t.cell(0, i).text = c
    for p in body:
        d.add_paragraph(p)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


@pytest.mark.parametrize("lang,cells,body,dated", [
    # a page header laid out as a table (logo cell | date cell) is the page header: its date is compared too
    ("en", ["EU Delegation", "14 March 2026"], ["PRESS RELEASE", "EU supports clinics in Osh",
                                                "Osh, 12 March 2026 – The European Union handed over equipment to 12 clinics."], True),
    ("ru", ["Представительство ЕС", "14 марта 2026"], ["ПРЕСС-РЕЛИЗ", "ЕС поддерживает клиники Оша",
                                                      "Ош, 12 марта 2026 года – Европейский союз передал оборудование 12 клиникам."], True),
    ("en", ["EU Delegation", "12 March 2026"], ["PRESS RELEASE", "EU supports clinics in Osh",
                                                "Osh, 12 March 2026 – The European Union handed over equipment to 12 clinics."], False),
])
def test_a_header_table_dates_the_release(lang, cells, body, dated):
    doc = read_bytes(_docx_header_table(body, cells), "t.docx", "docx", lang)
    assert [b.kind for b in doc.blocks if doc.text[b.start:b.end] == cells[1]] == ["header"]
    loud = [f.rule for f in lint(doc, _CONFIG, select=["figures"]).findings if f.severity in ("error", "warning")]
    assert (loud == ["figures.dateline-date"]) if dated else (loud == [])
