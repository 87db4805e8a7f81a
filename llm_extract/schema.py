"""The published JSON Schema of the output contract, generated from the models."""

from __future__ import annotations

import json

from .models import Extraction

SCHEMA_ID = "https://llm-extract.invalid/schema/extraction.v1.schema.json"


def extraction_schema() -> dict[str, object]:
    schema = Extraction.model_json_schema(mode="serialization")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}


def schema_json() -> str:
    return json.dumps(extraction_schema(), indent=2, sort_keys=True) + "\n"
