"""JSON log lines with timestamps for ``serve`` and ``worker``: one object per line on stderr.

A record becomes ``{"ts", "level", "logger", "msg", ...}``. A message that is itself a
JSON object (the access log's) is merged into the line; otherwise only allow-listed
``extra`` fields are added (ids, counts, codes), so letter text, summaries, file names
and keys cannot reach the log through a careless ``extra=``.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
from typing import Any

SAFE_EXTRAS = (
    "job",
    "index",
    "ok",
    "failed",
    "error",
    "status",
    "letters",
    "jobs",
    "cached",
    "input_sha256",
    "concurrency",
    "attempt",
)


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "ts": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
        }
        if isinstance(record.msg, dict) and not record.args:  # e.g. an access line: no JSON round trip
            line.update({k: v for k, v in record.msg.items() if k not in line})
            return json.dumps(line, separators=(",", ":"), default=str)
        message = record.getMessage()
        parsed: Any = None
        if message.startswith("{"):
            try:
                parsed = json.loads(message)
            except ValueError:
                parsed = None
        if isinstance(parsed, dict):
            line.update({k: v for k, v in parsed.items() if k not in line})
        else:
            line["msg"] = message
        for name in SAFE_EXTRAS:
            if name in record.__dict__:
                line[name] = record.__dict__[name]
        if record.exc_info and record.exc_info[0] is not None:
            line["exception"] = record.exc_info[0].__name__  # the type only: a traceback may quote data
        return json.dumps(line, separators=(",", ":"), default=str)


def configure_json_logging(level: int = logging.INFO) -> None:
    """Route llm_extract's and the queue's loggers to stderr as JSON lines.

    The lines never carry a record's source file, line, thread or process, so records stop
    collecting them: finding the caller's frame and the thread and process names is a good part
    of what a record costs, and ``serve`` writes one per request."""
    logging._srcfile = None
    logging.logThreads = False
    logging.logProcesses = False
    logging.logMultiprocessing = False
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    for name in ("llm_extract", "dramatiq"):
        logger = logging.getLogger(name)
        logger.handlers = [handler]
        logger.setLevel(level if name == "llm_extract" else logging.WARNING)
        logger.propagate = False
