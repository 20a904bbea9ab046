"""A printable QR code of a service's survey link, for the service counter.

The PNG shows the QR code of ``https://t.me/<bot>?start=skm_<CODE>`` with the survey
title, the office and the service name and the link itself under it, large enough to be
scanned from a printed A5 sheet.

segno and Pillow are imported when a picture is drawn, not with this module: the bot
imports it at start and draws one only when asked (they cost memory for as long as the
process lives).
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL import Image, ImageDraw, ImageFont

SCALE = 24  # pixels per QR module: about 7.5 cm wide at 300 dpi
BORDER = 4  # quiet zone in modules, as the QR standard asks
MARGIN = 80
LINE_GAP = 22


def survey_link(bot_username: str, service_code: str) -> str:
    """The deep link that opens the survey for one service."""
    return f"https://t.me/{bot_username}?start=skm_{service_code}"


@dataclass(frozen=True)
class Caption:
    title: str
    office: str
    service: str
    hint: str
    link: str


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    from PIL import ImageFont

    return ImageFont.load_default(size=size)


def _wrap(
    draw: ImageDraw.ImageDraw,
    text: str,
    font: ImageFont.FreeTypeFont | ImageFont.ImageFont,
    width: int,
) -> list[str]:
    """Break ``text`` into lines no wider than ``width`` pixels, at spaces."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if current and draw.textlength(candidate, font=font) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    return [*lines, current] if current else lines


def render(link: str, caption: Caption) -> Image.Image:
    """The QR code with its caption, on white, as one image."""
    import segno
    from PIL import Image, ImageDraw

    buffer = io.BytesIO()
    segno.make(link, error="m").save(buffer, kind="png", scale=SCALE, border=BORDER)
    buffer.seek(0)
    code = Image.open(buffer).convert("RGB")
    width = code.width + 2 * MARGIN
    measure = ImageDraw.Draw(Image.new("RGB", (1, 1)))
    blocks = [
        (caption.title, _font(64)),
        (caption.office, _font(48)),
        (caption.service, _font(76)),
        (caption.hint, _font(44)),
        (caption.link, _font(34)),
    ]
    lines = [
        (line, font)
        for text, font in blocks
        for line in _wrap(measure, text, font, width - 2 * MARGIN)
    ]
    # Pillow's FreeType boxes are whole pixels, typed as floats: the canvas needs ints.
    heights = [math.ceil(font.getbbox("Ag")[3]) + LINE_GAP for _, font in lines]
    canvas = Image.new("RGB", (width, MARGIN + code.height + sum(heights) + MARGIN), "white")
    canvas.paste(code, (MARGIN, MARGIN))
    draw = ImageDraw.Draw(canvas)
    y = MARGIN + code.height
    for (line, font), height in zip(lines, heights, strict=True):
        x = (width - draw.textlength(line, font=font)) / 2
        draw.text((x, y), line, fill="black", font=font)
        y += height
    return canvas


def png(link: str, caption: Caption) -> bytes:
    """The same picture as PNG bytes, to send in a chat (e.g. the citizen forum's link)."""
    buffer = io.BytesIO()
    render(link, caption).save(buffer, format="PNG", dpi=(300, 300))
    return buffer.getvalue()


def write_png(path: Path, link: str, caption: Caption) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    render(link, caption).save(path, format="PNG", dpi=(300, 300))
