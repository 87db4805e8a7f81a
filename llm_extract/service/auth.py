"""Bearer API key authentication and rights, as a FastAPI dependency.

Order matters and is fixed: an address that sent too many invalid keys is 429
(``auth-throttled``, before its key is even looked at), a missing or unknown key is
401 (nothing else is revealed to an anonymous caller; an unknown key counts against
the address), a key the server cannot check because its keys file is unusable is
503, a key without the operation's right is 403, then the key's rate limit (429),
then the declared body size (413). The body itself is only read after all pass.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from llm_extract.service.keys import Principal, Scope
from llm_extract.service.limits import check_content_length
from llm_extract.service.problems import Forbidden, KeysUnavailable, Unauthorized
from llm_extract.service.state import service_state

bearer = HTTPBearer(auto_error=False, description="An API key from `llm-extract keys create` or LLM_EXTRACT_API_KEYS.")


def require(scope: Scope) -> Callable[..., Awaitable[Principal]]:
    """A dependency admitting callers whose key holds ``scope``."""

    async def admit(
        request: Request,
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
    ) -> Principal:
        state = service_state(request)
        if credentials is None:
            raise Unauthorized("no API key was sent", hint="send the header 'Authorization: Bearer <key>'")
        address = request.client.host if request.client else None
        state.auth_throttle.check(address)
        combined = state.limiter.checks_revocations  # revoked? and a token, in one round trip
        principal = state.keys.authenticate(credentials.credentials, check_revocations=not combined)
        wait: float | None = 0.0
        if principal is not None and combined:
            wait = await state.limiter.admit(principal.key_id, take=scope in principal.scopes)
            if wait is None:
                principal = None  # revoked: answered exactly like a revoked key found by authenticate
        if principal is None and state.keys.problem is not None:
            raise KeysUnavailable(
                "the server's keys file is unusable, so keys from it cannot be checked",
                hint="retry later; the operator must fix the keys file (see /v1/readyz)",
            )
        if principal is None:
            state.auth_throttle.failed(address)
            raise Unauthorized(
                "the API key is not valid", hint="check the key, or create one with `llm-extract keys create`"
            )
        request.state.key_id = principal.key_id
        if scope not in principal.scopes:
            raise Forbidden(
                f"the API key lacks the '{scope.value}' right", hint=f"use a key created with --scope {scope.value}"
            )
        if combined:
            assert wait is not None
            state.limiter.enforce(wait)
        else:
            state.limiter.acquire(principal.key_id)
        check_content_length(request.scope["headers"], state.settings.max_body_bytes)
        return principal

    return admit
