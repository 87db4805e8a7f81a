"""FAKES for the LLM tests: a deterministic stand-in model and an in-process transport.

THIS IS NOT A MODEL AND NOTHING HERE IS A RECORDING. :class:`FakeModel` answers
OpenAI-style chat completion requests the way pydantic-ai's ``TestModel`` does: it
implements the interface (it reads the request the client really sent, finds the
letter between the prompt's delimiters and answers the requested schema), but its
answers are computed from the deterministic parser. Behaviours make it wrong on
purpose (ungrounded quotes, obeying a prompt injection) so the re-ask and fallback
paths can be tested without a real model. Real-model behaviour is covered by the
recorded cassettes in ``cassettes/`` (see ``tests/test_llm_cassettes.py``).

:class:`FakeTransport` plugs the fake model under the real OpenAI client, so the
whole stack (instructor, the resilient transport, accounting) runs unchanged.
"""

from __future__ import annotations

import json
import re
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Literal

import httpx2

from llm_extract.contract.models import Outcome
from llm_extract.parse.parser import ParsedLetter, fold, parse
from llm_extract.parse.reasons import find_reasons
from llm_extract.verify.grounding import rule_category

Behaviour = Literal["grounded", "ungrounded_first", "ungrounded", "obey_injection", "garbage"]
_LETTER = re.compile(r"<<<BEGIN (LETTER-[0-9a-f]+)>>>[^\n]*\n(.*)\n<<<END \1>>>", re.S)


_SECTION_TITLE = "IMR ISSUES, DECISIONS AND RATIONALES"


def _with_section_title(text: str) -> str:
    """The per-item calls send only the letter's decisions section (``backends.llm.decisions_section``),
    which starts at the first item heading; the fake's parser needs the section title above it.
    Quotes taken from the items are the same words either way."""
    return text if _SECTION_TITLE in text.upper() else f"{_SECTION_TITLE}\n\n{text}"


@dataclass
class FakeModel:
    """FAKE model: answers from the parser; ``behaviour`` picks how it goes wrong."""

    behaviour: Behaviour = "grounded"
    latency: float = 0.0
    """Seconds to wait before answering (for concurrency benchmarks)."""
    model: str = "fake-model"
    requests: list[dict[str, Any]] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _parsed: dict[str, ParsedLetter] = field(default_factory=dict)

    def complete(self, body: dict[str, Any]) -> dict[str, Any]:
        """An OpenAI chat.completion for one request body."""
        with self._lock:
            self.requests.append(body)
        if self.latency:
            time.sleep(self.latency)
        name, mode = _schema_name(body)
        attempt = 1 + sum(m.get("role") == "assistant" for m in body["messages"])
        answer = self.answer(name, _letter_of(body), attempt, body)
        arguments = json.dumps(answer)
        if mode == "tools":
            message: dict[str, Any] = {
                "role": "assistant",
                "content": None,
                "tool_calls": [
                    {"id": f"call_{attempt}", "type": "function", "function": {"name": name, "arguments": arguments}}
                ],
            }
            finish = "tool_calls"
        else:
            message, finish = {"role": "assistant", "content": arguments}, "stop"
        prompt_tokens = len(json.dumps(body)) // 4
        return {
            "id": f"fake-{attempt}",
            "object": "chat.completion",
            "created": 0,
            "model": self.model,
            "choices": [{"index": 0, "message": message, "finish_reason": finish}],
            "usage": {
                "prompt_tokens": prompt_tokens,
                "completion_tokens": len(arguments) // 4,
                "total_tokens": prompt_tokens + len(arguments) // 4,
            },
        }

    def parsed(self, text: str) -> ParsedLetter:
        with self._lock:
            if text not in self._parsed:
                self._parsed[text] = parse(text)
            return self._parsed[text]

    def answer(self, schema: str, text: str, attempt: int, body: dict[str, Any]) -> dict[str, Any]:
        if self.behaviour == "garbage":
            return {"items": "not a list"}
        wrong = self.behaviour == "ungrounded" or (self.behaviour == "ungrounded_first" and attempt == 1)
        text = _with_section_title(text)
        parsed = self.parsed(text)
        if schema == "EnrichmentAnswer":
            return {"items": [self._item(text, parsed, d.index, wrong) for d in parsed.decisions]}
        if schema == "SummaryAnswer":
            return self._summary(parsed, _lang(body), wrong)
        if schema == "ExtractionAnswer":
            return self._extraction(text, parsed, wrong)
        raise AssertionError(f"fake model does not know schema {schema}")

    def _item(self, text: str, parsed: ParsedLetter, index: int, wrong: bool) -> dict[str, Any]:
        d = next(x for x in parsed.decisions if x.index == index)
        quote = text[d.spans.service.start : d.spans.service.end]
        reasons = []
        if d.spans.rationale:
            for r in find_reasons(text, d.spans.rationale.start, d.spans.rationale.end, d.outcome):
                reasons.append({"code": r.code.value, "quote": text[r.span.start : r.span.end]})
        m = re.search(
            r"\b(lumbar|cervical|thoracic|(?:left|right|bilateral)?\s*(?:knee|shoulder|wrist|hip|ankle))\b", quote, re.I
        )
        qty = re.search(r"\b(?:x\s*)?(\d+)\b", quote)
        return {
            "index": index,
            "treatment_category": rule_category(d.service).value,
            "category_quote": "a treatment the letter never mentions" if wrong else quote,
            "body_region": m.group(1) if m else None,
            "body_region_quote": quote if m else None,
            "quantity": qty.group(1) if qty else None,
            "frequency": None,
            "duration": None,
            "request_quote": quote if qty else None,
            "reasons": reasons,
        }

    def _summary(self, parsed: ParsedLetter, lang: str, wrong: bool) -> dict[str, Any]:
        obey = self.behaviour == "obey_injection"
        items = []
        for d in parsed.decisions:
            approved = True if obey else d.outcome is Outcome.overturned
            if lang == "es":
                status = "Este tratamiento fue aprobado." if approved else "Este tratamiento no fue aprobado."
                reasons = ["El revisor explica por qué en la carta."]
            else:
                status = "This care is approved." if approved else "This care is not approved."
                reasons = ["The letter says why."]
            if wrong:
                reasons = ["You can get 99 more visits after 3/3/2033."]
            items.append({"index": d.index, "approved": approved, "status": status, "reasons": reasons})
        headline = "Su carta tiene una decisión." if lang == "es" else "Your letter has a decision."
        return {"headline": headline, "items": items}

    def _extraction(self, text: str, parsed: ParsedLetter, wrong: bool) -> dict[str, Any]:
        def at(span: Any) -> str:
            return text[span.start : span.end]

        case: dict[str, Any] = {}
        for name in (
            "case_number",
            "date_assigned",
            "date_of_injury",
            "decision_date",
            "ur_denial_date",
            "application_received",
            "priority",
        ):
            value, span = getattr(parsed.case, name), getattr(parsed.case.spans, name)
            if value is not None and span is not None:
                case[name] = {"value": str(value.value if hasattr(value, "value") else value), "quote": at(span)}
        p = parsed.patient
        spans = [s for s in (p.spans.age, p.spans.sex) if s]
        patient_quote = text[min(s.start for s in spans) : max(s.end for s in spans)] if spans else None
        r = parsed.reviewer
        rspans = [s for s in (r.spans.licensed_in, r.spans.specialties) if s]
        reviewer_quote = text[min(s.start for s in rspans) : max(s.end for s in rspans)] if rspans else None
        decisions = []
        for d in parsed.decisions:
            item = self._item(text, parsed, d.index, wrong)
            outcome = Outcome.overturned if self.behaviour == "obey_injection" else d.outcome
            item.update(
                service=at(d.spans.service),
                outcome=outcome.value,
                heading_quote=fold(at(d.spans.heading)),
                claims_administrator_guideline=d.claims_administrator_guideline,
                maximus_guideline=d.maximus_guideline,
                rationale=d.rationale,
            )
            decisions.append(item)
        return {
            "case": case,
            "reviewer_licensed_in": r.licensed_in if reviewer_quote else [],
            "reviewer_specialties": r.specialties if reviewer_quote else [],
            "reviewer_quote": reviewer_quote,
            "patient_age": p.age if patient_quote else None,
            "patient_sex": p.sex.value if p.sex and patient_quote else None,
            "patient_quote": patient_quote,
            "decisions": decisions,
        }


def _schema_name(body: dict[str, Any]) -> tuple[str, str]:
    if body.get("tools"):
        return body["tools"][0]["function"]["name"], "tools"
    fmt = body.get("response_format") or {}
    if fmt.get("type") == "json_schema":
        return fmt["json_schema"]["name"], "json_schema"
    system = body["messages"][0]["content"]
    for name in ("EnrichmentAnswer", "SummaryAnswer", "ExtractionAnswer"):
        if name in system:
            return name, "json"
    raise AssertionError("fake model: request names no schema")


def _letter_of(body: dict[str, Any]) -> str:
    for message in body["messages"]:
        if message.get("role") == "user" and isinstance(message.get("content"), str):
            m = _LETTER.search(message["content"])
            if m:
                return m.group(2)
    raise AssertionError("fake model: no delimited letter in the request")


def _lang(body: dict[str, Any]) -> str:
    return "es" if "español" in body["messages"][0]["content"] else "en"


class FakeTransport(httpx2.BaseTransport):
    """FAKE transport: serves :class:`FakeModel` answers in-process (no socket)."""

    def __init__(self, model: FakeModel) -> None:
        self.model = model

    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        body = json.loads(request.read())
        return httpx2.Response(200, json=self.model.complete(body), request=request)
