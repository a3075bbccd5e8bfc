"""The report's one typeface, DejaVu Sans, embedded so that every accent prints and extracts.

ReportLab's built-in fonts (Helvetica and friends) are neither embedded nor able
to show every character of French text; every style and chart label of the report
names one of the two fonts below instead.
"""

from __future__ import annotations

import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from counselor_app.resources import resource_path

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"

_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}
_lock = threading.Lock()


def register_fonts() -> None:
    """Register both fonts with ReportLab; calling it again does nothing."""
    with _lock:
        registered = set(pdfmetrics.getRegisteredFontNames())
        for name, filename in _FILES.items():
            if name not in registered:
                pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", filename))))
        # <b> in a paragraph of the regular font picks the bold one.
        addMapping(REGULAR, 0, 0, REGULAR)
        addMapping(REGULAR, 1, 0, BOLD)
        addMapping(REGULAR, 0, 1, REGULAR)
        addMapping(REGULAR, 1, 1, BOLD)


def text_width(text: str, size: float, bold: bool = False) -> float:
    width: float = pdfmetrics.stringWidth(text, BOLD if bold else REGULAR, size)
    return width


def fit(text: str, width: float, size: float, bold: bool = False) -> str:
    """``text`` shortened with an ellipsis so that it takes at most ``width`` points."""
    if text_width(text, size, bold) <= width:
        return text
    while text and text_width(text + "…", size, bold) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def breakable(text: str, width: float, size: float, bold: bool = False) -> str:
    """``text`` with a space after the hyphens of words wider than ``width``.

    ReportLab breaks lines at spaces only; a hyphenated word too wide for its
    column would otherwise be cut anywhere. Such a word cannot share a line with
    its own halves, so the added space never shows.
    """
    words = text.split(" ")
    for i, word in enumerate(words):
        if "-" in word.strip("-") and text_width(word, size, bold) > width:
            words[i] = word.replace("-", "- ").replace("- - ", "-- ")
    return " ".join(words)
