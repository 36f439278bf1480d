"""The Arabic face: Amiri (OFL), shipped in resources/fonts and registered at start-up."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

from reader.system import paths

BUNDLED_FONTS = ("Amiri-Regular.ttf", "Amiri-Bold.ttf")
# Faces that shape Arabic well, best first; the bundled one normally wins.
PREFERRED_FAMILIES = ("Amiri", "Noto Naskh Arabic", "Scheherazade New", "Noto Sans Arabic")
MIN_SIZE = 10
MAX_SIZE = 72

_registered: list[str] = []


def register_fonts() -> list[str]:
    """Add the bundled faces to Qt (once); returns the families they provide."""
    if not _registered:
        for name in BUNDLED_FONTS:
            font_id = QFontDatabase.addApplicationFont(str(paths.resources_dir() / "fonts" / name))
            if font_id >= 0:
                _registered.extend(QFontDatabase.applicationFontFamilies(font_id))
    return list(dict.fromkeys(_registered))


def arabic_family(preferred: str = "") -> str:
    families = set(QFontDatabase.families())
    for family in (preferred, *PREFERRED_FAMILIES):
        if family and family in families:
            return family
    return QFont().family()


def arabic_font(point_size: float, preferred: str = "", *, bold: bool = False) -> QFont:
    font = QFont(arabic_family(preferred))
    font.setPointSizeF(point_size)
    font.setBold(bold)
    # Kerning and the face's own shaping must win over any synthetic spacing.
    font.setStyleStrategy(QFont.StyleStrategy.PreferQuality)
    return font


def clamp_size(size: int) -> int:
    return max(MIN_SIZE, min(MAX_SIZE, size))
