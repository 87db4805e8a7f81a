"""``Accept`` on POST /v1/extractions: the JSON document (default), plain text or the printable page."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from llm_extract.engine.api import extract_text
from llm_extract.evaluation.fixtures import REPO_ROOT
from llm_extract.render.api import to_html, to_text
from llm_extract.service.negotiate import HTML, JSON, TEXT, NotAcceptable, choose
from tests.servicekit import auth, make_app, running

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

EXAMPLE = (REPO_ROOT / "docs" / "screenshots" / "example-letter.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with running(make_app(tmp_path_factory.mktemp("svc"))) as url:
        yield url


@pytest.fixture
def client(base: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base, headers=auth(), timeout=30) as c:
        yield c


def post(client: httpx.Client, accept: str | None, **params: str) -> httpx.Response:
    headers = {"Content-Type": "text/plain"}
    if accept is not None:
        headers["Accept"] = accept
    return client.post("/v1/extractions", content=EXAMPLE.encode(), headers=headers, params=params)


def test_plain_text_and_html_are_the_workers_document_with_the_same_caching(client: httpx.Client) -> None:
    first = post(client, TEXT, lang="es")
    assert first.status_code == 200, first.text
    assert first.headers["content-type"] == "text/plain; charset=utf-8"
    assert first.text == to_text(extract_text(EXAMPLE, lang="es"))
    assert (first.headers["x-cache"], first.headers["vary"]) == ("miss", "Accept")
    page = post(client, HTML, lang="es")
    assert page.headers["content-type"] == "text/html; charset=utf-8"
    assert page.text == to_html(extract_text(EXAMPLE, lang="es"))
    assert page.headers["x-cache"] == "hit"  # the same extraction, rendered another way
    document = post(client, None, lang="es")
    assert document.headers["content-type"] == JSON and document.headers["x-cache"] == "hit"
    assert document.headers["vary"] == "Accept"


def test_browsers_accept_header_gets_the_page_and_curl_gets_json(client: httpx.Client) -> None:
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"
    assert post(client, browser).headers["content-type"].startswith(HTML)
    assert post(client, "*/*").headers["content-type"] == JSON
    assert post(client, "text/*").headers["content-type"].startswith(TEXT)
    assert post(client, "application/json;q=0.5, text/plain").headers["content-type"].startswith(TEXT)


def test_unsupported_accept_is_406_problem_before_any_work(client: httpx.Client) -> None:
    answer = client.post(
        "/v1/extractions", content=b"", headers={"Content-Type": "text/plain", "Accept": "application/pdf"}
    )
    assert answer.status_code == 406
    assert answer.headers["content-type"] == "application/problem+json"
    problem = answer.json()
    assert problem["code"] == "not-acceptable" and "text/html" in problem["hint"]


def test_batch_answers_json_and_refuses_an_accept_without_it(client: httpx.Client) -> None:
    body = {"letters": [{"text": EXAMPLE}]}
    assert client.post("/v1/extractions/batch", json=body, headers={"Accept": "*/*"}).status_code == 200
    refused = client.post("/v1/extractions/batch", json=body, headers={"Accept": "text/html"})
    assert refused.status_code == 406 and refused.json()["code"] == "not-acceptable"


def test_failed_letter_is_still_problem_json_when_text_was_asked_for(client: httpx.Client) -> None:
    answer = client.post("/v1/extractions", content=b"hello", headers={"Content-Type": "text/plain", "Accept": TEXT})
    assert answer.status_code == 422
    assert answer.headers["content-type"] == "application/problem+json"


@pytest.mark.parametrize(
    ("accept", "chosen"),
    [
        (None, JSON),
        ("", JSON),
        ("application/json", JSON),
        ("text/html;q=0.9, text/plain", TEXT),
        ("TEXT/HTML", HTML),
        ("text/plain;q=0, */*", JSON),
        ("text/*;q=0.3, text/html;q=0.7, application/json;q=0.1", HTML),
        ("application/json;q=bogus, text/plain;q=0.2", TEXT),
    ],
)
def test_choose(accept: str | None, chosen: str) -> None:
    assert choose(accept) == chosen


@pytest.mark.parametrize("accept", ["application/pdf", "image/png", "*/*;q=0", "text/plain;q=0, text/html;q=0"])
def test_choose_refuses(accept: str) -> None:
    with pytest.raises(NotAcceptable):
        choose(accept)
