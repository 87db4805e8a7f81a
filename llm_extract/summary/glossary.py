"""Plain words: the summary's glossary, letter abbreviations, and Spanish names for services.

Three lists, one purpose: a worker should not meet a word nobody explained.

* :data:`TERMS`: terms of art the fixed wording uses (IMR, claims administrator,
  authorize, WCAB, verified petition, proof of service, medical guidelines, ...). Each
  has a meaning that the text states where the term is first used; the summary's
  ``glossary`` lists the ones a summary uses, and the hard-word check treats their
  words as explained.
* :data:`ABBREVIATIONS`: abbreviations and words letters put in service names (MRI,
  EMG/NCV, FCE, TENS, DOS, "#90", cervical, without contrast, ...), explained in one
  sentence under the item that uses them.
* :data:`SPANISH_NAMES`: English service and body-part words with their plain
  Latin-American Spanish names, used to give each service a Spanish name; the letter's
  own words always follow in parentheses, since that is what the worker will see on
  the letter and on bills.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from itertools import compress, count

from llm_extract.contract.models import GlossaryEntry
from llm_extract.summary.screens import Screened
from llm_extract.summary.specifics import retrospective
from llm_extract.text import rxcache
from llm_extract.text.abbreviations import ABBREVIATIONS, Abbreviation
from llm_extract.text.lexicon import DOSE
from llm_extract.text.prefilter import Prefilter
from llm_extract.text.syllables_en import sentence_pieces

__all__ = [
    "ABBREVIATIONS",
    "NAMES",
    "SPANISH_NAMES",
    "TERMS",
    "Term",
    "abbreviations_in",
    "entries",
    "glossary_of",
    "spanish_amount",
    "spanish_name",
    "terms_in",
    "uses",
    "uses_before",
]


@dataclass(frozen=True)
class Term:
    """A word the summary explains."""

    term: str
    """As used in the text (matched whole, case-insensitively)."""
    meaning: str
    """The explanation, word for word as the text states it (in ``sentence`` or in a
    fixed sentence that uses the term)."""
    sentence: str | None = None
    """The sentence added right after the first sentence that uses the term; None when
    the fixed wording already explains it there (``IMR (Independent Medical Review)``;
    ``approved``, the headline's word, explained by the opening lines)."""
    forms: tuple[str, ...] = ()
    """Other forms of the same word the explanation covers (``approve``, ``approval``)."""

    def pattern(self) -> re.Pattern[str]:
        return _whole_word(self.term)

    def words(self) -> frozenset[str]:
        """The lower-case words this entry explains, for the hard-word check."""
        return _words_of((self.term, *self.forms))


@functools.cache
def _whole_word(term: str) -> re.Pattern[str]:
    """Compiled once per term: the summary looks every term up in every sentence."""
    return rxcache.compile(rf"(?<![\w#]){re.escape(term)}(?!\w)", re.I)


@functools.cache
def _words_of(phrases: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w.lower() for phrase in phrases for w in re.findall(r"[\w']+", phrase))


def _t(term: str, meaning: str, sentence: str | None = None, *forms: str) -> Term:
    if sentence is not None and meaning not in sentence:
        raise ValueError(f"the sentence for {term!r} must contain its meaning")
    return Term(term, meaning, sentence, forms)


TERMS: dict[str, tuple[Term, ...]] = {
    "en": (
        _t("approved", "the reviewer said yes to the care", None, "approve", "approval", "approvals"),
        _t("IMR", "Independent Medical Review"),
        _t("Independent Medical Review", "This doctor does not work for you or for the company you work for"),
        _t("employer", "the company you work for", "Your employer is the company you work for."),
        _t("reviewer", "This doctor is the reviewer", None, "reviewers"),
        _t(
            "decision",
            "the reviewer's yes or no to the care",
            "The decision is the reviewer's yes or no to the care.",
            "decisions",
        ),
        _t(
            "medical guidelines",
            "rules doctors use to decide what care works",
            "Medical guidelines are rules doctors use to decide what care works.",
            "medical",
        ),
        _t(
            "claims administrator",
            "the company that pays for care when you get hurt at work",
            "The claims administrator is the company that pays for care when you get hurt at work.",
            "claim",
        ),
        _t(
            "authorize",
            "to say yes so that the care can be given",
            "To authorize means to say yes so that the care can be given.",
        ),
        _t(
            "appeal",
            "to ask a court to look at it again",
            "To appeal means to ask a court to look at it again.",
            "appeals",
        ),
        _t(
            "WCAB",
            "the Workers' Compensation Appeals Board, a court for cases of workers hurt on the job",
            "The WCAB is the Workers' Compensation Appeals Board, a court for cases of workers hurt on the job.",
            "Workers' Compensation Appeals Board",
        ),
        _t("fraud", "lying or cheating"),
        _t(
            "bias",
            "treating you unfairly because of who you are",
            "Bias means treating you unfairly because of who you are.",
        ),
        _t("ethnic group", "the people your family comes from"),
        _t(
            "disability",
            "a lasting sickness or hurt that makes some things hard to do",
        ),
        _t("verified petition", "you sign it and swear that it is true"),
        _t("fax", "a copy sent over a phone line"),
        _t("proof of service", "the page that says when and how the letter was sent"),
        _t(
            "Division of Workers' Compensation",
            "the state office for workers hurt on the job",
            None,
            "DWC",
            "compensation",
        ),
        _t(
            "ADJ case number",
            "the number of your case at the WCAB",
        ),
        _t(
            "surgery",
            "a doctor cuts into your body to fix something",
            "Surgery is when a doctor cuts into your body to fix something.",
        ),
        _t(
            "physical therapy",
            "care that helps you move better",
            "Physical therapy is care that helps you move better.",
        ),
        _t(
            "muscle spasms",
            "a part of your body gets tight and hurts on its own",
            "Muscle spasms are when a part of your body gets tight and hurts on its own.",
        ),
        _t("stomach", "where food goes after you eat it", "Your stomach is where food goes after you eat it."),
        # explained where the safety sentence says it ("your kidneys, the parts of your body that clean your blood")
        _t("kidneys", "the parts of your body that clean your blood", None, "kidney"),
    ),
    "es": (
        _t("aprobado", "el revisor dijo que sí a la atención"),
        _t("IMR", "Revisión Médica Independiente"),
        _t("Revisión Médica Independiente", "Este médico no trabaja para usted ni para su empleador"),
        _t("revisor", "Este médico es el revisor"),
        _t(
            "empleador",
            "la compañía para la que usted trabaja",
            "Su empleador es la compañía para la que usted trabaja.",
        ),
        _t(
            "decisión",
            "el sí o el no del revisor a la atención",
            "La decisión es el sí o el no del revisor a la atención.",
        ),
        _t(
            "guías médicas",
            "reglas que usan los médicos para decidir qué atención funciona",
            "Las guías médicas son reglas que usan los médicos para decidir qué atención funciona.",
        ),
        _t(
            "administrador de reclamos",
            "la compañía que paga la atención cuando usted se lesiona en el trabajo",
            "El administrador de reclamos es la compañía que paga la atención cuando usted se lesiona en el trabajo.",
        ),
        _t(
            "autorizar",
            "dar el sí para que usted reciba la atención",
            "Autorizar quiere decir dar el sí para que usted reciba la atención.",
        ),
        _t(
            "apelar",
            "pedirle a un tribunal que revise la decisión otra vez",
            "Apelar quiere decir pedirle a un tribunal que revise la decisión otra vez.",
        ),
        _t(
            "WCAB",
            "un tribunal para casos de trabajadores lesionados",
            "La WCAB (Workers' Compensation Appeals Board) es un tribunal para casos de trabajadores lesionados.",
        ),
        _t("fraude", "mentiras o trampas"),
        _t("petición verificada", "usted la firma y jura que es verdad"),
        _t("prueba de envío", "la página que dice cuándo y cómo se envió"),
        _t(
            "División de Compensación de Trabajadores",
            "la oficina del estado para los trabajadores lesionados",
            "La División de Compensación de Trabajadores es la oficina del estado para los trabajadores lesionados.",
        ),
        _t(
            "número de caso ADJ",
            "el número de su caso en la WCAB",
        ),
    ),
}
"""Terms the fixed wording uses, per language."""
NAMES = ("Information and Assistance", "California", "United States", "IMR Unit", "magnet", '"Decision rationale"')
"""Proper names the fixed wording uses (Dale-Chall counts names as familiar), and
"magnet", said only where a picture of it helps."""
"""Terms the fixed wording uses, per language, in order of first use."""


_ABBREVIATION_PATTERNS = tuple(rxcache.compile(a.pattern) for a in ABBREVIATIONS)
_ABBREVIATION_FILTERS = tuple(Prefilter(pattern) for pattern in _ABBREVIATION_PATTERNS)
_ABBREVIATION_SCREEN = Screened(_ABBREVIATION_FILTERS)
_ABBREVIATION_ITEMS = tuple(zip(ABBREVIATIONS, _ABBREVIATION_PATTERNS, strict=True))


_A_TEST_FOR = rxcache.compile(
    r"\b(?:test\w*|screen\w*|panel|assay|evaluation|consult\w*)\s+(?:for|of)\s"
    # "Pharmacogenetic testing (opioid metabolism panel)" (round 166's reader: told "This is an opioid")
    r"|\b(?:pharmaco)?genetic\s+(?:test\w*|screen\w*|panel|assay)|\bgenotyp\w*",
    re.I,
)
"""A test or a consultation, then what it is for: a medicine named after it is not the care asked for."""
_TEETH = rxcache.compile(
    r"\b(?:tooth|teeth|dental|abutments?|crowns?|root\s+canals?|endodontic\w*|periodont\w*)\b", re.I
)
"""A tooth named, or dental care: "#8 and #9", "site #9" are teeth's numbers, not how many were asked for (round
130's reader; round 150's: "Implant with abutment and crown, site #9")."""


def abbreviations_in(service: str) -> list[Abbreviation]:
    """The abbreviations a service name uses, in list order (only those whose words it holds are
    searched). In a mix of several kinds of medicine, each kind is said by the medicine's name.

    Remembered for short names: an item's name is read by the reason rules, the summary and the
    document alike, and services recur from letter to letter ("Norco 10/325mg #60")."""
    if len(service) > _SERVICE_MEMO_CHARS:
        return list(_abbreviations_in(service))
    return list(_remembered_abbreviations(service))


_SERVICE_MEMO_CHARS = 500
"""Service names up to this long are remembered, so the memo's size stays bounded whatever a letter holds."""


def _abbreviations_in(service: str) -> tuple[Abbreviation, ...]:
    items = _ABBREVIATION_ITEMS
    found = [(items[k][0], m) for k in _ABBREVIATION_SCREEN.indices(service) if (m := items[k][1].search(service))]
    if (test := _A_TEST_FOR.search(service)) is not None:
        # "Genetic testing for opioid metabolism" is a test, not an opioid (round 51's reader)
        found = [(a, m) for a, m in found if not (a.medicine and m.start() >= test.end())]
    if _TEETH.search(service) is not None:
        found = [(a, m) for a, m in found if a.term != "#"]
    found = [(a.for_example(m.group()) if a.term == "levels" else a, m) for a, m in found]
    if sum(a.medicine for a, _ in found) < 2:
        return tuple(a for a, _ in found)
    return tuple(a.named(name) if a.medicine and (name := _medicine_name(service, m)) else a for a, m in found)


_remembered_abbreviations = functools.lru_cache(maxsize=1024)(_abbreviations_in)


_WORD = rxcache.compile(r"[A-Za-z][\w-]*")
_KIND_WORDS = frozenset(
    {
        "topical",
        "opioid",
        "opioids",
        "opiate",
        "opiates",
        "nsaid",
        "nsaids",
        "anti-inflammatory",
        "antiinflammatory",
        "muscle",
        "antispasmodic",
        "benzodiazepine",
        "benzodiazepines",
        "hypnotic",
        "hypnotics",
        "sleep",
        "anticonvulsant",
        "anticonvulsants",
        "antidepressant",
        "antidepressants",
        "tricyclic",
        "tricyclics",
        "snri",
        "snris",
        "ssri",
        "ssris",
        "proton",
        "ppi",
        "ppis",
        "triptan",
        "triptans",
    }
)
"""Words that name a kind, not a medicine: a mix naming one this way keeps the kind's sentence."""


_NAME = rxcache.compile(r"[A-Za-z][A-Za-z0-9]*")
"""A medicine's name in a mix: up to a hyphen, which joins it to the next ("flurbiprofen-cyclobenzaprine-lidocaine")."""


def _medicine_name(service: str, m: re.Match[str]) -> str | None:
    """The medicine's own name where its kind matched ("Baclofen" of "Baclofen 5%"), capitalised."""
    word = _NAME.match(service, m.start())
    if word is None or word.group().lower() in _KIND_WORDS:
        return None
    name = word.group()
    return name if name[:1].isupper() else name[:1].upper() + name[1:]


_LOWER_TERMS = {lang: tuple(t.term.lower() for t in terms) for lang, terms in TERMS.items()}
_FOLDED_MEANINGS = {lang: tuple(t.meaning.casefold() for t in terms) for lang, terms in TERMS.items()}
_LATIN_1_END = "\xff"
_FOUND = (-1).__lt__
"""``str.find`` found it (as a C call, for :func:`itertools.compress`)."""


@dataclass(frozen=True)
class _LineTerms:
    """What one line holds of :data:`TERMS` (indices into the language's terms)."""

    first: tuple[tuple[int, int], ...]
    """``(start, index)`` of each term's first use in the line, in :data:`TERMS` order."""
    explained: frozenset[int]
    """The terms whose meaning the line states (compared case-folded)."""


@functools.lru_cache(maxsize=4096)
def _line_terms(line: str, lang: str) -> _LineTerms:
    """The terms one line uses and explains, memoised.

    Per line because a summary is mostly fixed sentences: nearly every line was seen in an
    earlier summary, so only the lines holding letter values are searched. Exact: no term
    or meaning holds a line break, and a line break is a word boundary for
    :meth:`Term.pattern`, so a text's uses and meanings are its lines'.

    A new line is read sentence by sentence (cut where
    :func:`~llm_extract.text.syllables_en.sentence_pieces` cuts, at a whitespace character
    after ``.``, ``!`` or ``?``), so that only its sentences holding letter values are new
    (the dated appeal paragraph is one line). Exact the same way: no term or meaning holds
    such a cut (``tests/test_summary_items.py`` checks it), and the whitespace there is no
    word character or ``#``, as the start and end of a piece are not for the patterns.
    """
    pieces = sentence_pieces(line)
    if len(pieces) == 1:
        return _piece_terms(line, lang)
    first: dict[int, int] = {}
    explained: set[int] = set()
    offset = 0
    for piece in pieces:
        found = _piece_terms(piece, lang)
        for start, index in found.first:
            if index not in first:
                first[index] = offset + start
        explained |= found.explained
        offset += len(piece) + 1
    return _LineTerms(tuple((first[index], index) for index in sorted(first)), frozenset(explained))


@functools.lru_cache(maxsize=4096)
def _piece_terms(piece: str, lang: str) -> _LineTerms:
    """:func:`_line_terms` of one sentence of a line.

    A term is first looked for by plain substring search, which is much faster than its
    case-insensitive pattern: in a Latin-1 piece, every character a pattern can take for a
    term letter lower-cases to that letter (``tests/test_summary_items.py`` checks it), so a
    match can only start where the lower-case term occurs in the lower-cased piece. A piece
    with other characters (the long s, the dotted capital I, the Kelvin sign, ...) is searched
    for every term.
    """
    terms = TERMS[lang]
    first: list[tuple[int, int]] = []
    if piece.isascii() or max(piece, default="") <= _LATIN_1_END:
        # Lower-casing a Latin-1 piece keeps its offsets: a match starts where the term's
        # lower-case form occurs, and the pattern is tried only there.
        lowered = piece.lower()
        words = _LOWER_TERMS[lang]
        # The terms' first places in one pass of C calls; the loop visits only the terms found.
        places = list(map(lowered.find, words))
        for index in compress(count(), map(_FOUND, places)):
            at, word = places[index], words[index]
            match = terms[index].pattern().match
            while at >= 0:
                if match(piece, at) is not None:
                    first.append((at, index))
                    break
                at = lowered.find(word, at + 1)
    else:
        for index, each in enumerate(terms):
            if (m := each.pattern().search(piece)) is not None:
                first.append((m.start(), index))
    folded = piece.casefold()
    explained = frozenset(compress(count(), map(folded.__contains__, _FOLDED_MEANINGS[lang])))
    return _LineTerms(tuple(first), explained)


def _scan(text: str, lang: str) -> tuple[dict[int, int], set[int]]:
    """Where each term is first used in ``text`` (index -> start), and which terms it explains."""
    return _scan_lines(text, lang, None)[1]


_Scan = tuple[dict[int, int], set[int]]


def _scan_lines(text: str, lang: str, cut: int | None) -> tuple[_Scan, _Scan]:
    """:func:`_scan` of ``text[:cut]`` and of ``text``, in one pass over the lines (``cut``
    starts a line; None: only the whole text, returned twice)."""
    first: dict[int, int] = {}
    explained: set[int] = set()
    before: _Scan | None = None
    offset = 0
    for line in text.split("\n"):
        if offset == cut:
            before = (dict(first), set(explained))
        found = _line_terms(line, lang)
        for start, index in found.first:
            if index not in first:
                first[index] = offset + start
        if found.explained:
            explained |= found.explained
        offset += len(line) + 1
    if cut is not None and before is None:
        raise ValueError("the cut must start a line of the text")
    return before or (first, explained), (first, explained)


@functools.lru_cache(maxsize=1024)
def terms_in(text: str, lang: str) -> tuple[Term, ...]:
    """The terms of :data:`TERMS` the text uses, in :data:`TERMS` order (memoised: the
    summary asks this of its fixed sentences, with the letter's values blanked out)."""
    terms = TERMS[lang]
    first, _ = _scan(text, lang)
    return tuple(terms[index] for index in sorted(first))


def uses(text: str, lang: str) -> list[Term]:
    """The terms the text uses *and* explains (states the meaning of), in order of first use."""
    return _used(_scan(text, lang), lang)


def uses_before(text: str, cut: int, lang: str) -> tuple[list[Term], list[Term]]:
    """:func:`uses` of ``text[:cut]`` and of the whole ``text``, reading the text once
    (``cut`` starts a line: the summary checks its words up to its "Legal basis")."""
    before, whole = _scan_lines(text, lang, cut)
    return _used(before, lang), _used(whole, lang)


def _used(scan: _Scan, lang: str) -> list[Term]:
    terms = TERMS[lang]
    first, explained = scan
    return [terms[index] for start, index in sorted((s, i) for i, s in first.items()) if index in explained]


def glossary_of(text: str, lang: str) -> list[GlossaryEntry]:
    """The terms of :data:`TERMS` the text uses and explains, in order of first use."""
    return entries(uses(text, lang))


def entries(terms: list[Term]) -> list[GlossaryEntry]:
    """The glossary entries of ``terms`` (as :func:`uses` finds them), in their order."""
    return [_entry(t) for t in terms]


@functools.cache
def _entry(term: Term) -> GlossaryEntry:
    """One shared entry per term: entries are frozen, and building them was a tenth of a summary's time."""
    return GlossaryEntry(term=term.term, meaning=term.meaning)


# ------------------------------------------------------------------ Spanish service names

_SPANISH_SERVICES: tuple[tuple[str, str], ...] = (
    # services (longest first where one contains another)
    (r"magnetic resonance imaging|open mri|mri", "resonancia magnética"),
    (r"ct scan|\bct\b", "tomografía (CT)"),
    (r"chest x-ray", "radiografía del pecho"),
    (r"x-?rays?", "radiografía"),
    (r"emg\s*/\s*nc[vs]|nc[vs]\s*/\s*emg", "electromiografía y estudio de conducción nerviosa"),
    (r"\bemg\b", "electromiografía"),
    (r"\bnc[vs]\b", "estudio de conducción nerviosa"),
    # "PT/INR" too: the same blood test as in text.abbreviations (round 46's reader: "terapia física")
    (r"pt\s*/\s*(?:ptt|inr)|ptt|\binr\b", "prueba de coagulación de la sangre"),
    (r"pt\s*/\s*ot", "terapia física y ocupacional"),
    (r"physical therapy|\bpt\b", "terapia física"),
    (r"occupational therapy|\bot\b", "terapia ocupacional"),
    (r"massage therapy|massage", "masaje terapéutico"),
    (r"chiropractic|chiro\b", "quiropráctica"),
    (r"spinal manipulation", "manipulación de la columna"),
    (r"manual therapy", "terapia manual"),
    (r"acupuncture", "acupuntura"),
    (r"biofeedback", "biorretroalimentación"),
    (r"infrared therapy", "terapia infrarroja"),
    (r"therapeutic exercise", "ejercicio terapéutico"),
    (r"ultrasound", "ultrasonido"),
    (r"electrical stimulation|e-stim|\bems\b", "estimulación eléctrica"),
    (r"tens unit|\btens\b", "aparato TENS"),
    (r"shockwave therapy|\beswt\b", "terapia de ondas de choque"),
    (r"functional capacity evaluation|\bfce\b", "evaluación de capacidad funcional"),
    (r"epidural steroid injection", "inyección epidural de esteroides"),
    (r"platelet rich plasma injection", "inyección de plasma rico en plaquetas"),
    (r"arthroscop(?:y|ic)", "artroscopia"),
    # operations and procedures (round 46's reader: surgeries had no Spanish name at all)
    (r"micro-?discectomy|discectomy", "cirugía de disco"),
    (r"laminectomy|laminotomy", "cirugía de columna"),
    (r"(?:spinal\s+|lumbar\s+|cervical\s+)?fusion|\bacdf\b|\bplif\b|\btlif\b", "fusión de la columna"),
    (r"carpal tunnel release", "cirugía del túnel carpiano"),
    (r"rotator cuff repair", "reparación del manguito rotador"),
    (r"(?:total\s+|partial\s+)?knee\s+(?:replacement|arthroplasty)", "reemplazo de rodilla"),
    (r"(?:total\s+|partial\s+)?hip\s+(?:replacement|arthroplasty)", "reemplazo de cadera"),
    (r"(?:total\s+|partial\s+)?shoulder\s+(?:replacement|arthroplasty)", "reemplazo de hombro"),
    (r"arthroplasty|joint replacement", "reemplazo de articulación"),
    (r"meniscectomy", "cirugía del menisco"),
    (r"subacromial decompression", "cirugía para dar más espacio en el hombro"),
    (r"(?:removal\s+of\s+)?hardware(?:\s+removal)?", "retiro de placas o tornillos"),
    (r"spinal cord stimulator", "estimulador de la médula espinal"),
    (r"radiofrequency (?:ablation|neurotomy|rhizotomy)|\brfa\b", "ablación por radiofrecuencia"),
    (r"medial branch blocks?", "bloqueo de nervios de la columna"),
    (r"\binjections?\b", "inyección"),
    (r"spine surgery evaluation|spine surgeon eval", "consulta con un cirujano de columna"),
    (r"assistant surgeon", "cirujano asistente"),
    (r"pre-op clearance|medical clearance", "evaluación médica antes de la cirugía"),
    (r"initial exam|physical exam", "examen médico"),
    (r"evaluation|eval", "evaluación"),
    (r"partial hospitalization", "hospitalización parcial"),
    (r"\bekg\b", "electrocardiograma"),
    (r"\bcbc\b", "conteo sanguíneo completo"),
    (r"chem(?:istry)? panel|(?:basic|comprehensive) metabolic panel|\bbmp\b|\bcmp\b", "análisis químico de la sangre"),
    (r"\bua\b|urinalysis", "examen de orina"),
    # round 55's Spanish reader: these had no Spanish name
    (r"(?:urine\s+)?(?:drug|toxicology)\s+(?:screens?|tests?|testing)|\budt\b|\buds\b", "prueba de drogas en la orina"),
    (r"functional restoration program|\bfrp\b", "programa de rehabilitación para el dolor crónico"),
    (r"custom(?:\s+\w+)?\s+orthotics?", "plantillas hechas a la medida"),
    (r"orthotics?|shoe inserts?", "plantillas ortopédicas"),
    (r"crutch(?:es)?", "muletas"),
    (
        r"(?:lumbo-?sacral|lumbar|back|spinal)\s+(?:orthosis|brace|support)|\blso\)?\s+brace|\blso\b",
        "faja para la espalda",
    ),
    (r"\blabs?\b|\blaboratory(?:\s+(?:studies|tests|work))?", "análisis de laboratorio"),
    (r"cold therapy", "terapia de frío"),
    (r"vascutherm(?: unit)?", "aparato de frío, calor y compresión"),
    (r"wheelchair", "silla de ruedas"),
    (r"commode", "inodoro portátil"),
    (r"bath/shower chair|shower chair", "silla para la ducha"),
    (r"knee scooter", "patineta para la rodilla"),
    (r"braces?", "férula"),
    (r"pillow", "almohada"),
    (r"hip pads?", "almohadilla para la cadera"),
    (r"lumbar support", "soporte lumbar"),
    (r"sling|ultrasling|slingshot", "cabestrillo"),
    (r"gloves", "guantes"),
    (r"hygiene wipes", "toallitas de higiene"),
    (r"sit-stand workstation", "escritorio para trabajar sentado o de pie"),
    (r"leg wraps", "vendas para las piernas"),
    (r"oral suspension", "medicamento líquido"),
    (r"patch", "parche"),
    (r"cream", "crema"),
    (r"ointment", "pomada"),
    (DOSE, "medicamento"),  # named by its kind where it has one: _spanish_medicine
    # round 49's Spanish reader: the sedation for an injection was named by the injection alone
    (r"(?:monitored\s+)?anesthesia(?:\s+care)?|\bmac\b", "anestesia"),
    (r"(?:iv\s+|conscious\s+)?sedation", "sedación"),
)
"""The services of :data:`SPANISH_NAMES`."""
_SPANISH_BODY_PARTS: tuple[tuple[str, str], ...] = (
    (r"lumbosacral spine|lumbar spine|low back|\blumbar\b", "zona lumbar"),
    (r"cervical spine|\bcervical\b|\bneck\b", "cuello (columna cervical)"),
    (r"thoracic spine|\bthoracic\b", "espalda media (columna torácica)"),
    (r"\bshoulders?\b", "hombro"),
    (r"\bknees?\b", "rodilla"),
    (r"\bhips?\b", "cadera"),
    (r"\bwrists?\b", "muñeca"),
    (r"\bhands?\b", "mano"),
    (r"\belbows?\b", "codo"),
    (r"\bfoot\b|\bfeet\b", "pie"),
    (r"\bankles?\b", "tobillo"),
    (r"\bheels?\b", "talón"),
    (r"\bpelvis\b", "pelvis"),
    (r"upper extremit(?:y|ies)", "brazos"),
    (r"lower extremit(?:y|ies|ites)|lower leg", "piernas"),
    (r"\bhead\b", "cabeza"),
    (r"\bback\b", "espalda"),
)
SPANISH_NAMES: tuple[tuple[str, str], ...] = _SPANISH_SERVICES + _SPANISH_BODY_PARTS
"""English service and body-part words (regex, case-insensitive) and their Spanish names.

Each is matched as a whole term, and where terms overlap the longer match wins ("Hip pad"
is a pad, not a hip; "PT/PTT" is a blood test, not physical therapy), whatever the order."""


@functools.cache
def _spanish_patterns() -> tuple[Screened, tuple[tuple[re.Pattern[str], Prefilter, str], ...]]:
    """:data:`SPANISH_NAMES` compiled, each with the words its matches contain, and a screen
    of them all: compiled on first use (only Spanish summaries need them), and a name is
    searched only for the patterns whose words it holds (66 scans cost ~0.1 ms a name)."""
    compiled = tuple(
        (pattern, Prefilter(pattern), es)
        for pattern, es in ((rxcache.compile(rf"(?<!\w)(?:{p})(?!\w)", re.I), es) for p, es in SPANISH_NAMES)
    )
    return Screened(prefilter for _, prefilter, _ in compiled), compiled


SPANISH_MEDICINES: dict[str, str] = {
    "opioid": "opioide",
    "NSAID": "antiinflamatorio",
    "relaxant": "relajante muscular",
    "benzodiazepine": "benzodiacepina",
    "sleep-medicine": "medicina para dormir",
    "mood-medicine": "medicina para el ánimo",
    "headache-medicine": "medicina para el dolor de cabeza",
    "nerve-pain-medicine": "medicina para el dolor de nervios",
    "stomach-medicine": "medicina para el estómago",
    "skin-pain-medicine": "medicina para el dolor en la piel",
    "nausea-medicine": "medicina para las náuseas",
    "constipation-medicine": "medicina para el estreñimiento",
}
"""A medicine's Spanish item name by the term its explanation is filed under (the medicine entries
of :data:`~llm_extract.text.abbreviations.ABBREVIATIONS`): "opioide (Norco 10/325mg #90)", not
"medicamento (...)" for every medicine (round 45's reader: two items of one letter had one name)."""


def _spanish_medicine(service: str) -> str:
    """The Spanish name of the one kind of medicine ``service`` names; "medicamento" for none or a mix."""
    kinds = [a.term for a in abbreviations_in(service) if a.medicine]
    return SPANISH_MEDICINES.get(kinds[0], _MEDICINE) if len(kinds) == 1 else _MEDICINE


_MEDICINE = "medicamento"
_GIVEN = "atención que usted ya recibió"
"""Said of care already given ("Retrospective ...", "DOS ..."), so that part of the name is Spanish too."""
_SIDES = (
    (rxcache.compile(r"\bbilateral\b", re.I), "ambos lados"),
    (rxcache.compile(r"\bleft\b", re.I), "lado izquierdo"),
    (rxcache.compile(r"\bright\b", re.I), "lado derecho"),
)
_WHEN = (
    (rxcache.compile(r"\bpre-?op(?:erative)?\b", re.I), "antes de la operación"),
    (rxcache.compile(r"\bpost-?op(?:erative)?\b", re.I), "después de la operación"),
    (rxcache.compile(r"\brepeat(?:ed)?\b", re.I), "otra vez"),
)
"""When the care is for, said after its name: the labs before an operation that was refused, a test
asked for again (round 55's Spanish reader: the name dropped what decided it)."""
_TERMS_OF_USE = (
    (rxcache.compile(r"\bpurchase\b", re.I), "compra"),
    (rxcache.compile(r"\brental\b", re.I), "alquiler"),
)
"""Bought or rented: a worker refused the purchase may have the rental approved (round 45's reader:
"terapia de frío, rodilla" dropped the purchase that decided it)."""


_PURPOSE = rxcache.compile(r"(?<!request)(?<!requests)\s(?:for|during|prior\s+to)\s", re.I)
"""Where the care's name ends and what it is for begins (not "a request for": what follows is the care)."""
_SERVICE_NAMES = frozenset(es for _, es in _SPANISH_SERVICES)


@functools.lru_cache(maxsize=1024)
def spanish_name(service: str) -> str | None:
    """Spanish names for the services and body parts a service name mentions, or None.

    The result lists what the glossary recognises, in the order the name mentions it
    (each once), then the sides; it is shown with the letter's own words in parentheses.
    None when the glossary recognises no service word. Memoised: the 66 patterns cost
    ~0.1 ms per name, and letters repeat service names.
    """
    screen, compiled = _spanish_patterns()
    matches = [
        (m.start(), m.end(), compiled[k][2]) for k in screen.indices(service) for m in compiled[k][0].finditer(service)
    ]
    if (purpose := _PURPOSE.search(service)) is not None:
        # "Monitored anesthesia care for lumbar epidural steroid injection": the care is the anesthesia,
        # not the injection it is for (round 49's Spanish reader: the sedation was named as the injection);
        # where it is done stays ("zona lumbar"), and so does care the name repeats ("PT ... and PT for ...").
        own = {es for start, _, es in matches if start < purpose.start()}
        matches = [m for m in matches if m[0] < purpose.start() or m[2] in own or m[2] not in _SERVICE_NAMES]
    # Longest first (a stable sort keeps the list's order among equals).
    matches.sort(key=lambda m: m[0] - m[1])
    taken: list[tuple[int, int, str]] = []
    for start, end, es in matches:
        if not any(start < e and s < end for s, e, _ in taken):
            taken.append((start, end, es))
    names: list[str] = []
    for _, _, es in sorted(taken):
        es = _spanish_medicine(service) if es == _MEDICINE else es
        if es not in names:
            names.append(es)
    if _MEDICINE in names and any(es.startswith(_MEDICINE + " ") for es in names):
        names.remove(_MEDICINE)  # "medicamento líquido" says it: not "medicamento, medicamento líquido"
    if not names:
        return _GIVEN if retrospective(service) else None
    if _MEDICINE not in names and not any(es in SPANISH_MEDICINES.values() for es in names):
        kind = _spanish_medicine(service)  # "Lidoderm 5% patch": a patch of a pain medicine for the skin
        if kind != _MEDICINE:
            names.insert(0, kind)
    when = [es for pattern, es in _WHEN if pattern.search(service)]
    sides = [es for pattern, es in _SIDES if pattern.search(service)]
    uses = [es for pattern, es in _TERMS_OF_USE if pattern.search(service)]
    given = [_GIVEN] if retrospective(service) else []
    return ", ".join(names + when + sides + uses + given)


_SPANISH_WORDS = {
    "one": "una",
    "two": "dos",
    "three": "tres",
    "four": "cuatro",
    "five": "cinco",
    "six": "seis",
    "seven": "siete",
    "eight": "ocho",
    "nine": "nueve",
    "ten": "diez",
    "eleven": "once",
    "twelve": "doce",
    "thirteen": "trece",
    "fourteen": "catorce",
    "fifteen": "quince",
    "sixteen": "dieciséis",
    "seventeen": "diecisiete",
    "eighteen": "dieciocho",
    "nineteen": "diecinueve",
    "twenty": "veinte",
    "twenty-four": "veinticuatro",
    "thirty": "treinta",
    "to": "a",
    "visits": "visitas",
    "sessions": "sesiones",
    "treatments": "tratamientos",
    "supervised": "supervisadas",
    "additional": "adicionales",
}
_AMOUNT_TOKEN = rxcache.compile(r"\d+|[A-Za-z]+(?:-[A-Za-z]+)?|\s*-\s*|\s+")


def spanish_amount(amount: str) -> str | None:
    """An amount as a letter writes it (``4-6 visits``, ``twelve``) in Spanish, or None
    when it holds a word this list does not know (then only the letter's words are shown)."""
    out: list[str] = []
    for m in _AMOUNT_TOKEN.finditer(amount):
        token = m.group()
        if token.isdigit() or not token.strip() or token.strip() == "-":
            out.append(token)
        elif (es := _SPANISH_WORDS.get(token.lower())) is not None:
            out.append(es)
        else:
            return None
    if "".join(m.group() for m in _AMOUNT_TOKEN.finditer(amount)) != amount:
        return None
    return "".join(out)
