"""The command line: ``alaqat [--db URL] COMMAND``. Each command is a few lines over library functions.

Exit codes: 0 success; 1 some inputs were refused (the others were stored) or a check failed;
2 bad usage; 3 the database cannot be opened.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

import click

from alaqat import settings
from alaqat.store.base import FactFilter, Store

EXIT_REFUSED = 1
EXIT_DB = 3


def _progress(total: int | None, desc: str) -> Any:
    from tqdm import tqdm

    return tqdm(total=total, desc=desc, file=sys.stderr, disable=not sys.stderr.isatty(), unit="doc",
                leave=False)


class Ctx:
    def __init__(self, db: str) -> None:
        self.db = db
        self._store: Store | None = None

    @property
    def store(self) -> Store:
        if self._store is None:
            from alaqat.store.open import BadDatabaseURL, open_store

            try:
                self._store = open_store(self.db)
            except BadDatabaseURL as e:
                click.echo(f"error: {e}", err=True)
                sys.exit(EXIT_DB)
            except Exception as e:  # the driver's own errors: name the URL and the reason
                click.echo(f"error: cannot open database {self.db}: {e}", err=True)
                sys.exit(EXIT_DB)
        return self._store


pass_ctx = click.make_pass_decorator(Ctx)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", default=None, metavar="URL",
              help="Database URL (default: $ALAQAT_DB or sqlite:///./alaqat.db).")
@click.pass_context
def main(ctx: click.Context, db: str | None) -> None:
    """Alaqat: Arabic news about relations between states, as a source-linked database."""
    ctx.obj = Ctx(db or settings.get("db") or "sqlite:///./alaqat.db")


@contextmanager
def _output(path: str | None) -> Iterator[TextIO]:
    if path and path != "-":
        with open(path, "w", encoding="utf-8", newline="") as fh:
            yield fh
    else:
        yield sys.stdout


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--quiet", "-q", is_flag=True, help="Print only refusals and the summary.")
@pass_ctx
def ingest(c: Ctx, paths: tuple[str, ...], quiet: bool) -> None:
    """Read articles (files, folders, .jsonl, '-' for standard input) and store their facts."""
    from alaqat.ingest.readers import expand, read_all
    from alaqat.run.ingest import ingest as run_ingest

    files = expand(paths)
    one_per_file = all(isinstance(f, Path) and f.suffix.lower() not in (".jsonl", ".ndjson") for f in files)
    bar = _progress(len(files) if one_per_file else None, "ingest")

    def on_item(name: str, outcome: str) -> None:
        bar.update(1)
        if outcome.startswith("rejected"):
            click.echo(f"refused {name}: {outcome.removeprefix('rejected: ')}", err=True)
        elif not quiet and outcome != "unchanged":
            bar.set_postfix_str(name[-30:])

    result = run_ingest(read_all(paths), c.store, on_item=on_item)
    bar.close()
    from alaqat.knowledge.api import rebuild

    rebuild(c.store)  # keep events, clusters, entities and the ledger current
    click.echo(f"stored {len(result.stored)}, updated {len(result.updated)}, unchanged {len(result.unchanged)},"
               f" refused {len(result.rejected)} document(s); {result.facts} fact(s)")
    if result.rejected:
        sys.exit(EXIT_REFUSED)


@main.command()
@click.argument("query")
@click.option("--limit", default=10, show_default=True, type=click.IntRange(1, 1000))
@click.option("--offset", default=0, type=click.IntRange(0))
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
@pass_ctx
def search(c: Ctx, query: str, limit: int, offset: int, fmt: str) -> None:
    """Full-text search over articles and facts (Arabic folding and light stemming)."""
    hits, total = c.store.search(query, limit=limit, offset=offset)
    if fmt == "jsonl":
        for h in hits:
            click.echo(json.dumps(h.to_json(), ensure_ascii=False))
        return
    bold = sys.stdout.isatty()
    click.echo(f"{total} hit(s) for {query!r}")
    for h in hits:
        from alaqat.store.analysis import Snippet

        snip = Snippet(h.snippet, h.highlights)
        text = snip.marked("\033[1m", "\033[0m") if bold else snip.marked("[", "]")
        label = f"{h.kind}:{h.fact['type']}" if h.fact else h.kind
        click.echo(f"\n{h.doc}  ({label}, score {h.score:.2f})\n  {' '.join(text.split())}")


@main.command()
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True)
@click.option("-o", "--output", default=None, metavar="FILE", help="Write to FILE instead of standard output.")
@click.option("--type", "ftype", default=None, help="Only facts of this type.")
@pass_ctx
def export(c: Ctx, fmt: str, output: str | None, ftype: str | None) -> None:
    """Export facts in the contract (JSON Lines) or as CSV."""
    from alaqat.export import write_csv, write_jsonl

    facts, _ = c.store.facts(FactFilter(type=ftype))
    with _output(output) as out:
        n = write_jsonl(facts, out) if fmt == "jsonl" else write_csv(facts, out)
    if output:
        click.echo(f"wrote {n} fact(s) to {output}", err=True)


@main.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@pass_ctx
def stats(c: Ctx, fmt: str) -> None:
    """What the database holds."""
    s = c.store.stats()
    if fmt == "json":
        click.echo(json.dumps(s, ensure_ascii=False))
        return
    click.echo(f"database   {s['database']} (schema {s['schema_version']})")
    click.echo(f"documents  {s['documents']}")
    click.echo(f"entities   {s['entities']}")
    for t, n in s["facts"].items():
        click.echo(f"facts      {t:<10} {n}")


@main.command(name="eval")
@click.option("--gold", required=True, type=click.Path(exists=True, dir_okay=False), help="Gold facts (JSONL).")
@click.option("--docs", required=True, type=click.Path(exists=True, file_okay=False), help="Folder of the articles.")
@click.option("--scorer", default=None, help="Path to the contract's score.py (found near the gold by default).")
@click.option("--show-errors", is_flag=True, help="List misses, extras and wrong fields.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@pass_ctx
def eval_(c: Ctx, gold: str, docs: str, scorer: str | None, show_errors: bool, as_json: bool) -> None:
    """Ingest DOCS (a no-op for what is stored), export, and score against GOLD with the contract's scorer."""
    from alaqat.evaluate import ScorerNotFound, evaluate, find_scorer, table
    from alaqat.ingest.readers import read_all
    from alaqat.run.ingest import ingest as run_ingest

    try:
        scorer_path = find_scorer(Path(gold), scorer)
    except ScorerNotFound as e:
        click.echo(f"error: {e}", err=True)
        sys.exit(2)
    run_ingest(read_all([docs]), c.store)
    summary, errors = evaluate(c.store, Path(gold), Path(docs), scorer_path)
    if show_errors:
        click.echo("\n".join(errors))
    click.echo(json.dumps(summary, ensure_ascii=False) if as_json else table(summary))


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--published", default=None, metavar="DATE",
              help="Publication date (YYYY-MM-DD) relative dates resolve against, overriding the article's.")
@pass_ctx
def spans(c: Ctx, paths: tuple[str, ...], published: str | None) -> None:
    """Print what the language layer recognises, one JSON span a line (reads like ingest)."""
    from alaqat.arabic.recognise import parse_iso_date, recognise
    from alaqat.ingest.clean import clean
    from alaqat.ingest.header import header
    from alaqat.ingest.readers import read_all
    from alaqat.model import RejectedInput

    if published is not None and parse_iso_date(published) is None:
        raise click.BadParameter(f"{published!r} is not a date YYYY-MM-DD", param_hint="--published")
    refused = False
    for item in read_all(paths or ("-",)):
        if isinstance(item, RejectedInput):
            click.echo(f"refused {item.source}: {item.reason}", err=True)
            refused = True
            continue
        article = header(clean(item))
        if published is not None:
            article.published = published
        recognise(article)
        for span in article.spans:
            click.echo(json.dumps(span.to_json(article.doc), ensure_ascii=False))
    if refused:
        sys.exit(EXIT_REFUSED)


@main.command()
@click.option("--host", default=None, help="Address to bind (default: $ALAQAT_HOST or 127.0.0.1).")
@click.option("--port", default=None, type=click.IntRange(1, 65535), help="Port (default: $ALAQAT_PORT or 8000).")
@click.option("--token", default=None,
              help="Token that allows ingest over HTTP (default: $ALAQAT_TOKEN; none: read-only).")
@pass_ctx
def serve(c: Ctx, host: str | None, port: int | None, token: str | None) -> None:
    """Serve the web application and the HTTP API (uvicorn)."""
    from alaqat.web.serve import serve as run

    run(c.store, host or settings.get("host") or "127.0.0.1", port or int(settings.get("port") or 8000),
        token or settings.get("token"))


# -- knowledge across articles (issue 6): thin commands over alaqat.knowledge.api ---------------------------
_FORMAT = click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)


def _jsonl(rows: list[dict[str, Any]]) -> None:
    for r in rows:
        click.echo(json.dumps(r, ensure_ascii=False))


def _cut(text: Any, width: int) -> str:
    s = "" if text is None else (", ".join(map(str, text)) if isinstance(text, list) else str(text))
    s = " ".join(s.split())
    return s if len(s) <= width else s[: width - 1] + "…"


def _what(e: dict[str, Any]) -> str:
    t = e.get("type")
    if t == "visit":
        return f"{e.get('guest')}→{e.get('host')} {e.get('guest_person') or ''}".strip()
    if t == "agreement":
        return f"{e.get('kind') or ''} {e.get('status') or ''} {_cut(e.get('parties'), 60)}".strip()
    if t in ("figure", "target"):
        v = e.get("value") if e.get("value") is not None else f"x{e.get('multiplier')}"
        return f"{e.get('metric')} {v} {e.get('unit') or ''}".strip()
    if t == "award":
        return f"{e.get('award') or ''} → {e.get('recipient_person') or e.get('recipient') or ''}"
    return str(e.get("name") or "")


@main.command()
@click.option("--type", "etype", default=None, help="Only events of this type (visit, agreement, ...).")
@click.option("--country", default=None, metavar="CC", help="Only events involving this country (ISO code).")
@click.option("--limit", default=None, type=click.IntRange(1))
@click.option("--offset", default=0, type=click.IntRange(0))
@_FORMAT
@pass_ctx
def events(c: Ctx, etype: str | None, country: str | None, limit: int | None, offset: int, fmt: str) -> None:
    """Events: facts of many articles merged into one record each, with all their sources."""
    from alaqat.knowledge import api

    rows, total = api.events(c.store, type=etype, country=country, limit=limit, offset=offset)
    if fmt == "jsonl":
        return _jsonl(rows)
    click.echo(f"{total} event(s)")
    for e in rows:
        flag = " !contradiction" if e["contradictions"] else ""
        click.echo(f"{e['id']:>5}  {e['type']:<9} {','.join(e['countries']):<8} {e['date'] or '-':<12}"
                   f" {_cut(_what(e), 70):<70} {len(e['sources'])} source(s){flag}")


@main.command()
@click.option("--country", default=None, metavar="CC")
@click.option("--status", default=None, type=click.Choice(["upcoming", "due", "overdue", "fulfilled"]))
@click.option("--as-of", "as_of", default=None, metavar="DATE", help="Reference date YYYY-MM-DD (default: today).")
@_FORMAT
@pass_ctx
def ledger(c: Ctx, country: str | None, status: str | None, as_of: str | None, fmt: str) -> None:
    """The pledge ledger: planned agreements, projects and targets with a due date, and their status."""
    import datetime as dt

    from alaqat.knowledge import api

    try:
        ref = dt.date.fromisoformat(as_of) if as_of else None
    except ValueError:
        raise click.BadParameter(f"{as_of!r} is not a date YYYY-MM-DD", param_hint="--as-of") from None
    rows = api.ledger(c.store, country=country, status=status, as_of=ref)
    if fmt == "jsonl":
        return _jsonl(rows)
    click.echo(f"{len(rows)} pledge(s) as of {(ref or dt.date.today()).isoformat()}")
    for r in rows:
        extra = f"  fulfilled by {r['fulfilled_by']}" if r["fulfilled_by"] else ""
        latest = r.get("latest_figure")
        if latest:
            extra += f"  (latest figure {latest['value']} {latest.get('unit') or ''} {latest.get('period') or ''})"
        click.echo(f"{r['event_id']:>5}  {r['status']:<9} due {r['due']:<10} {r['type']:<9}"
                   f" {','.join(r['countries']):<6} {_cut(r.get('name') or r.get('metric'), 60)}{extra}")


@main.command()
@click.argument("a")
@click.argument("b")
@_FORMAT
@pass_ctx
def timeline(c: Ctx, a: str, b: str, fmt: str) -> None:
    """The events of a country pair in date order (undated ones by their article's date, marked ~)."""
    from alaqat.knowledge import api

    rows = api.timeline(c.store, a, b)
    if fmt == "jsonl":
        return _jsonl(rows)
    for e in rows:
        when = e["date"] if e["dated"] else f"~{e.get('sort_date') or '?'}"
        click.echo(f"{when:<12} {e['type']:<9} {_cut(_what(e), 80)}  [{len(e['sources'])} source(s), #{e['id']}]")


@main.command()
@_FORMAT
@pass_ctx
def duplicates(c: Ctx, fmt: str) -> None:
    """Clusters of near-duplicate articles (the same story re-published, truncated or rewritten)."""
    from alaqat.knowledge import api

    rows = api.duplicate_clusters(c.store)
    if fmt == "jsonl":
        return _jsonl(rows)
    click.echo(f"{len(rows)} cluster(s)")
    for r in rows:
        click.echo(f"{r['cluster']:>5}  " + "  ".join(r["docs"]))


@main.group(invoke_without_command=True)
@click.option("--kind", default=None, type=click.Choice(["person", "org", "place", "award", "event"]))
@click.option("-q", "q", default=None, help="Only entities with an alias like this.")
@click.option("--limit", default=None, type=click.IntRange(1))
@_FORMAT
@click.pass_context
def entities(ctx: click.Context, kind: str | None, q: str | None, limit: int | None, fmt: str) -> None:
    """Canonical entities and their aliases; `entities merge A B` and `entities split ID ALIAS` curate them."""
    if ctx.invoked_subcommand is not None:
        return
    from alaqat.knowledge import api

    c: Ctx = ctx.obj
    rows, total = api.entities(c.store, kind=kind, q=q, limit=limit)
    if fmt == "jsonl":
        return _jsonl(rows)
    click.echo(f"{total} entit{'y' if total == 1 else 'ies'}")
    for r in rows:
        others = [a for a in r["aliases"] if a != r["name"]]
        click.echo(f"{r['id']:>5}  {r['kind']:<7} {r['country'] or '-':<3} {_cut(r['name'], 50):<50}"
                   f" {_cut(others, 80)}")


def _entity_ref(ref: str) -> int | str:
    return int(ref) if ref.isdigit() else ref


@entities.command(name="merge")
@click.argument("a")
@click.argument("b")
@pass_ctx
def entities_merge(c: Ctx, a: str, b: str) -> None:
    """Make entities A and B (ids or exact names) one; kept across re-ingest."""
    from alaqat.knowledge import api

    try:
        api.merge_entities(c.store, _entity_ref(a), _entity_ref(b))  # type: ignore[arg-type]
    except (LookupError, ValueError) as e:
        click.echo(f"error: {e}", err=True)
        sys.exit(EXIT_REFUSED)
    click.echo(f"merged {a} and {b}")


@entities.command(name="split")
@click.argument("entity_id")
@click.argument("alias")
@pass_ctx
def entities_split(c: Ctx, entity_id: str, alias: str) -> None:
    """Take ALIAS out of entity ID (it becomes an entity of its own); kept across re-ingest."""
    from alaqat.knowledge import api

    try:
        api.split_entity(c.store, _entity_ref(entity_id), alias)  # type: ignore[arg-type]
    except (LookupError, ValueError) as e:
        click.echo(f"error: {e}", err=True)
        sys.exit(EXIT_REFUSED)
    click.echo(f"split {alias!r} from {entity_id}")


if __name__ == "__main__":
    main()
