"""Finding 5, the keys file on disk: concurrent writers, planted links and modes, weak env keys.

The probe lost 135 of 300 revocations to concurrent ``keys create``/``revoke`` (one
shared temp file, no lock) and left invalid JSON behind; the temp write followed a
planted symlink and kept a 0666 mode; a world-writable keys file and the key
``aaaaaaaaaaaaaaaa`` were accepted.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from pydantic import SecretStr

from llm_extract.errors import ConfigError
from llm_extract.service.keys import KeyStore, create_key, new_key, read_keys_file, revoke_key

REPO = Path(__file__).resolve().parents[2]


def _ids(path: Path) -> set[str]:
    return {k["id"] for k in json.loads(path.read_text())["keys"]}


def _leftovers(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p.name not in {path.name, path.name + ".lock"})


def test_concurrent_creates_and_revokes_in_one_process_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "keys.json"
    doomed = [create_key(path, name=f"old-{i}")[1].id for i in range(60)]
    created: list[str] = []
    failures: list[BaseException] = []
    lock = threading.Lock()

    def revoke(ids: list[str]) -> None:
        try:
            for key_id in ids:
                assert revoke_key(path, key_id)
        except BaseException as exc:  # collected: a thread's failure must fail the test
            failures.append(exc)

    def create(n: int) -> None:
        try:
            for _ in range(n):
                record = create_key(path)[1]
                with lock:
                    created.append(record.id)
        except BaseException as exc:
            failures.append(exc)

    threads = [threading.Thread(target=revoke, args=(doomed[i::4],)) for i in range(4)]
    threads += [threading.Thread(target=create, args=(15,)) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not failures, failures[0]
    assert _ids(path) == set(created) and len(created) == 60  # every revocation and every creation kept
    assert _leftovers(path) == []
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


_WORKER = """
import sys
from pathlib import Path
from llm_extract.service.keys import create_key, revoke_key
path = Path(sys.argv[1])
for i in range(int(sys.argv[2])):
    record = create_key(path, name="proc")[1]
    if i % 2:
        assert revoke_key(path, record.id)
    else:
        print(record.id)
"""


def test_concurrent_writers_across_processes_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "keys.json"
    procs = [
        subprocess.Popen([sys.executable, "-c", _WORKER, str(path), "20"], stdout=subprocess.PIPE, text=True, cwd=REPO)
        for _ in range(4)
    ]
    kept = set()
    for proc in procs:
        out, _ = proc.communicate(timeout=120)
        assert proc.returncode == 0
        kept |= set(out.split())
    assert len(kept) == 40 and _ids(path) == kept
    assert _leftovers(path) == []


def test_a_symlink_planted_at_the_old_temp_path_is_not_followed(tmp_path: Path) -> None:
    path = tmp_path / "keys.json"
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    (tmp_path / "keys.json.tmp").symlink_to(victim)  # the predictable temp name the old writer used
    create_key(path)
    assert victim.read_text() == "precious\n"
    assert not path.is_symlink() and len(_ids(path)) == 1


@pytest.mark.parametrize("planted", ["keys.json", "keys.json.lock"])
def test_a_symlink_planted_at_the_keys_or_lock_path_is_refused(tmp_path: Path, planted: str) -> None:
    path = tmp_path / "keys.json"
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    (tmp_path / planted).symlink_to(victim)
    with pytest.raises(ConfigError, match="symbolic link"):
        create_key(path)
    assert victim.read_text() == "precious\n"
    if planted == "keys.json":
        with pytest.raises(ConfigError, match="symbolic link"):
            KeyStore(path)


def test_every_write_leaves_mode_0600_whatever_was_there(tmp_path: Path) -> None:
    path = tmp_path / "keys.json"
    _, record = create_key(path)
    path.chmod(0o644)
    tmp = tmp_path / "keys.json.tmp"
    tmp.write_text("{}")
    tmp.chmod(0o666)  # a pre-existing temp file with a loose mode (the old writer reused it)
    create_key(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    path.chmod(0o640)
    assert revoke_key(path, record.id)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_world_writable_keys_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "keys.json"
    key, _ = create_key(path)
    path.chmod(0o666)
    with pytest.raises(ConfigError, match="world-writable") as caught:
        KeyStore(path)
    assert f"chmod 600 {path}" in caught.value.hint
    with pytest.raises(ConfigError, match="world-writable"):
        create_key(path)
    with pytest.raises(ConfigError, match="world-writable"):
        read_keys_file(path)
    path.chmod(0o600)
    assert KeyStore(path).authenticate(key) is not None


def test_a_keys_file_in_a_world_writable_directory_without_sticky_bit_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "open"
    folder.mkdir()
    path = folder / "keys.json"
    create_key(path)
    folder.chmod(0o777)
    try:
        with pytest.raises(ConfigError, match="directory is world-writable"):
            KeyStore(path)
        folder.chmod(0o1777)  # sticky, like /tmp: others cannot replace the file
        KeyStore(path)
    finally:
        folder.chmod(0o700)


def test_a_fifo_at_the_keys_path_is_refused_without_hanging(tmp_path: Path) -> None:
    path = tmp_path / "keys.json"
    os.mkfifo(path, 0o600)
    with pytest.raises(ConfigError, match="not a regular file"):
        KeyStore(path)


@pytest.mark.parametrize(
    "weak",
    [
        "aaaaaaaaaaaaaaaa",  # the probe's key
        "a" * 64,
        "abcdefghijklmnopqrstuvwxyz012345",  # 32 distinct characters, in sequence
        "0123456789" * 4,
        "abababababababababababababababababababab",
        "0edb282e76bf026f837515f65dc8e015",  # 16 random bytes in hex: 128 bits at best, scores under
        "correct horse battery staple and more words",
        "s3cr3t",
    ],
)
def test_low_entropy_environment_keys_are_refused(weak: str) -> None:
    with pytest.raises(ConfigError, match="LLM_EXTRACT_API_KEYS entry 2") as caught:
        KeyStore(None, [SecretStr(new_key()), SecretStr(weak + ":extract")])
    assert weak not in str(caught.value)  # the key itself is never echoed
    assert "keys create" in caught.value.hint


def test_generated_and_common_random_keys_pass_the_entropy_rule() -> None:
    import secrets

    for _ in range(1000):
        keys = [new_key(), secrets.token_hex(32), secrets.token_urlsafe(32)]  # the last two: openssl rand, Python
        assert len(KeyStore(None, [SecretStr(k) for k in keys]).records) == 3


def test_serve_refuses_a_low_entropy_environment_key(tmp_path: Path) -> None:
    env = {  # the autouse fixtures already cleared the caller's LLM_EXTRACT_* variables
        **os.environ,
        "LLM_EXTRACT_API_KEYS": "aaaaaaaaaaaaaaaa",
        "LLM_EXTRACT_KEYS_FILE": str(tmp_path / "k.json"),
    }
    cli = Path(sys.executable).with_name("llm-extract")
    done = subprocess.run([str(cli), "serve", "--port", "0"], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "LLM_EXTRACT_API_KEYS entry 1 is shorter than 32 characters" in done.stderr
    assert "aaaa" not in done.stderr
