"""``llm-extract extract --format text|html|pdf|table``: the worker's document from the command line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from typer.testing import CliRunner

from llm_extract.cli import app
from llm_extract.contract.models import ReasonCode
from llm_extract.engine.api import extract_file
from llm_extract.evaluation.fixtures import REPO_ROOT
from llm_extract.render.api import to_html, to_text
from llm_extract.render.browser import ENV_VAR

EXAMPLE = REPO_ROOT / "docs" / "screenshots" / "example-letter.txt"
SEED = REPO_ROOT / "examples" / "letters" / "seed-004.txt"
runner = CliRunner()


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["extract", *args, "--no-cache"])
    return result.exit_code, result.stdout, result.stderr


def test_text_prints_the_workers_document_in_the_chosen_language() -> None:
    code, out, _ = invoke(str(EXAMPLE), "--format", "text", "--lang", "es")
    assert code == 0
    assert out == to_text(extract_file(EXAMPLE, lang="es"))
    assert out.startswith("La decisión de su Revisión Médica Independiente (IMR)")


def test_text_and_html_files_with_out(tmp_path: Path) -> None:
    code, _, err = invoke(str(EXAMPLE), str(SEED), "--format", "text", "--out", str(tmp_path))
    assert code == 0, err
    assert (tmp_path / "example-letter.txt").read_text(encoding="utf-8") == to_text(extract_file(EXAMPLE))
    assert (tmp_path / "seed-004.txt").exists()
    code, _, _ = invoke(str(EXAMPLE), "--format", "html", "--out", str(tmp_path))
    assert code == 0
    assert (tmp_path / "example-letter.html").read_text(encoding="utf-8") == to_html(extract_file(EXAMPLE))
    assert not list(tmp_path.glob("*.tmp"))


def test_html_of_several_letters_needs_an_out_dir() -> None:
    code, out, err = invoke(str(EXAMPLE), str(SEED), "--format", "html")
    assert code == 2 and out == ""
    assert "add --out DIR" in err


def test_pdf_without_chromium_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "no-such-chromium"))
    code, _, err = invoke(str(EXAMPLE), "--format", "pdf", "--out", str(tmp_path))
    assert code == 2
    assert "[browser-not-found]" in err and ENV_VAR in err
    assert not list(tmp_path.glob("*.pdf"))


def test_pdf_needs_an_out_dir() -> None:
    code, _, err = invoke(str(EXAMPLE), "--format", "pdf")
    assert code == 2 and "add --out DIR" in err


@pytest.mark.skipif(shutil.which("chromium") is None, reason="Chromium not installed (apt-get install chromium)")
def test_pdf_is_printed_on_us_letter_pages(tmp_path: Path) -> None:
    code, _, err = invoke(str(EXAMPLE), str(SEED), "--format", "pdf", "--out", str(tmp_path))
    assert code == 0, err
    for name, pages, words in (("example-letter.pdf", 1, "Arthroscopic repair"), ("seed-004.pdf", 1, "ACUPUNCTURE")):
        pdf = pdfium.PdfDocument(tmp_path / name)
        assert len(pdf) == pages
        width, height = pdf[0].get_size()
        assert (round(width), round(height)) == (612, 792)  # US letter in points
        assert words in pdf[0].get_textpage().get_text_range()


def test_table_shows_plain_reasons_the_approved_part_and_follows_lang() -> None:
    code, out, _ = invoke(str(EXAMPLE), "--format", "table", "--lang", "es")
    assert code == 0
    flat = " ".join(out.replace("│", " ").split())
    assert not [c for c in ReasonCode if c.value in out]
    assert "probado" in flat and "inyecciones" in flat  # other_treatment_first, the care named, in Spanish
    assert "Ya aprobado" in flat and "#20)." in flat  # cells wrap: the words are checked, not the line
    assert "opioide, #60 (Norco" in flat  # the parts of a partly approved request are named in Spanish
    assert "No aprobado" in flat and "APROBADO" in flat
    assert "Número de caso: CM16-0000001" in flat
