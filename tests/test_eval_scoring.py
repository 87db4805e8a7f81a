"""Scoring building blocks: item alignment, text and fact normalisation, summary and span checks."""

from __future__ import annotations

import datetime as dt

from llm_extract.contract.models import Outcome, Span
from llm_extract.engine.api import extract_text
from llm_extract.evaluation.align import align
from llm_extract.evaluation.metrics import METRICS, aggregate, confusion, percentile
from llm_extract.evaluation.records import ItemPair, LetterRecord
from llm_extract.evaluation.spans import check_grounding
from llm_extract.evaluation.summary_checks import states
from llm_extract.evaluation.textnorm import find_dates, fold, unsupported_facts
from tests.letterkit import simple

U, OV = Outcome.upheld, Outcome.overturned


def test_alignment_pairs_in_order_and_reports_missed_and_spurious_items() -> None:
    expected = ["MRI of the right shoulder", "MRI of the left shoulder", "Physical therapy x 12"]
    predicted = ["mri of the LEFT shoulder.", "Physical  therapy x12", "Acupuncture x 6"]
    rows = align(expected, predicted)
    assert [(e, p) for e, p, _ in rows] == [(0, None), (1, 0), (2, 1), (None, 2)]


def test_alignment_never_pairs_crosswise() -> None:
    # Two similar items swapped: an order-aware alignment keeps one pair, never both crossed.
    rows = align(["MRI right knee", "MRI left knee"], ["MRI left knee", "MRI right knee"])
    paired = [(e, p) for e, p, _ in rows if e is not None and p is not None]
    assert len(paired) == 1


def test_dates_compare_across_spellings() -> None:
    day = dt.date(2016, 12, 9)
    for text in ("12/09/2016", "12-9-16", "December 9, 2016", "9 de diciembre de 2016"):
        assert [d for d, _ in find_dates(text)] == [day], text


def test_unsupported_facts_allow_procedural_facts_and_letter_values() -> None:
    letter = "Decision Date: 12/09/2016. Trezix capsule 320.5/30/16mg #5. Request for 12 sessions."
    ok = (
        "The decision is dated December 9, 2016. Part was approved: Trezix capsule 320.5/30/16mg #5. "
        "You must file within 30 days. If it was served by mail, you get 5 more days. 8 CCR 10575(c). "
        "12 sessions."
    )
    assert unsupported_facts(ok, letter) == []
    bad = "You may have 18 visits. The decision is dated January 3, 2017."
    assert unsupported_facts(bad, letter) == ["2017-01-03", "18"]
    # Only the procedural phrase is allowed, not its number in another role.
    assert unsupported_facts("File within 30 days.", "Decision Date: 12/09/2016.") == []
    assert unsupported_facts("You get 30 visits.", "Decision Date: 12/09/2016.") == ["30"]


def test_outcome_statements() -> None:
    assert states("This treatment is approved. The claims administrator must now authorize it.", True, "en")
    assert states("This treatment is not approved.", False, "en")
    assert not states("This treatment is not approved.", True, "en")
    assert not states("This treatment is approved.", False, "en")
    assert states("Este tratamiento no fue aprobado.", False, "es")
    assert states("Este tratamiento fue aprobado.", True, "es")


def test_grounding_flags_a_span_that_does_not_hold_its_value() -> None:
    text = simple().clean()
    doc = extract_text(text)
    good = check_grounding(doc, text)
    assert good.checked > 10 and good.ungrounded == []
    first = doc.decisions[0]
    moved = first.model_copy(update={"spans": first.spans.model_copy(update={"service": Span(start=0, end=10)})})
    bad = check_grounding(doc.model_copy(update={"decisions": [moved, *doc.decisions[1:]]}), text)
    assert bad.ungrounded == [f"decisions[{first.index}].service"]
    assert fold("a \n b\u2019") == "a b'"


def _letter(pairs: list[tuple[Outcome | None, Outcome | None]]) -> LetterRecord:
    items = [
        ItemPair(
            expected=i + 1 if e else None,
            predicted=i + 1 if p else None,
            expected_outcome=e,
            predicted_outcome=p,
            similarity=1.0,
        )
        for i, (e, p) in enumerate(pairs)
    ]
    return LetterRecord(id="x", letter="x", status="ok", items=items)


def test_per_class_metrics_keep_the_rare_class_visible() -> None:
    # 9 upheld right, 1 overturned predicted upheld, 1 spurious overturned, 1 missed upheld
    letter = _letter([(U, U)] * 9 + [(OV, U), (None, OV), (U, None)])
    m = aggregate([letter])
    # outcomes over the 10 matched items: the spurious and the missed item are item errors only
    assert m["outcome.accuracy"] == 9 / 10
    assert m["outcome.overturned.recall"] == 0.0
    assert m["outcome.overturned.precision"] is None  # no matched item predicted overturned
    assert m["outcome.upheld.recall"] == 1.0
    assert m["outcome.upheld.precision"] == 9 / 10
    assert m["items.precision"] == 10 / 11 and m["items.recall"] == 10 / 11
    assert (m["items.matched"], m["items.missed"], m["items.spurious"]) == (10, 1, 1)
    assert confusion([letter]) == {
        "upheld": {"upheld": 9, "overturned": 0, "(missed)": 1},
        "overturned": {"upheld": 1, "overturned": 0, "(missed)": 0},
        "(none)": {"upheld": 0, "overturned": 1, "(missed)": 0},
    }
    assert set(m) == set(METRICS)


def test_undefined_ratios_are_none_not_perfect() -> None:
    m = aggregate([_letter([(U, U)])])
    assert m["outcome.overturned.recall"] is None and m["outcome.overturned.precision"] is None
    assert percentile([], 50) is None and percentile([1.0, 3.0], 50) == 2.0
