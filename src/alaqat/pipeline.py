"""The pipeline: the ordered stages over an Article, and the registry of fact extractors.

Reading the two lists below tells the whole flow. Each stage declares what it needs and what it adds;
``Pipeline`` checks the order when it is built.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from importlib import import_module

from alaqat.model import Article, Fact

StageFn = Callable[[Article], Article]
ExtractFn = Callable[[Article], list[Fact]]


@dataclass(frozen=True)
class Stage:
    name: str
    target: str  # "module:function"
    needs: tuple[str, ...] = ()
    adds: tuple[str, ...] = ()

    def load(self) -> StageFn:
        module, fn = self.target.split(":")
        func: StageFn = getattr(import_module(module), fn)
        return func


#: Fact extractors, one module per fact type, run in this order by the ``extract`` stage.
EXTRACTORS: dict[str, str] = {
    "article": "alaqat.extract.article:extract",
    "visit": "alaqat.extract.visit:extract",
    "agreement": "alaqat.extract.agreement:extract",
    "figure": "alaqat.extract.figure:extract",
    "target": "alaqat.extract.target:extract",
    "project": "alaqat.extract.project:extract",
    "award": "alaqat.extract.award:extract",
}

#: The stages, in order.
STAGES: tuple[Stage, ...] = (
    Stage("clean", "alaqat.ingest.clean:clean", needs=("original",), adds=("body",)),
    Stage("header", "alaqat.ingest.header:header", needs=("body",), adds=("title", "published")),
    Stage("recognise", "alaqat.arabic.recognise:recognise", needs=("body", "published"), adds=("spans",)),
    Stage("extract", "alaqat.pipeline:extract_facts", needs=("spans", "title"), adds=("facts",)),
    Stage("merge", "alaqat.extract.merge:merge", needs=("facts",), adds=("merged",)),
)


def _available_extractors() -> list[tuple[str, ExtractFn]]:
    out: list[tuple[str, ExtractFn]] = []
    for name, target in EXTRACTORS.items():
        module, fn = target.split(":")
        try:
            mod = import_module(module)
        except ModuleNotFoundError as e:
            if e.name == module:  # not written yet: the type simply yields nothing
                continue
            raise
        out.append((name, getattr(mod, fn)))
    return out


_EXTRACTORS_CACHE: list[tuple[str, ExtractFn]] | None = None


def extract_facts(article: Article) -> Article:
    """Stage: run every registered extractor, in registry order."""
    global _EXTRACTORS_CACHE
    if _EXTRACTORS_CACHE is None:
        _EXTRACTORS_CACHE = _available_extractors()
    facts: list[Fact] = []
    for _, fn in _EXTRACTORS_CACHE:
        facts.extend(fn(article))
    article.facts = facts
    return article


@dataclass
class Pipeline:
    stages: Sequence[Stage] = STAGES
    timings: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        have = {"original"}
        for st in self.stages:
            missing = [n for n in st.needs if n not in have]
            if missing:
                raise ValueError(f"stage {st.name!r} needs {missing} but no earlier stage adds them")
            have.update(st.adds)
        self._fns = [(st.name, st.load()) for st in self.stages]

    def __call__(self, article: Article) -> Article:
        for name, fn in self._fns:
            t0 = time.perf_counter()
            article = fn(article)
            self.timings[name] = self.timings.get(name, 0.0) + time.perf_counter() - t0
        article.cache.clear()
        return article

    def run(self, articles: Iterable[Article]) -> Iterable[Article]:
        for a in articles:
            yield self(a)
