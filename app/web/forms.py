"""WTForms (through Flask-WTF: CSRF token included). Choices are SelectChoice objects (WTForms 3.3:
tuples are deprecated)."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import SelectChoice, SelectField, TextAreaField


class CheckForm(FlaskForm):
    draft = FileField(_l("Draft file (DOCX, TXT or MD, up to 10 MB)"))
    text = TextAreaField(_l("…or paste the text"))
    language = SelectField(_l("Language of the draft"),
                           choices=[SelectChoice("auto", _l("Detect automatically")), SelectChoice("ru", _l("Russian")),
                                    SelectChoice("en", _l("English"))],
                           default="auto")


# ----- the release form ----------------------------------------------------------------------------
from wtforms import FieldList, Form, FormField, HiddenField, StringField  # noqa: E402


class QuoteForm(Form):
    speaker = StringField(_l("Speaker"))
    position = StringField(_l("Position and organisation"))
    text = TextAreaField(_l("Quotation (without quotation marks)"))


class ProjectForm(Form):
    name = StringField(_l("Project name"))
    organisations = TextAreaField(_l("Implementing organisations (one per line)"))
    start = StringField(_l("Start date"))
    end = StringField(_l("End date"))
    total_budget = StringField(_l("Total budget"))
    eu_contribution = StringField(_l("EU contribution"))
    currency = SelectField(_l("Currency"), choices=[SelectChoice(c) for c in ("EUR", "USD", "KZT")], default="EUR",
                           validate_choice=False)
    funding = SelectField(_l("Funding"), choices=[SelectChoice("funded", _l("Funded by the EU")),
                                   SelectChoice("co-funded", _l("Co-funded by the EU"))],
                          default="funded", validate_choice=False)


class ContactForm(Form):
    name = StringField(_l("Name"))
    role = StringField(_l("Role"))
    organisation = StringField(_l("Organisation"))
    phone = StringField(_l("Phone"))
    email = StringField(_l("E-mail"))


class LogoForm(Form):
    path = HiddenField()
    name = StringField(_l("Organisation (alternative text)"))
    file = FileField(_l("Logo image (PNG or JPEG, up to 5 MB)"))


class ReleaseForm(FlaskForm):
    release_id = HiddenField()
    version = HiddenField()
    language = SelectField(_l("Language of the release"), choices=[SelectChoice("ru", "Русский", {"lang": "ru"}),
                                                                           SelectChoice("en", "English", {"lang": "en"})], default="ru",
                           validate_choice=False)
    date = StringField(_l("Release date"))
    city = StringField(_l("City"))
    embargo_date = StringField(_l("Embargo date (optional)"))
    embargo_time = StringField(_l("Embargo time"))
    label = StringField(_l("Label (default: PRESS RELEASE)"))
    headline = StringField(_l("Headline"))
    subheadline = StringField(_l("Subheadline (optional)"))
    lead = TextAreaField(_l("Lead paragraph"))
    body = TextAreaField(_l("Body (separate paragraphs with an empty line)"))
    background = TextAreaField(_l("Background (optional; the projects' facts are added automatically)"))
    quotes = FieldList(FormField(QuoteForm), min_entries=0, max_entries=30)
    projects = FieldList(FormField(ProjectForm), min_entries=1, max_entries=20)
    contacts = FieldList(FormField(ContactForm), min_entries=1, max_entries=20)
    organisation = StringField(_l("Organisation responsible for the content (named in the disclaimer)"))
    logos = FieldList(FormField(LogoForm), min_entries=0, max_entries=10)
    boilerplate = TextAreaField(_l("EU boilerplate (leave empty for the official text)"))
