"""Ship the run-time data (prompts, seed fixtures and letters, eval thresholds and baselines)
inside the wheel, copied from the top-level folders that stay the editable source of truth."""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
PACKAGE_DATA = (
    "prompts/*.toml",
    "evals/thresholds.toml",
    "evals/baselines/*.jsonl",
    "evals/fixtures/seed-*.json",
    "examples/letters/seed-*.txt",
)


class BuildWithData(build_py):
    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / "llm_extract" / "_data"
        for pattern in PACKAGE_DATA:
            for source in sorted(ROOT.glob(pattern)):
                dest = target / source.relative_to(ROOT)
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, dest)


setup(cmdclass={"build_py": BuildWithData})
