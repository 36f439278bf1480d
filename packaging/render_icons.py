"""Render the PNG sizes freedesktop and Windows want from the scalable icon.

    uv run python packaging/render_icons.py

Writes resources/icons/arabic-reader-<size>.png and arabic-reader.ico; run it
after changing arabic-reader.svg and commit the results (the build does not
render, so it needs no display and gives the same bytes every time).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402 (the platform must be chosen first)
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
# hicolor sizes a desktop asks for: 48 is the required one, 512 serves HiDPI
# software centres, the small ones menus and title bars.
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    app = QGuiApplication(sys.argv[:1])  # noqa: F841 (QPainter needs an application)
    renderer = QSvgRenderer(str(ICONS / "arabic-reader.svg"))
    if not renderer.isValid():
        print("arabic-reader.svg could not be read", file=sys.stderr)
        return 1
    for size in SIZES:
        target = ICONS / f"arabic-reader-{size}.png"
        if not render(renderer, size).save(str(target), "PNG"):
            print(f"could not write {target}", file=sys.stderr)
            return 1
        print(target.relative_to(ICONS.parents[1]))
    # Windows' .exe icon (the spec uses it there); Qt's ico writer takes the 256 px.
    ico = ICONS / "arabic-reader.ico"
    if render(renderer, 256).save(str(ico), "ICO"):
        print(ico.relative_to(ICONS.parents[1]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
