"""The command line: a thin shell over :mod:`dateline.api`.

Exit codes: 0 everything read was processed; 1 an error stopped the command;
2 bad usage; 3 the run finished but some inputs were rejected (see the report).
"""
from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

import click

from . import __version__
from .config import DOCS, load_settings, parse_set
from .errors import DatelineError

EXIT_REJECTED = 3


def _settings(ctx_obj: dict[str, Any], sets: tuple[str, ...]) -> Any:
    return load_settings(parse_set(sets), config_file=ctx_obj.get("config"))


class _Group(click.Group):
    """Turns every DatelineError into a one-line message and exit code 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except DatelineError as e:
            click.secho(f"error: {e}", fg="red", err=True)
            sys.exit(1)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dateline")
@click.option("--config", type=click.Path(dir_okay=False), help="Settings file (TOML); default ./dateline.toml.")
@click.pass_context
def main(ctx: click.Context, config: str | None) -> None:
    """dateline: conflict news in, an evidence-backed ACLED-style event dataset out.

    Typical use: `dateline run ARTICLES... --out out/`, then read out/events.jsonl,
    out/events.csv, out/events.geojson or the SQLite database out/dateline.sqlite.
    """
    ctx.ensure_object(dict)
    ctx.obj["config"] = config


_SET = click.option("--set", "sets", multiple=True, metavar="KEY=VALUE",
                    help="Override a setting (repeatable); `dateline settings` lists them.")


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@click.option("--out", "out_dir", default="out", show_default=True, type=click.Path(file_okay=False),
              help="Folder for events.jsonl, events.csv, events.geojson and dateline.sqlite.")
@click.option("--published", type=click.DateTime(formats=["%Y-%m-%d"]),
              help="Publication date (YYYY-MM-DD) of a single input file without metadata.")
@click.option("--outlet", help="Outlet name for a single input file.")
@click.option("--id", "article_id", help="Article id for a single input file (default: content hash).")
@click.option("--url", help="URL of a single input file.")
@click.option("--format", "formats", multiple=True, default=("jsonl", "csv", "geojson"), show_default=True,
              type=click.Choice(["jsonl", "csv", "geojson", "parquet"]), help="Export formats (repeatable).")
@click.option("--show", default=10, show_default=True, help="How many events to list in the summary.")
@click.option("--json-report", is_flag=True, help="Print the run report as JSON instead of tables.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Dask worker processes for the per-article stages (the setting scale.workers; default 1).")
@_SET
@click.pass_obj
def run(obj: dict[str, Any], inputs: tuple[str, ...], out_dir: str, published: Any, outlet: str | None,
        article_id: str | None, url: str | None, formats: tuple[str, ...], show: int, json_report: bool,
        workers: int | None, sets: tuple[str, ...]) -> None:
    """Extract events from INPUTS (files, folders; .txt .html .jsonl .csv .rss/.atom .warc, gzipped or not).

    Every input is either processed or recorded as rejected with its reason; the
    exit status is 3 when anything was rejected. Corpus JSONL lines are
    {id, text | html, title, outlet, url, published}.
    """
    from .api import run as api_run
    from .report import print_report, progress_bar

    settings = _settings(obj, sets + ((f"scale.workers={workers}",) if workers else ()))
    pub: date | None = published.date() if published else None
    with progress_bar(enabled=settings["run.progress"] and not json_report) as advance:
        report = api_run(list(inputs), out_dir, settings=settings, published=pub, outlet=outlet,
                         article_id=article_id, url=url, formats=formats, progress=advance)
    if json_report:
        click.echo(json.dumps(report.to_dict(), indent=2))
    else:
        print_report(report, show=show)
    if report.rejected:
        sys.exit(EXIT_REJECTED)


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--out", "out_dir", default="out", show_default=True, type=click.Path(file_okay=False),
              help="Output folder: the store, the exports and the watch state.")
@click.option("--interval", default=60.0, show_default=True, type=click.FloatRange(min=0.1),
              help="Seconds between two looks at the folders.")
@click.option("--cycles", type=click.IntRange(min=1), help="Stop after this many looks (default: run until stopped).")
@_SET
@click.pass_obj
def watch(obj: dict[str, Any], inputs: tuple[str, ...], out_dir: str, interval: float, cycles: int | None,
          sets: tuple[str, ...]) -> None:
    """Watch INPUTS (folders or files): process each new or changed file once, into one store and exports.

    Every cycle reads only what it has not seen (the list is kept in OUT/.dateline-watch.json),
    fuses the new reports into the stored events and rewrites the exports. Stop with Ctrl-C.
    """
    from .watch import watch as watch_folders

    settings = _settings(obj, sets)
    try:
        for cycle in watch_folders(list(inputs), out_dir, settings=settings, interval=interval, cycles=cycles):
            r = cycle.report
            if r is None:
                click.echo(f"cycle {cycle.number}: nothing new")
            else:
                click.echo(f"cycle {cycle.number}: {len(cycle.files)} new file(s), {r.read} read, {r.processed} "
                           f"processed, {r.rejected} rejected, {r.events} events created or updated")
    except KeyboardInterrupt:
        click.echo("stopped")


@main.command()
@click.option("--db", default="out/dateline.sqlite", show_default=True, help="Database path or SQLAlchemy URL.")
@click.option("--out", "out_dir", default="out", show_default=True, type=click.Path(file_okay=False))
@click.option("--format", "formats", multiple=True, default=("jsonl", "csv", "geojson"), show_default=True,
              type=click.Choice(["jsonl", "csv", "geojson", "parquet"]), help="Export formats (repeatable).")
@click.option("--type", "event_type", help="Only events of this ACLED event type.")
@click.option("--country", "country_code", help="Only events in this country (ISO 3166 alpha-2).")
@click.option("--no-background", is_flag=True, help="Leave out background (recalled) events.")
def export(db: str, out_dir: str, formats: tuple[str, ...], event_type: str | None, country_code: str | None,
           no_background: bool) -> None:
    """Write the stored events to files (JSONL, ACLED-style CSV, GeoJSON, Parquet)."""
    from .api import export as api_export

    filters: dict[str, Any] = {}
    if event_type:
        filters["event_type"] = event_type
    if country_code:
        filters["country_code"] = country_code.upper()
    if no_background:
        filters["background"] = False
    for fmt, path in api_export(db, out_dir, formats, **filters).items():
        click.echo(f"{fmt}: {path}")


@main.command()
@click.argument("event_id")
@click.option("--db", default="out/dateline.sqlite", show_default=True, help="Database path or SQLAlchemy URL.")
@click.option("--json", "as_json", is_flag=True, help="Print the explanation as JSON.")
def explain(event_id: str, db: str, as_json: bool) -> None:
    """Show, for every field of EVENT_ID, its evidence in the article and the rule or score that chose it."""
    from .api import open_db
    from .explain import explain as explain_event
    from .explain import render_explanation

    with open_db(db) as store:
        info = explain_event(store, event_id)
    click.echo(json.dumps(info, indent=2, ensure_ascii=False) if as_json else render_explanation(info))


@main.group()
def gazetteer() -> None:
    """Build and inspect the place index (GeoNames cities500 + curated conflict places)."""


@gazetteer.command("build")
@click.option("--path", type=click.Path(dir_okay=False), help="Where to write the index (default: data dir).")
@_SET
@click.pass_obj
def gazetteer_build(obj: dict[str, Any], path: str | None, sets: tuple[str, ...]) -> None:
    """Build the gazetteer index once from the installed GeoNames data (takes ~30 s)."""
    from .gazetteer import build_default_index

    settings = _settings(obj, sets)
    stats = build_default_index(settings, Path(path) if path else None)
    click.echo(json.dumps(stats, indent=2, default=str))


@gazetteer.command("load")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--alternate-names", type=click.Path(exists=True, dir_okay=False),
              help="A GeoNames alternateNames file (alternateNamesV2.zip/.txt) for the places loaded.")
@_SET
@click.pass_obj
def gazetteer_load(obj: dict[str, Any], file: str, alternate_names: str | None, sets: tuple[str, ...]) -> None:
    """Add a GeoNames dump you downloaded (allCountries.zip, SY.zip, cities1000.zip) to the index."""
    from .gazetteer import default_index_path, load_geonames_dump, open_gazetteer

    settings = _settings(obj, sets)
    open_gazetteer(settings).close()  # builds the index first when it is missing
    stats = load_geonames_dump(default_index_path(settings), file, alternate_names=alternate_names)
    click.echo(json.dumps(stats, indent=2, default=str))


@gazetteer.command("lookup")
@click.argument("name")
@click.option("--limit", default=10, show_default=True)
@_SET
@click.pass_obj
def gazetteer_lookup(obj: dict[str, Any], name: str, limit: int, sets: tuple[str, ...]) -> None:
    """List the places a NAME may be, most populous first."""
    from .gazetteer import open_gazetteer

    gaz = open_gazetteer(_settings(obj, sets))
    places = sorted(gaz.lookup(name), key=lambda p: -p.population)[:limit]
    for p in places:
        click.echo(f"{p.name}\t{p.country_code}\t{p.admin1 or ''}\t{p.feature_code or ''}\t"
                   f"{p.lat:.4f},{p.lon:.4f}\tpop {p.population}\t{p.source}")
    if not places:
        click.echo(f"no place named {name!r}")


@main.command()
def settings() -> None:
    """List every setting, its default and what it does."""
    from .config import DEFAULTS

    for key in sorted(DEFAULTS):
        click.echo(f"{key} = {DEFAULTS[key]!r}\n    {DOCS[key]}")


@main.group()
def bench() -> None:
    """Benchmarks: measured commands over ../shared/eval data (skipped cleanly when absent).

    Each prints a table and, with --json, the full result; speed figures come with a
    baseline measured in the same run.
    """


# name -> module; each module has run(settings, root, limit) -> dict and render(result) -> str
BENCHES = {
    "speed": "dateline.bench.speed",
    "geoparse": "dateline.bench.geoparse",
    "clean": "dateline.bench.clean",
    "dates": "dateline.bench.dates",
    "classify": "dateline.bench.classify",
    "plover": "dateline.bench.plover",
    "fakes": "dateline.bench.fakes",
    "fuse": "dateline.bench.fuse",
    "modality": "dateline.bench.modality",
    "scale": "dateline.bench.scale",
}


def _bench_command(name: str, module_name: str) -> click.Command | None:
    import importlib

    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError:
        return None  # not built yet: no command rather than a stub
    if not hasattr(module, "run"):
        return None

    @click.command(name=name, help=(module.__doc__ or name).strip())
    @click.option("--root", type=click.Path(exists=True), help="Data folder (default: the one in ../shared).")
    @click.option("--limit", type=int, help="Only the first N items (quick looks).")
    @click.option("--json", "as_json", is_flag=True, help="Print the full result as JSON.")
    @_SET
    @click.pass_obj
    def command(obj: dict[str, Any], root: str | None, limit: int | None, as_json: bool,
                sets: tuple[str, ...]) -> None:
        result = module.run(_settings(obj, sets), Path(root) if root else None, limit)
        if result.get("skipped"):
            click.echo(f"skipped: {result['skipped']}")
            return
        click.echo(json.dumps(result, indent=2, default=str) if as_json else module.render(result))

    return command


for _name, _module in BENCHES.items():
    _cmd = _bench_command(_name, _module)
    if _cmd is not None:
        bench.add_command(_cmd)


@main.command()
@click.option("--db", default="out/dateline.sqlite", show_default=True, help="Database path or SQLAlchemy URL.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (0.0.0.0: every interface).")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@_SET
@click.pass_obj
def serve(obj: dict[str, Any], db: str, host: str, port: int, sets: tuple[str, ...]) -> None:
    """Serve the HTTP API and the web UI (map, timeline, table, event pages, review) over a store.

    Read-only unless serve.token is set (--set serve.token=... or DATELINE_SERVE__TOKEN);
    reviewers then enter that token in the event page. Open http://HOST:PORT/ in a browser.
    """
    from .web import check_db, serve as web_serve

    settings = _settings(obj, sets)
    check_db(db)
    click.echo(f"dateline: serving {db} at http://{host}:{port}/ "
               f"({'review on' if settings['serve.token'] else 'read-only'}); Ctrl-C stops")
    web_serve(db, settings, host=host, port=port)


if __name__ == "__main__":  # pragma: no cover
    main()
