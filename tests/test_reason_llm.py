"""Reasons on the LLM paths: the new codes are accepted, and a model's reason is checked
like any other field (its quote must lie in that item's rationale, its code must fit the
item's outcome). Uses an invented letter and the FAKE model (tests/llm_fakes.py)."""

from __future__ import annotations

import pytest

from llm_extract.backends.base import ExtractOptions
from llm_extract.contract.models import FieldSource, ReasonCode
from llm_extract.letter.inputs import LetterText
from llm_extract.parse.parser import parse
from llm_extract.verify.grounding import LetterContext, check_reason
from tests.letterkit import Item, Letter
from tests.llm_fakes import FakeModel, FakeTransport
from tests.llm_support import backend, settings

DUPLICATE = (
    "The guidelines support follow-up visits when clinically needed. In this case, the same visit was "
    "already authorized last month, so this is a duplicate request. Therefore, the request is not "
    "medically necessary."
)
TRIAL = (
    "Six visits were approved by utilization review. Additional visits would depend on the response to the "
    "approved 6 visits. Therefore, the request is not medically necessary."
)
APPROVED = "The documented improvement meets the guideline criteria. The request is medically necessary."


def letter() -> str:
    return Letter(
        [
            Item("Follow-up visit with the orthopedist: Upheld", rationale=DUPLICATE),
            Item("Acupuncture 12 visits: Upheld", rationale=TRIAL),
            Item("Physical therapy 6 visits: Overturned", rationale=APPROVED),
        ]
    ).clean()


def context() -> LetterContext:
    text = letter()
    return LetterContext(text, parse(text))


@pytest.mark.parametrize(
    ("index", "code", "quote"),
    [
        (1, ReasonCode.already_authorized, "so this is a duplicate request"),
        (2, ReasonCode.approved_trial_pending, "Additional visits would depend on the response"),
        (1, ReasonCode.related_item_not_approved, "the request is not medically necessary"),
        (3, ReasonCode.criteria_met, "meets the guideline criteria"),
    ],
)
def test_each_code_is_accepted_with_a_quote_from_its_own_rationale(index: int, code: ReasonCode, quote: str) -> None:
    ctx = context()
    outcome = next(d.outcome for d in ctx.parsed.decisions if d.index == index)  # type: ignore[union-attr]
    assert check_reason(ctx, index, outcome, code, quote) is None


def test_a_code_that_does_not_fit_the_outcome_is_refused() -> None:
    ctx = context()
    upheld, overturned = ctx.parsed.decisions[0].outcome, ctx.parsed.decisions[2].outcome  # type: ignore[union-attr]
    problem = check_reason(ctx, 1, upheld, ReasonCode.criteria_met, "so this is a duplicate request")
    assert problem is not None and "contradicts" in problem
    problem = check_reason(ctx, 3, overturned, ReasonCode.already_authorized, "meets the guideline criteria")
    assert problem is not None and "contradicts" in problem


def test_a_quote_from_another_items_rationale_is_refused() -> None:
    ctx = context()
    upheld = ctx.parsed.decisions[0].outcome  # type: ignore[union-attr]
    # True words of the letter, but they explain item 2, not item 1.
    problem = check_reason(ctx, 1, upheld, ReasonCode.approved_trial_pending, "Additional visits would depend")
    assert problem is not None and "quote" in problem


def test_hybrid_keeps_the_models_grounded_new_codes() -> None:
    text = letter()
    ex = backend("hybrid", settings(), FakeTransport(FakeModel())).extract(
        LetterText(text=text, kind="text", input_sha256="0" * 64), ExtractOptions()
    )
    first, second, third = ex.decisions
    assert first.reasons[0].code is ReasonCode.already_authorized
    assert second.reasons[0].code is ReasonCode.approved_trial_pending
    assert [r.code for r in third.reasons] == [ReasonCode.criteria_met]
    for d in ex.decisions:
        assert d.enrichment is not None and d.enrichment.sources.reasons is FieldSource.model
        rationale = d.spans.rationale
        assert rationale is not None
        assert all(rationale.start <= r.span.start < r.span.end <= rationale.end for r in d.reasons)


def test_hybrid_falls_back_to_the_rules_when_the_model_quotes_another_item() -> None:
    class CrossQuoting(FakeModel):
        """FAKE: answers item 1's reason with a quote from item 2's rationale."""

        def _item(self, text, parsed, index, wrong):  # type: ignore[no-untyped-def]
            item = super()._item(text, parsed, index, wrong)
            if index == 1:
                item["reasons"] = [{"code": "already_authorized", "quote": "Additional visits would depend"}]
            return item

    text = letter()
    ex = backend("hybrid", settings(), FakeTransport(CrossQuoting())).extract(
        LetterText(text=text, kind="text", input_sha256="0" * 64), ExtractOptions()
    )
    first = ex.decisions[0]
    assert first.enrichment is not None and first.enrichment.sources.reasons is not FieldSource.model
    # The rules' reasons stand, with spans in item 1's own rationale.
    assert first.reasons[0].code is ReasonCode.already_authorized
    assert "duplicate request" in text[first.reasons[0].span.start : first.reasons[0].span.end]
