"""Contact checks: phones (libphonenumber), e-mails (email-validator), URLs."""
from __future__ import annotations

from app.engine.config import Config
from checkutil import lint_draft, lint_str, spans


def test_good_drafts_clean():
    for name in ("ru_good.txt", "en_good.txt"):
        _, fs = lint_draft(name, ["contact"])
        assert fs == [], name


def test_ru_broken():
    doc, fs = lint_draft("ru_broken.txt", ["contact"])
    by = {f.rule: f for f in fs if f.severity == "error"}
    assert doc.span_text(by["contact.phone"].offset, by["contact.phone"].end) == "+701 555 12 34"
    assert by["contact.phone"].suggestions == ["+7 701 555 12 34"]
    assert by["contact.email"].suggestions == ["info@pravo-init.kz"] and by["contact.email"].fix == "info@pravo-init.kz"
    assert by["contact.url"].suggestions == ["https://pravo-init.kz"]


def test_en_broken():
    doc, fs = lint_draft("en_broken.txt", ["contact"])
    got = spans(doc, fs)
    assert ("contact.email", "press @mlc-example.kz") in got
    assert ("contact.url", "www..mlc-example.kz") in got


def test_invalid_phone_without_twin_has_no_fix():
    doc, fs = lint_str("Тел.: +7 701 744 44", "ru", ["contact.phone"])
    assert len(fs) == 1 and fs[0].fix is None and fs[0].suggestions == []


def test_region_from_config():
    # 8 (7172) 97 45 40 is a valid Kazakh number in national format
    _, fs = lint_str("Тел.: 8 (7172) 97 45 40", "ru", ["contact.phone"])
    assert fs == []
    _, fs = lint_str("Tel.: 020 7946 0018", "en", ["contact.phone"], Config(region="GB"))
    assert fs == []


def test_phone_formats_info():
    doc, fs = lint_str("Тел. +77017444429. Тел.: +7 (7172) 97 45 40", "ru", ["contact.phone-format"])
    assert [(f.severity, f.suggestions[0]) for f in fs] == [("info", "+7 701 744 4429"), ("info", "+7 7172 97 45 40")]


def test_email_comma_instead_of_dot():
    _, fs = lint_str("E-mail: info@lprc,kz", "ru", ["contact.email"])
    assert fs[0].suggestions == ["info@lprc.kz"]
