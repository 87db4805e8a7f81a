"""The remembered sentence hits (``reasons._memo_hits``) give what reading the sentence in its rationale gives.

A sentence's hits are remembered only when they depend on nothing but its words and the
quotations around it; a rule that reads the text after it, the item's scope or the rest
of the rationale makes it read in its rationale instead. Each case below differs only in
one of those, so a memo that answered such a sentence from an earlier reading would
give the second reading the first one's reasons.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from llm_extract.contract.models import Outcome, Reason
from llm_extract.parse import reasons
from llm_extract.parse.parser import parse
from llm_extract.parse.reasons import find_reasons

INVENTED = sorted((Path(__file__).parent.parent / "evals" / "synthetic" / "letters").glob("*.txt"))

MUA = "Manipulation under anesthesia is not recommended."
TRIAL = "Additional sessions should be decided once the trial is completed."
QUOTED = (
    'ODG states "manipulation under anesthesia is not recommended for the treatment of chronic low back'
    ' pain in any patient". The patient has no improvement.'
)


def codes(rationale: str, service: str | None) -> list[str]:
    return [r.code.value for r in find_reasons(rationale, 0, len(rationale), Outcome.upheld, service)]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # the text after the sentence
        (
            (MUA, "manipulation under anesthesia"),
            (MUA + " That is not the procedure requested here.", "manipulation under anesthesia"),
        ),
        # the item's scope
        ((MUA, "manipulation under anesthesia"), (MUA, "physical therapy 12 sessions")),
        # the rest of the rationale
        (("The initial 6 sessions were approved. " + TRIAL, "physical therapy"), (TRIAL, "physical therapy")),
        # the quotations around it
        ((QUOTED, "manipulation under anesthesia"), (QUOTED.replace('"', ""), "manipulation under anesthesia")),
    ],
)
def test_a_sentence_read_in_another_context_is_read_again(
    first: tuple[str, str | None], second: tuple[str, str | None]
) -> None:
    reasons._memo_hits.cache_clear()
    remembered = (codes(*first), codes(*second))
    reasons._memo_hits.cache_clear()
    alone = codes(*second)
    reasons._memo_hits.cache_clear()
    assert remembered == (codes(*first), alone)
    assert remembered[0] != remembered[1]


def _mixed_rationales(count: int) -> list[tuple[str, Outcome, str | None]]:
    """Rationales of the invented letters' sentences in a new order, with quotation marks, other
    wrapping and the sentences above between them (fixed seed)."""
    rng = random.Random(15)
    sentences: list[str] = []
    services: list[str | None] = [None]
    for path in INVENTED:
        text = path.read_text()
        for d in parse(text).decisions:
            services.append(d.service)
            if d.spans.rationale:
                folded = reasons._fold(text, d.spans.rationale.start, d.spans.rationale.end).text
                sentences += [folded[a:b] for a, b in reasons._sentences(folded)]
    extra = [MUA, TRIAL, "That is not the procedure requested here.", 'ODG states that "', '" ', "docu-\nmentation "]
    out = []
    for _ in range(count):
        parts = [rng.choice(extra) if rng.random() < 0.15 else rng.choice(sentences) for _ in range(rng.randint(1, 10))]
        out.append((rng.choice([" ", "\n", "  \n"]).join(parts), rng.choice(list(Outcome)), rng.choice(services)))
    return out


def test_remembered_hits_are_the_hits_of_the_sentence_in_its_rationale(monkeypatch: pytest.MonkeyPatch) -> None:
    cases = _mixed_rationales(400) + [(text, Outcome.upheld, None) for text in (p.read_text() for p in INVENTED)]

    def run() -> list[list[Reason]]:
        return [find_reasons(text, 0, len(text), outcome, service) for text, outcome, service in cases]

    reasons._memo_hits.cache_clear()
    first, again = run(), run()
    assert reasons._memo_hits.cache_info().hits > len(cases)  # the second run read sentences from the memo
    monkeypatch.setattr(reasons, "_MEMO_CHARS", -1)  # nothing is remembered
    reasons._memo_hits.cache_clear()
    assert first == again == run()
