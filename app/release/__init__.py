"""Release model, validation and the DOCX renderer (issue 5).

    from app.release import load_release, render_release
    release = load_release("examples/rule-of-law-forum-ru.yml")
    render_release(release, "release.docx", draft=False, config=None)
"""
from app.release.model import Contact, Embargo, Logo, Problem, Project, Quote, Release, json_schema
from app.release.validate import ReleaseInvalid, load_release, release_from_data, validate

__all__ = ["Contact", "Embargo", "Logo", "Problem", "Project", "Quote", "Release", "ReleaseInvalid", "json_schema",
           "load_release", "release_from_data", "render_release", "validate"]


def render_release(release, out=None, draft=False, config=None):
    """See app.release.render.render_release (imported lazily: python-docx is heavy)."""
    from app.release.render import render_release as _render

    return _render(release, out, draft=draft, config=config)
