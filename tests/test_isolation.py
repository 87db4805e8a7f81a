"""The test run is isolated from the shell: no LLM settings leak in, no traffic leaves loopback."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest


def test_llm_settings_from_the_shell_are_cleared() -> None:
    assert not [n for n in os.environ if n.startswith(("LLM_EXTRACT_BASE_URL", "LLM_EXTRACT_MODEL", "OPENAI_"))]


def test_a_connection_off_loopback_is_refused(pytester: pytest.Pytester) -> None:
    """Run a tiny test under this conftest: it tries a public address and must fail, even
    though it swallows the error itself."""
    pytester.makeconftest((Path(__file__).parent / "conftest.py").read_text(encoding="utf-8"))
    pytester.makepyfile(
        """
        import socket

        def test_reaches_out():
            try:
                socket.create_connection(("192.0.2.1", 80), timeout=0.2)
            except OSError:
                pass
        """
    )
    result = pytester.runpytest_inprocess("-q", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, errors=1)
    assert "outbound network attempted" in result.stdout.str()


def test_loopback_stays_allowed() -> None:
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    with socket.create_connection(server.getsockname(), timeout=2):
        pass
    server.close()
