"""Field descriptions from attribute docstrings, with each module's source parsed once.

The models document each field with a docstring under it, and those docstrings are the
field descriptions of the published JSON Schema and OpenAPI document. pydantic's
``use_attribute_docstrings`` finds them by walking the stack, then tokenizing and parsing
the source of each class as it is created: about 1.5 ms a model, ~45 ms of every cold
``llm-extract extract`` for the contract's 30 models, spent before any letter is read.

:func:`describe_fields` sets the same descriptions from one parse of the module's source
(~2 ms for the whole contract), kept for the module's other models. Models that use it
defer building their validator and schema to first use (``defer_build``): pydantic would
otherwise build them while creating the class, before the descriptions are set.
"""

from __future__ import annotations

import ast
import functools
import inspect
import sys

from pydantic import BaseModel


def describe_fields(model: type[BaseModel]) -> None:
    """Set the description of each of ``model``'s fields from the docstring under it.

    Called from a base model's ``__pydantic_init_subclass__``, which pydantic runs once a
    new model's fields are collected; the base must set ``defer_build=True`` so that the
    model's schema is built later, with the descriptions. An explicit ``Field(description=...)``
    wins, and an inherited field keeps its parent's description, as with
    ``use_attribute_docstrings``."""
    docs = module_field_docstrings(model.__module__).get(model.__qualname__, {})
    for name, info in model.__pydantic_fields__.items():
        if info.description is None and name in docs:
            info.description = docs[name]


@functools.cache
def module_field_docstrings(module_name: str) -> dict[str, dict[str, str]]:
    """:func:`field_docstrings` of a module's source (empty without source, as pydantic has it then)."""
    try:
        source = inspect.getsource(sys.modules[module_name])
    except (KeyError, OSError, TypeError):  # pragma: no cover - the wheel ships its sources
        return {}
    return field_docstrings(source)


def field_docstrings(source: str) -> dict[str, dict[str, str]]:
    """Class name -> field name -> docstring, for the classes at the top level of ``source``.

    The rule of ``use_attribute_docstrings``: a string statement right after an annotated
    assignment to a name documents that name (indentation cleaned as for any docstring)."""
    found: dict[str, dict[str, str]] = {}
    for node in ast.parse(source).body:
        if not isinstance(node, ast.ClassDef):
            continue
        docs: dict[str, str] = {}
        previous: ast.stmt | None = None
        for statement in node.body:
            if (
                isinstance(previous, ast.AnnAssign)
                and isinstance(previous.target, ast.Name)
                and isinstance(statement, ast.Expr)
                and isinstance(statement.value, ast.Constant)
                and isinstance(statement.value.value, str)
            ):
                docs[previous.target.id] = inspect.cleandoc(statement.value.value)
            previous = statement
        found[node.name] = docs
    return found
