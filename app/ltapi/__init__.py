"""A LanguageTool-compatible HTTP API over our checks, without Flask (the web app and
``pressroom serve --languagetool-api`` are thin shells over it).

- request.py    read and check a /v2/check request (form fields), LanguageTool's error wording
- annotated.py  the ``data`` parameter: markup skipped, offsets mapped back
- text16.py     offsets in UTF-16 code units, as LanguageTool's clients count them
- matches.py    our findings as LanguageTool matches (category mapping, zero-length findings)
- service.py    the answer: our matches merged with the real server's, cached by text and options
- access.py     who may ask: anonymous on loopback, else username + apiKey
"""
from app.ltapi.request import ApiError, CheckRequest, parse_request
from app.ltapi.service import CACHE, check, languages

__all__ = ["ApiError", "CheckRequest", "parse_request", "check", "languages", "CACHE"]
