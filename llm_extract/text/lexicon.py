"""Small word lists and identifiers that several layers read the same way."""

from __future__ import annotations

import re

from llm_extract.text import rxcache

CASE_NUMBER = r"CM\d{2}-\d{7}"
"""A DWC IMR case number, e.g. ``CM16-0213037``."""
CASE_NUMBER_RE = rxcache.compile(rf"^{CASE_NUMBER}$")

NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    "seventeen|eighteen|nineteen|twenty|twenty-four|thirty"
)
"""Numbers letters spell out (counts of visits, weeks, tablets), as a regex alternation."""
NUMBER = rf"(?:\d+|{NUMBER_WORDS})"
"""A count in digits or in words."""

SEX_WORDS: dict[str, str] = {
    "male": "male",
    "man": "male",
    "gentleman": "male",
    "female": "female",
    "woman": "female",
    "lady": "female",
}
"""Words a letter uses for the patient's sex, and the contract value each one means."""

SEX_ALTERNATION = "|".join(SEX_WORDS)
"""The words above as a regex alternation (longer words cannot be shadowed: each is matched whole)."""


def sex_pattern(sex: str) -> re.Pattern[str]:
    """A case-insensitive whole-word pattern for the words that state ``sex``."""
    words = "|".join(w for w, s in SEX_WORDS.items() if s == sex)
    return rxcache.compile(rf"\b({words})\b", re.I)


#: Kinds of care, so a limit is only used for the care it is about. A heading or a
#: sentence names a kind when one of its words occurs; the medicine classes hold the
#: common names a heading uses (a guideline speaks of "muscle relaxants").
CARE_KINDS: dict[str, str] = {
    "physical medicine": r"\b(?:physical|occupational|physio)\s*therapy\b|\bphysiotherapy\b|\bPT\b|\bOT\b"
    r"|\bphysical\s+medicine\b|\btherapeutic\s+exercise\b",
    "chiropractic": r"\bchiro\w*|\bmanipulation\b|\bmanual\s+therapy\b",
    "massage": r"\bmassage\b|\bmyofascial\s+release\b",
    "acupuncture": r"\bacupuncture\b",
    "aquatic therapy": r"\baqua\w*\s+therapy\b|\bpool\s+therapy\b",
    "psychotherapy": r"\bpsychotherap\w*|\bcognitive\s+behavio\w+|\bCBT\b|\bpsycholog\w+\s+(?:visits|sessions)\b",
    "biofeedback": r"\bbiofeedback\b",
    "injection": r"\binjections?\b|\bblocks?\b|\bESI\b|\bepidural\b|\bfacet\b|\bradiofrequency\b",
    "muscle relaxant": r"\bmuscle\s+relaxants?\b|\bantispasmodic|\bcyclobenzaprine|\bflexeril|\bfexmid"
    r"|\borphenadrine|\bnorflex|\btizanidine|\bzanaflex|\bbaclofen|\bmethocarbamol|\brobaxin|\bcarisoprodol|\bsoma\b"
    r"|\bmetaxalone|\bskelaxin|\bchlorzoxazone",
    "opioid": r"\bopioids?\b|\bopiates?\b|\btramadol|\bultram|\bhydrocodone|\bnorco\b|\boxycodone|\bpercocet"
    r"|\bmorphine|\bhydromorphone|\bdilaudid|\btapentadol|\bnucynta|\bfentanyl|\bcodeine|\bbuprenorphine"
    r"|\boxycontin|\bmethadone|\boxymorphone|\bopana\b|\bmeperidine|\bdemerol|\bbutrans|\bhysingla|\bzohydro",
    "NSAID": r"\bNSAIDs?\b|\banti-?\s*inflammator\w+|\bibuprofen|\bmotrin|\bnaproxen|\banaprox|\bcelecoxib"
    r"|\bcelebrex|\bdiclofenac|\bmeloxicam|\bmobic|\betodolac|\bnabumetone|\bketoprofen|\bflurbiprofen"
    r"|\bketorolac|\btoradol|\bindomethacin|\bindocin|\bpiroxicam|\boxaprozin|\bdaypro|\bfenoprofen|\bduexis"
    r"|\bvimovo|\barthrotec|\bvoltaren",
    "benzodiazepine": r"\bbenzodiazepines?\b|\balprazolam|\bxanax|\bdiazepam|\bvalium|\blorazepam|\bativan"
    r"|\bclonazepam|\bklonopin|\btemazepam|\brestoril|\btriazolam|\bhalcion|\bchlordiazepoxide",
    "sleep medicine": r"\bhypnotics?\b|\bzolpidem|\bambien|\beszopiclone|\blunesta|\bsleep\s+aids?\b|\btrazodone"
    r"|\bdesyrel|\bzaleplon|\bsonata\b|\bramelteon|\brozerem|\bsuvorexant|\bbelsomra",
}

FACET_CARE = (
    r"\bfacet\b|\bmedial\s+branch\b|\bradio-?frequency\b|\bRFA\b|\brhizotomy\b|\bneurotomy\b|\btrigger\s+points?\b"
)
"""Care the guidelines give only when the pain is not a nerve root's: for the spine's small joints (facets), and
trigger point injections (not for radicular pain, round 95's reader). For it, a nerve root's signs are the ground
against, and their absence counts for it."""

RADICULAR = (
    r"\b(?:radicular|radiculopathy|nerve\s+root|dermatom\w*|Spurling\w*|(?:positive|abnormal)\s+straight\s+leg"
    r"|[CLST][1-8]\s+(?:distribution|pattern))"
)
"""A nerve root's signs named (present or absent: see :data:`NOT_BEFORE_RADICULAR`): "findings in an S1 distribution"
too."""
NOT_BEFORE_RADICULAR = (
    r"\b(?:no|non|not|without|absence\s+of|absent|negative|free\s+of|nor|rule\s+out|ruled\s+out)\b"
    r"[\s-]*(?:\w+[\s-]+){0,3}$"
)
"""Words just before :data:`RADICULAR` that say the signs are absent ("non-radicular", "without radicular signs")."""
NOT_AFTER_RADICULAR = (
    r"(?:\s+[\w-]+)?\s+(?:(?:has|have|had)\s+(?:not|never)\s+been|(?:is|are|was|were)\s+(?:not|never))\s+"
    r"(?:clearly\s+)?(?:shown|demonstrated|documented|established|confirmed|found|identified|seen|present|evident|noted"
    r"|substantiated|verified)\b|(?:\s+[\w-]+)?\s+(?:is|are|was|were)\s+absent\b"
)
"""Words just after :data:`RADICULAR` that say the signs are absent ("radiculopathy has not been shown", "a nerve root
problem is not established"), matched where the signs' words end; "radicular and does not meet the criteria" says
nothing absent."""

MEDICINE_KINDS: dict[str, str] = {
    "nerve pain medicine": r"\banticonvulsants?\b|\bantidepressants?\b|\bgabapentin|\bneurontin|\bpregabalin"
    r"|\blyrica\b|\bamitriptyline|\belavil\b|\bnortriptyline|\bduloxetine|\bcymbalta"
    r"|\btricyclics?\b|\bSNRIs?\b",
    "stomach medicine": r"\bomeprazole|\bprilosec|\bpantoprazole|\bprotonix|\besomeprazole|\bnexium|\blansoprazole"
    r"|\bprevacid|\branitidine|\bzantac|\bfamotidine|\bpepcid|\bproton\s+pump\s+inhibitors?\b|\bPPIs?\b"
    r"|\bdexilant|\bdexlansoprazole|\brabeprazole|\baciphex|\bsucralfate|\bcarafate",
    "skin pain medicine": r"\blidocaine|\blidoderm|\bcapsaicin|\blidopro|\bterocin|\bmenthoderm|\btopical\b",
    "nausea medicine": r"\bondansetron|\bzofran|\bpromethazine|\bphenergan|\bmeclizine|\bmetoclopramide|\breglan\b",
    "mood medicine": r"\bsertraline|\bzoloft|\bfluoxetine|\bprozac|\bcitalopram|\bcelexa|\bescitalopram|\blexapro"
    r"|\bparoxetine|\bpaxil|\bbupropion|\bwellbutrin|\bvenlafaxine|\beffexor|\bmirtazapine|\bremeron|\bSSRIs?\b",
    # topiramate prevents migraines in these letters, not nerve pain (round 94's reader: an approved topiramate was
    # glossed "often used for nerve pain" where the reviewer says that "is not the use intended here")
    "headache medicine": r"\bsumatriptan|\bimitrex|\brizatriptan|\bmaxalt|\bbutalbital|\bfioricet|\btriptans?\b"
    r"|\btopiramate|\btopamax",
    # (round 279's reader: a stool softener refused with the opioid it was to go with was told "Do not stop this
    # medicine suddenly")
    "constipation medicine": r"\bdocusate|\bcolace\b|\bsenna\b|\bsennosides?\b|\bsenokot|\bbisacodyl|\bdulcolax"
    r"|\blactulose|\bmiralax|\bpolyethylene\s+glycol|\bstool\s+softeners?\b|\blaxatives?\b|\blubiprostone|\bamitiza"
    r"|\bnaloxegol|\bmovantik|\bmethylnaltrexone|\brelistor",
}
"""Medicines letters ask for that :data:`CARE_KINDS` does not sort (it feeds the guideline
limit's scope, which these would change): what each is for, to explain it to the worker."""

EVERY_MEDICINE_KIND: dict[str, str] = {
    **{kind: CARE_KINDS[kind] for kind in ("muscle relaxant", "opioid", "NSAID", "benzodiazepine", "sleep medicine")},
    **MEDICINE_KINDS,
}
"""Every kind of medicine the lexicon knows, by its class and drug names: those :data:`CARE_KINDS` sorts and
:data:`MEDICINE_KINDS`."""
NO_TAPER_KINDS = frozenset(
    {"NSAID", "stomach medicine", "skin pain medicine", "nausea medicine", "constipation medicine"}
)
"""Kinds of medicine no one is told to lower slowly rather than stop: the advice against stopping at once is for
opioids, sedatives, relaxants and the medicines for nerves, mood, sleep and headaches."""

IMAGING = r"(?:imaging|MRI|x-?rays?|CT|radiographs?|films?|electrodiagnostic|EMG|NCV|NCS|scans?|stud(?:y|ies))"
"""A test that pictures the body or measures its nerves (matched case-insensitively): it treats nothing."""

NERVE_TESTS = r"EMG|NC[VS]|electrodiagnostic|nerve\s+conduction|electromyogra\w*"
"""Tests of how the nerves work (matched case-insensitively, as whole words): the summary's kind of test done before,
and the nerve test a rationale says was not done."""

DOSE = r"\d+(?:\.\d+)?\s*(?:mg|gm|mcg|ml)|tabs?|tablets?|capsules?"
"""A medicine's dose or form in a service name ("Norco 10/325mg", "30 tablets"), matched as whole
words: the Spanish name "medicamento" and the summary's "this medicine" both read it."""

ADDING_WORDS = r"in\s+addition|additionally|moreover|furthermore|also|further"
"""Connectives that open a sentence adding a point to the one before ("In addition, ...", "Also, ..."),
as a regex alternation: the reason rules read past them to the sentence's own opening, and a quote
shown to the worker starts after them."""

_CONDITION_WORD = (
    r"(?:pain|conditions?|problems?|injur(?:y|ies)|diagnos[ie]s|disease|process|tears?|syndromes?|radiculopathy"
    r"|neuropathy|headaches?|migraines?|arthritis|instability|indications?)"
)
ANOTHER_CONDITION = (
    r"\b(?:is|are|was|were|has|have|had)\s+[^.;,]{1,60}?,\s+(?:and\s+)?not\s+(?:the\s+|an?\s+|suspected\s+)?"
    r"(?:[\w-]+\s+){0,5}?" + _CONDITION_WORD + r"\b"
    r"|\b(?:is|are|was|were|has|have|had)\s+[^.;,]{1,60}?\brather\s+than\s+(?:the\s+|an?\s+|with\s+|either\s+of\s+the\s+)?"
    r"(?:[\w-]+\s+){0,5}?" + _CONDITION_WORD + r"\b"
)
"""This worker's condition set against the one a care is for ("That is mechanical axial pain, not the
localized peripheral neuropathic pain for which the patch is indicated", "knee osteoarthritis rather than
either of the conditions named"): a finding that does not support the care, told in the reviewer's words
(the absent kind it names is not one the worker lacks)."""

DENYING = r"no|never|nothing|none|neither|nor|without"
"""Words that deny what follows them (a regex alternation)."""
"""Words that deny something in a sentence (a regex alternation): a sentence holding one grants nothing whole."""

GRANTED = (
    r"(?!.*\b(?:" + DENYING + r"|not(?!\s+in\s+question)|lacks?|lacking|absent)\b)"
    r".*(?:\b(?:is|are|was|were|has\s+been|have\s+been)\s+(?:\w+\s+)?(?:present|clear|met|satisfied|fulfilled"
    r"|established|in\s+place|supported|not\s+in\s+question|addressed)\b"
    # "The request for 6 sessions falls within the number of visits the guidelines allow" (round 113's reader: told
    # "more care than the medical guidelines call for")
    r"|\b(?:falls?|fell|is|are|was|were|remains?|stays?)\s+(?:well\s+|comfortably\s+|squarely\s+)?within\s+"
    r"(?:\w+\s+){0,6}?(?:guidelines?|limits?|range|allowance|recommend\w*|allow\w*|permit\w*|MTUS|ODG|ACOEM)\b"
    # not "falls within the services the guideline excludes from medical care" (round 103)
    r"(?!\s+(?:excludes?|excluded|rules?\s+out|bars?|forbids?)\b))"
)
"""A sentence that grants a point and denies nothing ("The claimant's radicular findings are clear, so the
indication itself is present", "The request falls within the number of visits the guidelines allow"): a point for
the care, never a refusal's ground."""

GRANTED_POINT = (
    r"\b(?:is|are|was|were|remains?)\s+(?:\w+\s+){0,2}?not\s+in\s+(?:doubt|question|dispute)\b"
    r"|\bthere\s+(?:is|was|can\s+be)\s+(?:no|little)\s+(?:dispute|question|doubt|disagreement)\s+(?:that|about)\b"
    r"|\bno\s+one\s+(?:disputes|doubts|questions)\b"
    r"|\b(?:is|are|was|were)\s+(?:not\s+(?:disputed|contested)|undisputed|uncontested)\b"
    r"|\b(?:is|are|was|were)\s+not\s+(?:an?\s+)?unreasonable\b"
)
"""A point the reviewer grants in words that deny ("The diagnosis is not in doubt here", "There is no dispute that
this worker needs more rehabilitation", "the drug is not an unreasonable choice in principle"): its "not" or "no"
is no finding against the care (rounds 83 and 99: told "did not show the signs the guidelines look for").
Case-insensitive; the reason rules and the learned fallback share it."""

COMPANION_GRANTED = (
    r"(?!.*\b(?:" + DENYING + r"|not|non|yet\s+to)\b)"
    r".*\b(?:is|are|was|were|has\s+been|have\s+been)\s+(?:an?\s+|the\s+)?(?:\w+\s+)?(?:certified|approved|authorized)\b"
)
"""A sentence that says some care was approved and denies nothing ("The meniscectomy has been certified, so a
one-week rental would have been consistent", "The shoulder arthroscopy was an approved procedure"): never the
ground that the care an item goes with was refused (round 88: a cold therapy unit's purchase, told "the care this
goes with is not needed" by the learned models)."""

CARE_HAD = (
    r"(?!.*\b(?:"
    + DENYING
    + r"|not|non|cannot|nowhere|lacks?|lacking|absen(?:t|ce)|yet|only|until|unless|before|once|after"
    r"|whether|if|that|still|but|although|though|however|should|must|first)\b|.*n't\b)"
    r".*\b(?:has|have|had)\s+(?:already\s+|also\s+)?(?:been\s+)?(?:tried|attempted|exhausted|completed|undergone)\b"
)
"""A sentence that says care was had, and denies or doubts nothing ("The patient has completed a course of physical
therapy and remains on medications, so conservative treatment has been tried"): never the ground that other care must
be tried first (round 275's reader: an epidural injection told "other care must be tried first" by the learned
models). Not a proposition reported ("undercut the proposition that other options had been exhausted": round 276)."""

RELIEF_HAD = (
    r"(?!.*\b(?:" + DENYING + r"|not|only|just|less|short|brief|briefly|temporar\w*|transient|but|however|although|"
    r"partial|minimal|modest|little|fail\w*|wore\s+off|lasted|below|under|unchanged|require\w*)\b)"
    r".*(?:\b(?:[5-9]\d|100)\s*%\s+(?:pain\s+)?(?:relief|improvement|reduction)\b|\bstill\s+respond(?:s|ing)\s+to\b)"
)
"""A sentence that says care helped and doubts it nowhere ("The single injection gave her 60% relief for about 8
weeks, which shows that her symptoms are still responding to nonoperative care"): never the ground that care did not
help (round 276's reader: a shoulder operation told "did not show that past care helped you" by the learned model)."""

WORKER_WORDS = r"injured\s+worker|IW|patient|claimant|applicant|employee|worker"
"""What the reviewers call the worker ("the applicant", "this IW"), as a regex alternation: a sentence
whose subject they are speaks of this case, not of a guideline."""

WHETHER_DEPENDS = r"\bwhether\b(?P<asked>[^.;]{0,120}?)\b(?:will\s+|would\s+)?depends?\s+(?:\w+ly\s+)?(?:up)?on\b"
"""A decision said to hang on something else ("Whether she needs the other 4 will depend on how she does"),
the words between naming what is asked (group ``asked``): the reason rules read a trial pending from it,
the summary whether the care as a whole waits on other care."""

WINDOW_NOT_PASSED = (
    r"\bwindow\s+(?:(?:described|set|recommended|specified)\s+by\s+the\s+(?:guidelines?|MTUS|ACOEM|ODG)\s+)?had\s+not\s+"
    r"(?:yet\s+)?(?:passed|elapsed|ended|been\s+reached)\b"
    # (not "so the six-month threshold had not been reached": how long the symptoms have lasted, a criterion)
    r"|\bbefore\s+(?:that|the|this)\s+(?:point|window)\s+had\s+(?:yet\s+)?been\s+(?:reached|passed)\b"
)
"""The guideline's window after an injury not yet passed when the care was asked for ("the 30 day window described by
the guideline had not passed", "before that point had been reached"): the reason rules read "not recommended" yet from
it, the summary "not this early" (rounds 235 and 241's neuropsychological testing after a concussion)."""

CONCEDED = r"\W*(?:even\s+)?(?:although|though|while|despite|granted\s+that)\b[^,;:.]{0,200}[,;:]"
"""A sentence's opening concession, to its first comma ("Although she does take warfarin, ...", "Although the
patient is now well past 30 days from his injury, ..."): what it grants is not the ground, the clause after it
is. Matched at a sentence's start, case-insensitive; the reason rules and the summary's harm finder share it."""

TAPER_NOT_NEEDED = (
    r"\b(?:a\s+)?(?:taper|tapering|weaning)\s+(?:should|would|will|is|was)\s+not\s+"
    r"(?:be\s+)?(?:needed|necessary|required)\b"
)
"""The reviewer's "a taper should not be needed": advice after the decision (no ground of it, see :data:`DISCLAIMED`),
and a medicine with nothing to lower (see :data:`NOT_TAKING`)."""

DISCLAIMED = (
    r"\b(?:none|neither)\s+of\s+(?:those|these|which|them)\s+(?:\w+\s+)?appl(?:y|ies)\b"
    r"|\b(?:which|that|this|it)\s+(?:does|do)\s+not\s+apply\s+(?:here|to\s+(?:this|the\s+present|the\s+current))\b"
    r"|\b(?:has|have)\s+no\s+bearing\b|\b(?:is|are)\s+(?:not\s+relevant|irrelevant|beside\s+the\s+point)\b"
    r"|\b(?:is|are)\s+not\s+the\s+(?:obstacle|issue|objection)\b"
    # "He is now more than four months out, so timing is no obstacle" (round 76's reader: quoted as the ground)
    r"|\b(?:is|are)\s+no\s+(?:obstacle|barrier|bar)\b"
    # "although the reviewer does not rest the decision on that point" (round 88's reader: told as the ground)
    r"|\b(?:do|does|did)\s+not\s+(?:rest|base|turn)\s+(?:the\s+|this\s+|his\s+|her\s+|its\s+)?(?:decision|determination)"
    r"\s+on\b|\b(?:decision|determination)\s+(?:does|do)\s+not\s+(?:rest|turn|depend)\s+on\b"
    r"|\b(?:is|are)\s+not\s+the\s+basis\s+(?:of|for)\b"
    # "so duration alone would not defeat this request" (round 111's reader: told "only for a short time")
    r"|\b(?:would|does|do|did|will|could)\s+not\s+(?:by\s+itself\s+)?(?:defeat|sink|bar)\s+(?:this|the)\s+request\b"
    # "As the medication had not been started, a taper should not be needed" (round 153's reader: told "other care must
    # be tried first"): advice after the decision, no ground of it
    r"|" + TAPER_NOT_NEEDED
)
"""What the reviewer sets aside as no ground, after saying it ("none of those applies", "has no bearing here",
"so those conditions are not the obstacle", "so timing is no obstacle", "does not rest the decision on that
point"): what it said is not why the care was refused. Case-insensitive; the reason rules, the learned fallback
and the summary's quotes share it."""

WEIGHT_WORDS = r"main|principal|central|primary|chief|deciding|decisive|overriding"
"""Words a reviewer uses to mark a ground as the one that weighs most ("the principal reason", "the
overriding concern"), as a regex alternation."""

GROUND_NOUNS = (
    r"reason|concern|problem|issue|point|ground|factor|obstacle|consideration|difficulty|deficiency|objection"
)
"""The nouns a reviewer names a ground by ("the principal concern", "the deciding factor"), as a regex alternation."""

EMPHASIS = (
    rf"\b(?:{WEIGHT_WORDS}|dominant|fundamental|most\s+important"
    r"|most\s+significant|greatest|biggest|real|(?:more|most)\s+(?:pressing|serious|important)|greater|larger|bigger"
    r"|stronger|strongest|weightier|heavier)\s+"
    rf"(?:{GROUND_NOUNS})s?\b"
    # "One consideration in this file outweighs all the others" (round 73's reader)
    r"|\boutweighs?\s+(?:all\s+|every\s+|any\s+)?(?:the\s+)?(?:others?|rest|other\s+\w+)\b"
    r"|\bweighs?\s+(?:\w+\s+)?most\b|\bmost\s+heavily\b|\babove\s+all\b|\b(?:most|more)\s+importantly\b"
    r"|\bfirst\s+and\s+foremost\b|\bdecisive(?:ly)?\b"
)
"""The reviewer's own mark of the main ground ("the overriding concern is safety", "what weighs most
heavily", "More importantly, ..."): words about weight, not about any one kind of ground (case-insensitive).
The summary quotes the sentence first (ranking its grounds first in the reason rules was tried and changed no
code on the invented set, only evidence spans)."""

THIS_REVIEW = r"this\s+(?:review|determination|decision|IMR)"
"""This letter's review, as reviewers name it ("approved in this review", "not medically necessary in this
determination", "certified by this IMR"): another item's verdict given here, read the same by the reason
recognizer and the summary (case-insensitive)."""

AFTER_SURGERY = r"\bpost[- ]?op(?:erative(?:ly)?)?\b"
"""Care for after an operation ("Post-op", "post operative", "POSTOPERATIVE"), matched
case-insensitively: a heading's medicine not yet taken, and a word the worker is told."""

BEFORE_SURGERY = r"\bpre[- ]?op(?:erative(?:ly)?)?\b"
"""Care for before an operation ("Pre-op", "preoperative"), matched case-insensitively."""

NOT_STARTED = (
    r"(?:has|have|had)\s+not(?:,\s+[^,.;]{1,40},)?\s+(?:yet\s+)?(?:been\s+)?(?:started|begun|commenced|initiated)"
    r"|(?:is|are)\s+not\s+yet\s+(?:started|under\s*way)|(?:has|have|had)\s+not\s+(?:yet\s+)?been\s+under\s*way"
    r"|not\s+yet\s+(?:started|begun|commenced|attended|received|undergone|had)"
    r"|yet\s+to\s+(?:start|begin|commence|attend|receive)"
)
"""Care not begun ("a CBT program that has not started", "had not yet begun", "had not yet started any of the six
sessions", "has yet to begin"), as a regex alternation: other care still to come (the summary), or an approved part
with no result yet (the reason rules)."""

NO_CHANCE_YET = (
    r"\bno\s+(?:opportunity|chance)\s+(?:yet\s+)?to\s+(?:see|judge|assess|gauge|observe|learn)\s+(?:how|whether|if)\b"
)
"""Care just begun, too soon to know how it works ("there had been no opportunity to see how the worker responded to
it", "no chance to see whether her symptoms settle"), as a regex: that care is given its chance first (the reason
rules), and the worker is told to wait for it, not that past care did not help (the summary)."""

SIDES = r"right|left"
"""The sides of the body a request or a sentence names, as a regex alternation."""

FOR_AN_OPERATION = r"^\s*associated\s+surgical\s+services?\s*:"
"""A heading's label for care that goes with an operation ("Associated surgical service: Norco 10/325mg
#60"): a medicine not yet taken, as one for after the operation is."""

NOT_TAKING = (
    r"\b(?:been|is|was|has\s+been)\s+off\s+(?:all\s+|the\s+|any\s+)?(?:opioids?|narcotics?|medications?|the\s+medication|it)\b"
    r"|\b(?:not|no\s+longer)\s+(?:currently\s+)?(?:taking|on)\s+(?:any\s+|the\s+)?(?:opioids?|narcotics?|it|this)\b"
    r"|\b(?:reason|rationale|explanation|indication|basis)\s+(?:(?:is|was)\s+(?:given|provided|offered|stated)\s+)?for\s+"
    r"(?:starting|initiating|beginning)\b"
    # "the worker had stopped the immediate-release form of tramadol within several days because of nausea" (round
    # 141's reader: a new try of its extended-release form was told "Do not stop this medicine suddenly")
    r"|\b(?:had|has)\s+(?:already\s+)?(?:stopped|discontinued|quit)\s+(?:taking\s+)?(?:the\s+|her\s+|his\s+|it\b)"
    r"[^.;]{0,80}?\b(?:within|after)\s+(?:a\s+few|several|\d+|two|three|four|five)\s+(?:days?|weeks?)\b"
    r"|\b(?:had|has)\s+(?:already\s+)?(?:stopped|discontinued|quit)\s+(?:taking\s+)?(?:the\s+|her\s+|his\s+|it\b)"
    r"[^.;]{0,80}?\b(?:because|due\s+to)\s+(?:of\s+)?(?:nausea|dizziness|side\s+effects?|intolerance|vomiting|itching"
    r"|drowsiness|constipation)"
    # "As the medication had not been started, a taper should not be needed" (round 153's reader: told "Do not stop this
    # medicine suddenly")
    r"|\b(?:had|has|have)\s+not\s+(?:yet\s+)?been\s+(?:started|begun|initiated)\b"
    # "The request was to start an extended-release formulation" (round 163's reader: a new opioid was told "Do not
    # stop this medicine suddenly")
    r"|\brequest\s+(?:was|is)\s+to\s+(?:start|begin|initiate|try)\b"
    # "has not taken an opioid before", "is opioid-naive" (round 274's reader: a first opioid was told "Do not stop this
    # medicine suddenly")
    r"|\b(?:has|had|have)\s+never\s+(?:before\s+)?(?:taken|used|been\s+(?:on|prescribed))\s+(?:an?\s+|any\s+)?"
    r"(?:opioids?|narcotics?)\b"
    r"|\b(?:has|had|have)\s+not\s+(?:previously\s+)?(?:taken|used|been\s+(?:on|prescribed))\s+(?:an?\s+|any\s+)?"
    r"(?:opioids?|narcotics?)\s+(?:before|previously)\b"
    r"|\bopioid[- ]na[iï]ve\b"
    # "This request is for tramadol 50 mg #60 as a new prescription" (round 279's reader: told "Do not stop this
    # medicine suddenly")
    r"|\bas\s+a\s+new\s+(?:prescription|medication|medicine)\b"
    r"|" + TAPER_NOT_NEEDED
)
"""A medicine the worker is not taking, or one the request would start ("she had been off opioids since
mid November", "no reason for starting an extended release opioid", "No reason is given for starting at 10 mcg per
hour"): nothing to lower (rounds 69 and 118's readers)."""

_SERVICE_COMMON_TEXT = (
    "with without times week weeks weekly month months daily each every over under left right bilateral "
    "purchase rental retrospective request requested date service services quantity total from into upper "
    "lower both additional sessions session visits visit unit units one two three four five six twelve "
    "eight ten per dos and the for of to in on at by as or treatment therapy medication continued use ongoing "
    "imaging study studies proposed topical oral least most some all any"
)
SERVICE_COMMON_WORDS = frozenset(_SERVICE_COMMON_TEXT.split())
"""Words of a service's name that do not say which treatment it is ("Physical therapy 2 times a
week for 6 weeks, left knee" is told apart by "physical"): the reason rules' scope and the
summary's naming of a request both leave them out."""
_BODY_REGION_TEXT = (
    "knee knees shoulder shoulders lumbar cervical thoracic spine back neck wrist wrists hand hands ankle "
    "foot feet elbow elbows extremity extremities arm arms leg legs forearm hip hips"
)
BODY_REGION_WORDS = frozenset(_BODY_REGION_TEXT.split())
"""Body regions: too common to tie a statement to a service ("a knee x-ray" is not "a knee brace"),
but a guideline verdict "for the knee" is not about a treatment of the back."""
