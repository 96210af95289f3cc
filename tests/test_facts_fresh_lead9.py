"""Readings from the eighth blind set's tune texts (stop 26), each as wrong/right twins in our own
phrasings: products whose total is named far into its clause or after «Таким образом»; the rest after
a contributor no role list names ("X provides EUR …"); per-item and rate counts that are no whole."""
from checkutil import assert_flagged_twin_quiet, loud_figures


def test_total_named_at_the_start_of_a_long_clause():
    right = ("КАРАКОЛ, 3 марта 2026 года — Восемнадцать сельских библиотек получат по 6 000 евро на новые книги.\n"
             "Общая сумма грантов, выделенных Европейским союзом на эти цели, составит 108 000 евро.")
    wrong = right.replace("108 000 евро", "118 000 евро")
    assert_flagged_twin_quiet("figures.product", "ru", wrong, right, "118 000 евро")


def test_result_after_takim_obrazom():
    right = ("ХОРОГ, 3 марта 2026 года — Для проекта Европейского союза набраны 9 групп по 14 человек.\n"
             "Таким образом, курс пройдут 126 предпринимателей.")
    wrong = right.replace("126 предпринимателей", "136 предпринимателей")
    assert_flagged_twin_quiet("figures.product", "ru", wrong, right, "136 предпринимателей")


def test_rest_after_a_contributor_no_list_names():
    lead = ("DUSHANBE, 3 March 2026 – A EUR 3 million programme will digitise land records in 30 districts. "
            "The European Union finances EUR 2.4 million. The State Land Committee provides EUR 350,000 for staff. ")
    right = lead + "The rest, EUR 250,000, comes from the World Bank."
    wrong = lead + "The rest, EUR 600,000, comes from the World Bank."
    assert_flagged_twin_quiet("figures.parts", "en", wrong, right, "EUR 600,000")


def test_per_item_count_is_no_whole_of_the_groups_after_it():
    text = ("OSH, 3 March 2026 – Teachers from 45 schools joined the EU-funded course. Each school sent 12 teachers, "
            "540 in total. Of these, 410 are women and 130 men.")
    assert loud_figures("en", text) == []


def test_a_rate_is_no_whole_and_its_apposed_count_no_restatement():
    text = ("JALAL-ABAD, 3 March 2026 – The EU-funded fund has issued 300 loans to 300 farmers. Two in five borrowers "
            "are women: 120 of the 300 loans went to women. One in four farmers, 75 people, has hired a worker.")
    assert loud_figures("en", text) == []
