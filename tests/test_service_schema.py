"""Property-based run of the served OpenAPI document (schemathesis) against real HTTP.

Schemathesis generates valid and invalid requests for every operation from the
document and checks each answer: never a 5xx, status codes, content types, headers
and bodies as documented (problem+json included), invalid requests rejected, and
authentication enforced. Examples are bounded and
derandomized so the run is quick and repeatable.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from schemathesis.checks import positive_data_acceptance

from llm_extract.service.openapi import OPENAPI_PATH
from tests.pdfkit import letter_pdf, make_pdf
from tests.servicekit import SEEDS, auth, make_app, running

schemathesis.openapi.media_type(
    "application/pdf",
    st.sampled_from([letter_pdf(SEEDS[0].read_text()), make_pdf([["a page"]]), b"%PDF-1.4 junk", b"not a pdf"]),
)


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    app = make_app(tmp_path_factory.mktemp("svc"), rate_limit=100_000, rate_burst=100_000, max_batch=5)
    with running(app) as url:
        yield url


schema = schemathesis.openapi.from_path(OPENAPI_PATH)
"""The committed document (test_service_http checks it equals the served one)."""


@schema.parametrize()
@settings(max_examples=25, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck))
def test_no_request_gets_a_server_error(base: str, case: schemathesis.Case[Any]) -> None:
    # Every other check runs. positive_data_acceptance is left out by design: a schema-valid body
    # that is not an IMR letter (or names a backend this server lacks) is rightly a 422 problem.
    case.call_and_validate(base_url=base, headers=auth(), excluded_checks=[positive_data_acceptance])
