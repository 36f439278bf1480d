"""The trainer of the name spelling model (tools/train_name_spelling.py), a
developer tool outside the package: the model it writes is the one the package
loads, and it writes it the same way every time. Trained here on a few names."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.morphology.names import spelling

TOOLS = Path(__file__).resolve().parents[2] / "tools"
PAIRS = [
    ("كولورادو", "colorado"), ("كاتالانو", "catalano"), ("أورلاندو", "orlando"),
    ("ديترويت", "detroit"), ("تورنتو", "toronto"), ("بورتو", "porto"), ("ماريو", "mario"),
    ("روما", "roma"),
    ("لندن", "london"), ("برلين", "berlin"), ("مدريد", "madrid"), ("باريس", "paris"),
    ("ميلانو", "milano"), ("دالاس", "dallas"), ("بوسطن", "boston"), ("تكساس", "texas"),
    ("فلوريدا", "florida"), ("أوتاوا", "ottawa"), ("مونتريال", "montreal"), ("سانتو", "santo"),
]  # fmt: skip


@pytest.fixture
def trainer(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.syspath_prepend(str(TOOLS))
    import train_name_spelling

    return train_name_spelling


def test_the_trainers_model_is_the_one_the_package_spells_with(trainer, tmp_path: Path) -> None:
    paths = [tmp_path / folder / spelling.DATA_FILE.name for folder in ("first", "again")]
    for path in paths:
        path.parent.mkdir()
        trainer.save(trainer.train(PAIRS, english=["colorado", "toronto"], min_count=1), path)
    assert paths[0].read_bytes() == paths[1].read_bytes()  # deterministic
    model = spelling.load(paths[0])
    assert spelling.spell_with(model, "تورنتو") == "Toronto"
    assert spelling.spell_with(model, "لندن") == "London"
    assert spelling.spell_with(model, "ترامب") is None  # letters it never saw
