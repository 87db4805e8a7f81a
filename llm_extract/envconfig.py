"""Validating settings read from ``LLM_EXTRACT_*`` environment variables.

The LLM settings and the HTTP service settings are separate pydantic models, but a
bad value must fail the same way for both: a ConfigError naming the variable to fix
(never pydantic's own message with its echo of the value, which may be a secret).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from llm_extract.errors import ConfigError

PREFIX = "LLM_EXTRACT_"

M = TypeVar("M", bound=BaseModel)


def read_env(env: Mapping[str, str], env_names: Mapping[str, str]) -> dict[str, Any]:
    """The set, non-blank ``LLM_EXTRACT_*`` variables of ``env_names`` (field -> suffix), by field."""
    raw: dict[str, Any] = {}
    for field, suffix in env_names.items():
        value = env.get(PREFIX + suffix, "").strip()
        if value:
            raw[field] = value
    return raw


def validate_settings(
    model: type[M],
    raw: Mapping[str, Any],
    env_names: Mapping[str, str],
    hint: Callable[[str], str] | None = None,
) -> M:
    """``model`` from ``raw``, or a ConfigError naming the first invalid variable.

    ``env_names`` maps field names to variable names without the prefix; ``hint`` gives
    a field-specific fix (default: "fix <variable>").
    """
    try:
        return model.model_validate(dict(raw))
    except ValidationError as exc:
        first = exc.errors()[0]
        field = str(first["loc"][0]) if first["loc"] else "?"
        variable = PREFIX + env_names.get(field, field.upper())
        raise ConfigError(
            f"{variable} is invalid: {first['msg']}",
            hint=hint(field) if hint else f"fix {variable}",
        ) from None
