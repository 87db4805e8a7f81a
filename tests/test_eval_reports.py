"""Reports: the HTML is self-contained and escapes letter text; missing letters are reported."""

from __future__ import annotations

import html
import json
import shutil
from html.parser import HTMLParser
from pathlib import Path

from rich.console import Console

from llm_extract.backends.rules import RulesBackend
from llm_extract.evaluation.fixtures import REPO_ROOT, load_fixtures
from llm_extract.evaluation.gate import load_thresholds, run_gate
from llm_extract.evaluation.present import ReportInput
from llm_extract.evaluation.report_html import Mark, highlight, render_html
from llm_extract.evaluation.report_markdown import cell, render_markdown
from llm_extract.evaluation.report_terminal import print_run
from llm_extract.evaluation.runner import run_eval
from tests.evalkit import SEEDS, copy_fixtures

CASE = "CM16-9999999"
INJECTED = "<script>alert(1)</script>"


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.links += [v or "" for k, v in attrs if k in ("href", "src", "srcset", "action", "data")]


def hostile_fixture(tmp_path: Path) -> tuple[Path, Path]:
    """A corpus letter (seed-004's text) whose item heading and trailer carry markup."""
    text = (REPO_ROOT / "examples/letters/seed-004.txt").read_text(encoding="utf-8")
    assert "LEFT FOOT: Overturned" in text
    text = text.replace("LEFT FOOT: Overturned", f"LEFT FOOT {INJECTED}: Overturned")
    text += '\n</pre><img src="http://example.invalid/x.png" onerror="alert(2)">\n'
    corpus = tmp_path / "corpus"
    (corpus / "text").mkdir(parents=True)
    (corpus / "text" / f"{CASE}.txt").write_text(text, encoding="utf-8")
    label = json.loads((REPO_ROOT / "evals/fixtures/seed-004.json").read_text())
    label["id"] = CASE
    label["letter"] = {"corpus_case": CASE}
    label["expected"]["decisions"][0]["service"] += f" {INJECTED}"
    fixtures = tmp_path / "fixtures"
    fixtures.mkdir()
    (fixtures / f"{CASE}.json").write_text(json.dumps(label))
    return fixtures, corpus


def test_html_report_is_self_contained_and_escapes_letter_text(tmp_path: Path) -> None:
    fixtures, corpus = hostile_fixture(tmp_path)
    run = run_eval(RulesBackend(), load_fixtures(fixtures), corpus=corpus, fixtures_dir=fixtures)
    record = run.record
    assert record.metrics["fields.decision.service"] == 1.0  # the markup really went through the pipeline
    page = render_html(ReportInput(record=record), run.letters)
    parser = Tags()
    parser.feed(page)
    assert parser.tags.isdisjoint({"script", "img", "link", "iframe", "object", "embed", "base", "form"})
    assert all(link.startswith("#") for link in parser.links), parser.links
    assert "<script" not in page.lower() and "<img" not in page.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Chiropractic &amp; Acupuncture" in page
    assert "<style>" in page and "@import" not in page and "url(" not in page
    # the predicted service span is highlighted and names its field
    assert 'title="decisions[1].service"' in page


def test_highlight_prefers_the_innermost_span_and_escapes() -> None:
    text = "a <b> & c"
    html = highlight(text, [Mark(0, 9, "outer", "block"), Mark(2, 5, "inner", "value"), Mark(8, 99, "bad", "x")])
    assert html == (
        '<mark class="k-block" title="outer">a </mark><mark class="k-value" title="inner; outer">'
        '&lt;b&gt;</mark><mark class="k-block" title="outer"> &amp; c</mark>'
    )


def test_missing_corpus_is_reported_not_fatal(tmp_path: Path) -> None:
    fixtures = load_fixtures()
    run = run_eval(RulesBackend(), fixtures, corpus=tmp_path / "no-corpus")
    m = run.record.metrics
    assert m["letters.missing"] == 65 and m["letters.scored"] == 5 and m["letters.failed"] == 0
    missing = [x for x in run.record.letters if x.status == "missing"]
    assert all(x.letter.startswith("corpus:") and not x.fields for x in missing)
    gate = run_gate(run.record, load_thresholds().for_backend("rules"))
    assert gate.passed and "65 fixture letter(s) missing (letter file not found): gated on 5 letter(s)" in gate.notes
    report = ReportInput(record=run.record, gate=gate)
    md = render_markdown(report)
    assert "**65 fixture letter(s) missing**" in md and "## Gate: PASSED" in md
    page = render_html(report, run.letters)
    assert page.count('class="badge b-miss"') == 2 * 65  # index and per-letter header
    console = Console(record=True, width=120)
    print_run(console, report)
    assert "65 fixture letter(s) missing" in console.export_text()


def test_markdown_lists_mismatches_and_escapes_cells(tmp_path: Path) -> None:
    fixtures = copy_fixtures(tmp_path / "fixtures")
    label = fixtures / "seed-000.json"
    data = json.loads(label.read_text())
    data["expected"]["reviewer"]["specialties"] = ["Chiropractic | Acupuncture"]
    label.write_text(json.dumps(data))
    seeds = [f for f in load_fixtures(fixtures) if f.letter.path]
    md = render_markdown(ReportInput(record=run_eval(RulesBackend(), seeds, corpus=None).record))
    assert "### seed-000" in md
    assert "| reviewer.specialties | [Chiropractic \\| Acupuncture] | [Chiropractic & Acupuncture] |" in md
    assert cell("a|b\nc") == "a\\|b c"
    shutil.rmtree(fixtures)


def test_terminal_report_survives_markup_in_values() -> None:
    run = run_eval(RulesBackend(), SEEDS[:1], corpus=None)
    letter = run.record.letters[0]
    letter.fields[0].predicted = "[bold]not markup[/bold]"
    letter.fields[0].correct = False
    console = Console(record=True, width=200)
    print_run(console, ReportInput(record=run.record))
    assert "[bold]not markup[/bold]" in console.export_text()


def test_reports_show_reasons_beside_their_labels_and_filter_letters(tmp_path: Path) -> None:
    run = run_eval(RulesBackend(), SEEDS, corpus=None)
    label = SEEDS[0].expected.decisions[0].reasons
    assert label is not None
    page = render_html(ReportInput(record=run.record), run.letters)
    assert "<h4>Reasons: shown vs labeled</h4>" in page and "<h2>Reasons per code</h2>" in page
    assert f"&ldquo;{html.escape(label.evidence, quote=True)}&rdquo;" in page  # the labeled evidence span
    assert 'class="r-gold" title="gold"' in page
    assert "id=f-bad" in page and "id=f-diff" in page and "<script" not in page.lower()
    md = render_markdown(ReportInput(record=run.record))
    assert "## Reasons per code" in md and "| reasons.misinform |" in md.replace("| Reasons |", "|")
    console = Console(record=True, width=80)
    print_run(console, ReportInput(record=run.record))
    assert "reasons   cover 1.000" in console.export_text()
