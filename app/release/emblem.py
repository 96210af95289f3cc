"""The EU emblem drawn from its official geometry (Council of Europe description; Regulation (EU)
763/2014, annex): a blue (#003399) rectangle whose fly is 1.5 × the hoist; twelve upright yellow
(#FFCC00) five-pointed stars on an invisible circle of radius hoist/3 around the centre, placed
like the hours on a clock face; each star's radius (centre to tip) is hoist/18.

``emblem_png(height_cm, dpi)`` gives PNG bytes at print resolution (cached). Drawn 4× larger and
downsampled, so the edges are anti-aliased while the geometry stays exact.
"""
from __future__ import annotations

import io
import math
from functools import lru_cache

BLUE = (0x00, 0x33, 0x99)
YELLOW = (0xFF, 0xCC, 0x00)
RATIO = 1.5  # fly / hoist
CIRCLE = 1 / 3  # radius of the circle of stars / hoist
STAR = 1 / 18  # star radius / hoist
INNER = math.cos(math.radians(72)) / math.cos(math.radians(36))  # regular pentagram: inner / outer radius
HEIGHT_CM = 1.5  # emblem height in the DOCX header (at least 1 cm)
DPI = 600
_SUPERSAMPLE = 4


def size_px(height_cm: float = HEIGHT_CM, dpi: int = DPI) -> tuple[int, int]:
    hoist = round(height_cm / 2.54 * dpi)
    return round(hoist * RATIO), hoist


def star_centres(width: float, height: float) -> list[tuple[float, float]]:
    """Centres of the twelve stars in pixel coordinates (12 o'clock first, clockwise)."""
    cx, cy, r = width / 2, height / 2, height * CIRCLE
    return [(cx + r * math.sin(math.radians(30 * k)), cy - r * math.cos(math.radians(30 * k))) for k in range(12)]


def star_points(cx: float, cy: float, radius: float) -> list[tuple[float, float]]:
    """An upright five-pointed star (one tip straight up) as ten polygon vertices."""
    pts = []
    for i in range(10):
        r = radius if i % 2 == 0 else radius * INNER
        a = math.radians(-90 + 36 * i)
        pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return pts


def draw_emblem(height_px: int):
    """A Pillow RGB image of the emblem, ``height_px`` high and 1.5 × as wide."""
    from PIL import Image, ImageDraw

    width_px = round(height_px * RATIO)
    s = _SUPERSAMPLE
    W, H = width_px * s, height_px * s
    img = Image.new("RGB", (W, H), BLUE)
    draw = ImageDraw.Draw(img)
    # pixel centres: a point (x, y) in image units is at ((x - 0.5), (y - 0.5)) in pixel indices;
    # drawing in supersampled space keeps centres exact after the box downsample
    for cx, cy in star_centres(W, H):
        draw.polygon(star_points(cx, cy, H * STAR), fill=YELLOW)
    return img.resize((width_px, height_px), Image.BOX)


@lru_cache(maxsize=8)
def emblem_png(height_cm: float = HEIGHT_CM, dpi: int = DPI) -> bytes:
    width, height = size_px(height_cm, dpi)
    img = draw_emblem(height)
    buf = io.BytesIO()
    img.save(buf, "PNG", dpi=(dpi, dpi), optimize=True)
    return buf.getvalue()


if __name__ == "__main__":  # python -m app.release.emblem out.png
    import sys

    with open(sys.argv[1] if len(sys.argv) > 1 else "emblem.png", "wb") as fh:
        fh.write(emblem_png())
