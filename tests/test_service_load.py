"""Behaviour under load: correctness at concurrency, one computation per identical letter,
and health checks answered while a batch runs. All traffic is loopback and bounded."""

from __future__ import annotations

import asyncio
import random
import time
from collections import Counter
from pathlib import Path

import httpx

from llm_extract.backends.base import Language
from tests.letterkit import simple
from tests.pdfkit import letter_pdf
from tests.servicekit import SEEDS, SlowBackend, auth, expected_document, make_app, running


def _cases() -> list[tuple[bytes, str, Language]]:
    """(body, content type, lang) for a mix of text and PDF letters in both languages."""
    texts = [p.read_bytes() for p in SEEDS] + [simple(n).clean().encode() for n in (1, 2, 4)]
    cases: list[tuple[bytes, str, Language]] = []
    for data in texts:
        for lang in ("en", "es"):
            cases.append((data, "text/plain", lang))
    for n in (1, 3):
        cases.append((letter_pdf(simple(n).clean()), "application/pdf", "en"))
    return cases


def test_200_requests_16_at_a_time_are_all_correct(tmp_path: Path) -> None:
    cases = _cases()
    expected = [expected_document(data, lang) for data, _, lang in cases]
    rng = random.Random(5)
    plan = [rng.randrange(len(cases)) for _ in range(200)]
    bad = {7: (b"Milk, eggs, bread.", 422), 50: (b"", 422), 120: (b"%PDF-1.4 broken", 422)}

    async def run(base: str) -> list[tuple[int, int, str]]:
        gate = asyncio.Semaphore(16)
        async with httpx.AsyncClient(base_url=base, headers=auth(), timeout=30) as client:

            async def one(i: int) -> tuple[int, int, str]:
                data, kind, lang = cases[plan[i]]
                if i in bad:
                    data, kind = bad[i][0], "text/plain"
                async with gate:
                    r = await client.post(
                        "/v1/extractions", params={"lang": lang}, content=data, headers={"Content-Type": kind}
                    )
                return i, r.status_code, r.text

            return await asyncio.gather(*(one(i) for i in range(200)))

    with running(make_app(tmp_path, rate_burst=1000)) as base:
        started = time.perf_counter()
        results = asyncio.run(run(base))
        elapsed = time.perf_counter() - started
    statuses = Counter(status for _, status, _ in results)
    assert statuses == {200: 197, 422: 3}, statuses
    for i, status, text in results:
        if i in bad:
            assert status == bad[i][1]
        else:
            assert text == expected[plan[i]], f"request {i} got a wrong document"
    assert elapsed < 30


def test_identical_concurrent_requests_compute_once(tmp_path: Path) -> None:
    slow = SlowBackend(delay=0.4)
    letter = SEEDS[2].read_bytes()

    async def burst(base: str, n: int, cache: bool) -> list[httpx.Response]:
        async with httpx.AsyncClient(base_url=base, headers=auth(), timeout=30) as client:
            return await asyncio.gather(
                *(
                    client.post(
                        "/v1/extractions",
                        params={"cache": str(cache).lower()},
                        content=letter,
                        headers={"Content-Type": "text/plain"},
                    )
                    for _ in range(n)
                )
            )

    with running(make_app(tmp_path, backends={"rules": slow})) as base:
        cached = asyncio.run(burst(base, 16, True))
        assert slow.calls == 1
        uncached = asyncio.run(burst(base, 8, False))
        assert slow.calls == 2
    assert len({r.text for r in cached + uncached}) == 1 and cached[0].status_code == 200
    assert Counter(r.headers["x-cache"] for r in cached) == {"miss": 1, "shared": 15}
    assert {r.headers["x-cache"] for r in uncached} == {"off"}


def test_health_checks_answer_while_a_batch_runs(tmp_path: Path) -> None:
    slow = SlowBackend(delay=0.25)
    letters = [{"text": SEEDS[i % len(SEEDS)].read_text() + "\n" * i} for i in range(8)]

    async def scenario(base: str) -> tuple[httpx.Response, list[float]]:
        async with httpx.AsyncClient(base_url=base, headers=auth(), timeout=30) as client:
            batch = asyncio.create_task(client.post("/v1/extractions/batch", json={"letters": letters}))
            await asyncio.sleep(0.2)
            latencies = []
            while not batch.done():
                started = time.perf_counter()
                assert (await client.get("/v1/healthz")).status_code == 200
                assert (await client.get("/v1/readyz")).status_code == 200
                latencies.append(time.perf_counter() - started)
                await asyncio.sleep(0.05)
            return await batch, latencies

    with running(make_app(tmp_path, backends={"rules": slow}, workers=2, max_batch=8)) as base:
        response, latencies = asyncio.run(scenario(base))
    assert response.status_code == 200 and response.json()["ok"] == 8
    assert len(latencies) >= 3, "the batch finished before health could be probed"
    assert max(latencies) < 0.5, latencies


def test_a_batch_uses_the_cache_for_repeated_letters(tmp_path: Path) -> None:
    slow = SlowBackend(delay=0.01)
    letter = {"text": SEEDS[0].read_text()}
    with running(make_app(tmp_path, backends={"rules": slow}, workers=1)) as base:
        body = httpx.post(base + "/v1/extractions/batch", json={"letters": [letter] * 4}, headers=auth()).json()
    assert body["ok"] == 4 and slow.calls == 1
    assert sorted(r["cache"] for r in body["results"]) == ["miss", "shared", "shared", "shared"]
