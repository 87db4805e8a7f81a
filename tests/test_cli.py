"""The command line as a user meets it: files in, JSON out, clear errors, exit codes."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from llm_extract.cli import app
from llm_extract.contract.models import Extraction
from llm_extract.contract.schema import schema_json
from llm_extract.evaluation.fixtures import REPO_ROOT
from tests.letterkit import simple
from tests.pdfkit import encrypt, letter_pdf, make_pdf

SEEDS = REPO_ROOT / "examples" / "letters"
runner = CliRunner()


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_seeds_to_out_dir_then_rerun_is_byte_identical_from_cache(tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, _, err = invoke("extract", str(SEEDS), "--out", str(out))
    assert code == 0, err
    assert "5 ok, 0 failed, 0 cache hit(s)" in err
    files = sorted(out.glob("*.json"))
    assert [f.name for f in files] == [f"seed-00{i}.json" for i in range(5)]
    first = {f.name: f.read_bytes() for f in files}
    for data in first.values():
        Extraction.model_validate_json(data)
    code, _, err = invoke("extract", str(SEEDS), "--out", str(out))
    assert code == 0
    assert "5 cache hit(s) (100%)" in err
    assert {f.name: f.read_bytes() for f in sorted(out.glob("*.json"))} == first


def test_no_cache_recomputes_identically(tmp_path: Path) -> None:
    seed = str(SEEDS / "seed-000.txt")
    code, cached, _ = invoke("extract", seed)
    code2, fresh, err = invoke("extract", seed, "--no-cache")
    assert code == code2 == 0
    assert "0 cache hit(s)" in err
    assert cached == fresh


def test_a_batch_with_bad_files_reports_each_and_keeps_the_good_ones(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEEDS / "seed-004.txt", src / "good.txt")
    (src / "empty.txt").write_bytes(b"")
    (src / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 50)
    (src / "shopping.txt").write_text("Milk, eggs, bread.\n")
    (src / "corrupt.pdf").write_bytes(b"%PDF-1.4\nthis is not really a pdf")
    (src / "locked.pdf").write_bytes(encrypt(make_pdf([["text"]]), user_password="pw"))
    (src / "scan.pdf").write_bytes(make_pdf([[]]))
    (src / "good2.pdf").write_bytes(letter_pdf(simple(2).clean()))
    out = tmp_path / "out"
    code, _, err = invoke("extract", str(src), "--out", str(out))
    assert code == 1
    assert sorted(p.name for p in out.glob("*.json")) == ["good.json", "good2.json"]
    expected = {
        "empty.txt": "empty-input",
        "binary.txt": "binary-input",
        "shopping.txt": "unrecognized-letter",
        "corrupt.pdf": "corrupt-pdf",
        "locked.pdf": "pdf-password-required",
        "scan.pdf": "pdf-no-text-layer",
    }
    lines = [line for line in err.splitlines() if line.startswith("error")]
    assert len(lines) == len(expected)
    for name, code_name in expected.items():
        assert any(name in line and f"[{code_name}]" in line for line in lines), (name, err)
    assert "Traceback" not in err
    assert "8 letter(s): 2 ok, 6 failed" in err


def test_missing_and_unsupported_paths(tmp_path: Path) -> None:
    docx = tmp_path / "letter.docx"
    docx.write_bytes(b"PK")
    code, _, err = invoke("extract", str(tmp_path / "nope.txt"), str(docx))
    assert code == 1
    assert "no such file" in err and "unsupported file type '.docx'" in err


def test_empty_directory_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = invoke("extract", str(tmp_path))
    assert code == 2 and "no .txt or .pdf letters found" in err


def test_single_letter_prints_the_document_and_several_print_json_lines() -> None:
    code, out, _ = invoke("extract", str(SEEDS / "seed-001.txt"), "--format", "json")
    assert code == 0
    doc = Extraction.model_validate_json(out)
    assert [d.service for d in doc.decisions] == [
        "Chiropractic, 6 visits",
        "Massage Therapy to the Lumbar Spine, 6 visits",
    ]
    code, out, _ = invoke("extract", str(SEEDS / "seed-001.txt"), str(SEEDS / "seed-004.txt"), "--format", "json")
    docs = [json.loads(line) for line in out.splitlines()]
    assert [d["decisions"][0]["outcome"] for d in docs] == ["upheld", "overturned"]


def test_table_format_says_approved_in_plain_words() -> None:
    code, out, _ = invoke("extract", str(SEEDS / "seed-004.txt"), str(SEEDS / "seed-000.txt"), "--format", "table")
    assert code == 0
    assert "APPROVED" in out and "Not approved" in out
    assert "INITIAL ACUPUNCTURE" in out


def test_spanish_summary() -> None:
    code, out, _ = invoke("extract", str(SEEDS / "seed-004.txt"), "--lang", "es", "--format", "json")
    summary = Extraction.model_validate_json(out).summary
    assert code == 0 and summary.language == "es"
    assert "aprobado" in summary.text


def test_cache_stats_and_clear(tmp_path: Path) -> None:
    cache = tmp_path / "c"
    invoke("extract", str(SEEDS / "seed-000.txt"), "--cache-dir", str(cache))
    code, out, _ = invoke("cache", "stats", "--cache-dir", str(cache))
    assert code == 0 and "entries: 1" in out
    code, out, _ = invoke("cache", "clear", "--cache-dir", str(cache))
    assert code == 0 and "removed 1" in out
    _, out, _ = invoke("cache", "stats", "--cache-dir", str(cache))
    assert "entries: 0" in out


def test_committed_schema_is_current() -> None:
    committed = (REPO_ROOT / "schema" / "extraction.v1.schema.json").read_text(encoding="utf-8")
    assert committed == schema_json(), "run: llm-extract schema > schema/extraction.v1.schema.json"
    code, out, _ = invoke("schema")
    assert code == 0 and json.loads(out)["title"] == "Extraction"


@pytest.mark.parametrize("args", [["--version"], ["extract", "/nonexistent/x.txt"]])
def test_console_script_runs_without_tracebacks(args: list[str]) -> None:
    exe = Path(sys.executable).parent / "llm-extract"
    if not exe.exists():
        pytest.skip("console script not installed (run scripts/setup)")
    proc = subprocess.run([str(exe), *args], capture_output=True, text=True, timeout=60)
    assert "Traceback" not in proc.stderr
    assert proc.returncode == (0 if args == ["--version"] else 1)


def test_cache_key_changes_with_the_contract_and_options(monkeypatch: pytest.MonkeyPatch) -> None:
    """A model change alters every document, so it must miss the cache; nothing else may."""
    import llm_extract.contract.schema as schema
    from llm_extract.backends.base import ExtractOptions
    from llm_extract.backends.rules import RulesBackend
    from llm_extract.engine.pipeline import Extractor
    from llm_extract.letter.inputs import from_text

    letter = from_text("any letter text")
    base = Extractor(RulesBackend()).key(letter)
    assert Extractor(RulesBackend()).key(letter) == base
    assert Extractor(RulesBackend(), options=ExtractOptions(lang="es")).key(letter) != base
    assert Extractor(RulesBackend()).key(from_text("another letter")) != base
    monkeypatch.setattr(schema, "contract_sha256", lambda: "0" * 64)
    monkeypatch.setattr("llm_extract.engine.pipeline.contract_sha256", schema.contract_sha256)
    assert Extractor(RulesBackend()).key(letter) != base


def test_cache_key_is_the_hash_of_the_canonical_identity_and_input() -> None:
    """cache_key writes an identity's JSON once; the key must stay what it always was (stored results)."""
    from llm_extract.engine.cache import cache_key
    from llm_extract.text.digest import sha256_json

    identity = {"backend": {"name": "rules", "v": [1, "é"]}, "options": {"lang": "es"}, "contract": "ab"}
    for sha in ("0" * 64, "f" * 64):
        assert cache_key(identity, sha) == sha256_json({"identity": identity, "input": sha})
    other = {**identity, "options": {"lang": "en"}}
    assert (
        cache_key(other, "0" * 64)
        == sha256_json({"identity": other, "input": "0" * 64})
        != cache_key(identity, "0" * 64)
    )
