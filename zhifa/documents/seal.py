"""The agency's seal image, generated (a demo seal: a real agency scans its own): a red
ring, the agency's name along the top arc, a star, and the seal's use below it."""

from __future__ import annotations

import base64
import io
import math
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

from zhifa.documents.fonts import font_file

RED = (215, 25, 32, 255)
SIZE = 420  # pixels: 42 mm at 10 px/mm (GB/T 9704: the seal is 42 mm across)


def _star(draw: ImageDraw.ImageDraw, cx: float, cy: float, r: float) -> None:
    points = []
    for i in range(10):
        radius = r if i % 2 == 0 else r * 0.382
        angle = -math.pi / 2 + i * math.pi / 5
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    draw.polygon(points, fill=RED)


@lru_cache(maxsize=64)
def seal_png(name: str, use: str = "") -> bytes:
    """The seal of ``name`` as a transparent PNG."""
    img = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    c = SIZE / 2
    draw.ellipse((8, 8, SIZE - 8, SIZE - 8), outline=RED, width=12)
    _star(draw, c, c, 62)
    font = ImageFont.truetype(font_file("sans-bold"), 40)
    chars = list(name)
    span = min(250.0, 22.0 * len(chars))  # degrees of arc the name takes
    radius = c - 56
    for i, ch in enumerate(chars):
        angle = -90 - span / 2 + (span * (i + 0.5) / len(chars))
        rad = math.radians(angle)
        glyph = Image.new("RGBA", (56, 56), (0, 0, 0, 0))
        ImageDraw.Draw(glyph).text((28, 28), ch, font=font, fill=RED, anchor="mm")
        glyph = glyph.rotate(-(angle + 90), resample=Image.BICUBIC)
        x = c + radius * math.cos(rad) - 28
        y = c + radius * math.sin(rad) - 28
        img.alpha_composite(glyph, (int(x), int(y)))
    if use:
        small = ImageFont.truetype(font_file("sans-bold"), 30)
        draw.text((c, c + 105), use, font=small, fill=RED, anchor="mm")
    out = io.BytesIO()
    img.save(out, format="PNG")
    return out.getvalue()


def seal_data_uri(name: str, use: str = "") -> str:
    return "data:image/png;base64," + base64.b64encode(seal_png(name, use)).decode()
