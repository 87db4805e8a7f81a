"""Field descriptions read by llm_extract.contract.fielddocs match pydantic's use_attribute_docstrings.

The published JSON Schema and OpenAPI document carry these descriptions (tests/test_cli.py
compares the committed schema); here the same tricky module is built both ways.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from pydantic import BaseModel

from llm_extract.llm.accounting import Usage
from llm_extract.llm.settings import LlmSettings, Price

_MODELS = """
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from llm_extract.contract.fielddocs import describe_fields


class PydanticBase(BaseModel):
    model_config = ConfigDict(use_attribute_docstrings=True)


class OursBase(BaseModel):
    model_config = ConfigDict(defer_build=True)

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        describe_fields(cls)
"""

_BODY = '''

class {prefix}Inner({prefix}Base):
    x: int = 0
    """Inner x."""


class {prefix}Item({prefix}Base):
    """The class docstring is not a field's."""

    plain: int = 0
    """One line."""
    multi: str = ""
    """First line,
        indented continuation.

    Second paragraph."""
    explicit: int = Field(default=0, description="explicit wins")
    """Ignored: the explicit description wins."""
    undocumented: int = 0

    def method(self) -> None:
        """A method's docstring."""

    """A string after a method documents nothing (not even the field before it)."""
    _private = 1
    """Follows a plain assignment: documents nothing."""
    inner: {prefix}Inner = {prefix}Inner()
    """A model used as a default while this class is created."""

    also_undocumented: int = 0
    later: int = 0
    """Later."""


class {prefix}Child({prefix}Item):
    plain: int = 1
    """Redeclared in the child."""
    extra: int = 0
'''


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    path = Path(tmp_path_factory.mktemp("fielddocs")) / "fielddocs_probe.py"
    path.write_text(_MODELS + _BODY.format(prefix="Pydantic") + _BODY.format(prefix="Ours"), encoding="utf-8")
    spec = importlib.util.spec_from_file_location("fielddocs_probe", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        del sys.modules[spec.name]


def _descriptions(model: type[BaseModel]) -> dict[str, str | None]:
    return {name: info.description for name, info in model.model_fields.items()}


@pytest.mark.parametrize("name", ["Inner", "Item", "Child"])
def test_descriptions_and_schema_match_use_attribute_docstrings(both: ModuleType, name: str) -> None:
    ours, theirs = getattr(both, f"Ours{name}"), getattr(both, f"Pydantic{name}")
    assert _descriptions(ours) == _descriptions(theirs)
    renamed = json.dumps(theirs.model_json_schema()).replace("Pydantic", "Ours")
    assert ours.model_json_schema() == json.loads(renamed)


def test_the_probe_exercises_each_rule(both: ModuleType) -> None:
    item = _descriptions(both.OursItem)
    assert item["plain"] == "One line."
    assert item["multi"] == "First line,\n    indented continuation.\n\nSecond paragraph."
    assert item["explicit"] == "explicit wins"
    assert item["undocumented"] is None and item["also_undocumented"] is None
    assert item["inner"] == "A model used as a default while this class is created."
    child = _descriptions(both.OursChild)
    assert (child["plain"], child["later"], child["extra"]) == ("Redeclared in the child.", "Later.", None)


@pytest.mark.parametrize("model", [LlmSettings, Price, Usage])
def test_every_settings_and_usage_field_is_described(model: type[BaseModel]) -> None:
    assert [name for name, info in model.model_fields.items() if not info.description] == []
