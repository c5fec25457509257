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


if __name__ == "__main__":
    main()
