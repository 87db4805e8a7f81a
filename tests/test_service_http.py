"""The HTTP API over real loopback HTTP: every endpoint, every body type, batches, caching."""

from __future__ import annotations

import base64
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from llm_extract.cli import app as cli_app
from llm_extract.contract.models import Extraction
from llm_extract.service.openapi import OPENAPI_PATH
from llm_extract.service.spec import openapi_json
from tests.letterkit import simple
from tests.pdfkit import encrypt, letter_pdf
from tests.servicekit import KEY, SEEDS, auth, expected_document, make_app, running

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with running(make_app(tmp_path_factory.mktemp("svc"))) as url:
        yield url


@pytest.fixture
def client(base: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base, headers=auth(), timeout=30) as c:
        yield c


def decisions(document: dict[str, object] | Extraction) -> list[tuple[object, ...]]:
    doc = document if isinstance(document, Extraction) else Extraction.model_validate(document)
    return [(d.index, d.service, d.outcome, d.partial, d.original_request) for d in doc.decisions]


def test_health_ready_and_version(client: httpx.Client) -> None:
    assert client.get("/v1/healthz", headers={"Authorization": ""}).json() == {"status": "ok"}
    ready = client.get("/v1/readyz")
    assert ready.status_code == 200
    checks = {c["name"]: c["status"] for c in ready.json()["checks"]}
    assert checks == {"keys": "ok", "cache": "ok", "llm_endpoint": "not_configured"}
    version = client.get("/v1/version").json()
    assert version["schema_version"] == "1" and version["api"] == "v1"
    assert version["default_backend"] == "rules"
    assert [b["name"] for b in version["backends"]] == ["rules"]
    assert version["backends"][0]["identity"]["parser"] == version["parser"]


def test_text_body_gives_the_cli_document_then_a_cache_hit(client: httpx.Client) -> None:
    data = SEEDS[0].read_bytes()
    first = client.post("/v1/extractions", content=data, headers={"Content-Type": "text/plain"})
    assert first.status_code == 200, first.text
    assert first.headers["content-type"] == "application/json"
    assert first.text == expected_document(data)
    assert first.headers["x-cache"] == "miss"
    again = client.post("/v1/extractions", content=data, headers={"Content-Type": "text/plain; charset=utf-8"})
    assert (again.headers["x-cache"], again.text) == ("hit", first.text)
    fresh = client.post(
        "/v1/extractions", params={"cache": "false"}, content=data, headers={"Content-Type": "text/plain"}
    )
    assert (fresh.headers["x-cache"], fresh.text) == ("off", first.text)


def test_json_multipart_and_pdf_bodies(client: httpx.Client) -> None:
    text = SEEDS[1].read_text(encoding="utf-8")
    want = expected_document(text.encode())
    as_json = client.post("/v1/extractions", json={"text": text})
    as_upload = client.post("/v1/extractions", files={"file": ("letter.txt", text.encode(), "text/plain")})
    assert as_json.text == as_upload.text == want
    pdf = letter_pdf(text)
    as_pdf_upload = client.post("/v1/extractions", files={"file": ("letter.pdf", pdf, "application/pdf")})
    as_pdf_body = client.post("/v1/extractions", content=pdf, headers={"Content-Type": "application/pdf"})
    assert as_pdf_upload.status_code == 200, as_pdf_upload.text
    assert as_pdf_upload.text == as_pdf_body.text == expected_document(pdf)
    document = as_pdf_upload.json()
    assert document["provenance"]["input_kind"] == "pdf" and document["provenance"]["pages"] >= 1
    assert decisions(document) == decisions(as_json.json())


def test_encrypted_pdf_with_empty_password_is_read(client: httpx.Client) -> None:
    text = simple(2).clean()
    locked = encrypt(letter_pdf(text), user_password="")
    response = client.post("/v1/extractions", files={"file": ("x.pdf", locked, "application/pdf")})
    assert response.status_code == 200, response.text
    assert decisions(response.json()) == decisions(Extraction.model_validate_json(expected_document(text.encode())))


def test_options_spanish_summary_from_query_or_json(client: httpx.Client) -> None:
    text = SEEDS[2].read_text(encoding="utf-8")
    by_query = client.post("/v1/extractions", params={"lang": "es"}, json={"text": text})
    by_body = client.post("/v1/extractions", json={"text": text, "lang": "es", "backend": "rules"})
    assert by_query.json()["summary"]["language"] == by_body.json()["summary"]["language"] == "es"
    assert by_query.text == expected_document(text.encode(), "es")


def test_batch_json_keeps_good_letters_and_reports_bad_ones(client: httpx.Client) -> None:
    good = SEEDS[3].read_text(encoding="utf-8")
    pdf = letter_pdf(simple(3).clean())
    letters = [
        {"id": "a", "text": good},
        {"id": "b", "text": ""},
        {"id": "c", "content_base64": base64.b64encode(pdf).decode()},
        {"id": "d", "content_base64": "!!not base64!!"},
        {"id": "e", "text": "Milk, eggs, bread."},
        {"id": "f", "content_base64": base64.b64encode(b"%PDF-1.4 broken").decode()},
        {"id": "g"},
    ]
    response = client.post("/v1/extractions/batch", json={"letters": letters})
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["letters"], body["ok"], body["failed"]) == (7, 2, 5)
    results = body["results"]
    assert [r["id"] for r in results] == list("abcdefg")
    assert [r["index"] for r in results] == list(range(7))
    assert results[0]["result"] == json.loads(expected_document(good.encode()))
    assert results[2]["result"]["provenance"]["input_kind"] == "pdf"
    codes = [r["error"]["code"] if r["error"] else None for r in results]
    assert codes == [None, "empty-input", None, "invalid-input", "unrecognized-letter", "corrupt-pdf", "invalid-input"]
    for r in results:
        if r["error"]:
            assert r["error"]["type"] == "https://llm-extract.invalid/problems/" + r["error"]["code"]


def test_batch_multipart_files_in_order(client: httpx.Client) -> None:
    files = [("files", (p.name, p.read_bytes(), "text/plain")) for p in SEEDS]
    files.append(("files", ("scan.pdf", b"not a pdf at all", "application/pdf")))
    response = client.post("/v1/extractions/batch", files=files, params={"lang": "es"})
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["ok"], body["failed"]) == (len(SEEDS), 1)
    for path, item in zip(SEEDS, body["results"], strict=False):
        assert item["result"] == json.loads(expected_document(path.read_bytes(), "es"))
    assert body["results"][-1]["error"]["code"] == "not-a-pdf"


def test_request_id_is_echoed_or_made(client: httpx.Client) -> None:
    assert client.get("/v1/healthz", headers={"X-Request-ID": "intake-42"}).headers["x-request-id"] == "intake-42"
    made = client.get("/v1/healthz", headers={"X-Request-ID": "bad id\twith tab"}).headers["x-request-id"]
    assert made != "bad id\twith tab" and len(made) == 32


def test_openapi_is_served_and_the_committed_copy_is_current(client: httpx.Client, tmp_path: Path) -> None:
    served = client.get("/v1/openapi.json").json()
    assert {"/v1/extractions", "/v1/extractions/batch", "/v1/healthz", "/v1/readyz", "/v1/version"} <= set(
        served["paths"]
    )
    app = make_app(tmp_path)
    assert OPENAPI_PATH.read_text(encoding="utf-8") == openapi_json(app), (
        "schema/openapi.json is stale: run .venv/bin/python -m llm_extract.service.openapi"
    )
    assert json.loads(OPENAPI_PATH.read_text(encoding="utf-8")) == served


@pytest.mark.corpus
def test_corpus_pdfs_and_texts_give_the_same_decisions(client: httpx.Client, corpus: Path) -> None:
    pdfs = sorted((corpus / "pdf").glob("*.pdf"))[:6]
    if not pdfs:
        pytest.skip("no corpus PDFs")
    for pdf in pdfs:
        text = corpus / "text" / f"{pdf.stem}.txt"
        if not text.is_file():
            continue
        from_pdf = client.post("/v1/extractions", files={"file": (pdf.name, pdf.read_bytes(), "application/pdf")})
        from_text = client.post("/v1/extractions", content=text.read_bytes(), headers={"Content-Type": "text/plain"})
        assert from_pdf.status_code == from_text.status_code == 200, (pdf.name, from_pdf.text[:300])
        assert from_pdf.json()["provenance"]["input_kind"] == "pdf"
        assert decisions(from_pdf.json()) == decisions(from_text.json()), pdf.name


def test_keys_cli_creates_a_key_the_running_server_accepts(tmp_path: Path) -> None:
    keys_file = tmp_path / "keys.json"
    runner = CliRunner()
    created = runner.invoke(
        cli_app, ["keys", "create", "--name", "intake", "--scope", "extract", "--keys-file", str(keys_file)]
    )
    assert created.exit_code == 0, created.stderr
    key = created.stdout.strip()
    assert key.startswith("lxk_") and key not in keys_file.read_text()
    assert oct(keys_file.stat().st_mode & 0o777) == "0o600"
    listed = runner.invoke(cli_app, ["keys", "list", "--keys-file", str(keys_file)])
    key_id = listed.stdout.split("\t")[0]
    assert key_id.startswith("key_") and "extract" in listed.stdout and key not in listed.stdout
    with running(make_app(tmp_path)) as url, httpx.Client(base_url=url) as c:
        ok = c.post("/v1/extractions", json={"text": SEEDS[4].read_text()}, headers=auth(key))
        assert ok.status_code == 200
        assert c.post("/v1/extractions/batch", json={"letters": [{"text": "x"}]}, headers=auth(key)).status_code == 403
        revoked = runner.invoke(cli_app, ["keys", "revoke", key_id, "--keys-file", str(keys_file)])
        assert revoked.exit_code == 0
        time.sleep(1.1)  # the store re-reads the file at most once a second
        assert c.post("/v1/extractions", json={"text": "x"}, headers=auth(key)).status_code == 401


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_command_starts_the_server(tmp_path: Path) -> None:
    port = _free_port()
    env = {
        **os.environ,
        "LLM_EXTRACT_API_KEYS": KEY,
        "LLM_EXTRACT_CACHE_DIR": str(tmp_path / "c"),
        "LLM_EXTRACT_KEYS_FILE": str(tmp_path / "none.json"),
    }
    for name in ("LLM_EXTRACT_BASE_URL", "OPENAI_API_KEY", "OPENAI_BASE_URL", "LLM_EXTRACT_BACKEND"):
        env.pop(name, None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "llm_extract.cli", "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 20
        while True:
            try:
                if httpx.get(url + "/v1/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert proc.poll() is None and time.monotonic() < deadline, "serve did not come up"
            time.sleep(0.1)
        text = SEEDS[0].read_bytes()
        response = httpx.post(
            url + "/v1/extractions", content=text, timeout=10, headers={**auth(), "Content-Type": "text/plain"}
        )
        assert response.text == expected_document(text)
        time.sleep(0.2)  # let the access line (written just after the answer) reach stderr
    finally:
        proc.terminate()
        _, stderr = proc.communicate(timeout=10)
    lines = [json.loads(line) for line in stderr.splitlines() if line.startswith("{")]
    assert lines and all("ts" in line and "level" in line for line in lines), "log lines are JSON with a timestamp"
    access = [line for line in lines if line["logger"] == "llm_extract.service.access"]
    posted = [a for a in access if a["path"] == "/v1/extractions"]
    assert posted and posted[0]["key_id"] == "env-1" and posted[0]["status"] == 200
    assert "The injured worker" not in stderr and KEY not in stderr


def test_serve_refuses_to_start_without_keys(tmp_path: Path) -> None:
    env = {**os.environ, "LLM_EXTRACT_KEYS_FILE": str(tmp_path / "none.json")}
    env.pop("LLM_EXTRACT_API_KEYS", None)
    done = subprocess.run(
        [sys.executable, "-m", "llm_extract.cli", "serve", "--port", "1"],
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode == 2
    assert "no API keys are configured" in done.stderr and "keys create" in done.stderr
