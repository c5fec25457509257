"""The ``visit`` fact: someone travels to another country on state business.

A sentence with a visit word (data: patterns/visit_triggers.tsv) gives a visit when a guest and a host can
be told apart: the guest is an actor (a person, or a country with a leader's title) placed by the word's
role; the host is a country or a city named after it, else another country of the sentence, else the other
country of the article's main pair. Dates are the sentence's date spans after the word. One fact per visit:
``same`` merges mentions of one guest, host and person whose dates agree.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from alaqat.arabic.normalise import Folded, fold
from alaqat.extract.actors import Actor, actors, best_person, is_title, last_person_before, outlet_country
from alaqat.extract.context import Sentence, load_lines, load_table, main_pair, make_fact, sentences, span_country
from alaqat.model import Article, Fact, Span

_TOKEN = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u0640]+")
_FIRST_PERSON = ("زيارتي", "زيارتنا")
_HONORIFIC_PRONOUNS = ("سموه", "سموها", "جلالته", "جلالتها", "فخامته", "فخامتها", "معاليه", "معاليها", "سيادته",
                       "دولته", "قام", "قامت")
_MONTHS = re.compile(r"(?:يناير|جانفي|كانون الثاني|فبراير|فيفري|شباط|مارس|اذار|ابريل|افريل|نيسان|مايو|ماي|ايار|يونيو"
                     r"|جوان|حزيران|يوليو|يوليه|جويليه|تموز|اغسطس|اوت|اب|سبتمبر|ايلول|اكتوبر|تشرين الاول"
                     r"|نوفمبر|تشرين الثاني|ديسمبر|كانون الاول)")
_MONTH_NO = {m: i for i, ms in enumerate(
    [("يناير", "جانفي", "كانون الثاني"), ("فبراير", "فيفري", "شباط"), ("مارس", "اذار"), ("ابريل", "افريل", "نيسان"),
     ("مايو", "ماي", "ايار"), ("يونيو", "جوان", "حزيران"), ("يوليو", "يوليه", "جويليه", "تموز"),
     ("اغسطس", "اوت", "اب"), ("سبتمبر", "ايلول"), ("اكتوبر", "تشرين الاول"), ("نوفمبر", "تشرين الثاني"),
     ("ديسمبر", "كانون الاول")], 1) for m in ms}


@cache
def _triggers() -> dict[str, str]:
    return {row[0]: row[1] for row in load_table("visit_triggers.tsv")}


def _find_triggers(sent: Sentence) -> list[tuple[int, int, str]]:
    """(original start, original end, role) of visit words in the sentence."""
    folded = Folded.of(sent.text)
    out = []
    table = _triggers()
    for m in _TOKEN.finditer(folded.text):
        tok = m.group()
        role = table.get(tok)
        if role is None and tok[:1] == "و" and len(tok) > 3:  # not ف: فيصل is a name, not ف + يصل
            role = table.get(tok[1:])
        if role is None or tok in _FIRST_PERSON:
            continue
        s, e = folded.to_original(m.start(), m.end())
        out.append((sent.start + s, sent.start + e, role))
    return out


def _destinations(article: Article, sent: Sentence, after: int) -> list[Span]:
    return [s for s in sent.spans if s.start >= after and s.kind in ("country", "place") and span_country(s)]


def _date_key(span: Span) -> str:
    """A key for a date that could not be resolved (no publication date): its month, else its words."""
    f = fold(span.text)
    m = _MONTHS.search(f)
    return f"m{_MONTH_NO.get(m.group(), 0)}" if m else " ".join(f.split())


def _near_destination(article: Article, sent: Sentence, t_end: int, guest: Actor) -> bool:
    """A country or city right after the verb (``زار بكين``، ``وصل إلى``) or after its subject."""
    anchor = guest.end if guest.start >= t_end else t_end
    for s in _destinations(article, sent, t_end):
        if s.start - anchor > 60 and s.start - t_end > 60:
            break
        between = _TOKEN.findall(fold(article.original[min(anchor, s.start):s.start]))
        if len(between) <= 4 or _leads_to(between):
            return True
    return False


def _leads_to(words: list[str]) -> bool:
    """Do the words between a visitor and a country end in a preposition of destination and at most two words
    (``وزير الطاقة، اليوم، إلى العاصمة الصينية``)? An empty gap is a verb's object (``يزور الصين``)."""
    if not words:
        return True
    to = next((i for i in range(len(words) - 1, -1, -1) if words[i] == "الي"), None)
    if to is None and words[-1].startswith("ل"):
        to = len(words) - 1  # لمصر, للمملكة: one word
    return to is not None and len(words) - to <= 3


def _dates(span: Span) -> tuple[str | None, str | None]:
    v = span.value
    if not isinstance(v, str) or not v:
        return None, None
    if "/" in v:
        a, b = v.split("/", 1)
        if a == ".." or b == "..":
            return None, None
        if len(a) == 10 and len(b) == 10:
            return a, b
        return a, None
    if "W" in v:
        return None, None
    return v, None


def _pick_guest(article: Article, sent: Sentence, role: str, t_start: int, t_end: int,
                acts: list[Actor]) -> Actor | None:
    after = [a for a in acts if a.start >= t_end]
    before = [a for a in acts if a.end <= t_start]
    if role == "noun_pron":
        return before[-1] if before else last_person_before(article, t_start)
    if role == "noun":
        word = fold(article.original[t_start:t_end])
        if after and after[0].start - t_end < 80 and _bridge(article, t_end, after[0].start) \
                and not _object_after_definite(article, word, t_end, after[0].start):
            return after[0]
        if _done_by_pronoun(article, sent, t_end):
            return _pronoun_visitor(article, sent, t_start, t_end, acts)  # "الزيارة التي قام بها جلالته إلى"
        if word.startswith(("ال", "وال", "بال", "لل", "فال")):
            return None  # "الزيارة" with no visitor named refers back to a visit told elsewhere
        bare = _bare_title(article, sent, role, t_start, t_end)
        if bare is not None:
            return bare  # "زيارة يقوم بها الوزير إلى": the visitor follows, though no country is given
        if before:
            return _subject(before)
        lead = fold(article.original[sent.start:t_start])
        if any(h in lead.split() for h in _HONORIFIC_PRONOUNS):
            return last_person_before(article, t_start)  # "قام سموه بزيارة": the person named before
        return None
    if role in ("guest_verb", "attend", "meet"):
        if role != "meet":  # a counterpart (نظيره) is never who travels or attends: "حضر حفل تنصيب نظيره"
            after = [a for a in after if not _counterpart(article, a)]
        dest = _destinations(article, sent, t_end)
        if after and after[0].start - t_end < 80 and (not dest or after[0].start < dest[0].start
                                                      or _bridge(article, dest[0].end, after[0].start)
                                                      or (role == "meet" and _short_gap(article, dest[0].end,
                                                                                         after[0].start))):
            return after[0]  # verb first: "وصل الرئيس ... إلى" or "يصل إلى القاهرة اليوم الرئيس ..."
        if not before and any(h in _PRONOUN_SUBJECTS for h in _TOKEN.findall(fold(article.original[sent.start:t_end]))):
            return _pronoun_visitor(article, sent, t_start, t_end, acts)  # "وكان سموه قد وصل إلى"
        return _subject(before)
    if role == "host_verb":
        # استقبل HOST GUEST (verb first) or HOST استقبل GUEST
        if before and after:
            return after[0]
        if len(after) >= 2:
            return after[1]
    return None


def _object_after_definite(article: Article, word: str, start: int, end: int) -> bool:
    """``التقت خلال الزيارة سمو ولي العهد``: a definite visit word takes no visitor in the genitive, so an honoured
    person right after it is someone met (``بزيارة معالي ...`` does name the visitor)."""
    toks = _TOKEN.findall(fold(article.original[start:end]))
    return word.startswith(("ال", "وال", "بال", "لل", "فال")) and bool(toks) and toks[0] in _HONORIFICS


_PRONOUN_SUBJECTS = frozenset({"سموه", "سموها", "جلالته", "جلالتها", "فخامته", "فخامتها", "معاليه", "معاليها",
                               "سيادته", "سيادتها", "دولته", "سعادته", "سعادتها"})


def _done_by_pronoun(article: Article, sent: Sentence, t_end: int) -> bool:
    """``الزيارة التي قام بها جلالته إلى``، ``زيارة الدولة التي يقوم بها إلى``: a relative clause whose doer is a
    pronoun, followed by the destination."""
    toks = _TOKEN.findall(fold(article.original[t_end:min(sent.end, t_end + 60)]))
    bridge = load_lines("visit_bridge.txt")
    i = 0
    while i < len(toks) and i < 3 and toks[i] not in ("التي", "الذي") and toks[i] in bridge:
        i += 1
    if i + 2 >= len(toks) or toks[i] not in ("التي", "الذي") or toks[i + 1] not in _DOER_VERBS \
            or toks[i + 2] not in ("بها", "به"):
        return False
    rest = toks[i + 3:i + 5]
    if rest and rest[0] in _PRONOUN_SUBJECTS:
        rest = rest[1:]
    return bool(rest) and (rest[0] == "الي" or (rest[0].startswith("ل") and not is_title(rest[0])))


def _pronoun_visitor(article: Article, sent: Sentence, t_start: int, t_end: int, acts: list[Actor]) -> Actor | None:
    """The person a pronoun (``سموه``، ``قام بها``) stands for: the latest actor named before, leaving out those of
    the country the visit goes to."""
    dest = next((span_country(s) for s in _destinations(article, sent, t_end)), None)
    for a in reversed([a for a in acts if a.end <= t_start]):
        if a.country != dest:
            return a
    for prev in reversed([s for s in sentences(article) if s.end <= sent.start][-3:]):
        for a in reversed(actors(article, prev)):
            if a.country and a.country != dest:
                return a
    return None


def _counterpart(article: Article, actor: Actor) -> bool:
    lead = _TOKEN.findall(fold(article.original[max(0, actor.start - 14):actor.start]))
    return bool(lead) and lead[-1].removeprefix("و").removeprefix("ل") in ("نظيره", "نظيرته", "نظيرها", "نظيريه")


def _with_part(article: Article, t_start: int, t_end: int) -> bool:
    """``بمشاركة``: the guests of a gathering told just before (``عقد الاجتماع في أنقرة، بمشاركة ...``)."""
    return fold(article.original[t_start:t_end]).lstrip("و") == "بمشاركه"


def _short_gap(article: Article, start: int, end: int) -> bool:
    """A few words and no break between a meeting's place and who meets there (``في أبوظبي معالي ألماسدام
    ساتكالييف وزير الطاقة الكازاخستاني``: a name the language layer does not know)."""
    gap = article.original[start:end]
    return len(_TOKEN.findall(gap)) <= 5 and not any(ch in gap for ch in "،,.;؛:")


def _bridge(article: Article, start: int, end: int) -> bool:
    """Only visit adjectives, relative pronouns, days or titles between ``start`` and ``end``. A title may carry
    its portfolio (``زيارة وزير الصناعة والتجارة المغربي``), and a relative clause (``التي يقوم بها``) may follow
    a few words naming the kind of visit (``زيارة العمل والأخوة التي يقوم بها``) or the host (``للمملكة``)."""
    toks = _TOKEN.findall(fold(article.original[start:end]))
    bridge = load_lines("visit_bridge.txt")
    rel = next((i for i, t in enumerate(toks) if t in ("التي", "الذي")), None)
    if rel is not None and rel <= 3 and rel + 1 < len(toks) and toks[rel + 1] in _DOER_VERBS:
        toks = toks[rel:]
        if len(toks) > 3 and toks[2] in ("بها", "به"):  # يقوم بها للمملكة / لبلادنا / للبلاد
            toks = [t for i, t in enumerate(toks) if i != 3 or not _host_word(t)]
    i = 0
    while i < len(toks):
        t = toks[i]
        if t in bridge:
            i += 1
        elif is_title(t) or t in _title_words():
            # a title and its portfolio: up to three words (وزير الطاقة والموارد الطبيعية)
            j = i + 1
            while j < len(toks) and j - i <= 3 and toks[j] not in bridge and not is_title(toks[j]) \
                    and toks[j].lstrip("و").startswith(("ال", "لل")):
                j += 1
            i = j
        else:
            return False
    return True


_DOER_VERBS = frozenset({"يقوم", "تقوم", "قام", "قامت", "يجريها", "اجراها", "سيجريها", "يؤديها", "ادها", "اداها"})


def _host_word(tok: str) -> bool:
    """``للمملكة``، ``للبلاد``، ``لبلادنا``، ``لمصر``: the host, named or left to the article."""
    return tok.startswith("ل") and len(tok) > 3


@cache
def _title_words() -> frozenset[str]:
    """Words of multi-word titles (``رئيس الوزراء`` gives ``الوزراء``)."""
    return frozenset(w for t in load_lines("leader_titles.txt") for w in t.split())


def _ambassador(article: Article, actor: Actor) -> bool:
    """Ambassadors live in the host country: receiving one is no visit."""
    lead = _TOKEN.findall(fold(article.original[max(0, actor.start - 30):actor.start]))[-3:]
    return any(t.lstrip("و").removeprefix("ال") in ("سفير", "سفيره", "القائم") for t in lead)


def _event_venue(sent: Sentence, guest: Actor) -> str | None:
    for ev in sent.of("event"):
        for s in sent.spans:
            c = span_country(s)
            if s.kind in ("place", "country") and ev.start <= s.start and s.end <= ev.end and c and c != guest.country:
                return c
    return None


def _venue(article: Article, sent: Sentence, not_in: str | None = None) -> Span | None:
    """A city named as where a meeting happens (``في أنقرة``، ``بالرياض``), in a country other than ``not_in``."""
    for s in sent.of("place"):
        c = span_country(s)
        if not c or c == not_in:
            continue
        lead = _TOKEN.findall(fold(article.original[max(sent.start, s.start - 40):s.start]))
        glued = fold(article.original[max(0, s.start - 1):s.start]) == "ب"
        # "في العاصمة أنقرة"، "بمدينة خفي"، "في العاصمة الماليزية كوالالمبور"
        k = 2 if len(lead) >= 2 and lead[-2] in _CITY_NOUNS and lead[-1].startswith("ال") else 1
        if len(lead) >= k and lead[-k] in _CITY_NOUNS:
            glued = lead[-k].startswith("ب")
            lead = lead[:-k]
        if (lead and lead[-1] in ("في", "الي")) or glued:
            return s
    return None


_CITY_NOUNS = frozenset({"العاصمه", "بالعاصمه", "مدينه", "بمدينه", "المدينه", "بالمدينه"})


def _subject(before: list[Actor]) -> Actor | None:
    """The actor a verb or noun refers back to: the last one, or the person it stands in apposition to
    (``نور سلطان نزارباييف رئيس كازاخستان السابق``)."""
    if not before:
        return None
    last = before[-1]
    if last.country is None:  # "وفد سعودي برئاسة وزير الاستثمار خالد الفالح": the person leads a titled country
        for a in reversed(before[:-1]):
            if a.country and a.person is None and last.start - a.end < 80:
                return Actor(a.start, last.end, a.country, last.person, last.span)
        return last  # a person of unknown country: the caller may place them by the article
    if last.person is None:
        for a in reversed(before[:-1]):
            if a.person and a.country == last.country and last.start - a.end < 60:
                return a
    return last


def _pick_host(article: Article, sent: Sentence, role: str, t_start: int, guest: Actor,
               acts: list[Actor]) -> tuple[str | None, Span | None]:
    """The host country and, when named, the place (a city) of the visit."""
    if role == "host_verb":
        host_actor = next((a for a in acts if a is not guest and a.country and a.country != guest.country), None)
        place = next((s for s in sent.spans if s.kind == "place" and span_country(s)
                      and span_country(s) != guest.country), None)
        if host_actor is not None:
            return host_actor.country, place
    if role == "meet":
        venue = _venue(article, sent, guest.country)
        if venue is not None:
            return span_country(venue), venue
    if role == "attend":
        for ev in sent.of("event"):
            for s in sent.spans:
                if s.kind in ("place", "country") and ev.start <= s.start and s.end <= ev.end:
                    c = span_country(s)
                    if c and c != guest.country:
                        return c, None
    for s in _destinations(article, sent, max(t_start, guest.end)):
        c = span_country(s)
        if c and c != guest.country:
            return c, (s if s.kind == "place" else None)
    for s in sent.spans:
        c = span_country(s)
        if c and c != guest.country and s.kind in ("country", "place", "person"):
            return c, (s if s.kind == "place" else None)
    pair = main_pair(article)
    if pair and guest.country in pair:
        return (pair[1] if pair[0] == guest.country else pair[0]), None
    return None, None


def _dateline_place(article: Article, host: str) -> str | None:
    """The dateline city (``أستانا-الوحدة:``) when it is in the host country."""
    for s in article.spans:
        if s.kind != "place" or span_country(s) != host or not article.body:
            continue
        if s.start > article.body[min(len(article.body), 4) - 1][1]:
            break
        line_start = article.original.rfind("\n", 0, s.start) + 1
        dash = re.match(r"\s*[-–:]", article.original[s.end:s.end + 3])
        if dash and not article.original[line_start:s.start].strip():
            return _place_name(s)
    return None


def _place_name(span: Span) -> str:
    if isinstance(span.value, dict) and span.value.get("name"):
        return str(span.value["name"])
    return span.text


def extract(article: Article) -> list[Fact]:
    facts: list[Fact] = []
    for sent in sentences(article):
        if not sent.has("زيار", "زار", "يزور", "تزور", "وصل", "يصل", "تصل", "توجه", "حضر", "شارك", "مشارك",
                        "استقبل", "يستقبل", "تستقبل", "استضاف", "يستضيف", "تستضيف", "جوله", "ودع",
                        "التقي", "يلتقي", "تلتقي", "اجتمع", "يجتمع", "تجتمع", "عقد", "يعقد", "ترا", "وقع", "يوقع",
                        "مباحثات", "محادثات"):
            continue
        triggers = _find_triggers(sent)
        if any(t[2] in ("attend", "meet") for t in triggers):
            t0 = min(t[0] for t in triggers if t[2] in ("attend", "meet"))
            acts0 = [a for a in actors(article, sent) if not _invited_by(article, a)]
            many = _gathering(article, sent, t0, acts0)
            if many:
                facts.extend(many)
                continue
        primary = [t for t in triggers if t[2] != "attend" or _with_part(article, t[0], t[1])]
        triggers = primary or triggers  # "زيارة ... للمشاركة في": attending belongs to the visit named
        if not triggers:
            continue
        acts = actors(article, sent)
        inviters = [a for a in acts if _invited_by(article, a)]
        for i, (t_start, t_end, role) in enumerate(triggers):
            # each visit word speaks for its own stretch of the sentence, up to the next visit word
            lo = triggers[i - 1][1] if i else sent.start
            hi = triggers[i + 1][0] if i + 1 < len(triggers) else sent.end
            region = _Region(sent, lo, hi)
            own = [a for a in acts if lo <= a.start and a.end <= hi and a not in inviters]
            if role == "sign":
                # a signature puts the signers where it took place, when the text says where
                venue = _sign_venue(article, region, t_end)
                if venue is None:
                    continue
                many = _gathering(article, region, t_start, own, venue)
                if many:
                    facts.extend(many)
                    continue
                role = "meet"
            elif role in ("attend", "meet"):
                many = _gathering(article, region, t_start, own)
                if many:
                    facts.extend(many)
                    continue
            if role == "noun_pron" and facts and not [a for a in acts if a.end <= t_start]:
                continue  # "ويرافق الرئيس في زيارته": the visit told before, not a new visitor
            fact = _visit(article, region, role, t_start, t_end, own,
                          [a for a in inviters if lo <= a.start and a.end <= hi])
            if fact is not None:
                facts.append(fact)
    _earliest_day(facts)
    return facts


def _earliest_day(facts: list[Fact]) -> None:
    """Mentions of one visit a day or two apart (arrived yesterday, attends today) start on the earliest day."""
    for a in facts:
        for b in facts:
            sa, sb = a.fields.get("start"), b.fields.get("start")
            if a is b or not sa or not sb or len(str(sa)) != 10 or len(str(sb)) != 10 or str(sb) >= str(sa):
                continue
            if same(a, b) and _days_apart(a, b) <= 2 and not a.fields.get("end"):
                a.fields["start"] = sb


_NOT_SIGNING_PLACE = ("محطه", "مشروع", "مصنع", "منطقه", "ميناء", "مركز", "مدرسه", "مستشفي", "مقر", "فرع", "مكتب")


def _sign_venue(article: Article, sent: Sentence, t_end: int) -> Span | None:
    """Where a signature took place: a city soon after the verb (``ووقّع الاتفاقية في أبوظبي``، ``وقعها الوزيران
    بالرباط``), not the site of what the deal is about (``اتفاقية لإنشاء مصنع في القنيطرة``)."""
    venue = _venue(article, sent)
    if venue is None or venue.start < t_end:
        return None
    toks = _TOKEN.findall(fold(article.original[t_end:venue.start]))
    if len(toks) > 9 or any(t.startswith(("ل", "ال" + "ل")) or t.lstrip("و").removeprefix("ال") in _NOT_SIGNING_PLACE
                            for t in toks):
        return None
    return venue


def _gathering(article: Article, sent: Sentence, t_start: int, acts: list[Actor],
               venue: Span | None = None) -> list[Fact]:
    """A meeting or summit held in a named city: every actor from another country visits that country
    (``ترأس الملك في عمان القمة بمشاركة الرئيس المصري ورئيس الوزراء العراقي``)."""
    venue = venue or _venue(article, sent) or _venue_told_before(article, sent, t_start)
    if venue is None:
        return []
    host = span_country(venue)
    guests = [a for a in acts if a.country and a.country != host]
    if len({a.country for a in guests}) < 2 and not any(a.country == host for a in acts):
        return []  # one guest and no host named: the ordinary rules decide
    facts = []
    dates = [d for d in sent.of("date") if isinstance(d.value, str) and not d.value.endswith("/..")]
    start, end = _dates(dates[0]) if dates else (None, None)
    occasion = next((str(e.value.get("name") or e.text) for e in sent.of("event") if isinstance(e.value, dict)), None)
    for g in guests:
        person = g.person or best_person(article, str(g.country))
        here = [venue.start, venue.end] if sent.start <= venue.start < sent.end else []  # else told before
        lo, hi = _clause_bounds(sent, min([t_start, g.start, *here]), max([g.end, *here]))
        fact = make_fact(article, "visit", {"guest": g.country, "host": host, "guest_person": person,
                                            "place": _place_name(venue), "start": start, "end": end,
                                            "occasion": occasion}, lo, hi, confidence=0.7)
        fact.aux["named_person"] = g.person
        facts.append(fact)
    return facts


_GATHERINGS = frozenset({"القمه", "المنتدي", "الاجتماع", "الاجتماعات", "المؤتمر", "الدوره", "اعمال", "القمتين"})


def _venue_told_before(article: Article, sent: Sentence, t_start: int) -> Span | None:
    """``وشارك في القمة كل من ...``: a gathering named by a bare definite noun is the one just told, and so is
    its city (the latest venue of the three sentences before)."""
    toks = _TOKEN.findall(fold(article.original[t_start:min(sent.end, t_start + 40)]))
    if len(toks) < 3 or toks[1] != "في" or toks[2] not in _GATHERINGS:
        return None
    earlier = [s for s in sentences(article) if s.end <= sent.start][-3:]
    for prev in reversed(earlier):
        v = _venue(article, prev)
        if v is not None:
            return v
    return None


class _Region(Sentence):
    """The stretch of a sentence that one visit word speaks for."""

    def __init__(self, sent: Sentence, lo: int, hi: int) -> None:
        super().__init__(sent.index, sent.start, sent.end, sent.text,
                         [sp for sp in sent.spans if lo <= sp.start and sp.end <= hi], sent.list_item, sent.folded)


_INVITE = re.compile(r"(?:دعوه|لدعوه|بدعوه)(?:\s+[\w\u0610-\u061a\u064b-\u065f\u0670\u0640]+){0,2}\s+(?:من|وجهها)\s+"
                     r"(?:[\w\u0610-\u061a\u064b-\u065f\u0670\u0640]+\s+){0,2}$")


def _invited_by(article: Article, actor: Actor) -> bool:
    """``بدعوة من الرئيس ...``: the actor is the one who invites, i.e. the host."""
    return bool(_INVITE.search(fold(article.original[max(0, actor.start - 60):actor.start])))


def _visit(article: Article, sent: Sentence, role: str, t_start: int, t_end: int, acts: list[Actor],
           inviters: list[Actor]) -> Fact | None:
    guest = _pick_guest(article, sent, role, t_start, t_end, acts)
    if guest is None and role in ("noun", "guest_verb", "attend"):
        guest = _bare_title(article, sent, role, t_start, t_end)
    if guest is not None and guest.country is None:
        guest = _placed_by_article(article, sent, role, t_start, t_end, guest)
    if guest is None or guest.country is None or _ambassador(article, guest):
        return None
    if inviters and inviters[0].country and inviters[0].country != guest.country:
        acts = [inviters[0], *acts]  # the one who invites is the host
    if role == "guest_verb" and not _near_destination(article, sent, t_end, guest):
        return None  # "توجه" without a destination is a trend, not travel; "وصلت الشرطة إلى المبنى" no visit
    if role == "attend":
        venue = _venue(article, sent, guest.country)
        before_ok = _with_part(article, t_start, t_end)  # "في أنقرة، بمشاركة": the place comes first
        if not sent.of("event") and (venue is None or (venue.start < t_end and not before_ok)):
            return None  # "شارك في تعزيز": no gathering; "حضر حفل التنصيب في داكار" names one by its place
        if not _event_venue(sent, guest) and venue is None:
            return None  # "شارك في الاجتماع": where is not said
    if role == "meet":
        venue = _venue(article, sent, guest.country)
        if venue is None:
            return None
        acts = [a for a in acts if a.country == span_country(venue)] or acts
    host, place_span = _pick_host(article, sent, role, t_start, guest, acts)
    if host is None or host == guest.country:
        return None
    clause = next(((cs, ce) for cs, ce in sent.clauses() if cs <= t_start < ce), (t_start, t_end))
    date_spans = ([s for s in sent.of("date") if s.start >= t_start and s.start - t_end < 100]
                  or [s for s in sent.of("date") if guest.end <= s.start and s.end <= t_start]
                  or [s for s in sent.of("date") if clause[0] <= s.start and s.end <= clause[1]])
    date_spans = [s for s in date_spans if not (isinstance(s.value, str) and s.value.endswith("/.."))]
    start = end = None
    when_key = None
    if date_spans:
        d = date_spans[0]
        start, end = _dates(d)
        if d.value is None:
            when_key = _date_key(d)
    prior = _TOKEN.findall(fold(article.original[max(sent.start, t_start - 12):t_start]))
    if start and not end and prior and prior[-1].lstrip("و") in ("ختام", "اختتام", "نهايه") and len(start) == 10:
        start, end = None, start  # "في ختام زيارة ... اليوم": the day it ends
    during = None if start else _during(article, sent, t_start, t_end)
    bare = guest.span.start == t_start and guest.span.kind == "person" and guest.person is None \
        and not isinstance(guest.span.value, dict)
    person = guest.person or (None if bare else best_person(article, guest.country))  # a bare title: whom?
    place = _place_name(place_span) if place_span is not None else None
    if place is None:
        for s in sent.of("place"):
            if span_country(s) == host:
                place = _place_name(s)
                break
    occasion = next((str(e.value.get("name") or e.text) for e in sent.of("event") if isinstance(e.value, dict)), None)
    used = [t_start, t_end, guest.start, guest.end] + [x for d in date_spans[:1] for x in (d.start, d.end)]
    ev_start, ev_end = _clause_bounds(sent, min(used), max(used))
    conf = 0.55 + (0.2 if guest.person else 0.0) + (0.1 if start else 0.0) + (0.05 if place else 0.0)
    fact = make_fact(article, "visit", {"guest": guest.country, "host": host, "guest_person": person,
                                        "place": place, "start": start, "end": end, "occasion": occasion},
                     ev_start, ev_end, confidence=min(conf, 0.95))
    fact.aux["when_key"] = when_key
    fact.aux["during"] = during
    fact.aux["named_person"] = guest.person
    fact.aux["dateline"] = place is None
    if place is None:
        fact.fields["place"] = _dateline_place(article, host)
    return fact


_HONORIFICS = frozenset({"معالي", "سمو", "صاحب", "السمو", "الملكي", "فخامه", "دوله", "سعاده", "جلاله", "حضره",
                         "المهندس", "الدكتور", "السيد", "السيده", "الشيخ", "الامير", "معاليه"})


def _bare_title(article: Article, sent: Sentence, role: str, t_start: int, t_end: int) -> Actor | None:
    """A visitor named by a title alone, with no country: ``زيارة يقوم بها الوزير``، ``وصل معالي وزير الاستثمار``،
    ``وزير الطاقة يزور الصين``. Its country is left for ``_placed_by_article``."""
    def title_at(lo: int, hi: int, skip: frozenset[str]) -> Actor | None:
        toks = _TOKEN.findall(fold(article.original[lo:hi]))
        for i, tok in enumerate(toks):
            if is_title(tok):
                if any(_nisba(t) for t in toks[i + 1:i + 5]):
                    return None  # "الرئيس الغيني": a demonym the language layer does not know
                span = Span("person", t_start, t_end, article.original[t_start:t_end])
                return Actor(t_start, t_end, None, None, span)
            if tok not in skip:
                return None
        return None

    bridge = frozenset(load_lines("visit_bridge.txt"))
    if role == "noun":
        return title_at(t_end, min(sent.end, t_end + 60), bridge | _HONORIFICS)
    after = title_at(t_end, min(sent.end, t_end + 40), _HONORIFICS | {"اليوم", "امس", "غدا"})
    if after is not None:
        return after
    lead = fold(article.original[sent.start:t_start])  # the sentence opens with the title: "وزير الطاقة يزور"
    toks = _TOKEN.findall(lead)
    if 0 < len(toks) <= 4:
        return title_at(sent.start, t_start, _HONORIFICS)
    return None


def _nisba(tok: str) -> bool:
    """A masculine adjective of relation (``الغيني``), the form of a demonym after a title."""
    return tok.startswith(("ال", "وال")) and tok.endswith("ي") and tok not in ("الي", "الذي", "والي")


def _placed_by_article(article: Article, sent: Sentence, role: str, t_start: int, t_end: int,
                       guest: Actor) -> Actor | None:
    """A visitor of no stated country (``وصل معالي وزير الاستثمار ... إلى أستانا``): where the text names the
    host, the visitor is from the article's other main country, else from the outlet's own country (a press
    agency's unqualified minister is its own state's)."""
    host = None
    if role == "attend":
        for ev in sent.of("event"):
            host = next((span_country(s) for s in sent.spans if s.kind in ("place", "country")
                         and ev.start <= s.start and s.end <= ev.end and span_country(s)), None)
            if host:
                break
    if host is None and role in ("attend", "meet"):
        venue = _venue(article, sent)
        host = span_country(venue) if venue is not None else None
    if host is None and role in ("noun", "guest_verb"):
        anchor = max(t_end, guest.end)
        for s in _destinations(article, sent, anchor):
            words = _TOKEN.findall(fold(article.original[anchor:s.start]))
            if s.start - anchor <= 80 and _leads_to(words):
                host = span_country(s)  # "يزور الصين"، "إلى العاصمة الصينية بكين"، "وزير الطاقة، اليوم، إلى"
            break
    if host is None:
        return None
    pair = main_pair(article)
    outlet = outlet_country(article)
    home = None
    if pair and host in pair:
        home = pair[1] if pair[0] == host else pair[0]
    if home is None or (outlet and outlet != host and outlet not in (pair or ())):
        home = outlet if outlet != host else None
    if home is None:
        return None
    return Actor(guest.start, guest.end, home, guest.person, guest.span)


def _clause_bounds(sent: Sentence, start: int, end: int) -> tuple[int, int]:
    """Widen [start, end) to the clauses of the sentence it touches."""
    lo, hi = start, end
    for cs, ce in sent.clauses():
        if cs <= start < ce or (cs < end <= ce):
            lo, hi = min(lo, cs), max(hi, ce)
    return lo, hi


_PRESENT = frozenset({"يقوم", "تقوم", "يجريها", "تجريها", "يؤديها", "تؤديها", "حاليا", "الحاليه", "الجاريه"})


def _during(article: Article, sent: Sentence, t_start: int, t_end: int) -> str | None:
    """A day the visit is known to cover though its start is not given: the date of what happened during it
    (``وقعت ... أمس في بغداد ... خلال زيارة``), or the publication day for a visit told in the present
    (``زيارة العمل التي يقوم بها``). It keeps one visit apart from an earlier one by the same guest."""
    for d in sent.of("date"):
        v = d.value
        if isinstance(v, str) and len(v) >= 7 and "/" not in v and "W" not in v:
            return v
    near = _TOKEN.findall(fold(article.original[max(sent.start, t_start - 30):min(sent.end, t_end + 30)]))
    if article.published and any(t in _PRESENT for t in near):
        return article.published
    return None


def _compatible_dates(a: Fact, b: Fact) -> bool:
    sa, sb = a.fields.get("start"), b.fields.get("start")
    ka, kb = a.aux.get("when_key"), b.aux.get("when_key")
    da, db = a.aux.get("during"), b.aux.get("during")
    if sa and sb:
        return _overlap(_range(a), _range(b)) or _days_apart(a, b) <= 2
    if sa and db:
        return _overlap(_range(a), (db[:7], db[:7] + "-99"))
    if sb and da:
        return _overlap(_range(b), (da[:7], da[:7] + "-99"))
    if da and db:
        return bool(da[:7] == db[:7])
    if (sa and kb) or (sb and ka):
        return False
    if ka and kb:
        return bool(ka == kb)
    return True


def _range(f: Fact) -> tuple[str, str]:
    """A visit's dates as the first and last day they may cover (ISO strings compare in date order)."""
    start = str(f.fields.get("start"))
    end = str(f.fields.get("end") or start)
    return start, end + "-99"  # a month or year covers all its days


def _days_apart(a: Fact, b: Fact) -> int:
    """Days between two visits given to the day (arrival the eve of the summit is one visit); large otherwise."""
    try:
        ra = [date.fromisoformat(str(a.fields.get(k) or a.fields.get("start"))) for k in ("start", "end")]
        rb = [date.fromisoformat(str(b.fields.get(k) or b.fields.get("start"))) for k in ("start", "end")]
    except ValueError:
        return 9999
    return min(abs((x - y).days) for x in ra for y in rb)


def _overlap(a: tuple[str, str], b: tuple[str, str]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _same_person(a: Fact, b: Fact) -> bool:
    pa, pb = a.aux.get("named_person"), b.aux.get("named_person")
    if not pa or not pb:
        return True
    stop = {"بن", "ابن", "بنت", "ال"}
    fa, fb = set(fold(pa).split()) - stop, set(fold(pb).split()) - stop
    return fa <= fb or fb <= fa


def same(a: Fact, b: Fact) -> bool:
    """One visit: same guest and host, the same person where both name one, dates that agree."""
    return (a.fields.get("guest") == b.fields.get("guest") and a.fields.get("host") == b.fields.get("host")
            and _same_person(a, b) and _compatible_dates(a, b))


__all__ = ["extract", "outlet_country", "same"]
