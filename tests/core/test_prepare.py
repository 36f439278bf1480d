"""The reading core's pipeline (reader.reading.prepare) on the real analyzer."""

from __future__ import annotations

import pytest

from reader.morphology.document import AnalysisCancelled
from reader.reading.prepare import Stage, prepare, stages
from reader.text import document_from_text

SENTENCE = "زار وزير الخارجية موسكو أمس، والتقى الرئيس الروسي."


def test_the_stages_come_in_order_and_the_last_is_prepare(morphology) -> None:
    document = document_from_text(SENTENCE)
    done = list(stages(document, morphology))
    assert [stage.stage for stage in done] == [Stage.ANALYSED, Stage.VOCALISED]
    assert all(stage.document is document for stage in done)
    assert done[0].analysis.vocalizations == () and done[1].analysis.vocalizations
    last = prepare(document, morphology)
    assert last.stage is Stage.VOCALISED
    assert last.forms == done[1].forms and last.keys.keys == done[1].keys.keys
    assert last.coverage == done[0].coverage == (8, 8)


def test_a_cancelled_preparation_never_loads_the_vowel_model(
    morphology, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cancelled after its analysis (another document was opened), it stops there:
    the model's load (a second or more) is not started for a document gone."""
    loads: list[int] = []
    monkeypatch.setattr(morphology.diacritizer, "load", lambda: loads.append(1))
    cancelled = False
    running = stages(document_from_text(SENTENCE), morphology, cancelled=lambda: cancelled)
    assert next(running).stage is Stage.ANALYSED
    cancelled = True
    with pytest.raises(AnalysisCancelled):
        next(running)
    assert loads == []


def test_without_the_vowel_model_the_learner_is_told_and_the_analysis_stands(
    morphology, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.morphology.vowels.diacritizer import DiacritizerUnavailable

    def unavailable() -> None:
        raise DiacritizerUnavailable("The vowel model (test) could not be loaded")

    monkeypatch.setattr(morphology.diacritizer, "load", unavailable)
    document = document_from_text(SENTENCE)
    done = list(stages(document, morphology))
    assert [stage.stage for stage in done] == [Stage.ANALYSED, Stage.ANALYSED]
    assert done[0].notice == ""
    assert done[1].notice.startswith("Vowels in context are unavailable")
    assert done[1].analysis is done[0].analysis
