"""``alaqat eval``: score stored facts against a gold file with the contract's scorer (score.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

from alaqat import settings
from alaqat.export import contract
from alaqat.store.base import FactFilter, Store


class ScorerNotFound(FileNotFoundError):
    pass


def find_scorer(gold: Path, explicit: str | None = None) -> Path:
    candidates: list[Path] = []
    if explicit:
        candidates.append(Path(explicit))
    env = settings.get("scorer")
    if env:
        candidates.append(Path(env))
    for parent in [gold.resolve().parent, *gold.resolve().parents]:
        candidates += [parent / "score.py", parent / "eval" / "score.py", parent / "shared" / "eval" / "score.py"]
    candidates.append(Path.cwd().parent / "shared" / "eval" / "score.py")
    for c in candidates:
        if c.is_file():
            return c
    raise ScorerNotFound(f"{gold}: no score.py found near the gold file (give --scorer PATH or ALAQAT_SCORER)")


def load_scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("alaqat_contract_scorer", path)
    if spec is None or spec.loader is None:
        raise ScorerNotFound(f"{path}: cannot be loaded as a Python module")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def evaluate(store: Store, gold: Path, docs: Path, scorer: Path) -> tuple[dict[str, Any], list[str]]:
    mod = load_scorer(scorer)
    documents = mod.load_docs(docs)
    pred = [contract(f) for f in store.facts(FactFilter())[0] if f["doc"] in documents]
    summary, errors = mod.score(mod.load_jsonl(gold), pred, documents)
    return summary, errors


def table(summary: dict[str, Any]) -> str:
    lines = [f"{'type':<10} {'P':>6} {'R':>6} {'F1':>6} {'attr':>6}  tp/fp/fn"]
    for t, s in summary["types"].items():
        if s["tp"] + s["fp"] + s["fn"]:
            attr = f"{s['attr_acc']:.3f}" if s["attr_acc"] is not None else "  -  "
            lines.append(f"{t:<10} {s['precision']:>6.3f} {s['recall']:>6.3f} {s['f1']:>6.3f} {attr:>6}"
                         f"  {s['tp']}/{s['fp']}/{s['fn']}")
    o = summary["overall"]
    lines.append(f"{'overall':<10} {o['precision']:>6.3f} {o['recall']:>6.3f} {o['f1']:>6.3f} "
                 f"{(o['attr_acc'] or 0):>6.3f}  {o['tp']}/{o['fp']}/{o['fn']}  grounded {o['grounded']}")
    return "\n".join(lines)
