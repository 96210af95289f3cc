"""WTForms (through Flask-WTF: CSRF token included)."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import SelectField, TextAreaField


class CheckForm(FlaskForm):
    draft = FileField(_l("Draft file (DOCX, TXT or MD, up to 10 MB)"))
    text = TextAreaField(_l("…or paste the text"))
    language = SelectField(_l("Language of the draft"),
                           choices=[("auto", _l("Detect automatically")), ("ru", _l("Russian")), ("en", _l("English"))],
                           default="auto")
