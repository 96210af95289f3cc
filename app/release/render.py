"""Render a release into a finished DOCX in the EU visibility template.

``render_release(release, out, draft=False, config=None)`` is the one entry point (CLI and web app).
The document: A4, Arial (or the organisation's base ``.docx`` from ``pressroom.toml [render]
base_docx``); a first-page header with the EU emblem and the funding statement side by side and
the partner logos fitted into the emblem's box; then label, date, headline, subheadline, dateline
and lead, body, quotes, background with the projects' facts, media contacts, funding statement,
disclaimer, EU boilerplate and the end mark; page numbers in the footer; ``w:lang`` on every run;
title, author and language in the document properties. Layout and labels: templates/release/layout.yml;
the official texts: templates/texts/<lang>.yml (app.core.eu_texts).
"""
from __future__ import annotations

import datetime as dt
import io
import os
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO

import yaml
from docx import Document as new_document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from app import TEMPLATES_DIR
from app.core import eu_texts
from app.core.files import write_atomic
from app.errors import InputError
from app.release import emblem as eu_emblem
from app.release.fmt import NBSP, date_text, money, quoted, typeset, year_range
from app.release.model import Release
from app.release.validate import check_logo, logo_path

LAYOUT_PATH = TEMPLATES_DIR / "release" / "layout.yml"
LANG_TAGS = {"ru": "ru-RU", "en": "en-GB"}
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"


@lru_cache(maxsize=1)
def layout() -> dict:
    return yaml.load(LAYOUT_PATH.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _labels(lang: str) -> dict:
    return layout()["labels"][lang]


# ----- styles -------------------------------------------------------------------------------------
def _set_fonts(rpr, font: str) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), font)


def _set_lang(rpr, tag: str) -> None:
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), tag)
    lang.set(qn("w:bidi"), tag)


def _doc_defaults(doc, font: str | None, tag: str) -> None:
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    if font:
        _set_fonts(rpr, font)
    _set_lang(rpr, tag)


def _apply_style(style, spec: dict, font: str | None) -> None:
    f = style.font
    if font:
        _set_fonts(style.element.get_or_add_rPr(), font)
    if "size" in spec:
        f.size = Pt(spec["size"])
    f.bold = bool(spec.get("bold", False))
    f.italic = False
    f.underline = False
    rpr = style.element.get_or_add_rPr()
    for tag in ("w:spacing", "w:kern", "w:caps", "w:smallCaps"):
        el = rpr.find(qn(tag))
        if el is not None:
            rpr.remove(el)
    if "color" in spec:
        f.color.rgb = RGBColor.from_string(spec["color"])
    pf = style.paragraph_format
    if "space_before" in spec or style.name != "Normal":
        pf.space_before = Pt(spec.get("space_before", 0))
    if "space_after" in spec:
        pf.space_after = Pt(spec["space_after"])
    if "line_spacing" in spec:
        pf.line_spacing = spec["line_spacing"]
    if "indent_left_cm" in spec:
        pf.left_indent = Cm(spec["indent_left_cm"])
    if spec.get("keep_with_next"):
        pf.keep_with_next = True
    if spec.get("align") == "center":
        pf.alignment = WD_ALIGN_PARAGRAPH.CENTER
    ppr = style.element.get_or_add_pPr()
    old = ppr.find(qn("w:pBdr"))
    if old is not None:
        ppr.remove(old)
    if spec.get("border_left"):
        bdr = OxmlElement("w:pBdr")
        left = OxmlElement("w:left")
        for k, v in (("w:val", "single"), ("w:sz", "24"), ("w:space", "8"), ("w:color", spec["border_left"])):
            left.set(qn(k), v)
        bdr.append(left)
        ppr.append(bdr)


def _prepare_styles(doc, own_base: bool, tag: str) -> None:
    lay = layout()
    font = None if own_base else lay["font"]
    _doc_defaults(doc, font, tag)
    by_name = {s.name: s for s in doc.styles}
    existing = set(by_name)
    for name, spec in lay["styles"].items():
        if name in existing:
            if own_base:
                continue  # the organisation's own look wins
            style = by_name[name]
        else:
            style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = by_name.get("Normal") if name != "Normal" else None
            style.quick_style = True
        _apply_style(style, spec, font if not own_base else None)
        if own_base and name not in existing:
            _apply_style(style, spec, None)


# ----- base document --------------------------------------------------------------------------------
def _base_document(config) -> tuple[Any, bool]:
    base = (getattr(config, "render", None) or {}).get("base_docx") if config is not None else None
    if not base:
        return new_document(), False
    path = Path(base).expanduser()
    if not path.is_absolute():
        path = Path(config.base_dir) / path
    if not path.is_file():
        raise InputError(f"pressroom.toml [render] base_docx: file not found: {path}")
    from app.core.readers.docx import check_package

    data = path.read_bytes()
    check_package(data, str(path))
    try:
        doc = new_document(io.BytesIO(data))
    except Exception as e:
        raise InputError(f"pressroom.toml [render] base_docx: {path}: not a usable Word document ({type(e).__name__})") from None
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return doc, True


# ----- small builders ---------------------------------------------------------------------------------
class _Builder:
    def __init__(self, doc, release: Release):
        self.doc = doc
        self.release = release
        self.lang = release.language
        self.tag = LANG_TAGS[self.lang]
        self.labels = _labels(self.lang)
        self.style_ids = {st.name: st.style_id for st in doc.styles if st.type == WD_STYLE_TYPE.PARAGRAPH}

    def t(self, text: str) -> str:
        return typeset(text, self.lang)

    def para(self, style: str, *parts, container=None) -> Any:
        """A paragraph of runs; a part is text or (text, {"bold": True}) or ("\\n", ...) for a line break."""
        p = (container or self.doc).add_paragraph()
        if style != "Normal":  # set the style id directly: python-docx's lookup by name is slow
            p._p.get_or_add_pPr().get_or_add_pStyle().val = self.style_ids[style]
        for part in parts:
            text, fmt = (part, {}) if isinstance(part, str) else part
            self.run(p, text, **fmt)
        return p

    def run(self, p, text: str, bold: bool | None = None, color: str | None = None):
        lines = text.split("\n")
        for i, line in enumerate(lines):
            r = p.add_run(line)
            if bold is not None:
                r.bold = bold
            if color:
                r.font.color.rgb = RGBColor.from_string(color)
            if i < len(lines) - 1:
                r.add_break()
        return p

    def mailto(self, p, address: str) -> None:
        part = p.part
        rid = part.relate_to(f"mailto:{address}", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink",
                             is_external=True)
        h = OxmlElement("w:hyperlink")
        h.set(qn("r:id"), rid)
        r = OxmlElement("w:r")
        rpr = OxmlElement("w:rPr")
        color = OxmlElement("w:color")
        color.set(qn("w:val"), "003399")
        rpr.append(color)
        r.append(rpr)
        t = OxmlElement("w:t")
        t.text = address
        r.append(t)
        h.append(r)
        p._p.append(h)


def _join_names(names: list[str], lang: str) -> str:
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + f" {_labels(lang)['and']} " + names[-1]


# ----- header and footer -------------------------------------------------------------------------
def _page_setup(doc, own_base: bool) -> Any:
    section = doc.sections[0]
    lay = layout()["page"]
    if not own_base:
        section.page_width, section.page_height = Cm(lay["width_cm"]), Cm(lay["height_cm"])
        section.top_margin, section.bottom_margin = Cm(lay["margin_top_cm"]), Cm(lay["margin_bottom_cm"])
        section.left_margin, section.right_margin = Cm(lay["margin_left_cm"]), Cm(lay["margin_right_cm"])
        section.header_distance, section.footer_distance = Cm(lay["header_distance_cm"]), Cm(lay["footer_distance_cm"])
    section.different_first_page_header_footer = True
    return section


def _clear(part) -> None:
    for child in list(part._element):
        part._element.remove(child)


def _header(b: _Builder, section, release: Release, draft: bool = False) -> None:
    lay = layout()["emblem"]
    header = section.first_page_header
    header.is_linked_to_previous = False
    _clear(header)
    p = header.add_paragraph()
    p.paragraph_format.space_after = Pt(0)
    width = section.page_width - section.left_margin - section.right_margin
    p.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
    height = Cm(lay["height_cm"])
    pic = p.add_run().add_picture(io.BytesIO(eu_emblem.emblem_png(lay["height_cm"])), height=height)
    pic._inline.docPr.set("descr", "Emblem of the European Union" if b.lang == "en" else "Эмблема Европейского Союза")
    pic._inline.docPr.set("name", "EU emblem")
    statement = eu_texts.funding_statement(b.lang, cofunded=release.co_funded, short=True)
    r = p.add_run("  " + statement.replace(" ", NBSP))
    r.bold = True
    r.font.size = Pt(lay["statement_size"])
    r.font.color.rgb = RGBColor.from_string(lay["statement_color"])
    _set_fonts(r._r.get_or_add_rPr(), layout()["font"])  # an EU font next to the emblem, whatever the base
    raise_pt = height.pt / 2 - lay["statement_size"] * 0.45
    pos = OxmlElement("w:position")
    pos.set(qn("w:val"), str(round(raise_pt * 2)))
    r._r.get_or_add_rPr().append(pos)
    logos = [lg for lg in release.logos]
    if logos:
        p.add_run("\t")
    for i, logo in enumerate(logos):
        path = logo_path(release, logo.path)
        err = check_logo(path, b.lang)
        if err:
            raise InputError(f"logos[{i}].path: {err}")
        w, h = _logo_size(path, height)
        if i:
            p.add_run("  ")
        shape = p.add_run().add_picture(str(path), width=w, height=h)
        shape._inline.docPr.set("descr", logo.name or path.stem)
    # later pages: a slim statement line, so every page keeps the EU's mention
    later = section.header
    later.is_linked_to_previous = False
    _clear(later)
    lp = later.add_paragraph()
    lp.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    lr = lp.add_run(statement)
    lr.font.size = Pt(8)
    lr.font.color.rgb = RGBColor.from_string(lay["statement_color"])
    if draft:  # on every page, in the headers: the body keeps the release's own structure
        for hdr in (header, later):
            dp = hdr.add_paragraph()
            dp.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
            dp.paragraph_format.space_before = Pt(4)
            dr = dp.add_run(b.labels["draft"])
            dr.bold = True
            dr.font.size = Pt(12)
            dr.font.color.rgb = RGBColor.from_string(layout()["styles"]["PR Draft"]["color"])


def _logo_size(path: Path, emblem_height) -> tuple[int, int]:
    """Fit the logo into the emblem's box (no higher and no wider than the emblem)."""
    from PIL import Image

    with Image.open(path) as im:
        w, h = im.size
    box_h = int(emblem_height)
    box_w = int(emblem_height * eu_emblem.RATIO)
    scale = min(box_h / h, box_w / w)
    return int(w * scale), int(h * scale)


def _page_number(p) -> None:
    def fld(kind: str):
        r = OxmlElement("w:r")
        c = OxmlElement("w:fldChar")
        c.set(qn("w:fldCharType"), kind)
        r.append(c)
        return r

    p._p.append(fld("begin"))
    r = OxmlElement("w:r")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    r.append(instr)
    p._p.append(r)
    p._p.append(fld("separate"))
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    r.append(t)
    p._p.append(r)
    p._p.append(fld("end"))


def _footers(section) -> None:
    for footer in (section.first_page_footer, section.footer):
        footer.is_linked_to_previous = False
        _clear(footer)
        p = footer.add_paragraph(style="Footer")
        _page_number(p)


# ----- body -------------------------------------------------------------------------------------------
def _body(b: _Builder, release: Release, draft: bool) -> None:
    L = b.labels
    lang = b.lang
    if release.embargo:
        day = date_text(release.embargo.date, lang)
        text = L["embargo_time"].format(day, release.embargo.time) if release.embargo.time else L["embargo"].format(day)
        b.para("PR Embargo", text)
    b.para("PR Label", b.t(release.label or L["label"]))
    b.para("PR Date", date_text(release.date, lang))
    b.para("Title", b.t(release.headline))
    if release.subheadline:
        b.para("Subtitle", b.t(release.subheadline))
    dash = "\u00a0\u2014 " if lang == "ru" else "\u00a0\u2013 "
    dateline = f"{release.city.upper()}, {date_text(release.date, lang)}{dash}"
    b.para("Normal", (dateline, {"bold": True}), b.t(release.lead))
    for text in release.body:
        b.para("Normal", b.t(text))
    for q in release.quotes:
        b.para("Quote", quoted(b.t(q.text), lang))
        who = [(f"\u2014 {q.speaker}", {"bold": True})]
        if q.position:
            who.append(", " + b.t(q.position))
        b.para("PR Speaker", *who)
    b.para("Heading 2", L["background"])
    for text in release.background:
        b.para("Normal", b.t(text))
    for p in release.projects:
        orgs = [b.t(o) for o in p.organisations]
        impl = (L["implemented_by_one"] if len(orgs) == 1 else L["implemented_by"]).format(_join_names(orgs, lang))
        period = L["period"].format(year_range(p.start, p.end, lang)).replace("..", ".")
        budget = L["budget"].format(money(p.total_budget, p.currency, lang), money(p.eu_contribution, p.currency, lang))
        b.para("PR Project", (f"{L['project']} {quoted(b.t(p.name), lang)}. ", {"bold": True}),
               f"{impl} {period} {budget}")
    b.para("Heading 2", L["contacts"])
    for c in release.contacts:
        who = ", ".join(b.t(x) for x in (c.role, c.organisation) if x)
        p = b.para("PR Contact", (c.name, {"bold": True}), (", " + who) if who else "",
                   f"\n{L['tel']} {_phone(c.phone)}\n{L['email']} ")
        b.mailto(p, c.email)
    b.para("PR Statement", eu_texts.funding_statement(lang, cofunded=release.co_funded))
    b.para("PR Disclaimer", b.t(eu_texts.disclaimer(lang, release.organisation)))
    b.para("PR Small Head", eu_texts.boilerplate_heading(lang))
    b.para("PR Small", b.t(release.boilerplate or eu_texts.boilerplate(lang)))
    b.para("PR End", L["end"])


def _phone(phone: str) -> str:
    import phonenumbers

    try:
        num = phonenumbers.parse(phone, "KZ")
    except phonenumbers.NumberParseException:
        return phone
    if not phonenumbers.is_valid_number(num):
        return phone  # printed as typed (and flagged): an invalid number is never "normalised"
    return phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


# ----- finishing --------------------------------------------------------------------------------------
def _tag_runs(doc, tag: str) -> None:
    """w:lang on every run in body, headers and footers, so Word's proofing uses the right language."""
    parts = [doc.part]
    for s in doc.sections:
        for hf in (s.header, s.first_page_header, s.even_page_header, s.footer, s.first_page_footer, s.even_page_footer):
            if not hf.is_linked_to_previous:
                parts.append(hf.part)
    for part in parts:
        for r in part.element.iter(qn("w:r")):
            rpr = r.find(qn("w:rPr"))
            if rpr is None:
                rpr = OxmlElement("w:rPr")
                r.insert(0, rpr)
            _set_lang(rpr, tag)
            # w:lang belongs near the end of rPr (schema order): move it behind the others we set
            lang_el = rpr.find(qn("w:lang"))
            rpr.remove(lang_el)
            _insert_lang(rpr, lang_el)


_AFTER_LANG = {qn(t) for t in ("w:eastAsianLayout", "w:specVanish", "w:oMath")}


def _insert_lang(rpr, el) -> None:
    for i, child in enumerate(rpr):
        if child.tag in _AFTER_LANG:
            rpr.insert(i, el)
            return
    rpr.append(el)


def _sort_rpr(doc) -> None:
    """python-docx appends w:position after w:lang; keep the schema order Word insists on."""
    order = ["rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline",
             "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing",
             "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText",
             "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath"]
    rank = {qn(f"w:{n}"): i for i, n in enumerate(order)}
    parts = [doc.part] + [s.first_page_header.part for s in doc.sections] + [s.header.part for s in doc.sections]
    for part in parts:
        for rpr in part.element.iter(qn("w:rPr")):
            kids = list(rpr)
            if all(k.tag in rank for k in kids):
                kids.sort(key=lambda k: rank[k.tag])
                for k in kids:
                    rpr.remove(k)
                    rpr.append(k)


def _properties(doc, release: Release, draft: bool) -> None:
    cp = doc.core_properties
    cp.title = release.headline
    cp.subject = _labels(release.language)["subject"]
    cp.author = release.organisation
    cp.last_modified_by = release.organisation
    cp.language = LANG_TAGS[release.language]
    cp.keywords = "European Union"
    cp.comments = ""
    cp.category = _labels(release.language)["subject"]
    cp.content_status = _labels(release.language)["draft_status"] if draft else ""
    stamp = dt.datetime.combine(release.date, dt.time(9, 0))
    cp.created = stamp
    cp.modified = stamp
    cp.revision = 1


# The base document with its styles prepared, as DOCX bytes per (base file, language): adding the
# template's styles through python-docx is half of a render (issue 13), and the result is the same
# for every release of a language. Reading the bytes back is cheaper than preparing them again.
_PREPARED: dict[tuple, tuple[bytes, bool]] = {}


def _prepared_base(config, tag: str):
    base = (getattr(config, "render", None) or {}).get("base_docx") if config is not None else None
    key: tuple | None = (None, tag)
    if base:
        path = Path(base).expanduser()
        if not path.is_absolute():
            path = Path(config.base_dir) / path
        try:
            st = path.stat()
            key = (str(path), st.st_mtime_ns, st.st_size, tag)
        except OSError:
            key = None  # _base_document says what is wrong
    hit = _PREPARED.get(key) if key is not None else None
    if hit is None:
        doc, own_base = _base_document(config)
        _prepare_styles(doc, own_base, tag)
        if key is None:
            return doc, own_base
        buf = io.BytesIO()
        doc.save(buf)
        if len(_PREPARED) >= 16:
            _PREPARED.clear()
        hit = _PREPARED[key] = (buf.getvalue(), own_base)
    return new_document(io.BytesIO(hit[0])), hit[1]


def build_document(release: Release, draft: bool = False, config=None):
    """The python-docx Document of a release (not yet saved)."""
    tag = LANG_TAGS[release.language]
    doc, own_base = _prepared_base(config, tag)
    section = _page_setup(doc, own_base)
    b = _Builder(doc, release)
    _header(b, section, release, draft)
    _footers(section)
    _body(b, release, draft)
    _sort_rpr(doc)
    _tag_runs(doc, tag)
    _properties(doc, release, draft)
    return doc


def render_bytes(release: Release, draft: bool = False, config=None) -> bytes:
    buf = io.BytesIO()
    build_document(release, draft, config).save(buf)
    return buf.getvalue()


def render_release(release: Release, out: str | os.PathLike | BinaryIO | None = None, draft: bool = False,
                   config=None, overwrite: bool = True) -> bytes:
    """Render ``release`` to DOCX; write it to a path (atomically) or a binary stream; return the bytes.

    Nothing is written unless the whole document was built; ``overwrite=False`` never replaces an
    existing file.
    """
    data = render_bytes(release, draft, config)
    if out is None:
        return data
    if hasattr(out, "write"):
        out.write(data)
    else:
        write_atomic(out, data, overwrite=overwrite)
    return data
