"""Abbreviations letters use for treatments: one table for reading them and for explaining them.

The reason rules read "NCV" in a heading as the rationale's "nerve conduction"
(:func:`spelled_out`), and the worker's summary explains "NCV" under the item that uses it
(:data:`ABBREVIATIONS`' sentences). Both come from this one table, so an abbreviation the
program reads is one it explains, and the other way round.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from llm_extract.text.lexicon import AFTER_SURGERY, CARE_KINDS, MEDICINE_KINDS

__all__ = ["ABBREVIATIONS", "SERVICE_ABBREVIATIONS", "Abbreviation", "spelled_out"]


@dataclass(frozen=True)
class Abbreviation:
    """An abbreviation letters use in service names: one plain sentence for it, and its spelled-out words."""

    pattern: str
    """Regex matched against the service name (case-sensitive: ``CT``, not ``act``)."""
    term: str
    """The abbreviation; ``/`` separates forms the sentence explains together."""
    en: str
    """The plain sentence for the worker, in English ..."""
    es: str
    """... and in Spanish."""
    spelled: tuple[tuple[str, str], ...] = ()
    """Each written form (matched case-sensitively, whole: "PT" is physical therapy, "pt"
    often the patient) with the words a rationale uses for the same treatment spelled out
    ("EMG/NCV of the legs" in the heading, "nerve conduction studies" in the rationale)."""


_MEDICINE_SENTENCES: tuple[tuple[str, str, str, str], ...] = (
    (
        "opioid",
        "opioid",
        "This is an opioid: a strong pain medicine.",
        "Es un opioide: una medicina fuerte para el dolor.",
    ),
    (
        "NSAID",
        "NSAID",
        "This is an NSAID: a medicine for pain and swelling.",
        "Es un antiinflamatorio (NSAID): una medicina para el dolor y la hinchazón.",
    ),
    (
        "muscle relaxant",
        "relaxant",
        "This medicine is for muscle spasms.",
        "Esta medicina es para los espasmos de los músculos.",
    ),
    (
        "benzodiazepine",
        "benzodiazepine",
        "This is a benzodiazepine: a medicine for worry or for sleep.",
        "Es una benzodiacepina: una medicina para la ansiedad o para dormir.",
    ),
    ("sleep medicine", "sleep-medicine", "This is a sleep medicine.", "Es una medicina para dormir."),
    (
        "nerve pain medicine",
        "nerve-pain-medicine",
        "This medicine is often used for nerve pain.",
        "Esta medicina se usa a menudo para el dolor de nervios.",
    ),
    (
        "stomach medicine",
        "stomach-medicine",
        "This medicine protects your stomach.",
        "Esta medicina protege el estómago.",
    ),
    (
        "skin pain medicine",
        "skin-pain-medicine",
        "This is a pain medicine you put on your skin.",
        "Es una medicina para el dolor que se pone en la piel.",
    ),
    (
        "nausea medicine",
        "nausea-medicine",
        "This medicine helps when you feel sick to your stomach.",
        "Esta medicina ayuda cuando usted tiene náuseas.",
    ),
)
"""What a medicine in a service name is, by its kind (:data:`~llm_extract.text.lexicon.CARE_KINDS`,
:data:`~llm_extract.text.lexicon.MEDICINE_KINDS`): kind, the term it is filed under, English, Spanish."""
_KINDS = {**CARE_KINDS, **MEDICINE_KINDS}
_MEDICINE_ENTRIES = tuple(
    Abbreviation("(?i:" + _KINDS[kind] + ")", term, en, es) for kind, term, en, es in _MEDICINE_SENTENCES
)


ABBREVIATIONS: tuple[Abbreviation, ...] = (
    Abbreviation(
        r"\bMRI\b",
        "MRI",
        "An MRI takes pictures of the inside of the body with a big magnet.",
        "MRI es una resonancia magnética: un estudio que usa un imán grande para tomar imágenes "
        "del interior del cuerpo.",
        (("MRI", "magnetic resonance imaging"),),
    ),
    Abbreviation(
        r"\bCT\b",
        "CT/X-ray",
        "A CT takes X-ray pictures of the inside of the body.",
        "CT es una tomografía: un estudio con rayos X que toma imágenes del interior del cuerpo.",
    ),
    Abbreviation(
        r"\bEMG\b",
        "EMG",
        "EMG is a test of the nerves that move your body.",
        "EMG es una electromiografía: una prueba de cómo los nervios mueven los músculos.",
        (("EMG", "electromyography electrodiagnostic"),),
    ),
    Abbreviation(
        r"\bNC[VS]\b",
        "NCV/NCS",
        "NCV or NCS is a test of how fast your nerves work.",
        "NCV o NCS es un estudio de la conducción nerviosa: mide qué tan rápido los nervios llevan señales.",
        (("NCV", "nerve conduction"), ("NCS", "nerve conduction")),
    ),
    Abbreviation(
        r"\bFCE\b|[Ff]unctional capacity evaluation",
        "FCE/functional/capacity/evaluation",
        "A functional capacity evaluation (FCE) is a test of what work your body can do.",
        "Una evaluación de capacidad funcional (FCE) es una prueba de qué trabajo puede hacer su cuerpo.",
        (("FCE", "functional capacity evaluation"),),
    ),
    # Each machine its own sentence: one naming all three read, under "TENS unit", as if the
    # letter asked for EMS and E-stim too.
    Abbreviation(
        r"\bTENS\b",
        "TENS",
        "TENS is a small machine that sends weak electric power into the body to help with pain.",
        "TENS es un aparato pequeño que manda una corriente eléctrica suave al cuerpo para aliviar el dolor.",
        (("TENS", "transcutaneous electrical nerve stimulation"),),
    ),
    Abbreviation(
        r"\bEMS\b",
        "EMS",
        "EMS is a small machine that sends weak electric power into the body to help with pain.",
        "EMS es un aparato pequeño que manda una corriente eléctrica suave al cuerpo para aliviar el dolor.",
    ),
    Abbreviation(
        r"\bE-stim\b",
        "E-stim/electrical/stimulation",
        "E-stim means electrical stimulation: weak electric power sent into the body to help with pain.",
        "E-stim quiere decir estimulación eléctrica: una corriente eléctrica suave que se manda al cuerpo para "
        "aliviar el dolor.",
    ),
    Abbreviation(
        r"[Ee]lectrical stimulation",
        "electrical/stimulation",
        "Electrical stimulation is weak electric power sent into the body to help with pain.",
        "La estimulación eléctrica es una corriente eléctrica suave que se manda al cuerpo para aliviar el dolor.",
    ),
    Abbreviation(
        r"\bPT\s*/\s*PTT\b|\bPTT\b",
        "PT/PTT",
        "PT and PTT are blood tests that check how well your blood can stop bleeding.",
        "PT y PTT son análisis de sangre que miden qué tan bien su sangre puede detener un sangrado.",
    ),
    Abbreviation(
        r"\bPT\b(?!\s*/\s*PTT)",
        "PT/physical/therapy",
        "PT means physical therapy: care that helps you move better.",
        "PT quiere decir terapia física: atención que le ayuda a moverse mejor.",
        (("PT", "physical therapy"),),
    ),
    Abbreviation(
        r"\bOT\b",
        "OT/occupational/therapy",
        "OT means occupational therapy: help to do daily tasks again.",
        "OT quiere decir terapia ocupacional: ayuda para volver a hacer las tareas diarias.",
        (("OT", "occupational therapy"),),
    ),
    Abbreviation(
        r"\bESI\b",
        "ESI",
        "An ESI is a shot of medicine near the nerves of the spine.",
        "Una ESI es una inyección epidural: una inyección de medicina cerca de los nervios de la columna.",
        (("ESI", "epidural steroid injection"),),
    ),
    Abbreviation(
        r"\bUDS\b",
        "UDS/urine",
        "A UDS is a urine test that shows which drugs are in your body.",
        "Un UDS es un examen de orina que muestra qué drogas o medicinas hay en su cuerpo.",
        (("UDS", "urine drug screen"),),
    ),
    Abbreviation(
        r"\bCBT\b",
        "CBT",
        "CBT is a kind of talk therapy that helps you change how you think and act.",
        "CBT es la terapia cognitivo-conductual: un tipo de terapia de conversación que le ayuda a "
        "cambiar cómo piensa y cómo actúa.",
        (("CBT", "cognitive behavioral therapy"),),
    ),
    Abbreviation(
        r"\bHHA\b",
        "HHA",
        "An HHA is a home health aide: a helper who comes to your home.",
        "Un HHA es un asistente de salud en el hogar: una persona que le ayuda en su casa.",
        (("HHA", "home health aide"),),
    ),
    Abbreviation(
        r"\b[Bb]ilateral\b|\bBILATERAL\b",
        "Bilateral",
        "Bilateral means on both sides of the body.",
        "Bilateral quiere decir de los dos lados del cuerpo.",
    ),
    Abbreviation(
        r"\b[Aa]ssociated\s+[Ss]urgical\s+[Ss]ervices?\b|\bASSOCIATED\s+SURGICAL\s+SERVICES?\b",
        "Associated/surgical/service",
        "An associated surgical service is care that goes with a surgery.",
        "Associated surgical service (servicio quirúrgico asociado) quiere decir atención que va con una operación.",
    ),
    Abbreviation(
        r"\b[Aa]rthroscop\w*|\bARTHROSCOP\w*",
        "Arthroscopy/arthroscopic",
        "Arthroscopy is surgery done through small cuts, with a tiny tool that lets the doctor see inside.",
        "La artroscopia es una operación que se hace por cortes pequeños, con una herramienta muy "
        "pequeña que le permite al médico ver por dentro.",
    ),
    Abbreviation(
        r"\b[Pp]re-?op(?:erative)?\b|\bPRE-?OP(?:ERATIVE)?\b",
        "Pre-op/pre-operative",
        "Pre-op means before surgery.",
        "Pre-op quiere decir antes de una operación.",
    ),
    Abbreviation(
        "(?i:" + AFTER_SURGERY + ")",
        "Post-op/post-operative",
        "Post-op means after surgery.",
        "Post-op quiere decir después de una operación.",
    ),
    Abbreviation(
        r"\b[Cc]hiro(?:practic|practor)?\b|\bCHIRO(?:PRACTIC)?\b",
        "Chiropractic/chiro",
        "Chiropractic care is when a doctor moves and pushes on your back or neck by hand.",
        "La atención quiropráctica es cuando un médico le mueve y le presiona la espalda o el cuello con las manos.",
    ),
    *_MEDICINE_ENTRIES,
    Abbreviation(
        r"\bDOS\b",
        "DOS",
        "DOS means date of service: the day the care was given.",
        "DOS quiere decir fecha de servicio (date of service): el día en que se dio la atención.",
    ),
    Abbreviation(
        r"\bEKG\b", "EKG", "An EKG is a test of your heart.", "Un EKG es un electrocardiograma: una prueba del corazón."
    ),
    Abbreviation(r"\bUA\b", "UA/urine", "UA means a urine test.", "UA quiere decir examen de orina."),
    Abbreviation(r"\bCBC\b", "CBC", "A CBC is a blood test.", "Un CBC es un análisis de sangre."),
    Abbreviation(
        r"\bESWT\b",
        "ESWT",
        "ESWT is care with strong sound waves.",
        "ESWT es un tratamiento con ondas de sonido fuertes.",
    ),
    # Body parts and imaging words: letters write them in lower case, capitalised, or in capitals.
    Abbreviation(
        r"\b[Cc]ervical\b|\bCERVICAL\b",
        "cervical",
        "Cervical means the neck.",
        "Cervical quiere decir del cuello.",
    ),
    Abbreviation(
        r"\b[Tt]horacic\b|\bTHORACIC\b",
        "thoracic",
        "Thoracic means the upper and middle back.",
        "Thoracic (torácica) quiere decir de la parte alta y media de la espalda.",
    ),
    Abbreviation(
        r"\b[Ll]umbar\b|\bLUMBAR\b",
        "lumbar",
        "Lumbar means the low back.",
        "Lumbar quiere decir de la parte baja de la espalda.",
    ),
    Abbreviation(
        r"\b[Ll]umbosacral\b|\bLUMBOSACRAL\b",
        "lumbosacral",
        "Lumbosacral means the low back.",
        "Lumbosacral quiere decir de la parte baja de la espalda.",
    ),
    Abbreviation(
        # "with and without contrast" asks for both kinds of pictures.
        r"\b[Ww]ith\s+(?:and\s+without\s+)?[Cc]ontrast\b|\bWITH\s+(?:AND\s+WITHOUT\s+)?CONTRAST\b",
        "with/contrast/dye",
        "With contrast means a dye is put in your body to make the pictures clearer.",
        "With contrast (con contraste) quiere decir que le ponen un tinte en el cuerpo para que las imágenes se "
        "vean mejor.",
    ),
    Abbreviation(
        r"\b[Ww]ithout\s+[Cc]ontrast\b|\bWITHOUT\s+CONTRAST\b",
        "without/contrast/dye",
        "Without contrast means no dye is put in your body for the pictures.",
        "Without contrast (sin contraste) quiere decir que no le ponen ningún tinte en el cuerpo para las imágenes.",
    ),
    Abbreviation(
        r"(?<!\w)#\d",
        "#",
        "A number after # is how many were asked for.",
        "Un número después de # es la cantidad pedida.",
    ),
    Abbreviation(
        r"\b[Rr]etro(?:spective)?\b|RETROSPECTIVE",
        "Retrospective",
        "Retrospective means care you already had.",
        "Retrospective (retrospectivo) quiere decir atención que usted ya recibió.",
    ),
)
"""Abbreviations and letter words explained under the first item that uses them."""


SERVICE_ABBREVIATIONS: dict[str, str] = {form: words for a in ABBREVIATIONS for form, words in a.spelled}
"""Each written form of :data:`ABBREVIATIONS` with the words it stands for."""

_SERVICE_ABBREVIATION = re.compile(r"\b(?:" + "|".join(SERVICE_ABBREVIATIONS) + r")\b")


def spelled_out(text: str) -> str:
    """``text`` followed by the spelled-out words of the treatment abbreviations it uses."""
    found = dict.fromkeys(SERVICE_ABBREVIATIONS[m.group()] for m in _SERVICE_ABBREVIATION.finditer(text))
    return " ".join((text, *found)) if found else text
