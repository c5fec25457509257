"""Run the application under uvicorn (``alaqat serve``)."""

from __future__ import annotations

import click

from alaqat.store.base import Store


def serve(store: Store, host: str, port: int, token: str | None) -> None:
    import uvicorn

    from alaqat.web.app import create_app

    app = create_app(store, token)
    mode = "ingest allowed with the token" if token else "read-only (no --token)"
    click.echo(f"Alaqat is serving http://{host}:{port}/  ({mode}; API at http://{host}:{port}/api/v1, "
               f"described at /openapi.json). Stop with Ctrl-C.", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
