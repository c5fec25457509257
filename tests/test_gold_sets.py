"""Every gold set the team keeps must follow the fact contract (../shared/spec/facts.md).

A gold file is JSON Lines next to a `docs/` folder of the articles it describes. The checks here are
about form (fields, codes, dates, grounding), not about whether a fact is right: that is for the
people who write and review the gold. The last check runs the shared scorer with the gold as its own
prediction: anything short of F1 1.0 means two gold facts are indistinguishable to the scorer, or a
fact is not grounded.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "score.py"

# (gold file, docs folder): the team's own sets, then the shared dev set where it is present.
GOLD_SETS = [(p, p.parent / "docs") for p in sorted((ROOT / "tests" / "data").glob("*/gold.jsonl"))]
if (SHARED / "eval" / "dev" / "gold.jsonl").exists():
    GOLD_SETS.append((SHARED / "eval" / "dev" / "gold.jsonl", SHARED / "eval" / "dev" / "docs"))

COMMON = ["doc", "type", "evidence"]
FIELDS = {
    "article": ["title", "published"],
    "visit": ["guest", "host", "guest_person", "place", "start", "end", "occasion"],
    "agreement": ["countries", "parties", "kind", "status", "sectors", "count", "value", "unit", "date", "due"],
    "figure": ["metric", "countries", "from", "to", "value", "unit", "count", "period", "change_pct", "approx"],
    "target": ["metric", "countries", "value", "unit", "multiplier", "due"],
    "project": ["name", "actors", "countries", "sectors", "value", "unit", "location", "status", "due"],
    "award": ["award", "giver", "recipient", "recipient_person", "date"],
}
DATE_FIELDS = {"published", "start", "end", "date", "due", "period"}
COUNTRY_FIELDS = {"guest", "host", "from", "to", "giver", "recipient"}
SECTORS = set(
    [
        "agriculture",
        "food",
        "energy",
        "nuclear",
        "oil_gas",
        "renewables",
        "mining",
        "industry",
        "pharma",
        "health",
        "veterinary",
        "finance",
        "trade",
        "investment",
        "transport",
        "logistics",
        "digital",
        "education",
        "science",
        "space",
        "culture",
        "media",
        "tourism",
        "sports",
        "environment",
        "security",
        "politics",
        "free_zones",
        "other",
    ]
)
KINDS = {"mou", "agreement", "declaration", "roadmap", "protocol", "contract"}
AGREEMENT_STATUS = {"signed", "planned"}
PROJECT_STATUS = {"planned", "underway", "done"}
METRICS = {"trade", "export", "investment", "projects", "companies", "students", "freight", "meetings", "other"}
PHYSICAL_UNITS = {"t", "count", "percent", "km", "MW", "GW", "MWh", "GWh", "barrel", "m3", "ha", "TEU"}
# Text after these markers is site furniture or related headlines: no fact may come from it.
TAIL_MARKERS = ["قد تقرأ أيضا", "اقرأ أيضا", "اقرأ أيضاً", "اترك تعليقاً", "Exit mobile version", "Advertisements"]

_ALPHA2 = re.compile(r"^[A-Z]{2}$")
_YEAR, _MONTH, _DAY = r"\d{4}", r"\d{4}-\d{2}", r"\d{4}-\d{2}-\d{2}"
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


def _point_ok(s: str) -> bool:
    """One ISO 8601 date at the precision the text gives: YYYY, YYYY-MM, YYYY-MM-DD or YYYY-Www."""
    m = _WEEK.match(s)
    if m:
        try:
            dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return True
        except ValueError:
            return False
    for pattern, fmt in ((_YEAR, "%Y"), (_MONTH, "%Y-%m"), (_DAY, "%Y-%m-%d")):
        if re.fullmatch(pattern, s):
            try:
                dt.datetime.strptime(s, fmt)
                return True
            except ValueError:
                return False
    return False


def date_ok(s: str) -> bool:
    """A point, or an interval `a/b` whose ends are points or `..` (open), with a <= b where both are days."""
    if "/" not in s:
        return _point_ok(s)
    a, _, b = s.partition("/")
    if a == ".." and b == "..":
        return False
    if not all(p == ".." or _point_ok(p) for p in (a, b)):
        return False
    if re.fullmatch(_DAY, a) and re.fullmatch(_DAY, b):
        return a <= b
    return True


def unit_ok(u: str) -> bool:
    return bool(re.fullmatch(r"[A-Z]{3}", u)) or u in PHYSICAL_UNITS


def _load(path: Path) -> list[tuple[int, dict]]:
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if line.strip():
            out.append((n, json.loads(line)))
    return out


def _docs(folder: Path) -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in folder.iterdir() if p.is_file()}


def _body_end(text: str) -> int:
    ends = [text.find(m) for m in TAIL_MARKERS if m in text]
    return min(ends) if ends else len(text)


def fact_problems(fact: dict, docs: dict[str, str]) -> list[str]:
    """Everything wrong with the form of one gold fact (empty when it is well formed)."""
    t = fact.get("type")
    if t not in FIELDS:
        return [f"unknown type {t!r}"]
    problems = [f"missing field {f!r}" for f in COMMON + FIELDS[t] if f not in fact]
    if problems:
        return problems
    text = docs.get(fact["doc"])
    if text is None:
        return [f"no document {fact['doc']!r}"]
    ev = fact["evidence"]
    if not isinstance(ev, str) or not ev.strip():
        problems.append("empty evidence")
    elif ev not in text:
        problems.append(f"evidence is not a substring of the document: {ev[:60]!r}")
    elif text.find(ev) >= _body_end(text):
        problems.append("evidence comes from after a related-articles/site-furniture marker")
    if "optional" in fact and not isinstance(fact["optional"], bool):
        problems.append("optional must be true or false")

    for f in COUNTRY_FIELDS & set(FIELDS[t]):
        v = fact[f]
        if v is not None and not (isinstance(v, str) and _ALPHA2.match(v)):
            problems.append(f"{f} {v!r} is not an upper-case ISO 3166-1 alpha-2 code")
    if "countries" in FIELDS[t]:
        cs = fact["countries"]
        if not isinstance(cs, list) or not cs:
            problems.append("countries must be a non-empty list")
        elif not all(isinstance(c, str) and _ALPHA2.match(c) for c in cs):
            problems.append(f"countries {cs!r} are not upper-case ISO alpha-2 codes")
        elif cs != sorted(set(cs)):
            problems.append(f"countries {cs!r} are not a sorted list without repeats")
    for f in DATE_FIELDS & set(FIELDS[t]):
        v = fact[f]
        if v is not None and not (isinstance(v, str) and date_ok(v)):
            problems.append(f"{f} {v!r} is not an ISO 8601 date or interval")
    if "unit" in FIELDS[t]:
        u = fact["unit"]
        if u is not None and not (isinstance(u, str) and unit_ok(u)):
            problems.append(f"unit {u!r} is neither a currency code nor a known unit")
        if (fact["value"] is None) != (u is None) and not (t == "target" and fact.get("multiplier") is not None):
            problems.append("value and unit go together")
    for f in ("value", "count", "change_pct", "multiplier"):
        v = fact.get(f)
        if f in FIELDS[t] and v is not None and (isinstance(v, bool) or not isinstance(v, (int, float))):
            problems.append(f"{f} {v!r} is not a number")
    if "sectors" in FIELDS[t] and fact["sectors"] is not None:
        ss = fact["sectors"]
        if not isinstance(ss, list) or not set(ss) <= SECTORS:
            problems.append(f"sectors {ss!r} not drawn from the allowed list")
    for f in ("parties", "actors"):
        if f in FIELDS[t] and not (isinstance(fact[f], list) and all(isinstance(x, str) and x for x in fact[f])):
            problems.append(f"{f} must be a list of names")

    if t == "article" and not (isinstance(fact["title"], str) and fact["title"].strip()):
        problems.append("article without a title")
    if t == "visit" and fact["guest"] == fact["host"]:
        problems.append("a visit needs two countries")
    if t == "award" and fact["giver"] == fact["recipient"]:
        problems.append("an award here goes from one state to another")
    if t == "agreement":
        if fact["kind"] not in KINDS:
            problems.append(f"kind {fact['kind']!r}")
        if fact["status"] not in AGREEMENT_STATUS:
            problems.append(f"status {fact['status']!r}")
    if t == "project" and fact["status"] not in PROJECT_STATUS:
        problems.append(f"status {fact['status']!r}")
    if t in ("figure", "target") and fact["metric"] not in METRICS:
        problems.append(f"metric {fact['metric']!r}")
    if t == "figure" and not isinstance(fact["approx"], bool):
        problems.append("approx must be true or false")
    if t == "target" and fact["value"] is None and fact["multiplier"] is None:
        problems.append("a target needs a value or a multiplier")
    if t == "figure" and fact["value"] is None:
        problems.append("a figure needs a value")
    return problems


def _ids(sets):
    return [str(g.relative_to(g.parents[2])) for g, _ in sets]


@pytest.fixture(params=GOLD_SETS, ids=_ids(GOLD_SETS))
def gold_set(request):
    gold_path, docs_dir = request.param
    return gold_path, docs_dir, _load(gold_path), _docs(docs_dir)


def test_there_is_an_own_gold_set():
    assert any("tests" in g.parts for g, _ in GOLD_SETS), "no tests/data/*/gold.jsonl found"


def test_every_line_is_a_json_object(gold_set):
    gold_path, _, _, _ = gold_set
    for n, line in enumerate(gold_path.read_text(encoding="utf-8").split("\n"), 1):
        if line.strip():
            assert isinstance(json.loads(line), dict), f"{gold_path.name}:{n}"


def test_every_fact_follows_the_contract(gold_set):
    gold_path, _, facts, docs = gold_set
    bad = [
        f"{gold_path.name}:{n} {fact.get('doc')} {fact.get('type')}: {p}"
        for n, fact in facts
        for p in fact_problems(fact, docs)
    ]
    assert not bad, "\n".join(bad)


def test_one_article_fact_per_document(gold_set):
    _, _, facts, docs = gold_set
    articles = Counter(f["doc"] for _, f in facts if f.get("type") == "article")
    wrong = {d: articles.get(d, 0) for d in docs if articles.get(d, 0) != 1}
    assert not wrong, f"documents without exactly one article fact: {wrong}"


@pytest.mark.skipif(not SCORER.exists(), reason="../shared/eval/score.py is not here")
def test_gold_scores_perfectly_against_itself(gold_set):
    gold_path, docs_dir, _, _ = gold_set
    out = (
        subprocess.run(
            [
                sys.executable,
                str(SCORER),
                "--gold",
                str(gold_path),
                "--docs",
                str(docs_dir),
                "--pred",
                str(gold_path),
                "--json",
                "--show-errors",
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        .stdout.strip()
        .split("\n")
    )
    summary = json.loads(out[-1])
    errors = out[:-1]
    assert summary["overall"]["f1"] == 1.0, "\n".join(errors)
    assert summary["overall"]["attr_acc"] in (1.0, None), "\n".join(errors)
    assert summary["overall"]["grounded"] == 1.0


# ---- the checks themselves ----


@pytest.mark.parametrize(
    "s",
    [
        "2025",
        "2025-08",
        "2025-08-26",
        "2018-W24",
        "2012-07/..",
        "../2026-12-31",
        "2018-01/2018-03",
        "2023-03-23/2023-04-20",
        "2005/..",
    ],
)
def test_date_forms_accepted(s):
    assert date_ok(s)


@pytest.mark.parametrize(
    "s",
    [
        "2025-13",
        "2025-02-30",
        "26/08/2025",
        "..",
        "../..",
        "2018-W60",
        "2025-08-26T10:00",
        "2024-05-02/2024-05-01",
        "أكتوبر 2023",
    ],
)
def test_date_forms_refused(s):
    assert not date_ok(s)


@pytest.mark.parametrize(
    ("u", "ok"),
    [
        ("USD", True),
        ("KZT", True),
        ("t", True),
        ("count", True),
        ("percent", True),
        ("usd", False),
        ("دولار", False),
        ("tonnes", False),
    ],
)
def test_units(u, ok):
    assert unit_ok(u) is ok
