"""Finding 5, the keys in a running server: a broken keys file, and failed logins.

The probe broke the keys file while the server ran: it silently kept its old keys, and
a revoked key was still accepted 5 of 5 times. Invalid keys were never throttled.
"""

from __future__ import annotations

import json
import logging
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from pydantic import SecretStr

from llm_extract.backends.rules import RulesBackend
from llm_extract.llm.settings import LlmSettings
from llm_extract.service.app import create_app
from llm_extract.service.keys import KeyStore, create_key, new_key
from llm_extract.service.settings import ServiceSettings
from tests.servicekit import SEEDS, auth, make_app, provider_of, running

LETTER = SEEDS[0].read_text(encoding="utf-8")


def _file_app(tmp: Path, **overrides: Any) -> Any:
    """A service whose keys live only in a keys file (checked on every request)."""
    settings = ServiceSettings(cache=False, keys_file=tmp / "keys.json", default_backend="rules", **overrides)
    return create_app(
        settings,
        provider=provider_of({"rules": RulesBackend()}),
        keys=KeyStore(settings.keys_file),
        llm_settings=LlmSettings(),
    )


def _settle() -> None:
    """The server checks the keys file at most once a second."""
    time.sleep(1.1)


def _extract(base: str, key: str, **kwargs: Any) -> httpx.Response:
    return httpx.post(base + "/v1/extractions", json={"text": LETTER}, headers=auth(key), timeout=30, **kwargs)


def test_a_keys_file_broken_while_serving_fails_closed_and_loudly(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "keys.json"
    revoked, revoked_record = create_key(path, name="revoked")
    kept, _ = create_key(path, name="kept")
    with running(_file_app(tmp_path)) as base:
        assert _extract(base, revoked).status_code == 200
        assert httpx.get(base + "/v1/readyz").status_code == 200

        # An operator removes the revoked key by hand and leaves a trailing comma: invalid JSON.
        doc = json.loads(path.read_text())
        doc["keys"] = [k for k in doc["keys"] if k["id"] != revoked_record.id]
        path.write_text(json.dumps(doc)[:-1] + ",}")
        _settle()
        with caplog.at_level(logging.ERROR, logger="llm_extract.service.keys"):
            for _ in range(5):
                refused = _extract(base, revoked)
                assert refused.status_code == 503, refused.text  # never accepted again
                assert refused.headers["content-type"] == "application/problem+json"
                assert refused.json()["code"] == "keys-unavailable" and refused.headers["retry-after"]
            assert _extract(base, kept).status_code == 503  # nobody can tell which keys are revoked
            ready = httpx.get(base + "/v1/readyz")
        assert ready.status_code == 503
        check = {c["name"]: c for c in ready.json()["checks"]}["keys"]
        assert check["status"] == "fail" and "invalid" in check["detail"]
        errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
        assert errors and all(revoked not in m and kept not in m for m in errors)
        assert all(revoked_record.sha256 not in m for m in errors)

        path.write_text(json.dumps(doc))  # fixed: the revocation now holds
        path.chmod(0o600)
        _settle()
        assert _extract(base, revoked).status_code == 401
        assert _extract(base, kept).status_code == 200
        assert httpx.get(base + "/v1/readyz").status_code == 200


def test_a_keys_file_made_world_writable_while_serving_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "keys.json"
    key, _ = create_key(path)
    with running(_file_app(tmp_path)) as base:
        assert _extract(base, key).status_code == 200
        path.chmod(0o666)
        _settle()
        assert _extract(base, key).status_code == 503
        ready = httpx.get(base + "/v1/readyz").json()
        assert "world-writable" in {c["name"]: c for c in ready["checks"]}["keys"]["detail"]
        path.chmod(0o600)
        _settle()
        assert _extract(base, key).status_code == 200


def test_revoke_takes_effect_on_the_next_check(tmp_path: Path) -> None:
    from llm_extract.service.keys import revoke_key

    path = tmp_path / "keys.json"
    key, record = create_key(path)
    with running(_file_app(tmp_path)) as base:
        assert _extract(base, key).status_code == 200
        assert revoke_key(path, record.id)
        _settle()
        assert _extract(base, key).status_code == 401


def test_repeated_invalid_keys_from_one_address_are_throttled(tmp_path: Path) -> None:
    app = make_app(tmp_path, auth_failure_burst=5, auth_failures=60)  # 5 at once, then one a second
    with running(app) as base:
        bad = [_extract(base, new_key()) for _ in range(5)]
        assert [r.status_code for r in bad] == [401] * 5
        throttled = _extract(base, new_key())
        assert throttled.status_code == 429, throttled.text
        body = throttled.json()
        assert throttled.headers["content-type"] == "application/problem+json"
        assert body["code"] == "auth-throttled" and body["retry_after"] == int(throttled.headers["retry-after"])
        # While throttled, a valid key from that address waits too (else the 429 would confirm a right guess).
        assert _extract(base, auth()["Authorization"][7:]).status_code == 429
        # Another address is not affected (127.0.0.2 is loopback too).
        other = httpx.Client(transport=httpx.HTTPTransport(local_address="127.0.0.2"), timeout=30)
        with other:
            response = other.post(base + "/v1/extractions", json={"text": LETTER}, headers=auth())
        assert response.status_code == 200
        # Not punished forever: after Retry-After the valid key works again.
        time.sleep(int(throttled.headers["retry-after"]) + 0.2)
        assert _extract(base, auth()["Authorization"][7:]).status_code == 200
        # Requests without any key are not guesses: they never use up the allowance.
        assert all(httpx.get(base + "/v1/version").status_code == 200 for _ in range(3))
        missing = [httpx.post(base + "/v1/extractions", json={"text": LETTER}).status_code for _ in range(10)]
        assert missing == [401] * 10


def test_throttle_memory_is_bounded_and_ipv6_is_grouped_by_64() -> None:
    from llm_extract.service.limits import AuthThrottle

    throttle = AuthThrottle(per_minute=1, burst=1, max_addresses=100)
    for i in range(1000):
        throttle.failed(f"10.0.{i // 256}.{i % 256}")
    assert len(throttle._buckets) <= 100
    assert throttle.address_key("2001:db8::1") == throttle.address_key("2001:db8::ffff:1") == "2001:db8::/64"
    assert throttle.address_key("::ffff:10.1.2.3") == "10.1.2.3"


def test_env_keys_keep_working_when_the_keys_file_breaks(tmp_path: Path) -> None:
    env_key = new_key()
    path = tmp_path / "keys.json"
    create_key(path)
    store = KeyStore(path, [SecretStr(env_key)], check_interval=0)  # check the file on every request
    path.write_text("{")
    assert store.authenticate(env_key) is not None
    assert store.problem is not None and "invalid" in store.problem.message
