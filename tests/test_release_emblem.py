"""The EU emblem measured on the generated PNG: colours, proportions, twelve stars on a circle of
radius hoist/3, star radius hoist/18, clock-hour positions, upright stars."""
from __future__ import annotations

import io
import math
from collections import deque

import pytest
from PIL import Image

from app.release.emblem import BLUE, YELLOW, emblem_png, size_px, star_centres


def _stars(img):
    """Connected yellow components: weighted centroid, radius (farthest mostly-yellow pixel), pixels."""
    w, h = img.size
    px = img.load()
    weight = [[max(0.0, min(1.0, px[x, y][0] / 255)) for x in range(w)] for y in range(h)]
    seen = [[False] * w for _ in range(h)]
    stars = []
    for y in range(h):
        for x in range(w):
            if seen[y][x] or weight[y][x] < 0.05:
                continue
            comp, q = [], deque([(x, y)])
            seen[y][x] = True
            while q:
                cx, cy = q.popleft()
                comp.append((cx, cy))
                for nx, ny in ((cx + 1, cy), (cx - 1, cy), (cx, cy + 1), (cx, cy - 1)):
                    if 0 <= nx < w and 0 <= ny < h and not seen[ny][nx] and weight[ny][nx] >= 0.05:
                        seen[ny][nx] = True
                        q.append((nx, ny))
            total = sum(weight[py][px_] for px_, py in comp)
            mx = sum((px_ + 0.5) * weight[py][px_] for px_, py in comp) / total
            my = sum((py + 0.5) * weight[py][px_] for px_, py in comp) / total
            core = [(px_, py) for px_, py in comp if weight[py][px_] >= 0.5]
            radius = max(math.hypot(px_ + 0.5 - mx, py + 0.5 - my) for px_, py in core)
            top = min(core, key=lambda p: p[1])
            stars.append({"centre": (mx, my), "radius": radius, "top": top, "area": total})
    return stars


@pytest.fixture(scope="module")
def emblem():
    img = Image.open(io.BytesIO(emblem_png()))
    return img.convert("RGB"), _stars(img.convert("RGB"))


def test_print_resolution_and_proportions(emblem):
    img, _ = emblem
    w, h = img.size
    assert (w, h) == size_px()
    assert abs(w / h - 1.5) < 0.005
    dpi = Image.open(io.BytesIO(emblem_png())).info["dpi"]
    assert round(dpi[0]) >= 300
    assert h / dpi[1] * 2.54 >= 1.0  # at least 1 cm high at its own resolution


def test_colours(emblem):
    img, _ = emblem
    assert img.getpixel((2, 2)) == BLUE == (0x00, 0x33, 0x99)
    assert img.getpixel((img.width // 2, img.height // 2)) == BLUE  # the circle is invisible
    colours = {c for _, c in img.getcolors(maxcolors=1 << 20)}
    assert YELLOW in colours
    counts = dict((c, n) for n, c in img.getcolors(maxcolors=1 << 20))
    assert counts[YELLOW] > 12 * 100  # solid star cores, not only anti-aliased edges


def test_twelve_stars_on_the_circle_like_clock_hours(emblem):
    img, stars = emblem
    w, h = img.size
    assert len(stars) == 12
    expected = star_centres(w, h)
    worst = 0.0
    for ex, ey in expected:
        nearest = min(stars, key=lambda s: math.hypot(s["centre"][0] - ex, s["centre"][1] - ey))
        worst = max(worst, math.hypot(nearest["centre"][0] - ex, nearest["centre"][1] - ey))
    assert worst < 0.5, f"star centre off by {worst:.2f} px"
    ring = [math.hypot(s["centre"][0] - w / 2, s["centre"][1] - h / 2) for s in stars]
    assert all(abs(r - h / 3) < 0.5 for r in ring), (min(ring), max(ring), h / 3)
    angles = sorted(round(math.degrees(math.atan2(s["centre"][0] - w / 2, h / 2 - s["centre"][1]))) % 360 for s in stars)
    assert angles == list(range(0, 360, 30))


def test_star_radius_is_one_eighteenth_of_the_hoist(emblem):
    img, stars = emblem
    h = img.height
    for s in stars:
        assert abs(s["radius"] - h / 18) < 1.0, (s["radius"], h / 18)


def test_stars_are_upright_five_pointed(emblem):
    img, stars = emblem
    h = img.height
    for s in stars:
        cx, cy = s["centre"]
        tx, ty = s["top"]
        assert abs(tx + 0.5 - cx) < 1.0  # the top tip straight above the centre
        assert cy - (ty + 0.5) > h / 18 - 1.5
        # area of a regular pentagram of radius R: about 1.123 R^2
        assert abs(s["area"] / (h / 18) ** 2 - 1.1226) < 0.06
