"""``python -m llm_extract``: the ``llm-extract`` command."""

from __future__ import annotations

import sys

from llm_extract.cli import main

sys.exit(main())
