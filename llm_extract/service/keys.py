"""API keys: generated once, stored only as hashes, checked in constant time.

A key is 32 random bytes (``lxk_`` + URL-safe base64), so a plain sha256 of it is
as strong as a slow password hash here: nobody can guess a 256-bit secret, and a
fast hash keeps authentication off the latency budget of every request. The keys
file holds, per key, an id (logged instead of the key), a label, the rights
(scopes) and the hash; ``llm-extract keys create`` prints the key itself once.

Every presented key is compared against every stored hash with
:func:`hmac.compare_digest`, with no early exit, so timing says nothing about which
hash, or how much of one, matched.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import hmac
import json
import os
import secrets
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError

from llm_extract.errors import ConfigError
from llm_extract.jobs.shared import RevocationStore

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


def read_keys_file(path: Path) -> KeysFile:
    """The keys file, or an empty one if it does not exist yet."""
    try:
        return KeysFile.model_validate_json(path.read_bytes())
    except FileNotFoundError:
        return KeysFile()
    except OSError as exc:
        raise ConfigError(
            f"cannot read the keys file ({exc.strerror})", hint="check permissions", source=str(path)
        ) from None
    except ValidationError as exc:
        raise ConfigError(
            f"the keys file is invalid ({exc.error_count()} error(s))",
            hint="restore it from backup or create new keys",
            source=str(path),
        ) from None


def write_keys_file(path: Path, keys: KeysFile) -> None:
    """Write atomically with owner-only permissions (hashes are not secrets, but the list is)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(json.dumps(keys.model_dump(mode="json"), indent=2) + "\n")
    os.replace(tmp, path)


def create_key(path: Path, *, name: str = "", scopes: Iterable[Scope] = ALL_SCOPES) -> tuple[str, KeyRecord]:
    """Add a new key to the file; return the key (shown once) and its stored record."""
    keys = read_keys_file(path)
    key = new_key()
    record = KeyRecord(
        id="key_" + secrets.token_hex(4),
        name=name,
        scopes=sorted(set(scopes)),
        sha256=hash_key(key),
        created=dt.datetime.now(dt.UTC).replace(microsecond=0),
    )
    keys.keys.append(record)
    write_keys_file(path, keys)
    return key, record


def revoke_key(path: Path, key_id: str) -> bool:
    keys = read_keys_file(path)
    kept = [k for k in keys.keys if k.id != key_id]
    if len(kept) == len(keys.keys):
        return False
    write_keys_file(path, KeysFile(version=keys.version, keys=kept))
    return True


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
        if len(key) < 16:
            raise ConfigError(
                f"LLM_EXTRACT_API_KEYS entry {position} is shorter than 16 characters",
                hint="use `llm-extract keys create` or a long random string",
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

    The file is re-read when its modification time changes (checked at most once a
    second), so ``keys create`` and ``keys revoke`` take effect without a restart.
    """

    def __init__(
        self, path: Path | None, env_keys: Sequence[SecretStr] = (), revocations: RevocationStore | None = None
    ) -> None:
        self.path = path
        self.revocations = revocations
        """Key ids revoked on any replica (shared through the queue server); None: the keys file only."""
        self._env = env_records(env_keys)
        self._file: list[KeyRecord] = []
        self._mtime: float | None = None
        self._checked = 0.0
        self._reload()

    @property
    def records(self) -> list[KeyRecord]:
        return self._env + self._file

    def _reload(self) -> None:
        if self.path is None:
            return
        try:
            mtime = self.path.stat().st_mtime
        except OSError:
            mtime = None
        if mtime != self._mtime:
            self._file = read_keys_file(self.path).keys if mtime is not None else []
            self._mtime = mtime

    def _maybe_reload(self) -> None:
        now = time.monotonic()
        if now - self._checked >= 1.0:
            self._checked = now
            with contextlib.suppress(ConfigError):  # keep the last good set rather than lock everyone out
                self._reload()

    def authenticate(self, key: str) -> Principal | None:
        """The principal for ``key``, or None; compares with every record, in constant time."""
        self._maybe_reload()
        digest = hash_key(key).encode("ascii")
        found: KeyRecord | None = None
        for record in self.records:
            if hmac.compare_digest(digest, record.sha256.encode("ascii")):
                found = record
        if found is not None and self.revocations is not None and self.revocations.is_revoked(found.id):
            return None
        return Principal(found.id, frozenset(found.scopes)) if found else None
