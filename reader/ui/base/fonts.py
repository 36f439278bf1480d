"""The Arabic faces: Amiri (OFL), shipped in resources/fonts and registered at
start-up, for text; a face that sets each vowel on its own letter for a fully
vocalised headword (:func:`vocalised_font`)."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

from reader.system import paths

BUNDLED_FONTS = ("Amiri-Regular.ttf", "Amiri-Bold.ttf")
# Faces that shape Arabic well, best first; the bundled one normally wins.
PREFERRED_FAMILIES = ("Amiri", "Noto Naskh Arabic", "Scheherazade New", "Noto Sans Arabic")
# For a headword with every vowel: Amiri's stacked joins (its contextual
# alternates) pile the marks of تَتَمَثَّلُ or يُجَسِّرُ into one tower; these faces set
# each vowel over its own letter (compared side by side in screenshots).
VOCALISED_FAMILIES = ("Noto Naskh Arabic", "Scheherazade New", "Noto Sans Arabic")
# The OpenType features switched off where Amiri must show one anyway.
STACKING_FEATURES = ("calt",)
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


def vocalised_family(preferred: str = "") -> str:
    """The face for fully vocalised words: the learner's own choice, unless it is
    the default Amiri; then the first of :data:`VOCALISED_FAMILIES` installed."""
    family = arabic_family(preferred)
    if family == "Amiri":
        installed = set(QFontDatabase.families())
        family = next((f for f in VOCALISED_FAMILIES if f in installed), family)
    return family


def vocalised_font(point_size: float, preferred: str = "") -> QFont:
    """The font of a vocalised headword: :func:`vocalised_family`, else Amiri
    without its stacked forms."""
    font = arabic_font(point_size, vocalised_family(preferred))
    if font.family() == "Amiri":
        for tag in STACKING_FEATURES:
            font.setFeature(QFont.Tag(tag), 0)
    return font


def clamp_size(size: int) -> int:
    return max(MIN_SIZE, min(MAX_SIZE, size))
