"""Write ``schema/openapi.json`` from the code: ``python -m llm_extract.service.openapi``.

Kept apart from :mod:`llm_extract.service.spec` (which the app imports to describe its
routes) so building a whole app here is not an import cycle.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from llm_extract.jobs.settings import JobSettings
from llm_extract.llm.settings import LlmSettings
from llm_extract.resources import SOURCE_ROOT
from llm_extract.service.app import create_app
from llm_extract.service.keys import KeyStore
from llm_extract.service.settings import ServiceSettings
from llm_extract.service.spec import openapi_json

OPENAPI_PATH = SOURCE_ROOT / "schema" / "openapi.json"


def main() -> None:
    """Rewrite schema/openapi.json from the code."""
    with tempfile.TemporaryDirectory() as scratch:  # the app's job store, never opened for real
        app = create_app(
            ServiceSettings(cache=False),
            keys=KeyStore(None),
            checks=[],
            llm_settings=LlmSettings(),
            jobs=JobSettings(data_dir=Path(scratch)),
        )
        OPENAPI_PATH.write_text(openapi_json(app), encoding="utf-8")
    sys.stderr.write(f"wrote {OPENAPI_PATH}\n")


if __name__ == "__main__":  # pragma: no cover
    main()
