"""Time on letter text stays linear in its length, whatever its shape (rules backend end to end:
parser, reasons and summary).

Timings are compared, never asserted absolutely: the CPU time of the same shape at n and 8n
copies must grow by less than 24x (linear is 8x, quadratic 64x), above a floor that absorbs
the fixed cost of a letter. The per-letter budget is lifted so that it cannot hide a slow path.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from llm_extract.budget import letter_budget
from llm_extract.engine.api import extract_text
from llm_extract.errors import LlmExtractError
from tests.letterkit import Item, Letter, simple

SHAPES: dict[str, str] = {
    "spaces": " ",
    "tabs": "\t",
    "newlines": "\n",
    "space-lines": " \n",
    "one long token": "x",
    "digits": "7",
    "dots": ".",
    "colons": ":",
    "parentheses": "(",
    "closing quotes": '."',
    "outcome words": " Upheld",
    "outcome lines": "Knee: Upheld\n",
    "outcome lines with label": "Knee: Overturned\nDecision rationale:\n",
    "partial sentences": "X was the original request.\n",
    "partial lead words": "original request, ",
    "board sentences": "Board Certified in ",
    "licensure labels": "State(s) of Licensure:",
    "label words": "Claims Administrator guideline ",
    "non-MTUS citations": "Non-MTUS Citation ",
    "short sentences": "A. ",
    "injury phrases": "sustained a ",
    "ages": "1 year ",
    "dates": "1/1/1",
    "decisions headings": "IMR ISSUES, DECISIONS AND RATIONALES ",
    "2013 phrases": "has determined the request for ",
    "urls": "https://",
    "nested brackets": "([{",
    "abbreviations": "Dr. ",
    "long token then dash": "x",
}
REGIONS = ("header", "credentials", "summary", "heading", "ca guideline", "rationale", "after the last item")


def letter_with(region: str, chunk: str) -> str:
    letter: Letter = simple(2)
    if region == "header":
        letter.extra_before_decisions = ""
        letter.summary = chunk + "\n" + letter.summary
    elif region == "credentials":
        letter.credentials += chunk + "\n"
    elif region == "summary":
        letter.summary += chunk + "\n"
    elif region == "heading":
        letter.items[1].heading = f"Knee {chunk} brace: Upheld"
    elif region == "ca guideline":
        letter.items[0].ca = f"Decision based on {chunk} MTUS."
    elif region == "rationale":
        letter.items[0].rationale = f"The request is reviewed. {chunk} It is not necessary."
    else:
        letter.trailer = chunk
    return letter.clean()


def cpu_seconds(text: str) -> float:
    best = float("inf")
    for _ in range(2):
        started = time.thread_time()
        try:
            with letter_budget(None):
                extract_text(text)
        except LlmExtractError:
            pass
        best = min(best, time.thread_time() - started)
    return best


def grows_linearly(build: Callable[[int], str], n: int) -> tuple[bool, str]:
    small, large = cpu_seconds(build(n)), cpu_seconds(build(8 * n))
    return large <= 24 * max(small, 0.005), f"{small * 1000:.1f} ms at n={n}, {large * 1000:.1f} ms at 8n"


@settings(max_examples=30, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(shape=st.sampled_from(sorted(SHAPES)), region=st.sampled_from(REGIONS), n=st.sampled_from([1500, 3000]))
def test_time_is_linear_in_every_shape_and_region(shape: str, region: str, n: int) -> None:
    unit, tail = SHAPES[shape], "-y. A" if shape == "long token then dash" else ""
    ok, figures = grows_linearly(lambda k: letter_with(region, unit * max(1, k // len(unit)) + tail), n)
    assert ok, f"{shape} in the {region}: {figures}"


@pytest.mark.parametrize("region", ["summary", "heading", "rationale", "after the last item"])
def test_a_run_of_spaces_in_the_decisions_section(region: str) -> None:
    """The old anchor regex restarted at every space of a run: 20k spaces took 14 s."""
    ok, figures = grows_linearly(lambda k: letter_with(region, " " * k), 2500)
    assert ok, figures


def test_thousands_of_repeated_headings() -> None:
    ok, figures = grows_linearly(lambda k: simple(max(1, k // 200)).clean(), 2000)
    assert ok, figures


def test_deep_nesting_of_partial_sentences_in_one_heading() -> None:
    def build(k: int) -> str:
        nested = "X was the original request. " * (k // 28)
        heading = f"{nested}Y was authorized by the Claims Administrator. The remaining IMR eligible portion: Upheld"
        letter = simple(1)
        letter.items[0].heading = heading
        return letter.clean()

    ok, figures = grows_linearly(build, 2000)
    assert ok, figures


@pytest.mark.parametrize(("unit", "tail"), [("Dr. ", ""), ("x", "-y. A")])
def test_reasons_sentence_splitter_shapes(unit: str, tail: str) -> None:
    """Quadratic in the reasons splitter before issue 9 (40k characters of one word: 37 s)."""
    ok, figures = grows_linearly(lambda k: letter_with("rationale", unit * (k // len(unit)) + tail), 2000)
    assert ok, figures


@pytest.mark.parametrize(
    "unit",
    [
        "Weaning should be managed, and it should ",  # the taper advice's cue words, no period
        "there is no radiculopathy, and she has radiculopathy ",  # the findings' words of absence
        "no trial of NSAIDs and she takes naproxen, and no physical therapy ",  # the care to try first
        "should continue with a home exercise program but ",  # the home program's first words
        "pain scores with and without medication are recorded, ",  # a missing fact the notes hold
        "Given a worsening of the findings and no trial of therapy ",  # the quoted clause before a verdict
    ],
)
def test_summary_finders_on_one_long_sentence(unit: str) -> None:
    """The taper advice's unbounded gaps were quadratic on a one-sentence rationale (1 MB: 250 s)."""
    ok, figures = grows_linearly(lambda k: letter_with("rationale", unit * max(1, k // len(unit))), 4000)
    assert ok, figures


def test_treatment_explanations_on_one_long_heading() -> None:
    """The ER/XR lookahead ran to the heading's end from every "ER" (bounded to 40 characters)."""
    ok, figures = grows_linearly(lambda k: letter_with("heading", "Tramadol ER " * max(1, k // 12)), 4000)
    assert ok, figures


@pytest.mark.parametrize(
    ("region", "unit"),
    [
        ("rationale", "the patient had an MRI of the lumbar spine on 1/1/2016 "),  # a test done before
        ("rationale", "had an MRI; "),  # its mentions, each in a clause of its own
        ("summary", "utilization review modified the request for lumbar MRI and "),  # a part approved before
        ("summary", "utilization review: the MRI was modified "),
        ("medicine", "he has kidney disease and a risk of sedation, "),  # a medicine that may harm him
    ],
)
def test_a_test_done_before_a_part_approved_before_and_a_harm_are_linear(region: str, unit: str) -> None:
    """Templates 20's first finder reread a sentence from its start at each mention (quadratic:
    400 mentions of an MRI took 3.9 s); the second reads the letter's modifications once."""

    def build(k: int) -> str:
        letter = Letter([Item("MRI of the lumbar spine: Upheld"), Item("Lumbar MRI with contrast: Upheld")])
        chunk = unit * max(1, k // len(unit))
        if region == "medicine":
            letter.items[0].heading = "Naproxen sodium 550mg #60: Upheld"
            letter.items[0].rationale = f"The request is reviewed. {chunk}. He has kidney disease. It is not necessary."
        elif region == "rationale":
            letter.items[0].rationale = f"The request is reviewed. {chunk} It is not necessary."
        else:
            letter.summary += chunk + "\n"
        return letter.clean()

    ok, figures = grows_linearly(build, 3000)
    assert ok, figures
