"""pydantic's plugin discovery is skipped only when no installed distribution declares a plugin."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from llm_extract.contract.plugins import declares_pydantic_plugins

ROOT = Path(__file__).resolve().parent.parent


def _dist(folder: Path, name: str, entry_points: str | None) -> None:
    info = folder / f"{name}-1.0.dist-info"
    info.mkdir(parents=True)
    if entry_points is not None:
        (info / "entry_points.txt").write_text(entry_points, encoding="utf-8")


def test_a_declared_pydantic_entry_point_is_found(tmp_path: Path) -> None:
    _dist(tmp_path / "a", "quiet", "[console_scripts]\nquiet = quiet:main\n")
    _dist(tmp_path / "a", "bare", None)
    (tmp_path / "a" / "old.egg-info").write_text("Metadata-Version: 1.0\n", encoding="utf-8")
    assert declares_pydantic_plugins([str(tmp_path / "a"), str(tmp_path / "missing")]) is False
    _dist(tmp_path / "b", "observer", "[pydantic]\nobserver = observer:plugin\n")
    assert declares_pydantic_plugins([str(tmp_path / "a"), str(tmp_path / "b")]) is True


def test_a_zip_on_the_path_is_left_to_importlib_metadata(tmp_path: Path) -> None:
    archive = tmp_path / "packages.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("observer-1.0.dist-info/entry_points.txt", "[pydantic]\nobserver = observer:plugin\n")
    assert declares_pydantic_plugins([str(archive)]) is None


_PROBE = """
import sys
from llm_extract.contract.models import Extraction, Span
Span(start=0, end=1)
Extraction.model_json_schema()
print("metadata" if "importlib.metadata" in sys.modules else "no metadata")
"""


@pytest.mark.skipif(declares_pydantic_plugins(sys.path) is not False, reason="a pydantic plugin is installed here")
def test_validating_without_plugins_does_not_import_importlib_metadata() -> None:
    done = subprocess.run([sys.executable, "-c", _PROBE], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "no metadata", done.stderr


_LATER_PYDANTIC = """
import sys
from llm_extract.contract.plugins import skip_discovery_without_plugins
assert skip_discovery_without_plugins()
from pydantic.plugin._loader import PYDANTIC_ENTRY_POINT_GROUP, get_plugins
print(PYDANTIC_ENTRY_POINT_GROUP, list(get_plugins()))
"""


@pytest.mark.skipif(declares_pydantic_plugins(sys.path) is not False, reason="a pydantic plugin is installed here")
def test_a_name_the_stand_in_lacks_comes_from_pydantics_own_loader() -> None:
    # A later pydantic may import more than get_plugins from its loader: it must get it, not an ImportError.
    done = subprocess.run([sys.executable, "-c", _LATER_PYDANTIC], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "pydantic []", done.stderr
