"""The published JSON Schema of the output contract, generated from the models."""

from __future__ import annotations

import functools
import hashlib
import json

from llm_extract.contract.models import Extraction

SCHEMA_ID = "https://llm-extract.invalid/schema/extraction.v1.schema.json"


def extraction_schema() -> dict[str, object]:
    schema = Extraction.model_json_schema(mode="serialization")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}


def schema_json() -> str:
    return json.dumps(extraction_schema(), indent=2, sort_keys=True) + "\n"


@functools.cache
def contract_sha256() -> str:
    """Hash of the published contract: any model change (a new optional field too)
    changes every document, so it is part of every cache key."""
    return hashlib.sha256(schema_json().encode("utf-8")).hexdigest()
