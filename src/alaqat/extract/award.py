"""The ``award`` fact: a state order or decoration conferred.

A sentence with a decoration (an ``award`` span) and a conferring word (patterns/award_triggers.tsv) gives an
award. In the active voice (``منح العاهل الأردني الرئيس توكاييف وسام النهضة``) the first actor after the word
gives and the next receives (a subject right before the verb gives: ``الرئيس X يمنح Y وسام``); in a relative
clause after the decoration (``وسام دوستيك الذي منحه إياه الرئيس توكاييف``) the actor after the verb gives;
``منح X من Y`` and the passive words (``تقلد``، ``تسلم``، ``نال``) make X the recipient and Y the giver.
A giver not named is the country the decoration belongs to (``وسام ... الكازاخستاني``, ``أرفع وسام دولة في
تركيا``), else the other country of the article's main pair.
"""

from __future__ import annotations

import re
from functools import cache

from alaqat.arabic.entities import lexicon
from alaqat.arabic.normalise import Folded, fold
from alaqat.extract.actors import Actor, actors, best_person, is_title, person_country, person_name
from alaqat.extract.context import Sentence, load_table, main_pair, make_fact, sentences, span_country
from alaqat.model import Article, Fact, Span

_TOKEN = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u0640]+")


@cache
def _triggers() -> dict[str, str]:
    return {row[0]: row[1] for row in load_table("award_triggers.tsv")}


def _trigger(sent: Sentence, before: int) -> tuple[int, int, str] | None:
    """The conferring word closest before the decoration (or anywhere in the sentence)."""
    folded = Folded.of(sent.text)
    table = _triggers()
    found: list[tuple[int, int, str]] = []
    for m in _TOKEN.finditer(folded.text):
        tok = m.group()
        role = table.get(tok) or (table.get(tok[1:]) if tok[:1] in ("و", "ف", "ب", "ل") and len(tok) > 3 else None)
        if role:
            s, e = folded.to_original(m.start(), m.end())
            found.append((sent.start + s, sent.start + e, role))
    if not found:
        return None
    prior = [t for t in found if t[1] <= before]
    return prior[-1] if prior else found[0]


def _award_name(span: Span) -> str:
    if isinstance(span.value, dict) and span.value.get("name"):
        return str(span.value["name"])
    return span.text


def _award_country(article: Article, sent: Sentence, award: Span) -> str | None:
    """The country a decoration belongs to: an adjective in or right after its name, or ``في تركيا`` near it."""
    for s in sent.spans:
        if s.kind == "country" and award.start <= s.start <= award.end + 25:
            return span_country(s)
    near = [s for s in sent.spans if s.kind in ("country", "place") and abs(s.start - award.start) < 40
            and "في" in fold(article.original[max(0, s.start - 4):s.start]).split()]
    return span_country(near[0]) if near else None


def extract(article: Article) -> list[Fact]:
    facts: list[Fact] = []
    for sent in sentences(article):
        awards = sent.of("award")
        if not awards:
            continue
        award = awards[0]
        trig = _trigger(sent, award.start)
        if trig is None:
            continue
        t_start, t_end, voice = trig
        name_end = _name_end(article, award)
        every = [a for a in actors(article, sent) if not (award.start <= a.start < name_end)]
        acts = [a for a in every if a.country]
        after = [a for a in acts if a.start >= t_end]
        before = [a for a in acts if a.end <= t_start]
        pre_award = [a for a in after if a.start < award.start]
        # بمنح وزير الدولة للشؤون الخارجية في دولة قطر ... وسام، منح مصور سوري وسام: no actor between the verb and
        # the decoration, but a country: the recipient's
        named = [Actor(sp.start, sp.end, span_country(sp), None, sp) for sp in sent.of("country")
                 if t_end <= sp.start and sp.end <= award.start and span_country(sp)] if not pre_award else []
        post_award = [a for a in after if a.start >= name_end and _led_by(article, a, ("ل", "الي", "علي"))]
        giver: str | None = None
        recipient: Actor | None = None
        from_giver = _after_min(article, after)
        before_award = [a for a in acts if a.end <= award.start]
        rel_giver = _relative_giver(article, sent, award, acts)
        if rel_giver is not None and voice == "passive":
            # "تسلم X وسام دوستيك، الذي منحه إياه الرئيس توكاييف": the relative clause names the giver
            giver = rel_giver.country
            named = [a for a in before_award if a.country != giver]
            recipient = named[-1] if named else _other_party(article, sent, giver, unnamed=every)
        elif named and voice != "passive" and not after:
            recipient = named[0]
            giver = before[-1].country if before and before[-1].country != recipient.country else None
        elif voice == "passive":
            recipient = before[-1] if before else (after[0] if after else None)
            giver = from_giver.country if from_giver else None
        elif from_giver is not None and after and after[0] is not from_giver:
            recipient, giver = after[0], from_giver.country  # "منح X من Y"
        elif award.end <= t_start and after and before_award and _relative_before(article, sent, t_start):
            # "X ... وسام دوستيك، الذي منحه إياه الرئيس توكاييف": the relative clause names the giver
            giver, recipient = after[0].country, before_award[-1]
        elif len(pre_award) >= 2 and pre_award[0].country != pre_award[1].country:
            giver, recipient = pre_award[0].country, pre_award[1]  # "منح GIVER RECIPIENT وسام" (verb first)
        elif before and pre_award and before[-1].country != pre_award[0].country \
                and _adjacent(article, before[-1], t_start):
            giver, recipient = before[-1].country, pre_award[0]  # "GIVER منح RECIPIENT وسام" (subject first)
        elif pre_award and (_titled_subject(article, sent, t_start)
                            or _titled_object_gap(article, t_end, pre_award[0])):
            # "الملك يقلد الرئيس الألماني قلادة ...": an unnamed subject gives to the one actor named
            recipient = pre_award[0]
            other = _other_party(article, sent, recipient.country)
            giver = other.country if other else None
        elif len(pre_award) == 1 and post_award:
            giver, recipient = pre_award[0].country, post_award[0]  # "منح GIVER وسام ... لـRECIPIENT"
        elif pre_award and voice == "nominal":
            recipient = pre_award[0]  # "بمنح RECIPIENT وسام ...": the giver is the decoration's country
        elif pre_award:
            # "قلد الرئيس X ضيفه وسام ...": the one actor named is the giver; the recipient is his guest
            giver = pre_award[0].country
            unnamed = [a for a in every if a.start >= pre_award[0].end and a.end <= award.start]
            recipient = _other_party(article, sent, giver, unnamed=unnamed)
        elif after:
            recipient = after[0]
        if recipient is None:
            continue
        if giver is None:
            giver = _award_country(article, sent, award)
        if giver is None or giver == recipient.country:
            pair = main_pair(article)
            if pair and recipient.country in pair:
                giver = pair[1] if pair[0] == recipient.country else pair[0]
        if giver is None or giver == recipient.country:
            continue
        name = recipient.person or _object_person(article, sent, t_end, award.start, giver, bool(before)) or \
            best_person(article, str(recipient.country))
        start = min(t_start, recipient.start, award.start)
        end = max(award.end, recipient.end)
        dates = [d for d in sent.of("date") if isinstance(d.value, str) and "/" not in d.value]
        date = dates[0].value if dates else _lead_day(article, sent)
        award_name = _award_name(award)
        if name_end < award.end:
            award_name = article.original[award.start:name_end].strip()
        fact = make_fact(article, "award", {"award": award_name, "giver": giver,
                                            "recipient": recipient.country, "recipient_person": name,
                                            "date": date},
                         start, end, confidence=0.8 if name else 0.65)
        facts.append(fact)
    return facts


_PAST = re.compile(r"(?<!\w)(?:[وف]?كان|[وف]?كانت|سبق|سابقا|قبل)(?!\w)")


def _lead_day(article: Article, sent: Sentence) -> str | None:
    """The day of a dispatch (``الجزائر - 21 فيفري 2024 (وأج) -``، ``استقبل ... اليوم``) for a decoration its
    sentence gives no date for: the publication day where the lead, the first long sentence, is dated that day,
    and the award sentence does not look back (``وكان الرئيس قد منحه``)."""
    day = article.published
    if not day or len(day) != 10 or _PAST.search(fold(sent.text)):
        return None
    title = article.title_span or (0, 0)
    for s in sentences(article):
        if len(s.text.split()) >= 8 and not title[0] <= s.start < title[1]:
            return day if any(d.value == day for d in s.of("date")) else None
    return None


def _object_person(article: Article, sent: Sentence, t_end: int, award_start: int, giver: str,
                   subject_first: bool) -> str | None:
    """A named person of no known country between the verb and the decoration, after the giver (the subject
    before the verb, or a person of the giver's country after it): the verb's object, the recipient
    (``قلد الرئيس ميرضيائيف الوزير خالد الفالح وسام``). A person of a known country is an actor already."""
    subject = subject_first
    for sp in sent.of("person"):
        if not (t_end <= sp.start and sp.end <= award_start):
            continue
        if person_country(article, sp) == giver:
            subject = True
        elif subject and isinstance(sp.value, dict) and not sp.value.get("country") and person_name(sp):
            return person_name(sp)
    return None


def _relative_before(article: Article, sent: Sentence, t_start: int) -> bool:
    """Is the conferring verb inside a relative clause (``الذي منحه``، ``التي منحها``)?"""
    toks = _TOKEN.findall(fold(article.original[sent.start:t_start]))
    return bool(toks) and toks[-1] in ("الذي", "التي", "والذي", "والتي")


def _adjacent(article: Article, actor: Actor, t_start: int) -> bool:
    """Is the actor the subject right before the verb (at most two words between: ``الرئيس X يمنح``)?"""
    return len(_TOKEN.findall(article.original[actor.end:t_start])) <= 2


def _titled_subject(article: Article, sent: Sentence, t_start: int) -> bool:
    """Is the word right before the conferring verb a title (``الملك يقلد``، ``جلالة الملك المعظم يقلد``)?"""
    toks = _TOKEN.findall(fold(article.original[sent.start:t_start]))
    while toks and (toks[-1] in lexicon().modifiers or toks[-1] in ("حفظه", "الله")):
        toks.pop()
    return bool(toks) and is_title(toks[-1])


def _other_party(article: Article, sent: Sentence, giver: str | None,
                 unnamed: list[Actor] | None = None) -> Actor | None:
    """The recipient left unnamed (ضيفه، نظيره): the other country of the sentence or of the article's pair;
    a person of the sentence whose country is not said (``unnamed``) is that recipient's name."""
    for s in sent.spans:
        c = span_country(s)
        if c and c != giver and s.kind in ("country", "person", "place"):
            return Actor(s.start, s.end, c, None, s)
    pair = main_pair(article)
    if pair and giver in pair:
        other = pair[1] if pair[0] == giver else pair[0]
        who = [a for a in unnamed or [] if a.country is None and a.person]
        if who:
            return Actor(who[0].start, who[0].end, other, who[0].person, who[0].span)
        return Actor(sent.start, sent.start, other, None, sent.spans[0] if sent.spans else Span("country", 0, 0, ""))
    return None


_RELATIVE = re.compile(r"(?:^|\s)(?:و?الذي|و?التي)\s+(\w+)")
_HONORIFICS = {"جلاله", "سمو", "فخامه", "معالي", "سعاده", "دوله", "صاحب"}


def _relative_giver(article: Article, sent: Sentence, award: Span, acts: list[Actor]) -> Actor | None:
    """The actor after a conferring verb in a relative clause that follows the decoration
    (``وسام دوستيك الذي منحه إياه الرئيس توكاييف``)."""
    folded = Folded.of(article.original[award.end:sent.end])
    for m in _RELATIVE.finditer(folded.text):
        verb = m.group(1)
        if _triggers().get(verb) != "active" and _triggers().get(verb[:-1]) != "active":
            continue
        at = award.end + folded.to_original(m.end(), m.end())[0]
        later = [a for a in acts if a.start >= at]
        return later[0] if later else None
    return None


def _titled_object_gap(article: Article, t_end: int, first: Actor) -> bool:
    """Does an unnamed, honoured subject stand between the verb and the first actor named
    (``قلد جلالة الملك الرئيس الكازاخستاني``: the king gives, the Kazakh president receives)?"""
    toks = _TOKEN.findall(fold(article.original[t_end:first.start]))
    return len(toks) >= 3 and toks[0] in _HONORIFICS and is_title(toks[1]) and is_title(toks[-1])


def _name_end(article: Article, award: Span) -> int:
    """Where the decoration's name ends: before a ``ل`` + title that names its recipient (``لسفير اليابان``)."""
    folded = Folded.of(award.text)
    for m in _TOKEN.finditer(folded.text):
        tok = m.group()
        if m.start() > 0 and tok[:1] == "ل" and (tok[1:] in _RECIPIENT_TITLES or tok[2:] in _RECIPIENT_TITLES):
            return award.start + folded.to_original(m.start(), m.end())[0]
    return award.end


_RECIPIENT_TITLES = {"سفير", "رئيس", "ملك", "امير", "وزير", "سفيره", "رئيسه", "وزيره"}


def _led_by(article: Article, actor: Actor, words: tuple[str, ...]) -> bool:
    lead = fold(article.original[max(0, actor.start - 12):actor.start]).split()
    head = fold(article.original[actor.start:actor.end])[:2]
    if not lead:
        return head.startswith("ل")
    last = lead[-1]
    return last in words or head.startswith("ل") or (last[:1] == "ل" and last[1:] in _RECIPIENT_TITLES)


def _after_min(article: Article, after: list[Actor]) -> Actor | None:
    """The actor introduced by ``من`` / ``من قبل`` (the giver in ``منح X من Y``)."""
    for a in after:
        lead = fold(article.original[max(0, a.start - 30):a.start]).split()
        if "من" in lead[-3:] or "قبل" in lead[-2:]:
            return a
    return None


def same(a: Fact, b: Fact) -> bool:
    """One award: same giver and recipient, and alike names of the decoration."""
    if (a.fields.get("giver"), a.fields.get("recipient")) != (b.fields.get("giver"), b.fields.get("recipient")):
        return False
    na, nb = set(fold(str(a.fields.get("award"))).split()), set(fold(str(b.fields.get("award"))).split())
    return bool(na & nb - {"وسام", "قلاده", "ميداليه"}) or not (na and nb)


__all__ = ["extract", "person_name", "same"]
