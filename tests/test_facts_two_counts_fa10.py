"""Two counts of the same noun that are two facts (stop 28; false alarms of the tenth blind set's clean texts):
a value before a change ("from two stations to twelve"), the whole of "11 of the 19 posts", a first group
beside the programme's total or target, and a body cap ("up to") beside a budget table's row."""
from checkutil import loud_figures


def test_the_value_before_a_change_is_not_the_count_of_the_release():
    text = ("Karakol, 2 June 2026 – Ten automatic weather stations have been installed on glaciers under the EU-funded "
            "\"Climate Data\" project.\n\"In three years we have gone from two stations to twelve,\" said the head of the service.\n")
    assert loud_figures("en", text) == []
    # the same count stated again with another value is still one fact
    wrong = text.replace("\"In three years we have gone from two stations to twelve,\"", "\"The eight stations send data every hour,\"")
    assert any(rule == "figures.same-fact" for rule, _ in loud_figures("en", wrong))


def test_the_whole_of_n_of_the_m_is_not_pointed_back_at():
    text = ("Khorog – The EU handed over two new border posts on the Tajik–Afghan border in Gorno-Badakhshan on Thursday.\n"
            "The current effort has two components: EUR 8 million for infrastructure and EUR 4.5 million for training, "
            "or EUR 12.5 million in total.\n"
            "Altogether, 11 of the 19 posts along the Panj river section covered by the programme have now been upgraded.\n")
    assert loud_figures("en", text) == []


def test_a_first_group_and_the_programme_total_are_two_facts():
    text = ("Нукус, 25 марта 2026 г. – 28 журналистов завершили первый курс программы, которую финансирует Европейский Союз.\n"
            "Программа продлится до конца 2026 года. Всего в ней примут участие 90 журналистов из трех регионов.\n")
    assert loud_figures("ru", text) == []


def test_a_first_month_and_a_target_are_two_facts():
    text = ("Bokhtar, 9 September 2025 – The Alliance of Women's Organisations has opened three resource centres, "
            "part of a two-year project worth EUR 750 000, of which EUR 675 000 is provided by the European Union.\n"
            "In the first month alone, 420 women visited the three centres.\n"
            "The Alliance plans to reach 1,800 women by the end of 2026.\n")
    assert loud_figures("en", text) == []


def test_a_lead_count_restated_as_the_total_is_still_one_fact():
    text = ("Batken, 3 March 2026 – The European Union will train 400 teachers in Batken region under the "
            "\"Better Schools\" project.\nIn total, 450 teachers will be trained in inclusive teaching methods.\n")
    assert any(rule == "figures.same-fact" for rule, _ in loud_figures("en", text))



def test_a_share_of_an_item_cost_is_not_a_share_of_the_budget():
    text = ("Kostanay, 4 May 2026 – Small dairy farms are receiving EUR 1.2 million in EU support through a project "
            "implemented by FAO.\nOf that amount, EUR 850,000 goes to equipment co-financing – up to 50 % of the cost of "
            "a milk cooler, with a ceiling of EUR 15,000 per farm – and EUR 350,000 to veterinary training.\n")
    assert loud_figures("en", text) == []


def test_two_counts_in_the_body_alone_are_not_one_fact():
    lead = "Naryn, 2 June 2026 – The European Union has funded solar power for rural clinics of Naryn region.\n"
    body = ("Engineers installed 40 solar panels on the roof of the Kochkor clinic.\n"
            "The maternity ward in At-Bashy runs on 25 solar panels.\n")
    assert loud_figures("en", lead + body) == []
    # the lead's count restated with another value in a quote is one fact
    text = ("Naryn, 2 June 2026 – The European Union has funded new boilers in ten rural schools of Naryn region.\n"
            "\"The twelve schools are warm this winter for the first time,\" said the head of the district.\n")
    assert any(rule == "figures.same-fact" for rule, _ in loud_figures("en", text))
