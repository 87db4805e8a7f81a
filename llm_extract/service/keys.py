"""API keys: generated once, stored only as hashes, checked in constant time.

A key is 32 random bytes (``lxk_`` + URL-safe base64), so a plain sha256 of it is
as strong as a slow password hash here: nobody can guess a 256-bit secret, and a
fast hash keeps authentication off the latency budget of every request. The keys
file holds, per key, an id (logged instead of the key), a label, the rights
(scopes) and the hash; ``llm-extract keys create`` prints the key itself once.

Every presented key is compared against every stored hash with
:func:`hmac.compare_digest`, with no early exit, so timing says nothing about which
hash, or how much of one, matched.

Writes (``keys create``/``revoke``) are one at a time across threads and processes
(an exclusive ``flock`` on ``<keys file>.lock``), go to a fresh temporary file in
the same directory (``mkstemp``: created exclusively, never through a planted link),
are fsynced and renamed over the file with mode 0600. A keys file that is a symbolic
link, world-writable, or in a world-writable directory is refused, not loaded.
Keys given by environment must pass :func:`key_weakness`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import fcntl
import hashlib
import hmac
import itertools
import json
import logging
import math
import os
import secrets
import stat
import string
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError

from llm_extract.errors import ConfigError
from llm_extract.jobs.shared import RevocationStore
from llm_extract.service.readiness import CheckStatus

log = logging.getLogger(__name__)

KEY_PREFIX = "lxk_"


class Scope(StrEnum):
    """Rights a key can hold: ``extract`` one letter, or send a ``batch``."""

    extract = "extract"
    batch = "batch"


ALL_SCOPES: frozenset[Scope] = frozenset(Scope)


class KeyRecord(BaseModel):
    """One stored key: never the key itself."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[A-Za-z0-9_-]{1,64}$")
    name: str = ""
    scopes: list[Scope]
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    created: dt.datetime | None = None


class KeysFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    version: int = 1
    keys: list[KeyRecord] = []


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def new_key() -> str:
    return KEY_PREFIX + secrets.token_urlsafe(32)


KEYS_FILE_MAX_BYTES = 16 * 1024 * 1024
"""A keys file larger than this is refused (it would hold some 60,000 keys)."""


def _unsafe(message: str, path: Path, hint: str) -> ConfigError:
    return ConfigError(message, hint=hint, source=str(path))


def _check_directory(path: Path) -> None:
    """Refuse a keys file in a directory anyone can write without the sticky bit: anyone could swap it."""
    try:
        info = os.stat(path.parent)
    except OSError:
        return
    if info.st_mode & stat.S_IWOTH and not info.st_mode & stat.S_ISVTX:
        raise _unsafe(
            "the keys file's directory is world-writable (anyone could replace the file)",
            path,
            f"chmod o-w {path.parent}, or keep the keys file in a private directory",
        )


def _open_no_follow(path: Path, flags: int, mode: int = 0o600) -> int:
    """``os.open`` that refuses a symbolic link (or a FIFO) planted at ``path``."""
    try:
        return os.open(path, flags | os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NONBLOCK, mode)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise _unsafe(
                "the keys file path is a symbolic link; it is never followed",
                path,
                "point --keys-file (LLM_EXTRACT_KEYS_FILE) at the real file",
            ) from None
        raise


def read_keys_file(path: Path) -> KeysFile:
    """The keys file, or an empty one if it does not exist yet.

    Refused (ConfigError) when it is a symbolic link, not a regular file, writable by
    everyone (anyone could add a key), or not valid: the caller decides what that means.
    """
    _check_directory(path)
    try:
        fd = _open_no_follow(path, os.O_RDONLY)
    except FileNotFoundError:
        return KeysFile()
    except OSError as exc:
        raise _unsafe(f"cannot read the keys file ({exc.strerror})", path, "check its permissions") from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise _unsafe("the keys file is not a regular file", path, "point --keys-file at a regular file")
        if info.st_mode & stat.S_IWOTH:
            raise _unsafe(
                "the keys file is world-writable (anyone could add a key); refusing to load it",
                path,
                f"chmod 600 {path}, then check that it holds only your keys",
            )
        data = handle.read(KEYS_FILE_MAX_BYTES + 1)
    if len(data) > KEYS_FILE_MAX_BYTES:
        raise _unsafe("the keys file is too large", path, "restore it from backup or create new keys")
    try:
        return KeysFile.model_validate_json(data)
    except ValidationError as exc:
        raise _unsafe(
            f"the keys file is invalid ({exc.error_count()} error(s))",
            path,
            "restore it from backup or create new keys",
        ) from None


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """One writer at a time, across threads and processes: an exclusive flock on ``<file>.lock``.

    The lock file is left in place (removing it would let two writers hold different locks).
    """
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    _check_directory(path)
    lock = path.with_name(path.name + ".lock")
    try:
        fd = _open_no_follow(lock, os.O_RDWR | os.O_CREAT)
    except OSError as exc:
        hint = "check the directory's permissions"
        raise _unsafe(f"cannot lock the keys file ({exc.strerror})", lock, hint) from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _replace(path: Path, keys: KeysFile) -> None:
    """Write a unique temporary file beside ``path`` (mode 0600, never through a link), then rename it."""
    if path.is_symlink():
        raise _unsafe(
            "the keys file path is a symbolic link; it is never followed or replaced",
            path,
            "point --keys-file (LLM_EXTRACT_KEYS_FILE) at the real file",
        )
    data = (json.dumps(keys.model_dump(mode="json"), indent=2) + "\n").encode("utf-8")
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")  # O_EXCL: a fresh file
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), 0o600)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    with contextlib.suppress(OSError):  # make the rename itself durable
        dir_fd = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def update_keys_file(path: Path, change: Callable[[KeysFile], KeysFile | None]) -> None:
    """Read, change and rewrite the file under the lock (``change`` returning None writes nothing)."""
    with _locked(path):
        changed = change(read_keys_file(path))
        if changed is not None:
            _replace(path, changed)


def write_keys_file(path: Path, keys: KeysFile) -> None:
    """Replace the file atomically, under the lock, owner-only (hashes are not secrets, but the list is)."""
    update_keys_file(path, lambda _: keys)


def create_key(path: Path, *, name: str = "", scopes: Iterable[Scope] = ALL_SCOPES) -> tuple[str, KeyRecord]:
    """Add a new key to the file; return the key (shown once) and its stored record."""
    key = new_key()
    record = KeyRecord(
        id="key_" + secrets.token_hex(4),
        name=name,
        scopes=sorted(set(scopes)),
        sha256=hash_key(key),
        created=dt.datetime.now(dt.UTC).replace(microsecond=0),
    )
    update_keys_file(path, lambda keys: KeysFile(version=keys.version, keys=[*keys.keys, record]))
    return key, record


def revoke_key(path: Path, key_id: str) -> bool:
    """Remove the key ``key_id``; False when the file holds no such key."""
    removed = False

    def drop(keys: KeysFile) -> KeysFile | None:
        nonlocal removed
        kept = [k for k in keys.keys if k.id != key_id]
        removed = len(kept) < len(keys.keys)
        return KeysFile(version=keys.version, keys=kept) if removed else None

    update_keys_file(path, drop)
    return removed


MIN_KEY_LENGTH = 32
MIN_KEY_BITS = 128
KEY_ALPHABET = frozenset(string.ascii_letters + string.digits + "-_.~+/=")
"""URL-safe and base64 characters: what ``keys create``, ``openssl rand -hex|-base64`` and password managers make."""


def key_weakness(key: str) -> str | None:
    """Why ``key`` is too weak to accept from the environment, or None.

    The rule: at least 32 characters from :data:`KEY_ALPHABET`; an estimated entropy of
    at least 128 bits, counted as length times the Shannon entropy of the key's own
    character frequencies (a repeated or few-symbol key scores low whatever its length);
    and at most half of neighbouring characters equal or adjacent (``abcdef...``,
    ``aaaa...``). Keys from :func:`new_key` score about 225 bits; 64 hex characters
    (``openssl rand -hex 32``) about 240.
    """
    if len(key) < MIN_KEY_LENGTH:
        return f"is shorter than {MIN_KEY_LENGTH} characters"
    if not set(key) <= KEY_ALPHABET:
        return "has characters outside A-Z a-z 0-9 - _ . ~ + / ="
    counts = Counter(key)
    bits = -sum(n * math.log2(n / len(key)) for n in counts.values())
    if bits < MIN_KEY_BITS:
        return f"looks guessable (about {bits:.0f} bits of entropy; at least {MIN_KEY_BITS} are required)"
    steps = sum(abs(ord(a) - ord(b)) <= 1 for a, b in itertools.pairwise(key))
    if steps * 2 > len(key) - 1:
        return "looks guessable (runs or sequences of characters)"
    return None


def env_records(values: Sequence[SecretStr]) -> list[KeyRecord]:
    """Records for ``LLM_EXTRACT_API_KEYS`` entries: ``key`` (all rights) or ``key:extract+batch``."""
    records = []
    for position, value in enumerate(values, start=1):
        key, _, scopes = value.get_secret_value().partition(":")
        try:
            rights = [Scope(s) for s in scopes.split("+") if s] if scopes else sorted(ALL_SCOPES)
        except ValueError:
            raise ConfigError(
                f"LLM_EXTRACT_API_KEYS entry {position} names an unknown scope", hint="use key or key:extract+batch"
            ) from None
        weakness = key_weakness(key)
        if weakness is not None:
            raise ConfigError(
                f"LLM_EXTRACT_API_KEYS entry {position} {weakness}",
                hint="use a key from `llm-extract keys create`, or `openssl rand -hex 32`",
            )
        records.append(KeyRecord(id=f"env-{position}", scopes=rights, sha256=hash_key(key)))
    return records


@dataclass(frozen=True)
class Principal:
    """Who is calling: the key id (safe to log) and its rights."""

    key_id: str
    scopes: frozenset[Scope]


class KeyStore:
    """Authenticates bearer keys against the file and environment records.

    The file is checked at most once a second (``check_interval``) and re-read when it
    changed (inode, size, mtime or mode), so ``keys create`` and ``keys revoke`` take
    effect without a restart. At start an unusable file is a ConfigError. While serving,
    a file that becomes unusable (invalid, unsafe, unreadable) fails closed: none of its
    keys is accepted, since the server cannot know which were revoked; :attr:`problem`
    says why (the service answers 503 and ``/v1/readyz`` fails), an error is logged
    (never a key or hash), and the keys return as soon as the file is valid again.
    Keys from the environment are unaffected.
    """

    def __init__(
        self,
        path: Path | None,
        env_keys: Sequence[SecretStr] = (),
        revocations: RevocationStore | None = None,
        *,
        check_interval: float = 1.0,
    ) -> None:
        self.path = path
        self.revocations = revocations
        """Key ids revoked on any replica (shared through the queue server); None: the keys file only."""
        self.check_interval = check_interval
        self._env = env_records(env_keys)
        self._file: list[KeyRecord] = []
        self._signature: tuple[int, ...] | None = None
        self._checked = 0.0
        self.problem: ConfigError | None = None
        """Why the file's keys are not accepted right now (None: the file is fine or absent)."""
        self.refresh()
        if self.problem is not None:
            raise self.problem

    @property
    def records(self) -> list[KeyRecord]:
        return self._env + self._file

    def _file_signature(self) -> tuple[int, ...] | None:
        assert self.path is not None
        try:
            info = os.lstat(self.path)
        except FileNotFoundError:
            return None
        except OSError:
            return (-1,)  # unreadable: let read_keys_file say why
        return (info.st_ino, info.st_size, info.st_mtime_ns, info.st_mode)

    def refresh(self) -> None:
        """Re-read the file now if it changed; an unusable file drops its keys and sets :attr:`problem`."""
        self._checked = time.monotonic()
        if self.path is None:
            return
        signature = self._file_signature()
        if signature == self._signature and signature != (-1,):
            return
        self._signature = signature
        try:
            self._file = read_keys_file(self.path).keys if signature is not None else []
        except ConfigError as exc:
            self._file = []
            if self.problem is None or self.problem.message != exc.message:
                log.error("keys file unusable, accepting none of its keys until it is fixed: %s", exc)
            self.problem = exc
            return
        if self.problem is not None:
            log.warning("keys file %s is valid again (%d key(s))", self.path, len(self._file))
        self.problem = None

    def _maybe_reload(self) -> None:
        if time.monotonic() - self._checked >= self.check_interval:
            self.refresh()

    def authenticate(self, key: str, *, check_revocations: bool = True) -> Principal | None:
        """The principal for ``key``, or None; compares with every record, in constant time.

        ``check_revocations=False`` skips the shared revocation list, for a caller that checks it
        itself (the service's rate limiter does, in the same round trip as the key's token)."""
        self._maybe_reload()
        digest = hash_key(key).encode("ascii")
        found: KeyRecord | None = None
        for record in self.records:
            if hmac.compare_digest(digest, record.sha256.encode("ascii")):
                found = record
        if (
            found is not None
            and check_revocations
            and self.revocations is not None
            and self.revocations.is_revoked(found.id)
        ):
            return None
        return Principal(found.id, frozenset(found.scopes)) if found else None


class KeysCheck:
    """Readiness: the keys file is usable and at least one key is configured."""

    name = "keys"

    def __init__(self, store: KeyStore) -> None:
        self.store = store

    async def probe(self) -> tuple[CheckStatus, str | None]:
        self.store.refresh()
        if self.store.problem is not None:
            return "fail", f"keys file unusable: {self.store.problem.message}; none of its keys are accepted"
        if not self.store.records:
            return "fail", "no API keys are configured"
        return "ok", None
