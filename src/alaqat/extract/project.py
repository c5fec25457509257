"""The ``project`` fact: a concrete undertaking (a plant, a route, a fund, a joint venture, an opening).

A project noun (data: patterns/project_nouns.tsv) is a project when a governing word (patterns/project_status.tsv)
speaks of building, launching, opening, running or investing in it: the nearest such word before the noun (or
after it, in the passive: ``من المقرر إطلاقه``) gives the status; a document word met first (``مذكرة تفاهم
لإنشاء مصنع``) makes it only what an agreement is about, which the contract leaves optional. Such a noun, and one
nothing governs (``بحث الجانبان مشروع الناقل الوطني ...``), is still a project when the text gives it its own cost
(``بكلفة``، ``باستثمارات``) or a date tied to it (``على أن يكتمل إنشاؤها في 2028``، ``التي دخلت الخدمة في تموز``)
or, when nothing governs it, a status told after it (``الذي تنفذه``، ``ويجري إنشاؤه``); its status is that one, else
planned. A noun only discussed (``بحث إمكانية تمويل محطة``) is none. An investment verb with an amount and ``في``
names its own project (``ستستثمر X 160 مليار تنغي في معالجة القمح``).

Around the noun: the name runs from the noun to the first preposition, date, amount, verb or punctuation; the
region (the noun's clause, and the next clauses when they go on about it: ``ومن المقرر إطلاقه ...``، ``بطول 1700
كيلومتر``) gives the location (places after في/ب, a site head the gazetteer does not know: ``في محافظة الخرج``;
else a place in the name: ``محطة سمرقند``), the due date (``dates.due_of``) and the value (a money amount);
actors are the organisations from the governing word's clause to the region's end (``الشركة`` refers back to the
last company named). Countries are the actors', the places' and the countries named there, completed from the
article's main pair. Generic mentions are dropped: a count of projects (a figure), a plural with no actor, site,
value or date, a bare noun with nothing that makes it one thing.

Back-references (merge.py): a definite noun with nothing that makes it one thing (``المشروع``، ``المحطة``،
``للميناء``، ``هذا المشروع``، the plant of ``بدء الإنتاج في المصنع``; not one with its own site, ``السفارة في
القدس``) names a project said before. With a status, a due date or a cost of its own it is an anaphoric fact
(``aux["anaphor"]``) that gives them to the nearest project before it of its noun (``refers``), and is never
exported alone. A noun only an agreement is about is kept as a latent fact (``aux["latent"]``): exported only once
such a back-reference, or a mention in its own right, gives it something of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from alaqat.arabic.dates import due_of
from alaqat.arabic.normalise import Folded, fold
from alaqat.arabic.numbers import resolve_currency
from alaqat.extract.context import (
    Sentence,
    article_countries,
    load_lines,
    load_table,
    main_pair,
    make_fact,
    sectors_of,
    sentences,
    span_country,
)
from alaqat.model import Article, Fact, Span

_DIACRITIC = re.compile(r"[\u064b-\u0652\u0670\u0640]")
_TOKEN = re.compile(r"\w+")  # letters and digits only: the Arabic comma (U+060C) is not part of a word
_BOUNDARY = re.compile(r"[،,.;؛:()\[\]!?؟]|\s[-–—]\s")
_PREFIXES = ("وبال", "وال", "فال", "بال", "كال", "لل", "ال", "وب", "ول", "فب", "فل", "و", "ف", "ب", "ل", "ك")
_OBJ_SUFFIXES = ("هما", "هم", "ها", "ه")
_NOUN_SUFFIXES = ("", "ا", "ها", "ين", "ان")  # not ه: طريقة folds to طريقه
_STATUS_RANK = {"planned": 0, "underway": 1, "done": 2}

#: words that end a project's name (prepositions, pronouns, connectors, time words); folded
_NAME_STOP = frozenset(fold(w) for w in (
    "في", "فى", "بحلول", "خلال", "عام", "العام", "على", "عن", "مع", "من", "منذ", "حتى", "لدى", "عند", "قبل", "بعد",
    "ضمن", "حيث", "كما", "أو", "ثم", "إذا", "أن", "إن", "لأن", "لكن", "الذي", "التي", "اللذين", "اللتين", "الذين",
    "والتي", "والذي", "هذا", "هذه", "ذلك", "تلك", "بما", "مما", "وذلك", "حاليا", "رسميا", "أيضا", "أمس", "اليوم",
    "غدا", "بين", "إلى", "الى", "عبر", "بقيمة", "بتكلفة", "بقدرة", "بطاقة", "بسعة", "بمساحة", "باستثمارات",
    "باستثمار", "بكلفة", "بمعدل", "بهدف", "بغية", "بمشاركة", "بالتعاون", "بالشراكة", "بتمويل", "بدعم", "بإجمالي",
    "بمبادرة", "لصالح", "وفق", "وفقا", "تابع", "قد", "لا", "لم", "لن", "سوف", "وهو", "وهي", "هو", "هي", "وسط",
    "بعد", "بنحو", "بحوالي", "بأكثر", "حوالي", "نحو", "سنويا", "أسبوعيا", "يوميا", "شهريا", "قيمته", "قيمتها",
    "تكلفته", "تكلفتها", "اعتبارا", "أمام", "لمدة", "طوال", "تحت", "فوق", "داخل", "خارج", "قرب", "بالقرب", "حول",
    "يحمل", "تحمل", "يعرف", "تعرف", "باسم", "بعنوان", "أكثر", "أقل", "بواسطة", "وسط", "ضد", "لدعم", "ليصبح",
    "لتصبح", "ليكون", "لتكون", "إلا", "كان", "كانت", "يكون", "تكون", "وكان", "وكانت", "شركة", "مؤسسة", "هيئة",
    "وزارة", "بواقع", "الخدمة", "حيز",
))
#: of those, the ones a route's name goes on through (``رحلات مباشرة بين عمان وألماتي``)
_QUOTES = re.compile(r"[\"“”«»„]")
#: words that start with ب as part of the word (not the preposition)
_B_WORDS = frozenset(fold(w) for w in (
    "بحر", "بحيرة", "بكين", "بنك", "بورصة", "بيت", "برج", "بوابة", "بلدية", "بترول", "بتروليوم", "بنية", "بيئة",
    "بعثة", "برنامج", "بريد", "بطولة", "بحوث", "بحث", "بيانات", "بطاريات", "بطاقات", "بذور", "بلاستيك", "بضائع",
))
_ROUTE_GO = frozenset(fold(w) for w in ("بين", "إلى", "الى", "عبر", "من"))
#: words before a noun that make it a set, not one thing
_QUANTIFIERS = frozenset(fold(w) for w in (
    "العديد", "عدد", "عددا", "مجموعة", "جميع", "كل", "بعض", "كافة", "مختلف", "أبرز", "عشرات", "مئات", "آلاف",
    "سلسلة", "حزمة", "قائمة",
))
#: modifiers that say nothing about which thing it is
_GENERIC_MODS = frozenset(fold(w) for w in (
    "جديد", "جديدة", "جديدا", "الجديد", "الجديدة", "كبير", "كبيرة", "كبيرا", "ضخم", "ضخمة", "ضخما", "مشترك",
    "مشتركة", "مشتركا", "المشترك", "المشتركة", "استراتيجي", "استراتيجية", "إستراتيجية", "الاستراتيجي",
    "الاستراتيجية", "حيوي", "حيوية", "الحيوية", "عملاق", "عملاقة", "أخرى", "آخر", "أول", "أولى", "ثان", "ثانية",
    "مماثل", "مماثلة", "الحالية", "الحالي", "المستقبلية", "المستقبلي", "كبرى", "الكبرى", "هام", "هامة", "مهم",
    "مهمة", "المقترح", "المقترحة", "المذكور", "المذكورة", "ثنائية", "الثنائية", "واعدة", "الواعدة", "متعددة",
    "عدة", "أخرى", "الأخرى", "المشروع", "مشروع", "عديدة", "الأعمال", "تنموية", "التنموية", "استثمارية",
    "الاستثمارية", "اقتصادية", "الاقتصادية", "البلدين", "الجانبين", "الطرفين", "ذات", "نوعية", "النوعية",
    "منه", "منها", "له", "لها", "فيه", "فيها", "عليه", "عليها", "نفسه", "نفسها", "ذاته", "ذاتها", "ككل", "محل",
    "الواقع", "الواقعة", "القائم", "القائمة", "الخاضع", "الخاضعة", "المتعدد", "المذكورة", "هذا", "هذه", "بلاده",
    "بلادها", "الرئيسي", "الرئيسية", "الوحيد", "الوحيدة", "الأكبر", "الأول", "الأولى", "الثاني", "الثانية",
))
#: head words of a site written before the place's name
_SITE_HEADS = frozenset(fold(w) for w in (
    "منطقة", "ولاية", "مدينة", "مطار", "ميناء", "محافظة", "إقليم", "مقاطعة", "جزيرة", "العاصمة", "بلدة", "قرية",
    "صحراء", "ساحل", "إمارة",
))
_PHASES = frozenset(fold(w) for w in (
    "المرحلة", "مرحلة", "الأولى", "الثانية", "الثالثة", "الأول", "الثاني", "جزء", "جزءا", "المراحل", "أعمال",
))
_SITE_ORGS = frozenset(fold(w) for w in (
    "جامعة", "مطار", "ميناء", "مستشفى", "معهد", "مجمع", "مدينة", "منطقة", "مركز", "أكاديمية", "كلية", "حديقة",
))
_SITE_TAILS = frozenset(fold(w) for w in ("البحري", "الدولي", "الجوي", "الجاف", "الصناعية", "الحرة"))
_COMPANY_WORDS = frozenset(fold(w) for w in ("شركة", "شركات", "مجموعة", "مؤسسة", "هيئة", "شركتي", "شركتا"))
_COMPANY_REFS = frozenset(fold(w) for w in ("الشركة", "المجموعة", "الشركتان", "الشركتين", "الشركات", "الشركه"))
_RELATIVES = frozenset(fold(w) for w in ("التي", "الذي", "والتي", "والذي", "اللذين", "اللتين", "الذين", "والذين"))
#: a clause that goes on about the project before it: a condition, a relative, a measure or a cost
_ON_CONDITION = re.compile(r"^(?:و?علي\s+ان|و?التي|و?الذي|و?بمعدل|و?بقيمه|و?بتكلفه|و?بكلفه|و?باستثمار|و?بحلول"
                           r"|و?بطول|و?بقدره|و?بطاقه|و?بسعه|و?بمساحه|و?برا?س\s?مال|و?بتمويل|و?بنسبه\s+انجاز)")
_FUTURE = ("س", "سي", "ست", "سن")
_INVEST = frozenset(fold(w) for w in (
    "استثمر", "استثمرت", "استثمرا", "تستثمر", "يستثمر", "ستستثمر", "سيستثمر", "ضخ", "ضخت", "تضخ", "يضخ", "ستضخ",
    "سيضخ", "خصص", "خصصت", "ستخصص", "سيخصص",
))
_NOT_INVEST_TARGETS = frozenset(fold(w) for w in (
    "قطاع", "قطاعات", "مجال", "مجالات", "سوق", "أسواق", "اقتصاد", "البلاد", "الدولة", "المملكة", "مشاريع",
    "مشروعات", "شركات", "شركة", "أسهم", "حصة", "حصص", "أصول", "سندات", "صناديق", "عدد", "عدة", "مختلف", "كل",
    "المنطقة", "بلدان", "دول", "تطوير", "تعزيز", "دعم",
))
#: a verb of working on something (تعمل الشركة على إنشاء مصنع), folded
_WORK_ON = frozenset(fold(w) for w in ("تعمل", "يعمل", "تعملان", "يعملان", "يعملون", "ستعمل", "سيعمل", "تعكف",
                                       "يعكف"))
#: a past verb of overseeing an act (أشرف الرئيس على تدشين ...), folded
_OVERSEE = frozenset(fold(w) for w in ("أشرف", "أشرفت", "أشرفا", "أشرفتا", "أشرفوا"))
_LAUNCH_VERBS = frozenset(fold(w) for w in ("أطلق", "أطلقت", "أطلقا", "دشن", "دشنت", "دشنا", "بدأ", "بدأت", "افتتح",
                                            "افتتحت"))

#: a demonstrative before a definite noun (هذا المشروع، هذه المحطة): a thing named before
_DEMONSTRATIVES = frozenset(fold(w) for w in ("هذا", "هذه", "ذلك", "تلك", "وهذا", "وهذه"))
#: the work done in a plant (العمل في المصنع، التشغيل في المحطة); إنتاج، تصنيع are launch nouns
_ACTIVITIES = frozenset(fold(w) for w in ("العمل", "الأعمال", "الأشغال", "التشغيل"))

_MAX_NAME = 7  # tokens
_MAX_BACK = 22  # tokens between a governing word and its noun


@dataclass(frozen=True)
class _Noun:
    words: tuple[str, ...]
    cls: str
    sectors: tuple[str, ...]


@dataclass
class _Tok:
    text: str  # folded token
    fs: int  # folded offsets in the sentence
    fe: int
    start: int  # original offsets in the article
    end: int
    pron: bool = False  # ends with a pronoun ه/ها/هم in the original (not a ة folded to ه)


@dataclass
class _Cand:
    """A project noun found in a sentence, before its fields are read."""

    first: int  # token index of the noun's first word
    last: int  # token index of the noun's last word
    noun: _Noun
    name_start: int  # original offset where the name starts (clitics stripped)
    name_prefix: str = ""  # "ال" when the noun carried لل
    status: str | None = None
    gov: int | None = None  # token index of the governing word
    invest_name_end: int | None = None
    value_span: Span | None = None
    extra: dict[str, object] = field(default_factory=dict)


# ---------------------------------------------------------------------------------------------------------------
# data


@cache
def _nouns() -> dict[str, list[_Noun]]:
    """Project nouns by their first (folded) word."""
    out: dict[str, list[_Noun]] = {}
    for row in load_table("project_nouns.tsv"):
        words = tuple(row[0].split())
        cls = row[1] if len(row) > 1 else "plant"
        sectors = tuple(s for s in (row[2].split(",") if len(row) > 2 else []) if s)
        out.setdefault(words[0], []).append(_Noun(words, cls, sectors))
    for lst in out.values():
        lst.sort(key=lambda n: -len(n.words))
    return out


@cache
def _governors() -> dict[str, str]:
    return {row[0]: row[1] for row in load_table("project_status.tsv")}


@cache
def _noun_regex() -> re.Pattern[str]:
    """A cheap test on a folded sentence: does any project noun's first word occur in it?"""
    stems = sorted(_nouns(), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, stems)))


@cache
def _gov_regex() -> re.Pattern[str]:
    """A cheap test on a folded sentence: does any governing word (or an investment verb) occur in it?"""
    stems = {w for w, c in _governors().items() if c != "agreement"} | set(_INVEST) | _ARRIVED | _ARRIVING
    return re.compile("|".join(map(re.escape, sorted(stems, key=len, reverse=True))))


@cache
def _extra_sectors() -> tuple[re.Pattern[str], dict[str, tuple[str, ...]]]:
    table = {row[0]: tuple(s for s in row[1].split(",") if s) for row in load_table("project_sectors.tsv")}
    keys = sorted(table, key=len, reverse=True)
    regex = re.compile(r"(?<![\w])(?:[وفبكل]|لل|وب|ول)?(?:ال)?(" + "|".join(map(re.escape, keys))
                       + r")(?:ه|ات|ين|ان|يه|ا)?(?!\w)")
    return regex, table


# ---------------------------------------------------------------------------------------------------------------
# tokens and words


def _tokens(sent: Sentence) -> tuple[Folded, list[_Tok]]:
    folded = Folded.of(sent.text)
    toks = []
    for m in _TOKEN.finditer(folded.text):
        s, e = folded.to_original(m.start(), m.end())
        raw = _DIACRITIC.sub("", sent.text[s:e])
        toks.append(_Tok(m.group(), m.start(), m.end(), sent.start + s, sent.start + e,
                         raw.endswith(("ه", "ها", "هم", "هما"))))
    return folded, toks


@lru_cache(maxsize=1 << 16)
def _strip_prefix(tok: str) -> tuple[tuple[str, str], ...]:
    """(prefix, rest) readings of a token, the bare token first."""
    out = [("", tok)]
    for p in _PREFIXES:
        if tok.startswith(p) and len(tok) - len(p) >= 2:
            out.append((p, tok[len(p):]))
    return tuple(out)


def _in(tok: str, words: frozenset[str] | set[str]) -> bool:
    """Is the token, with or without a clitic prefix, one of ``words``?"""
    return any(rest in words for _, rest in _strip_prefix(tok))


def _governor(tok: str, prev: str | None = None, pron: bool = True) -> str | None:
    """The class of a governing word (``وستبني`` -> planned, ``تنفذها`` -> underway); object pronouns are
    stripped only where the original has one (``pron``), so ``إقامة`` (folded ``اقامه``) is not ``أقام``."""
    cls = _governor_base(tok, pron)
    if cls == "present":
        return "planned" if prev == "سوف" else "underway"
    return cls


@lru_cache(maxsize=1 << 16)
def _governor_base(tok: str, pron: bool) -> str | None:
    table = _governors()
    for _, rest in _strip_prefix(tok):
        cores = [rest]
        if pron:
            cores += [rest[:-len(x)] for x in _OBJ_SUFFIXES if rest.endswith(x) and len(rest) - len(x) >= 2]
            # a final hamza written on its seat before a pronoun: إنشاؤه، بنائها (folded انشاوه، بنايها)
            cores += [c[:-1] + "ء" for c in cores[1:] if c.endswith(("و", "ي")) and len(c) > 3]
        for core in cores:
            cls = table.get(core)
            if cls is None and core.startswith(_FUTURE) and len(core) > 3 and table.get(core[1:]) == "present":
                return "planned"
            if cls is not None:
                return cls
    return None


def _has_object(tok: _Tok) -> bool:
    """Does a tensed verb carry an object pronoun (``أطلقه``، ``تنفذها``)?"""
    if not tok.pron:
        return False
    return _governor_base(tok.text, False) is None and _governor_base(tok.text, True) is not None


def _noun_at(toks: list[_Tok], i: int) -> tuple[_Noun, str, int] | None:
    """The project noun starting at token ``i``: (noun, prefix stripped, index of its last token)."""
    table = _nouns()
    for prefix, rest in _strip_prefix(toks[i].text):
        for suf in _NOUN_SUFFIXES:
            if suf and not rest.endswith(suf):
                continue
            core = rest[:len(rest) - len(suf)] if suf else rest
            for noun in table.get(core, ()):
                n = len(noun.words)
                if n > 1 and (suf not in ("", "ا") or i + n > len(toks)):  # خطا مباشرا
                    continue
                if all(_same_word(toks[i + k].text, noun.words[k]) or (
                        suf == "ا" and _same_word(toks[i + k].text, noun.words[k] + suf)) for k in range(1, n)):
                    return noun, prefix, i + n - 1
    return None


def _same_word(tok: str, word: str) -> bool:
    if tok == word:
        return True
    return tok.startswith("ال") and tok[2:] == word


def _definite(prefix: str, tok: str) -> bool:
    return prefix.endswith("ال") or prefix.endswith("لل")


# ---------------------------------------------------------------------------------------------------------------
# finding candidates


def _candidates(article: Article, sent: Sentence, toks: list[_Tok], folded: Folded) -> list[_Cand]:
    out: list[_Cand] = []
    orgs = sent.of("org")
    amounts = sent.of("amount")
    i = 0
    while i < len(toks):
        hit = _noun_at(toks, i)
        if hit is None:
            i += 1
            continue
        noun, prefix, last = hit
        if noun.cls == "not":
            i = last + 1
            continue
        cand = _Cand(i, last, noun, toks[i].start + _prefix_len(article, toks[i], prefix, keep_article=True))
        if prefix.endswith("لل"):
            cand.name_prefix = "ال"
        i = last + 1
        if noun.words[0] == "طريق" and cand.first > 0 and toks[cand.first - 1].text in ("عن", "علي"):
            continue  # عن طريق "by means of", على طريق "on the way to"
        if noun.cls == "weak" and _names_next(toks, folded, last):
            continue  # مشروع مركز لوجستي، مشروع توسعة مرفأ اللاذقية: the next noun names it
        cand.extra["definite"] = _definite(prefix, toks[cand.first].text)
        demonstrative = cand.first > 0 and toks[cand.first - 1].text in _DEMONSTRATIVES
        if noun.cls == "weak" and (cand.extra["definite"] or demonstrative):
            if _plural(cand):
                continue  # المشاريع: a set of projects, no one thing
            cand.extra["anaphor"] = True  # المشروع، هذا المشروع: a project named before
        elif demonstrative and cand.extra["definite"] and noun.cls in ("plant", "route", "opening"):
            cand.extra["anaphor"] = True  # هذه المحطة
        if any(a.value and isinstance(a.value, dict) and a.value.get("unit") == "count"
               and a.start <= toks[cand.first].end and toks[cand.first].start < a.end + 2 for a in amounts):
            continue  # 45 مشروعًا: a count of projects is a figure
        if cand.first > 0 and (_in(toks[cand.first - 1].text, _QUANTIFIERS) or (
                toks[cand.first - 1].text == "من" and cand.first > 1 and _in(toks[cand.first - 2].text, _QUANTIFIERS))):
            continue  # العديد من المنشآت، عدة مصانع
        if (cand.first > 2 and toks[cand.first].text.startswith("و") and toks[cand.first - 2].text == "من"
                and _in(toks[cand.first - 3].text, _QUANTIFIERS)):
            continue  # عدد من الجسور ومحطات الخدمة: the quantifier takes in the nouns joined to its own
        if cand.first > 0 and _in(toks[cand.first - 1].text, _COMPANY_WORDS):
            continue  # شركة موانئ دبي: a company's name
        act = _activity_in(toks, cand.first, prefix) if cand.extra["definite"] else None
        if act is not None:
            cand.extra["activity"] = act  # التشغيل التجاري للمحطة: the work of a plant named before
        if _at_site(toks, cand.first, prefix):
            if act is None:
                continue  # في مطار أكتوبي، بميناء ...: a site, not a project
            cand.extra["anaphor"] = True  # بدء الإنتاج في المصنع: the work in a plant named before
        own_org = next((o for o in orgs if o.start < toks[cand.first].end and toks[cand.first].start < o.end
                        and not (o.end <= toks[last].end and o.start < toks[cand.first].start)), None)
        if own_org is not None:
            if noun.cls != "opening":
                continue  # a noun inside an organisation's name (مركز أستانا) is the organisation
            prev = _governor(toks[cand.first - 1].text) if cand.first else None
            if prev not in ("done", "underway", "planned", "launch", "license"):
                continue
            cand.extra["own_org"] = own_org
        if noun.cls == "first" and not _first(toks, cand.first - 1, last):
            continue  # شحنة: a project only as the first one (أول شحنة، الشحنة الأولى)
        if noun.cls == "branch" and not any(o.start >= toks[last].end and o.start - toks[last].end < 8 for o in orgs):
            continue  # فرع لجامعة بكين: a branch of a named body; فرع لها، فرع جديد are not projects
        if noun.cls == "launch":
            if cand.first == 0 or _definite(prefix, toks[cand.first].text):
                continue  # بدء الإنتاج فيه: the production of a plant named before
            ptxt = toks[cand.first - 1].text
            pcls = _governor(ptxt)
            if pcls != "launch" and not any(r in _LAUNCH_VERBS for _, r in _strip_prefix(ptxt)):
                continue
        out.append(cand)
    return out


def _activity_in(toks: list[_Tok], i: int, prefix: str) -> int | None:
    """The index of the work done in or on the definite noun at ``i``: ``الإنتاج في المصنع``، ``العمل في المحطة``،
    ``التشغيل التجاري للمحطة`` (a definite adjective may follow the work before لل)."""
    if prefix.endswith("لل"):
        for j in (i - 1, i - 2):
            if j < 0:
                break
            if _activity(toks[j]):
                return j
            if not toks[j].text.startswith("ال"):
                break
        return None
    if i >= 2 and toks[i - 1].text in ("في", "فى") and _activity(toks[i - 2]):
        return i - 2
    return None


def _activity(tok: _Tok) -> bool:
    hit = _noun_at([tok], 0)
    return (hit is not None and hit[0].cls == "launch") or _in(tok.text, _ACTIVITIES) or _gov(tok) in (
        "license", "launch")


def _sited(sent: Sentence, toks: list[_Tok], k: int) -> bool:
    """Does a place follow right after the name ending before token ``k`` (``السفارة في القدس``، ``المطار بالدوحة``)?
    A definite noun with its own site says which thing it is, even when nothing named it before."""
    if k >= len(toks):
        return False
    if toks[k].text in ("في", "فى"):
        k += 1
        if k >= len(toks):
            return False
        lo = toks[k].start
    elif toks[k].text.startswith(("ب", "وب")):
        lo = toks[k].start
    else:
        return False
    return any(p.start >= lo and p.start < toks[k].end for p in sent.of("place"))


def _names_next(toks: list[_Tok], folded: Folded, last: int) -> bool:
    """Is a project noun right after ``last``, maybe behind verbal nouns (``مشروع إنشاء محطة``)?"""
    k = last + 1
    while k < len(toks) and k <= last + 3 and not _gap(folded, toks, k - 1):
        if _noun_at(toks, k) is not None:
            return True
        if _gov(toks[k]) not in ("license", "launch"):
            return False
        k += 1
    return False


def _at_site(toks: list[_Tok], i: int, prefix: str) -> bool:
    """Is the noun at ``i`` the object of في / ب (a place where something is), not of an investment?"""
    if prefix.startswith(("ب", "وب", "فب")):
        return True
    if i == 0 or toks[i - 1].text not in ("في", "فى"):
        return False
    before = toks[i - 2].text if i > 1 else ""
    if any(_governor(toks[n].text) == "progress" for n in range(max(0, i - 4), i - 1)):
        return False  # سير العمل في مشروع: the works on it
    return _governor(before) not in ("license", "launch") and not any(r in _INVEST for _, r in _strip_prefix(before))


def _prefix_len(article: Article, tok: _Tok, prefix: str, keep_article: bool) -> int:
    """Original characters of ``prefix`` at the token's start (the article ال kept when asked)."""
    strip = prefix
    if keep_article and prefix.endswith("ال"):
        strip = prefix[:-2]
    elif prefix.endswith("لل"):
        strip = prefix  # للمصنع -> المصنع is rebuilt with name_prefix
    if not strip:
        return 0
    text = article.original[tok.start:tok.end]
    n = 0
    k = 0
    while k < len(text) and n < len(strip):
        if fold(text[k]):
            n += 1
        k += 1
    return k


def _gap(folded: Folded, toks: list[_Tok], i: int) -> bool:
    """Is there punctuation between token ``i`` and the next one?"""
    if i + 1 >= len(toks):
        return True
    return bool(_BOUNDARY.search(folded.text[toks[i].fe:toks[i + 1].fs] + " ")) if folded.text[
        toks[i].fe:toks[i + 1].fs].strip() else False


# ---------------------------------------------------------------------------------------------------------------
# status: the governing word


def _passable(sent: Sentence, toks: list[_Tok], k: int) -> bool:
    """May token ``k`` stand between a governing verb and its noun (subject material, an adverb)?"""
    t = toks[k].text
    if t == "و" or _in(t, _subjects()):
        return True
    if t == "من" and k > 0 and _in(toks[k - 1].text, _PHASES):
        return True  # المرحلة الأولى من مصنع
    hit = _noun_at(toks, k)
    if hit is not None and hit[0].cls == "weak":
        return True  # تنفذ مشاريع لبناء ...، تنفذ ... مشروع مركز
    pos = toks[k].start
    return any(s.start <= pos < s.end for s in sent.spans if s.kind in _PASS_KINDS)


_PASS_KINDS = ("org", "person", "country", "place", "date", "amount")


@cache
def _subjects() -> frozenset[str]:
    words = set(load_lines("project_subjects.txt"))
    for title in load_lines("leader_titles.txt"):
        words.update(title.split())
    return frozenset(words)


def _gov(tok: _Tok, prev: _Tok | None = None) -> str | None:
    return _governor(tok.text, prev.text if prev else None, tok.pron)


def _aux_status(toks: list[_Tok], k: int, hi: int) -> str | None:
    """``تم إنشاء``، ``يجري حاليا بناء``، ``قيد الإنشاء``، ``خطط لإنشاء``: an auxiliary's status when a license
    word follows."""
    cls = _gov(toks[k])
    if not cls or not cls.startswith("aux_"):
        return None
    for n in range(k + 1, min(hi, k + 3)):
        if _gov(toks[n]) in ("license", "launch"):
            return cls[4:]
    return None


def _govern(sent: Sentence, toks: list[_Tok], cand: _Cand, prev_status: str | None, name_end: int,
            hi: int) -> tuple[str | None, int | None]:
    """(status, index of the governing word); status None when nothing governs the noun.

    Right before the noun, a run of verbal nouns of building (``لإطلاق``، ``لبناء وتشغيل``) licenses it; before
    that (or right before the noun), a tensed word reached through the verb's subject (``وستبني مجموعة أورزاكس
    مصنعًا``) gives the status; a document word gives "agreement"; a noun coordinated with an earlier project
    (``وإنشاء مركز``، ``ومستشفى``) takes its status; else a word after it (``من المقرر إطلاقه``، ``الذي افتتح``)."""
    arrival = _arrival(toks, cand)
    if arrival is not None:
        return arrival
    k = cand.first - 1
    gov: int | None = None
    adjacent = False
    coordinated = toks[cand.first].text.startswith("و") and toks[cand.first].start < cand.name_start
    act = cand.extra.get("activity") if cand.extra.get("anaphor") else None
    if isinstance(act, int):  # يبدأ الإنتاج في المصنع: the activity word stands for a license word
        k, gov, adjacent = act - 1, act, True
    while k >= 0:
        cls = _gov(toks[k])
        if cls in ("license", "launch"):
            adjacent = True
            gov = k
            coordinated = toks[k].text.startswith("و")
            k -= 1
            continue
        if adjacent and toks[k].text in ("في", "فى", "الي", "علي", "و"):
            k -= 1
            continue
        break
    if k >= 0 and adjacent and _gov(toks[k]) == "ceremony":
        return "done", k
    if k >= 0 and adjacent and _gov(toks[k]) == "talk":
        return "talk", k  # بحث إمكانية تمويل محطة: only discussed, whatever it would cost
    if adjacent and gov is not None and gov > 0 and toks[gov - 1].text == "علي":
        for n in range(gov - 2, max(-1, gov - 25), -1):
            if _in(toks[n].text, _WORK_ON) and gov - n <= 10:  # تعمل شركة ... على إنشاء مصنع: working on it
                launch = _gov(toks[gov]) == "launch"  # تعمل على إطلاق رحلات: an opening still to come
                return ("planned" if launch or toks[n].text.startswith(("س", "وس")) else "underway"), n
            if _in(toks[n].text, _OVERSEE):  # أشرف الرئيسان ... على تدشين المعبر: the act was done
                return "done", n
    steps = 0
    unknown = 0
    edge = k  # the word right before the noun (or before its verbal nouns)
    while k >= 0 and steps < _MAX_BACK:
        t = toks[k]
        prev = toks[k - 1] if k else None
        cls = _gov(t, prev)
        if cls == "agreement":
            return "agreement", k
        if cls in ("planned", "underway", "done"):
            if _has_object(t) and not adjacent:
                break  # الذي أطلقه مركز ...: the noun is the verb's subject
            if cls == "underway" and prev is not None and prev.text in ("ان", "لان", "كي", "لكي"):
                cls = "planned"  # أن تبني: intended
            return cls, k
        if cls == "foundation" and prev is not None and _in(prev.text, {"حجر"}):
            return "underway", k
        if cls == "progress" and edge - k <= 3 and not (k + 1 < len(toks) and toks[k + 1].text == "قدما"):
            return "underway", k  # سير العمل في مشروع; not السير قدما في (going ahead with)
        if cls and cls.startswith("aux_"):
            aux = _aux_status(toks, k, cand.first)
            if aux:
                return aux, k
            break
        if cls in ("license", "launch"):
            if t.pron and _governor_base(t.text, False) is None:
                break  # والمقرر إنجازه ...، إضافة إلى محطة: the verbal noun has its own object
            k -= 1
            steps += 1
            continue
        if k < edge:
            hit = _noun_at(toks, k)
            if hit is not None and hit[0].cls not in ("weak", "not"):
                break  # a word before another project noun is that noun's
        if t.text in ("في", "فى", "الي", "علي") and k + 1 < len(toks) and (
                _gov(toks[k + 1]) in ("license", "launch") or _passable(sent, toks, k + 1)):
            k -= 1
            steps += 1
            continue
        if not _passable(sent, toks, k):
            # a name the recognisers missed may stand in the subject (أطلقت طيران الجزيرة الكويتية أول رحلة),
            # but not right before the noun, where an unknown word is the noun's own head (استهداف مطار)
            unknown += 1
            if unknown > 2 or k == edge or _agreement_near(toks, k):
                if _agreement_near(toks, k):
                    return "agreement", k
                break
        k -= 1
        steps += 1
    if coordinated and prev_status:
        cand.extra["untold"] = True  # taken from the project before, not told of this one
        return prev_status, gov
    if adjacent:
        cand.extra["untold"] = True  # a verbal noun with no tense: planned by default
        return "planned", gov
    return _after(toks, cand, name_end, hi)


#: verbs of a shipment or a flight arriving, folded: past (done) and future (planned)
_ARRIVED = frozenset(fold(w) for w in ("وصلت", "وصل", "وصلا", "هبطت", "هبط", "حطت", "حط", "رست", "رسا"))
_ARRIVING = frozenset(fold(w) for w in ("تصل", "يصل", "ستصل", "سيصل", "تهبط", "ستهبط", "يهبط", "سيهبط", "ترسو",
                                        "سترسو"))
_FIRST = frozenset(fold(w) for w in ("أول", "أولى", "الأولى", "الأول"))


def _first(toks: list[_Tok], before: int, last: int) -> bool:
    """Is the noun ending at ``last`` the first of its kind (``أول شحنة``، ``أولى رحلات``، ``الشحنة الأولى``)?"""
    if before >= 0 and toks[before].text in _FIRST:
        return True
    return last + 1 < len(toks) and toks[last + 1].text in _FIRST


def _arrival(toks: list[_Tok], cand: _Cand) -> tuple[str, int] | None:
    """The first shipment or flight arriving (``وصلت إلى ميناء العقبة أمس أول شحنة``: done; ``الشحنة الأولى ...
    ستصل في يناير``: planned): a verb of arriving within the noun's stretch of text, either side."""
    if cand.noun.cls not in ("first", "route") or not _first(toks, cand.first - 1, cand.last):
        return None
    for k in [*range(cand.first - 1, max(-1, cand.first - 16), -1), *range(cand.last + 1,
                                                                         min(len(toks), cand.last + 16))]:
        core = toks[k].text[1:] if toks[k].text[:1] in ("و", "ف") and len(toks[k].text) > 3 else toks[k].text
        if core in _ARRIVED or toks[k].text in _ARRIVED:
            return "done", k
        if core in _ARRIVING or toks[k].text in _ARRIVING:
            return "planned", k
    return None


def _agreement_near(toks: list[_Tok], k: int) -> bool:
    """A document word among the three words ending at ``k`` (``مذكرة تفاهم لإنشاء``)?"""
    return any(_gov(toks[n]) == "agreement" for n in range(max(0, k - 2), k + 1))


def _after(toks: list[_Tok], cand: _Cand, name_end: int, hi: int) -> tuple[str | None, int | None]:
    """A status told right after the name: ``الذي افتتح``، ``تنفذها شركة``، ``قيد الإنشاء``، and in the next
    few words ``من المقرر إطلاقه``، ``تم افتتاحه``."""
    if name_end < hi:
        t = toks[name_end]
        nxt = toks[name_end + 1] if name_end + 1 < hi else None
        cls = _gov(t)
        if t.text in _RELATIVES and nxt is not None:
            c2 = _gov(nxt, t)
            if c2 in ("planned", "underway", "done"):
                return c2, name_end + 1
            if c2 and c2.startswith("aux_") and _aux_status(toks, name_end + 1, hi):
                return c2[4:], name_end + 1
        if cls in ("planned", "underway", "done") and _has_object(t):
            return cls, name_end  # تنفذها شركة ...
        if cls and cls.startswith("aux_") and _aux_status(toks, name_end, hi):
            return cls[4:], name_end
    for k in range(name_end, min(hi, name_end + 8)):
        t = toks[k]
        if _gov(t) in ("license", "launch") and t.pron and _governor_base(t.text, False) is None:
            for n in range(k - 1, max(name_end - 1, k - 4), -1):  # من المقرر إطلاقه، سيتم افتتاحها
                c2 = _gov(toks[n], toks[n - 1])
                if c2 in ("planned", "underway", "done"):
                    return c2, k
                if c2 and c2.startswith("aux_"):
                    return c2[4:], k
            return None, None
    return None, None


# ---------------------------------------------------------------------------------------------------------------
# the name


def _name_end(article: Article, sent: Sentence, toks: list[_Tok], folded: Folded, cand: _Cand,
              stop_at: int) -> int:
    """Index (exclusive) of the token after the project's name.

    The name goes on through modifiers that agree with the noun (a definite noun takes definite adjectives,
    ``المراكز الثقافية``; an indefinite one a genitive or adjective, ``مصنع كوستاناي``، ``مركز لوجستي``), one
    ``ل`` phrase (``مصنعًا للأدوية``، ``فرعا لجامعة بكين للغات``), a quoted name right after the noun, and for a
    route ``بين``/``إلى``/``عبر``; it stops at punctuation, a preposition or connector, a date or amount, a verb,
    a place introduced by في/ب, another project noun."""
    route = cand.noun.cls == "route"
    places = sent.of("place")
    named = [s for s in sent.spans if s.kind in ("org", "place", "country", "person")]
    spans_stop = [s for s in sent.spans if s.kind in ("date", "amount")]
    definite = _definite_tok(toks[cand.last].text)
    j = cand.last + 1
    l_phrases = 0
    quoted = False
    while j < min(len(toks), stop_at) and j - cand.first < (_MAX_NAME + 3 if route else _MAX_NAME):
        gap = folded.text[toks[j - 1].fe:toks[j].fs]
        if _QUOTES.search(gap):
            if j == cand.last + 1 and not quoted and not definite:
                quoted = True  # مشروع "نيوم": the quoted name is the name
            elif quoted and toks[j].text.startswith("ل") and not _gap_punct(gap):
                quoted = False  # مصنع "جوشن" لبطاريات السيارات: the name goes on with what it makes
            else:
                break
        if gap.strip() and _BOUNDARY.search(gap + " "):
            break
        t = toks[j].text
        bare = t[1:] if t.startswith("و") and len(t) > 3 else t
        inside = next((s for s in named if s.start <= toks[j].start < s.end or toks[j].start <= s.start < toks[j].end),
                      None)
        if cand.noun.cls == "weak" and _gov(toks[j]) in ("license", "launch") and all(
                _gov(toks[n]) in ("license", "launch") for n in range(cand.last + 1, j)):
            j += 1  # مشروع ترميم قصر بيت العجائب: the work is the name
            continue
        if cand.noun.cls == "first" and t == "من" and j + 1 < len(toks) and all(
                toks[n].text in _FIRST for n in range(cand.last + 1, j)):
            j += 2  # أول شحنة من القمح، الشحنة الأولى من الغاز: what is shipped names it
            continue
        if not quoted:
            if (t in _NAME_STOP or (bare != t and bare in _NAME_STOP)) and not (route and t in _ROUTE_GO):
                break
            if _gov(toks[j]) is not None or t in _INVEST:
                break
            if t.startswith(_FUTURE) and len(t) > 4 and t[1:2] in ("ي", "ت", "ن"):
                break  # ستدخل الخدمة: a verb
            if bare != t and _noun_at(toks, j) is not None:
                break
            if any(s.start <= toks[j].start < s.end or toks[j].start <= s.start < toks[j].end for s in spans_stop):
                break
            place = next((p for p in places if toks[j].start <= p.start < toks[j].end), None)
            if place is not None and place.start > toks[j].start and not route:
                lead = fold(article.original[toks[j].start:place.start])
                if lead in ("ب", "وب", "في", "ف"):
                    break
            if t.startswith("ب") and not t.startswith("بين") and inside is None and not _in(t, _B_WORDS) and not (
                    ((j == cand.last + 1 and not definite) or _in(toks[j - 1].text, _SITE_HEADS))
                    and not t.startswith("بال") and t[1:] not in _SITE_HEADS
                    and t[1:] not in _COST_WORDS and fold("ب" + t[1:]) not in _NAME_STOP):
                break  # بحرفية، بالجيش، بمنطقة: a prepositional phrase; not مطار بوغيسيرا, a name in construct
            if t.startswith("ل") and not t.startswith("لل") and len(t) > 3:
                l_phrases += 1
                if l_phrases >= 2:
                    break
            elif t.startswith("لل"):
                pass
            elif inside is None and not route and j > cand.last + 0 and not _agrees(definite, t):
                break
        j += 1
    return j


def _gap_punct(gap: str) -> bool:
    """Punctuation other than quotes between two words?"""
    return bool(_BOUNDARY.search(_QUOTES.sub("", gap) + " ")) if _QUOTES.sub("", gap).strip() else False


def _definite_tok(tok: str) -> bool:
    return any(p.endswith(("ال", "لل")) for p, _ in _strip_prefix(tok) if p)


def _agrees(definite: bool, tok: str) -> bool:
    """May ``tok`` follow a (definite or indefinite) project noun inside its name?"""
    if definite:
        return _definite_tok(tok)  # المراكز الثقافية؛ not المطار يعمل، الجسر مطلبا
    return True  # مصنع كوستاناي، مركز لوجستي، محطة الأبحاث


def _name(article: Article, toks: list[_Tok], cand: _Cand, end: int) -> str:
    start = cand.name_start
    text = article.original[start:toks[end - 1].end]
    return (cand.name_prefix + text).strip(" \"'“”«»")


def _specific(toks: list[_Tok], cand: _Cand, end: int) -> bool:
    """Does the name say which thing it is (a modifier beyond جديد, مشترك ...)?"""
    for k in range(cand.last + 1, end):
        t = toks[k].text
        if not _in(t, _GENERIC_MODS) and len(t) > 2 and not t.isdigit():
            return True
    return False


# ---------------------------------------------------------------------------------------------------------------
# region, site, date, value, actors, countries


def _region_end(sent: Sentence, clauses: list[tuple[int, int]], toks: list[_Tok], cand: _Cand, limit: int) -> int:
    """Original end of the noun's region: its clause, and the following clauses that go on about it."""
    pos = toks[cand.last].start
    idx = next((n for n, (cs, ce) in enumerate(clauses) if cs <= pos < ce), len(clauses) - 1)
    end = clauses[idx][1]
    for cs, ce in clauses[idx + 1:]:
        head = [t for t in toks if cs <= t.start < ce][:3]
        words = " ".join(t.text for t in head)
        if not head or not (_ON_CONDITION.match(words) or _SERVICE.match(" " + words) or any(
                (_governor(t.text, None) or "").replace("aux_", "") in ("planned", "underway", "done")
                for t in head)):
            break
        end = ce
    return min(end, limit)


def _site(article: Article, sent: Sentence, span: Span) -> tuple[int, int]:
    """Widen a place to the head word before it (``منطقة تركستان``، ``مطار أكتوبي``) and a tail adjective."""
    start, end = span.start, span.end
    before = article.original[max(sent.start, start - 20):start]
    m = re.search(r"([\w\u0610-\u061a\u064b-\u065f\u0670\u0640]+)\s+$", before)
    if m:
        word = fold(m.group(1))
        for _, rest in _strip_prefix(word):
            if rest in _SITE_HEADS or ("ال" + rest) in _SITE_HEADS:
                start = start - len(before) + m.start(1) + (len(m.group(1)) - len(rest) if rest != word else 0)
                break
    after = re.match(r"\s+([\w\u0610-\u061a\u064b-\u065f\u0670\u0640]+)", article.original[end:end + 20])
    if after and fold(after.group(1)) in _SITE_TAILS:
        end = end + after.end(1)
    return start, end


def _location(article: Article, sent: Sentence, toks: list[_Tok], cand: _Cand, name_end_off: int,
              region: tuple[int, int]) -> tuple[str | None, list[str]]:
    """The site as written and its countries: places after في/ب in the region (a route's own places too)."""
    lo, hi = region
    places = [p for p in sent.of("place") if lo <= p.start and p.end <= hi]
    orgs = [o for o in sent.of("org") if lo <= o.start and o.end <= hi and o.start >= name_end_off]
    chosen: list[tuple[int, int, Span]] = []
    for p in places:
        if p.start < name_end_off:
            continue
        if any(o.start <= p.start and p.end <= o.end for o in orgs):
            continue
        ws, we = _site(article, sent, p)
        lead = fold(article.original[max(lo, ws - 5):ws])
        if chosen or lead.endswith(("في ", "فى ", "ب")):  # في أستانا، بأستانا، بمنطقة تركستان
            chosen.append((ws, we, p))
    for o in orgs:  # في جامعة أستانا الدولية
        before = fold(article.original[max(lo, o.start - 4):o.start]).split()
        if before and before[-1] in ("في", "فى") and _in(fold(o.text).split()[0], _SITE_ORGS):
            chosen.append((o.start, o.end, o))
    chosen.sort(key=lambda x: x[0])
    # keep the first group: places joined by و or separated by a short gap
    group: list[tuple[int, int, Span]] = []
    for item in chosen:
        if group:
            gap = fold(article.original[group[-1][1]:item[0]]).split()
            if len(gap) > 3 or any(w not in ("و", "في", "ب") and not w.startswith("و") for w in gap):
                break
        group.append(item)
    if cand.noun.cls == "route" and not group:
        name = article.original[cand.name_start:name_end_off]
        m = re.search(r"\s(?:بين|إلى|الى|إلي)\s+(.+)$", name)
        if m:  # رحلات مباشرة بين عمان وألماتي -> عمان وألماتي
            ends = [sp for sp in sent.spans
                    if sp.kind in ("place", "country") and cand.name_start <= sp.start < name_end_off]
            return m.group(1), [c for c in (span_country(sp) for sp in ends) if c]
    if not group and cand.noun.cls == "route":
        group = [(p.start, p.end, p) for p in places if cand.name_start <= p.start < name_end_off]
    if not group:
        site = _site_words(article, toks, name_end_off, hi)
        if site is not None:  # في محافظة الخرج: a site the gazetteer does not know
            return site, []
        nxt = toks[cand.last + 1].start if cand.last + 1 < len(toks) else -1
        own = [p for p in places if p.start == nxt and p.end <= name_end_off]
        if own:  # محطة سمرقند للطاقة الشمسية، ميناء لامو: the name holds its site
            return own[0].text, [c for c in (span_country(own[0]),) if c]
        return None, []
    countries = [c for c in (span_country(g[2]) for g in group) if c]
    if len(group) == 1:
        return article.original[group[0][0]:group[0][1]], countries
    contiguous = article.original[group[0][0]:group[-1][1]]
    inner = fold(article.original[group[0][1]:group[-1][0]]).split()
    if all(w in ("و",) or (w.startswith("و") and len(w) > 1) for w in inner) and len(inner) <= len(group):
        return contiguous, countries
    names = [article.original[g[0]:g[1]] for g in group]
    return " و".join(names), countries


def _site_words(article: Article, toks: list[_Tok], lo: int, hi: int) -> str | None:
    """``في محافظة الخرج``، ``بمدينة سحاب الصناعية``: a site head after في/ب and the name after it."""
    for k, t in enumerate(toks):
        if not (lo <= t.start and t.end <= hi):
            continue
        head = None
        if t.text in ("في", "فى") and k + 1 < len(toks) and toks[k + 1].end <= hi and _bare_head(toks[k + 1].text):
            head = k + 1
        elif t.text.startswith(("ب", "وب")) and _bare_head(t.text[1:] if t.text[0] == "ب" else t.text[2:]):
            head = k
        if head is None or head + 1 >= len(toks) or toks[head + 1].end > hi:
            continue
        words = []
        for n in range(head + 1, min(len(toks), head + 4)):
            w = toks[n].text
            if toks[n].end > hi or w in _NAME_STOP or w.isdigit() or (
                    n > head + 1 and w.startswith("ال") and w not in _SITE_TAILS):
                break
            if n > head + 1 and article.original[toks[n - 1].end:toks[n].start].strip() not in ("", "-"):
                break  # punctuation; not أوست-كامينوغورسك
            words.append(n)
            if n > head + 1 and w in _SITE_TAILS:
                break
        if not words or _in(toks[words[0]].text, _GENERIC_MODS) or _noun_at(toks, words[0]) is not None:
            continue
        start = toks[head].start + (0 if t.text in ("في", "فى") else len(article.original[t.start:t.end])
                                    - len(article.original[t.start:t.end].lstrip("وب")))
        return article.original[start:toks[words[-1]].end]
    return None


def _bare_head(word: str) -> bool:
    return word in _SITE_HEADS or (word.startswith("ال") and word[2:] in _SITE_HEADS) or ("ال" + word) in _SITE_HEADS


def _due(sent: Sentence, lo: int, hi: int) -> str | None:
    for d in sent.of("date"):
        if (lo <= d.start and d.end <= hi and isinstance(d.value, str) and d.value
                and not (d.value.endswith("/..") and "منذ" in fold(d.text))):
            due = due_of(d)
            if due:
                return due
    return None


def _money(span: Span) -> bool:
    v = span.value
    if not isinstance(v, dict):
        return False
    unit = v.get("unit")
    # ISO 4217, or a bare currency name (DIRHAM) resolved by country; not MW, t, count
    return isinstance(unit, str) and unit.isalpha() and unit.isupper() and len(unit) >= 3


def _value(sent: Sentence, lo: int, hi: int, country: str | None) -> tuple[float | None, str | None]:
    for a in sent.of("amount"):
        if lo <= a.start and a.end <= hi and _money(a):
            v = a.value
            return v.get("value"), resolve_currency(str(v.get("unit")), country)
    return None, None


def _org_name(span: Span) -> str:
    name = str(span.value["name"]) if isinstance(span.value, dict) and span.value.get("name") else span.text
    words = name.split()
    while len(words) > 1 and _governor(fold(words[-1])) is not None:
        words.pop()  # مصر للطيران ستطلق، إير أستانا إطلاق: a verb run on into the name
    return " ".join(words)


def _clip_org(text: str) -> str:
    words = text.split()
    while words and fold(words[0]) in _COMPANY_WORDS:
        words = words[1:]
    return " ".join(words)


def _company_before(article: Article, sent: Sentence) -> Span | None:
    """The last company named before the sentence (for ``الشركة``), within three sentences."""
    sents = sentences(article)
    lo = sents[max(0, sent.index - 3)].start if sents else 0
    best: Span | None = None
    for s in article.spans:
        if s.kind == "org" and lo <= s.start < sent.start and _companyish(s):
            best = s
    return best


def _companyish(span: Span) -> bool:
    f = fold(span.text)
    return f.startswith(("شركه", "مجموعه", "شركتي", "الشركه")) or "القابضه" in f or bool(re.search(r"[a-z]", f))


# ---------------------------------------------------------------------------------------------------------------
# the extractor


def _header_is_agreements(sents: list[Sentence], sent: Sentence) -> bool:
    """Is a list item under a header that lists documents (``شملت الاتفاقيات:``)?"""
    for prev in reversed(sents[:sent.index]):
        if prev.list_item:
            continue
        return any(_governor(t) == "agreement" for t in _TOKEN.findall(prev.folded))
    return False


def extract(article: Article) -> list[Fact]:
    facts: list[Fact] = []
    sents = sentences(article)
    noun_re, gov_re = _noun_regex(), _gov_regex()
    for sent in sents:
        if not noun_re.search(sent.folded) and not any(w in sent.folded for w in _INVEST):
            continue
        if not gov_re.search(sent.folded) and not sent.of("amount") and not sent.of("date"):
            continue  # nothing governs a noun, and nothing gives one a value or date of its own
        if sent.list_item and _header_is_agreements(sents, sent):
            continue
        facts.extend(_sentence_facts(article, sent))
    return facts  # mentions of one project are merged by the merge stage (merge.py, ``same`` below)


def _sentence_facts(article: Article, sent: Sentence) -> list[Fact]:
    folded, toks = _tokens(sent)
    if not toks:
        return []
    cands = _candidates(article, sent, toks, folded)
    cands.extend(_investments(article, sent, toks, folded, cands))
    cands.sort(key=lambda c: c.first)
    clauses = sent.clauses()
    # first pass: which nouns are governed, and where their names end; a noun inside a governed name
    # (فرعا لجامعة بكين) is part of it. A noun nothing governs, or only a document word, is kept aside
    # ("free" / "agreement"): it is a project only with its own value or due date (or a status told after it).
    governed: list[tuple[_Cand, str, int | None, int, str]] = []
    loose: list[tuple[_Cand, str, int | None, int, str]] = []
    prev_status: str | None = None
    for n, cand in enumerate(cands):
        if governed and cand.first < governed[-1][3]:
            continue
        if loose and cand.first < loose[-1][3]:
            continue
        next_first = cands[n + 1].first if n + 1 < len(cands) else len(toks)
        end_tok = max(cand.invest_name_end or _name_end(article, sent, toks, folded, cand, len(toks)), cand.last + 1)
        if (cand.extra.get("definite") and cand.noun.cls in ("plant", "route", "opening") and len(cand.noun.words) == 1
                and not _specific(toks, cand, end_tok) and (cand.noun.cls == "route" or not _plural(cand))
                and not _sited(sent, toks, end_tok)):
            cand.extra["anaphor"] = True  # المحطة، للميناء، الطريق: a thing named before
        if cand.status:  # an investment names its own status
            status, gov = cand.status, None
        else:
            st, gov = _govern(sent, toks, cand, prev_status, end_tok, next_first)
            if st == "talk":
                continue
            if st is None or st == "agreement":
                loose.append((cand, "planned", gov, end_tok, "agreement" if st else "free"))
                continue
            status = st
        governed.append((cand, status, gov, end_tok, "governed"))
        prev_status = status
    entries = sorted(governed + loose, key=lambda e: e[0].first)
    out: list[Fact] = []
    prev_actors: list[Span] = []
    prev_end_tok = 0
    covered = -1  # original end of the last governed project's region: a loose noun inside it is part of it
    for n, (cand, status, gov, end_tok, mode) in enumerate(entries):
        anaphor = bool(cand.extra.get("anaphor"))
        if mode != "governed" and toks[cand.first].start < covered and not anaphor:
            continue
        # the next project (or the verbal noun that governs it) ends this one's region; a loose noun ends only
        # another loose one's; a back-reference's region runs on to the next governed project it does not name
        if anaphor:
            later = [e for e in entries[n + 1:] if e[4] == "governed" and not e[0].extra.get("anaphor")]
        else:
            later = [e for e in entries[n + 1:] if mode != "governed" or e[4] == "governed"]
        stop_tok = later[0][0].first if later else len(toks)
        if later:
            for k in range(stop_tok - 1, end_tok - 1, -1):
                if _gov(toks[k]) in ("license", "launch") or toks[k].text in ("في", "فى", "و"):
                    stop_tok = k
                else:
                    break
        end_tok = min(end_tok, max(stop_tok, cand.last + 1))
        limit = toks[stop_tok].start if stop_tok < len(toks) else sent.end
        name_end_off = toks[end_tok - 1].end
        r_end = _region_end(sent, clauses, toks, cand, limit)
        if anaphor:  # its region runs on to the next project: what the sentence goes on to say of it
            fact = _anaphor_fact(article, sent, toks, clauses, cand, status, gov, mode, end_tok, (
                toks[cand.first].start, max(limit, name_end_off)), r_end)
            if fact is not None:
                out.append(fact)
            continue
        region = (toks[cand.first].start, max(r_end, name_end_off))
        if mode == "governed":
            covered = max(covered, region[1])
        fact, actor_spans = _fact(article, sent, toks, clauses, cand, status, gov, end_tok, region, mode,
                                  prev_actors if n > 0 and out else [], prev_end_tok)
        prev_end_tok = end_tok
        if fact is None:
            continue
        prev_actors = actor_spans
        out.append(fact)
    return out


def _fact(article: Article, sent: Sentence, toks: list[_Tok], clauses: list[tuple[int, int]], cand: _Cand,
          status: str, gov: int | None, end_tok: int, region: tuple[int, int], mode: str, prev_actors: list[Span],
          prev_end_tok: int) -> tuple[Fact | None, list[Span]]:
    """The fact of one project noun and its region, with the actors it found (None where the mention is
    generic, or a loose noun has nothing of its own)."""
    name = _name(article, toks, cand, end_tok)
    name_end_off = toks[end_tok - 1].end
    location, loc_countries = _location(article, sent, toks, cand, name_end_off, region)
    due = _due(sent, name_end_off, region[1])
    # the stretch the actors come from: the governing word's clause (or the noun's) to the region's end
    g_pos = toks[gov].start if gov is not None and gov < cand.first else toks[cand.first].start
    g_clause = _clause_of(sent, clauses, toks, g_pos)
    stretch_lo = max(g_clause[0], toks[prev_end_tok].start if prev_end_tok < len(toks) else sent.start)
    own_cost: Span | None = None
    latent = False
    if mode != "governed":
        if _plural(cand) and cand.noun.cls != "route":
            return None, []  # نفذت الشركات مشاريع قيمتها ...: a set of projects is a figure (رحلات is one line)
        cue, outright = _cue_status(toks, end_tok, region[1])
        m = _SERVICE.search(" " + " ".join(t.text for t in toks[max(0, cand.first - 1):cand.first + 2]))
        if cue is None and m and cand.first > 0 and m.group(1) in toks[cand.first - 1].text:
            cue, outright = ("done" if m.group(1) in ("دخل", "دخلت") else "planned"), True  # أن تدخل المحطة الخدمة
        own_cost = _own_value(sent, toks, name_end_off, region[1])
        if due is not None and cue is None and "بحلول" not in fold(_date_text(sent, name_end_off, region[1])):
            due = None  # a date the text does not tie to the project (a visit's day)
        if own_cost is None and due is None and (not outright or mode == "agreement"):
            if mode != "agreement":
                return None, []
            latent = True  # what an agreement is about: a fact only if a later mention gives it its own
        status = cue or "planned"
        if mode == "agreement":
            stretch_lo = max(stretch_lo, toks[cand.first].start) if gov is None else stretch_lo
    if status == "done" and due is None:
        due = _due(sent, g_clause[0], toks[cand.first].start)
    if location is None and mode == "governed" and g_pos < toks[cand.first].start:
        for p in sent.of("place"):  # افتتح الرئيس اليوم بولاية تندوف المعبر ...: where the act took place
            if g_pos <= p.start and p.end <= toks[cand.first].start:
                ws, we = _site(article, sent, p)
                if fold(article.original[max(sent.start, ws - 4):ws]).endswith(("في ", "فى ", "ب")):
                    location = article.original[ws:we]
                    c = span_country(p)
                    loc_countries = [c] if c else []
                    break
    own_org = cand.extra.get("own_org")
    actor_spans = [o for o in sent.of("org") if stretch_lo <= o.start and o.end <= region[1] and o is not own_org
                   and not _reported_by(article, o)]
    if not actor_spans:
        head = fold(article.original[g_clause[0]:g_pos]).split()
        if head[:1] and head[0] in _RELATIVES:
            earlier = [o for o in sent.of("org") if o.end <= g_clause[0]]
            actor_spans = earlier[-1:]
    if not actor_spans and any(t.text in _COMPANY_REFS for t in toks if stretch_lo <= t.start < region[1]):
        ref = _company_before(article, sent)
        actor_spans = [ref] if ref is not None else []
    if not actor_spans and prev_actors:
        actor_spans = prev_actors
    actor_names: list[str] = []
    for o in actor_spans:
        nm = _org_name(o)
        if o.start < cand.name_start < o.end:  # an organisation's name run on into the project's
            nm = _clip_org(article.original[o.start:cand.name_start])
        if nm not in actor_names:
            actor_names.append(nm)
    # value
    value: float | None
    unit: str | None
    if cand.value_span is not None:
        v = cand.value_span.value
        assert isinstance(v, dict)
        value, unit = v.get("value"), str(v.get("unit"))
    elif mode != "governed":
        value, unit = (None, None) if own_cost is None else _value(sent, own_cost.start, own_cost.end, None)
    else:
        value, unit = _value(sent, stretch_lo, region[1], None)
    # countries
    codes: list[str] = []
    for o in actor_spans:
        c = span_country(o)
        if c and c not in codes:
            codes.append(c)
    if own_org is not None and isinstance(own_org, Span):
        c = span_country(own_org)
        if c and c not in codes:
            codes.append(c)
    for c in loc_countries:
        if c not in codes:
            codes.append(c)
    for s in sent.of("country"):
        if stretch_lo <= s.start and s.end <= region[1] and not _in_person(sent, s) and not _in_company_name(
                article, s):
            c = span_country(s)
            if c and c not in codes:
                codes.append(c)
    countries = _complete(article, sent, codes)
    if not countries:
        return None, actor_spans
    value, unit = _currency(value, unit, [*loc_countries, *sent.countries(), *countries])
    # generic mentions
    specific = _specific(toks, cand, end_tok) or bool(cand.invest_name_end)
    anchors = sum([bool(actor_names), bool(location), value is not None, due is not None])
    if cand.noun.cls == "weak" and anchors + specific < 2:
        return None, actor_spans
    if _plural(cand) and anchors == 0:
        return None, actor_spans
    if not specific and anchors == 0:
        return None, actor_spans
    sectors = _sectors(name, cand, article.original[region[0]:region[1]])
    fields: dict[str, object] = {"name": name, "actors": actor_names, "countries": countries, "sectors": sectors,
              "value": value, "unit": unit if value is not None else None, "location": location,
              "status": status, "due": due}
    ev_lo = min(g_clause[0], toks[cand.first].start)
    conf = 0.55 + 0.1 * min(anchors, 3) + (0.05 if specific else 0.0)
    fact = make_fact(article, "project", fields, ev_lo, region[1], confidence=min(conf, 0.9))
    fact.aux["ranks"] = {"status": _STATUS_RANK}  # merged mentions keep the furthest status reported
    fact.aux["head"] = cand.noun.words[0]
    fact.aux["at"] = toks[cand.first].start
    if latent:
        fact.aux["latent"] = True
    return fact, actor_spans


#: what a back-reference may give the project it refers to (see merge.py)
_FILLS = (("due",), ("value", "unit"), ("location",))


def _anaphor_fact(article: Article, sent: Sentence, toks: list[_Tok], clauses: list[tuple[int, int]],
                  cand: _Cand, status: str, gov: int | None, mode: str, end_tok: int, region: tuple[int, int],
                  clause_end: int) -> Fact | None:
    """A definite, unnamed back-reference (``المشروع``، ``هذه المحطة``، ``بدء الإنتاج في المصنع``) with something of
    its own: a status told of it (a tensed governing word, ``الذي تنفذه``، ``على أن يتم تنفيذه``), a due date tied to
    it, or a cost (a cost word within four words before an amount after it, with no other work named between the
    noun and the amount unless the cost word is its own: ``الغلاف المالي لمشروع الطريق بنحو``، ``الذي تبلغ
    كلفته``). Its region runs on to the next project the sentence names, or to a relative clause about another
    noun; a site counts only right after the noun. It is never a fact alone: merge.py gives what it says to the
    project named before (or drops it)."""
    lo, hi = region
    name_end_off = toks[end_tok - 1].end
    rel = next((t.start for t in toks[end_tok + 1:] if lo <= t.start < hi and t.text in _RELATIVES), None)
    if rel is not None:  # ويندرج هذا المشروع في إطار الرؤية التي أطلقها ...: a relative about another noun
        hi = min(hi, rel)
        clause_end = min(clause_end, rel)
    told = mode == "governed" and not cand.extra.get("untold") and (gov is None or toks[gov].start < hi)
    cue, outright = _cue_status(toks, end_tok, hi)
    m = _SERVICE.search(" " + " ".join(t.text for t in toks[max(0, cand.first - 1):cand.first + 2]))
    if cue is None and m and cand.first > 0 and m.group(1) in toks[cand.first - 1].text:
        cue, outright = ("done" if m.group(1) in ("دخل", "دخلت") else "planned"), True  # أن تدخل المحطة الخدمة
    if not told:
        status = cue or "planned"
    due = _due(sent, name_end_off, hi)
    if due is not None and not told and cue is None and "بحلول" not in fold(_date_text(sent, name_end_off, hi)):
        due = None  # a date the text does not tie to it
    clause_lo = _clause_of(sent, clauses, toks, toks[cand.first].start)[0]
    own = _own_value(sent, toks, name_end_off, hi, words_from=clause_lo)
    if own is not None:  # its own cost (كلفته), or one no other work stands before (not مخطط لإنشاء منطقة ... بكلفة)
        gap = [t for t in toks if name_end_off <= t.start and t.end <= own.start]
        if any(_gov(t) in ("license", "launch") for t in gap) and not any(
                t.pron and _in(t.text, _COST_WORDS) for t in gap[-4:]):
            own = None
    value, unit = (None, None) if own is None else _value(sent, own.start, own.end, None)
    if not (told or outright or due is not None or value is not None):
        return None  # a mention that says nothing new (إن المشروع يمثل ...)
    near = toks[min(end_tok + 2, len(toks) - 1)].end
    location, loc_countries = _location(article, sent, toks, cand, name_end_off, (lo, min(clause_end, near)))
    countries = _complete(article, sent, loc_countries)
    value, unit = _currency(value, unit, [*loc_countries, *sent.countries(), *countries])
    fields: dict[str, object] = {"name": _name(article, toks, cand, end_tok), "actors": [], "countries": countries,
                                 "sectors": [], "value": value, "unit": unit if value is not None else None,
                                 "location": location, "status": status, "due": due}
    fact = make_fact(article, "project", fields, min(clause_lo, toks[cand.first].start), hi, confidence=0.5)
    fact.aux["anaphor"] = cand.noun.words[0]
    fact.aux["at"] = toks[cand.first].start
    fact.aux["generic"] = cand.noun.cls == "weak"
    fact.aux["fills"] = _FILLS
    if told or outright:
        fact.aux["ranks"] = {"status": _STATUS_RANK}  # progress the text reports: underway, done
    return fact


def _clause_of(sent: Sentence, clauses: list[tuple[int, int]], toks: list[_Tok], pos: int) -> tuple[int, int]:
    """The clause holding ``pos``, taking in the clauses before it that are only an aside (``، اليوم الثلاثاء،``)."""
    idx = next((n for n, (cs, ce) in enumerate(clauses) if cs <= pos < ce), None)
    if idx is None:
        return sent.start, sent.end
    lo = clauses[idx][0]
    k = idx - 1
    while k >= 0:
        cs, ce = clauses[k]
        words = [t for t in toks if cs <= t.start < ce]
        dated = any(d.start <= cs + 2 and d.end >= ce - 2 for d in sent.of("date"))
        if len(words) > 3 and not dated:
            break
        lo = clauses[k - 1][0] if k > 0 else cs
        k -= 2
    return lo, clauses[idx][1]


#: words before an amount that make it a project's own cost (بتكلفة، باستثمارات، برأسمال، الغلاف المالي)
_COST_WORDS = frozenset(fold(w) for w in (
    "كلفة", "تكلفة", "كلفته", "كلفتها", "تكلفته", "تكلفتها", "استثمارات", "استثمار", "قيمة", "قيمته", "قيمتها",
    "رأسمال", "برأسمال", "مال", "المالي", "ميزانية", "تمويل", "بكلفة", "بتكلفة", "باستثمارات", "بقيمة",
    "بإجمالي", "إجمالي", "الإجمالية", "الإجمالي", "التكلفة", "الكلفة",
))


def _own_value(sent: Sentence, toks: list[_Tok], lo: int, hi: int, words_from: int | None = None) -> Span | None:
    """A money amount after the name that a cost word introduces (``بكلفة تقدر بنحو 3 مليارات دولار``); the cost
    word may stand before ``lo`` from ``words_from`` on (``الغلاف المالي لمشروع الطريق بنحو ...``)."""
    w_lo = lo if words_from is None else words_from
    for a in sent.of("amount"):
        if not (lo <= a.start and a.end <= hi and _money(a)):
            continue
        before = [t for t in toks if w_lo <= t.start and t.end <= a.start][-4:]
        if any(_in(t.text, _COST_WORDS) for t in before):
            return a
    return None


def _date_text(sent: Sentence, lo: int, hi: int) -> str:
    for d in sent.of("date"):
        if lo <= d.start and d.end <= hi and isinstance(d.value, str) and d.value:
            return d.text
    return ""


#: ``دخلت الخدمة``، ``سيدخل حيز التشغيل``: a plant put into service (past: done; else planned)
_SERVICE = re.compile(r"(?:^|\s)و?(س?[يت]دخل|دخل|دخلت|دخوله|دخولها|دخول)\s+(?:\S+\s+)?(?:الخدمه|حيز)")


def _cue_status(toks: list[_Tok], first: int, hi: int) -> tuple[str | None, bool]:
    """A status told about a noun after its name, in its region, and whether one is told outright: ``الذي تنفذه``
    (underway), ``الذي افتتح`` and ``التي دخلت الخدمة`` (done), ``ويجري إنشاؤه``، ``بلغت نسبة الإنجاز`` (underway),
    ``سيدخل الخدمة`` (planned); ``من المقرر``، ``على أن`` only date it (planned, not outright)."""
    found: list[tuple[str, bool]] = []
    span = [k for k in range(first, len(toks)) if toks[k].start < hi]
    for k in span:
        t = toks[k]
        prev = toks[k - 1] if k > first else None
        cls = _gov(t, prev)
        if cls in ("planned", "underway", "done"):
            strong = _has_object(t) or (prev is not None and prev.text in _RELATIVES)
            if strong or cls == "planned":
                if cls == "underway" and prev is not None and prev.text in ("ان", "لان", "كي", "لكي"):
                    cls = "planned"
                found.append((cls, strong))
        elif cls and cls.startswith("aux_") and _aux_status(toks, k, min(len(toks), span[-1] + 1)):
            found.append((cls[4:], True))
        elif t.text in ("نسبه", "نسبة") and k + 1 < len(toks) and _in(toks[k + 1].text, {"انجاز"}):
            found.append(("underway", True))
        elif t.text in ("علي", "وعلي") and k + 1 < len(toks) and toks[k + 1].text == "ان":
            found.append(("planned", False))  # على أن يكتمل إنشاؤها في 2028: a condition set for the future
        else:
            m = _SERVICE.match(" " + t.text + " " + " ".join(x.text for x in toks[k + 1:k + 3]))
            if m:
                found.append(("done" if m.group(1) in ("دخل", "دخلت") else "planned", True))
    if not found:
        return None, False
    return found[0][0], any(strong for _, strong in found)


def _reported_by(article: Article, org: Span) -> bool:
    """An outlet cited as the source (``وفقًا لما أوردته وكالة ...``) is not an actor."""
    before = fold(article.original[max(0, org.start - 25):org.start])
    if "الانباء" in fold(org.text):
        return True  # a news agency is a source, never a party to a project
    return any(w in before for w in ("وفقا", "اوردته", "نقلا", "ذكرت", "حسب", "افادت"))


def _in_company_name(article: Article, span: Span) -> bool:
    """``شركة السويدي إليكتريك``: a definite masculine demonym right after an indefinite ``شركة`` cannot be its
    adjective (that would be ``شركة سويدية``); it is the company's name."""
    f = fold(span.text)
    if not f.startswith("ال") or f.endswith("ه"):
        return False
    before = fold(article.original[max(0, span.start - 12):span.start]).split()
    return bool(before) and before[-1] in ("شركه", "مجموعه", "مؤسسه", "وشركه", "ومجموعه")


def _in_person(sent: Sentence, span: Span) -> bool:
    return any(p.start <= span.start and span.end <= p.end for p in sent.of("person"))


def _plural(cand: _Cand) -> bool:
    w = cand.noun.words[0]
    return w.endswith("ات") or w in {fold(x) for x in ("مصانع", "مراكز", "مدارس", "مستشفيات", "موانئ", "مزارع",
                                                         "مشاريع", "فروع", "مناطق", "منشآت", "مجمعات", "مساكن")}


def _complete(article: Article, sent: Sentence, codes: list[str]) -> list[str]:
    """The project's states: those found, completed from the sentence and the article's main pair."""
    pair = main_pair(article)
    if len(codes) >= 2:
        return sorted(codes)
    if not codes:
        return list(pair) if pair else []
    c = codes[0]
    if pair and c in pair:
        return list(pair)
    for other in sent.countries():
        if other != c:
            return sorted([c, other])
    for other in article_countries(article):
        if other != c:
            return sorted([c, other])
    return [c]


def _sectors(name: str, cand: _Cand, region_text: str) -> list[str]:
    found = list(sectors_of(name))
    regex, table = _extra_sectors()
    for m in regex.finditer(fold(name)):
        for s in table[m.group(1)]:
            if s not in found:
                found.append(s)
    for s in cand.noun.sectors:
        if s not in found:
            found.append(s)
    if not found:
        found = sectors_of(region_text)
    return found


def _investments(article: Article, sent: Sentence, toks: list[_Tok], folded: Folded,
                 cands: list[_Cand]) -> list[_Cand]:
    """``ستستثمر X 160 مليار تنغي في معالجة القمح``: an amount invested in a named activity is a project."""
    out: list[_Cand] = []
    amounts = [a for a in sent.of("amount") if _money(a)]
    if not amounts:
        return out
    for k, t in enumerate(toks):
        core = t.text[1:] if t.text[:1] in ("و", "ف") and t.text[1:] in _INVEST else t.text
        if core not in _INVEST:
            continue
        amount = next((a for a in amounts if a.start > t.end and a.start - t.end < 80), None)
        if amount is None:
            continue
        j = next((n for n in range(k + 1, len(toks)) if toks[n].start >= amount.end), None)
        if j is None or j + 1 >= len(toks) or toks[j].text not in ("في", "فى"):
            continue
        first = j + 1
        if _in(toks[first].text, _NOT_INVEST_TARGETS) or any(
                sp.start <= toks[first].start < sp.end for sp in sent.spans if sp.kind in _PASS_KINDS):
            continue  # في الجزائر، في قطاع الطاقة، في "سناب تشات": a place, a field or a company, not a project
        if _QUOTES.search(folded.text[toks[j].fe:toks[first].fs]):
            continue
        if any(c.first >= first and c.first <= first + 3 for c in cands):
            for c in cands:  # the amount goes to the project noun named there
                if first <= c.first <= first + 3:
                    c.value_span = amount
            continue
        noun = _Noun((toks[first].text,), "plant", ())
        cand = _Cand(first, first, noun, toks[first].start)
        cls = _governor(core)
        cand.status = "planned" if core.startswith(_FUTURE) else ("underway" if cls == "present" else "done")
        end = _name_end(article, sent, toks, folded, cand, len(toks))
        cand.invest_name_end = max(end, first + 1)
        cand.value_span = amount
        out.append(cand)
    return out


# ---------------------------------------------------------------------------------------------------------------
# one fact per project


def _tokset(name: str) -> set[str]:
    out = set()
    for t in _TOKEN.findall(fold(name)):
        for p in ("وال", "بال", "لل", "فال", "كال", "ال"):
            if t.startswith(p) and len(t) - len(p) >= 2:
                t = t[len(p):]
                break
        if len(t) > 1:
            out.add(t)
    return out


def _alike(a: str, b: str) -> bool:
    fa, fb = fold(a), fold(b)
    if fa in fb or fb in fa:
        return True
    ta, tb = _tokset(a), _tokset(b)
    return bool(ta and tb) and len(ta & tb) / min(len(ta), len(tb)) >= 0.6


def same(a: Fact, b: Fact) -> bool:
    """One project: the same states, names alike (or the same kind of thing by the same actor), and no
    contradicting site or due date."""
    if sorted(a.get("countries") or []) != sorted(b.get("countries") or []):
        return False
    la, lb = a.get("location"), b.get("location")
    if la and lb and not _alike(la, lb) and not _names_site(a, lb) and not _names_site(b, la):
        return False  # two sites; but a route's two ends (رحلات ... من الدوحة / تهبط في أستانا) are one route
    da, db = a.get("due"), b.get("due")
    if da and db and not (da.startswith(db) or db.startswith(da)):
        return False
    if _alike(a.get("name") or "", b.get("name") or ""):
        return True
    shared = {fold(x) for x in a.get("actors") or []} & {fold(x) for x in b.get("actors") or []}
    return bool(shared) and a.aux.get("head") is not None and a.aux.get("head") == b.aux.get("head")


def refers(antecedent: Fact, anaphor: Fact) -> bool:
    """May a back-reference (``المشروع``، ``المحطة``) be to this project? A generic noun refers to any; another
    only to a project of its own noun (``المحطة`` to ``محطة لطاقة الرياح``; not ``الطريق`` to a plant), as the
    head or a word of the name (``الطريق`` to ``مشروع إعادة تأهيل طريق ...``)."""
    if anaphor.aux.get("generic"):
        return True
    noun = anaphor.aux.get("anaphor")
    if not noun:
        return False
    return antecedent.aux.get("head") == noun or noun in _tokset(antecedent.get("name") or "")


def _currency(value: float | None, unit: str | None, countries: list[str]) -> tuple[float | None, str | None]:
    """A bare currency word (دينار، ريال) read as the first of ``countries`` that has one; none: no value."""
    if not unit or len(unit) == 3:
        return value, unit
    for c in countries:
        resolved = resolve_currency(unit, c)
        if len(resolved) == 3:
            return value, resolved
    return None, None


def _names_site(f: Fact, site: str) -> bool:
    """Does the fact's own evidence name the other mention's site (a route names both its ends)?"""
    return fold(site) in fold(f.evidence) and _route(f)


def _route(f: Fact) -> bool:
    name = fold(f.get("name") or "")
    return any(w in name for w in ("رحلات", "رحله", "خط", "طريق", "ربط", "ممر", "جسر"))


__all__ = ["extract", "refers", "same"]

