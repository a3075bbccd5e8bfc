"""Render the program's icon from its SVG into the files packages and installers use.

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/pyinstaller/render_icons.py

writes, beside ``resources/icons/counselor-app.svg``: PNGs of the usual hicolor sizes
(``counselor-app-<size>.png``), ``counselor-app.ico`` (Windows: the executable's icon)
and ``counselor-app.icns`` (macOS: the bundle's icon). The results are committed, so a
build needs neither this script nor Pillow; run it again after changing the SVG.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[2] / "resources" / "icons"
SVG = ICONS / "counselor-app.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int, target: Path) -> None:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    if not image.save(str(target), "PNG"):
        raise SystemExit(f"could not write {target}")


def main() -> int:
    app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"{SVG} is not a valid SVG")
    for size in PNG_SIZES:
        render(renderer, size, ICONS / f"counselor-app-{size}.png")
    large = ICONS.parent.parent / "build" / "counselor-app-1024.png"
    large.parent.mkdir(exist_ok=True)
    render(renderer, 1024, large)
    with Image.open(large) as image:
        image.save(ICONS / "counselor-app.ico", sizes=[(s, s) for s in ICO_SIZES])
        image.save(ICONS / "counselor-app.icns")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
