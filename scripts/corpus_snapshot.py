"""Write the rules backend's output for every corpus letter (text and PDF) to a folder.

Run it on two checkouts and diff the folders to prove a parser change alters only what
it meant to (``diff -r before/ after/``)::

    python scripts/corpus_snapshot.py ../shared/corpus/dwc-2016 /tmp/after

Each letter gives ``<case>.<kind>.json`` (the document without its provenance, which
carries versions) or ``<case>.<kind>.error`` (the typed error code). Nothing is
written inside the repository; corpus text stays in the folder you name.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from llm_extract.engine.api import extract_file
from llm_extract.errors import LlmExtractError


def snapshot(corpus: Path, out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    count = 0
    for kind in ("text", "pdf"):
        for path in sorted((corpus / kind).glob("*")):
            if path.suffix.lower() not in (".txt", ".pdf"):
                continue
            target = out / f"{path.stem}.{kind}"
            try:
                document = json.loads(extract_file(path).model_dump_json())
            except LlmExtractError as exc:
                target.with_suffix(f".{kind}.error").write_text(exc.code + "\n", encoding="utf-8")
            else:
                document.pop("provenance", None)
                text = json.dumps(document, indent=1, sort_keys=True, ensure_ascii=False)
                target.with_suffix(f".{kind}.json").write_text(text + "\n", encoding="utf-8")
            count += 1
    return count


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: corpus_snapshot.py CORPUS_DIR OUT_DIR")
    print(f"{snapshot(Path(sys.argv[1]), Path(sys.argv[2]))} letters written to {sys.argv[2]}")
