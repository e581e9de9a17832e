"""Snapshots: one scenario per time window, and the difference between two scenarios.

A snapshot is the scenario with ``as_of`` the last day of the window: its static
relations, except that every pair the events speak about in that window gets the
event-derived relation instead (``kind: events``, in force for the window only), whose
evidence cites the counts it rests on. Every relation of a snapshot carries the
``fighting`` level the events give the pair at that window (from the windows up to it
only: :func:`~alliances.events.fighting_history`).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._arguments import check_network
from .._checks import check_date, check_instance, check_path
from .._network import AllianceNetwork
from .._records import Evidence, Relation, Source, Stance
from ..errors import EventDataError, OutputError, ParameterError
from ._formats import FORMATS, is_uri
from ._history import fighting_history
from ._scoring import COLUMNS

if TYPE_CHECKING:
    import pandas as pd

    from ._relations import EventRelations

__all__ = ["check_relations", "check_snapshot_folder", "check_window_bounds", "diff_scenarios", "quiet_window",
           "snapshot", "snapshots", "window_label", "write_snapshots"]

_SCORE_NOTE = re.compile(r"score (-?\d+(?:\.\d+)?)")


def check_window_bounds(start: object, end: object) -> None:
    """Check the first and last day of a window: two dates, the first not after the last."""
    check_instance(start, dt.date, "start", "a date")
    check_instance(end, dt.date, "end", "a date")
    if end < start:  # type: ignore[operator]
        raise ParameterError(f"end ({end}) is before start ({start})")


def check_relations(relations: object) -> None:
    """Check a ``relations`` argument: an :class:`EventRelations` or its table (a DataFrame with its columns)."""
    import pandas as pd

    table = getattr(relations, "table", relations)
    check_instance(table, pd.DataFrame, "relations", "an EventRelations or its table (a DataFrame)")
    missing = [c for c in COLUMNS if c not in table.columns]  # type: ignore[attr-defined]
    if missing:
        raise ParameterError(f"relations lacks the columns {', '.join(missing)} (use relations_over_time's table)")


def window_label(start: dt.date, end: dt.date) -> str:
    """A short name for a window: ``2017-06``, ``2017-Q2``, ``2017`` or the first day.

    Examples
    --------
    >>> window_label(dt.date(2017, 6, 1), dt.date(2017, 6, 30))
    '2017-06'
    >>> window_label(dt.date(2017, 4, 1), dt.date(2017, 6, 30))
    '2017-Q2'
    """
    check_window_bounds(start, end)
    if start.day == 1 and start.month == 1 and end == dt.date(start.year, 12, 31):
        return f"{start.year}"
    if start.day == 1 and end.month == start.month and end.year == start.year and (end + dt.timedelta(days=1)).day == 1:
        return f"{start.year}-{start.month:02d}"
    if start.day == 1 and start.month in (1, 4, 7, 10) and end.month == start.month + 2 and (end + dt.timedelta(days=1)).day == 1:
        return f"{start.year}-Q{(start.month - 1) // 3 + 1}"
    return start.isoformat()


def snapshot(net: AllianceNetwork, relations: EventRelations | pd.DataFrame, window: dt.date | str, *,
             source: Source | None = None) -> AllianceNetwork:
    """The scenario as the events show it in one window.

    Parameters
    ----------
    net : AllianceNetwork
        The scenario the relations were computed for.
    relations : EventRelations or its ``table``
    window : datetime.date or ISO text
        The window's first day (``window_start``), or any day inside it.
    source : Source, optional
        What the event-derived evidence cites (default: the event files).

    Returns
    -------
    AllianceNetwork
        ``as_of`` the window's last day.

    Examples
    --------
    >>> import alliances
    >>> net = alliances.load("seeds/syria_2016_2019.yaml")
    >>> rel = alliances.relations_over_time("seeds/events/ucdp_ged_syria_2016_2019.csv.gz", net)
    >>> snap = alliances.snapshot(net, rel, "2017-06-01")
    >>> snap.as_of, snap.stance("sdf", "islamic_state").value
    (datetime.date(2017, 6, 30), 'enemy')
    """
    check_network(net)
    check_relations(relations)
    window = check_date(window, "window", optional=False)  # type: ignore[assignment]
    check_instance(source, (Source, type(None)), "source", "a Source or None")
    table, fmt, files, method = _unpack(relations)
    day = dt.date.fromisoformat(window) if isinstance(window, str) else window
    rows = table[(table["window_start"] <= day) & (table["window_end"] >= day)]
    if rows.empty:
        starts = table["window_start"]
        if table.empty or not (starts.min() <= day <= table["window_end"].max()):
            raise EventDataError(f"no window contains {day.isoformat()}"
                                 + (f" (the events run from {starts.min()} to {table['window_end'].max()})" if not table.empty else ""))
    win = getattr(relations, "window", None)
    if not rows.empty:
        start, end = rows["window_start"].iloc[0], rows["window_end"].iloc[0]
    elif win is not None:  # a quiet window: its own bounds
        start, end = win.bounds(win.key(day))
    else:
        start = end = day
    label = window_label(start, end)
    quiet = not bool((rows["events"] > 0).any()) if "events" in rows else False
    if source is None:
        title = FORMATS[fmt].title if fmt in FORMATS else fmt
        names = ", ".join(sorted(os.path.basename(f) for f in files)) if files else "event data"
        source = Source(f"events-{fmt}", title=f"{title}: {names}", publisher=title)
    level = _fighting_levels(relations, table, rows, start)
    derived: dict[tuple[str, str], Relation] = {}
    for r in rows.itertuples(index=False):
        if not r.stance:
            continue
        derived[(r.a, r.b)] = Relation(
            (r.a, r.b), Stance(r.stance), confidence=float(max(r.confidence, 1e-6)), kind="events",
            # Fresh date objects: PyYAML would write one object used twice as an anchor and alias.
            since=_copy(start), until=_copy(end), evidence=(Evidence(source.id, _note(r, method, title=source.publisher or fmt)),),
            fighting=level(r.a, r.b),
        )
    kept = [rel if level(*rel.pair) is None else replace(rel, fighting=level(*rel.pair))
            for rel in net.relations if rel.pair not in derived]
    sources = dict(net.sources)
    sources[source.id] = source
    notes = net.notes
    if quiet:
        carried = " Relations from events are carried over by decay." if derived else ""
        notes = f"{_QUIET} {label}.{carried}" + (f"\n{net.notes}" if net.notes else "")
    return net.replace(
        scenario=f"{net.scenario}, {label}",
        relations=tuple(kept) + tuple(derived[k] for k in sorted(derived)),
        sources=sources,
        as_of=_copy(end),
        notes=notes,
    )


def _fighting_levels(relations: Any, table: pd.DataFrame, rows: pd.DataFrame, start: dt.date) -> Any:
    """``level(a, b)``: the pair's fighting at the window from the events (None when they cannot tell).

    With :class:`EventRelations` every pair has a level (``none`` when it never clashed);
    with a bare table, only its own rows (its ``fighting`` column) do.
    """
    window = getattr(relations, "window", None)
    if window is not None:
        history = fighting_history(table, window)
        return lambda a, b: history.level(a, b, start)
    known = dict(zip(zip(rows["a"], rows["b"], strict=True), rows["fighting"], strict=True)) if "fighting" in rows else {}
    return lambda a, b: known.get((a, b) if a <= b else (b, a))


_QUIET = "No events in"
_QUIET_NOTE = re.compile(rf"\A{_QUIET} (\S+)\.")


def quiet_window(net: AllianceNetwork) -> str | None:
    """The window label of a snapshot made for a window without events (``2017-07``), else None.

    :func:`snapshot` opens such a snapshot's ``notes`` with ``No events in 2017-07.``, so
    the mark survives the scenario file it is written to.

    Parameters
    ----------
    net : AllianceNetwork
        A snapshot (or any scenario: None).

    Returns
    -------
    str or None

    Examples
    --------
    >>> import alliances
    >>> quiet_window(alliances.AllianceNetwork("T, 2017-07", notes="No events in 2017-07."))
    '2017-07'
    >>> quiet_window(alliances.load("seeds/syria_2017.yaml")) is None
    True
    """
    check_network(net)
    m = _QUIET_NOTE.match(net.notes or "")
    return m.group(1) if m else None


def _copy(d: dt.date) -> dt.date:
    return dt.date.fromordinal(d.toordinal())


def snapshots(net: AllianceNetwork, relations: EventRelations) -> list[AllianceNetwork]:
    """One snapshot per window, in time order, from the first window with events to the last.

    A window without events has its snapshot too (its notes open with ``No events in
    WINDOW.``, :func:`quiet_window`): the static relations, and with decay the relations
    from events carried over from the windows before.
    """
    check_network(net)
    check_relations(relations)
    if hasattr(relations, "windows"):
        starts = [start for start, _ in relations.windows()]
    else:
        table, *_ = _unpack(relations)
        starts = sorted(set(table["window_start"]))
    return [snapshot(net, relations, start) for start in starts]


def write_snapshots(net: AllianceNetwork, relations: EventRelations, folder: str | os.PathLike[str]) -> list[Path]:
    """Write one scenario file per window into ``folder`` (created if missing): ``2017-06.yaml`` ...

    Returns
    -------
    list of Path
        The files written, in time order.
    """
    check_network(net)
    check_relations(relations)
    out = check_snapshot_folder(folder)
    check_path(folder, "folder")  # what the folder check leaves: a NUL character
    from ..readwrite import dump

    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create the folder {str(out)!r}: {exc.strerror or exc}") from None
    written = []
    for snap in snapshots(net, relations):
        path = out / f"{snap.scenario.rsplit(', ', 1)[-1]}.yaml"  # the window's label
        dump(snap, path)
        written.append(path)
    return written


def check_snapshot_folder(folder: str | os.PathLike[str]) -> Path:
    """Check, before any work, that :func:`write_snapshots` can write into ``folder``; returns it.

    Parameters
    ----------
    folder : str or path-like
        A folder that exists or can be created: not empty text, not a file.

    Returns
    -------
    Path

    Raises
    ------
    OutputError
        An empty path (which would mean the current folder), a path that is a file, a URI.

    Examples
    --------
    >>> check_snapshot_folder("snapshots")
    PosixPath('snapshots')
    >>> check_snapshot_folder("")
    Traceback (most recent call last):
    ...
    alliances.errors.OutputError: cannot write snapshots into '': give a folder (an empty path would write into the current folder)
    """
    if not isinstance(folder, (str, os.PathLike)):
        raise OutputError(f"the snapshot folder must be a path, not {folder!r}")
    text = os.fspath(folder)
    if not isinstance(text, str) or not text.strip():
        raise OutputError(f"cannot write snapshots into {text!r}: give a folder "
                          "(an empty path would write into the current folder)")
    if is_uri(text):
        raise OutputError(f"cannot write snapshots into {text!r}: snapshots (YAML scenarios) go into a local "
                          "folder, not a URI")
    out = Path(text)
    if out.exists() and not out.is_dir():
        raise OutputError(f"cannot write snapshots into {text!r}: it is a file")
    return out


def diff_scenarios(a: AllianceNetwork, b: AllianceNetwork) -> pd.DataFrame:
    """Relations gained, lost and changed (stance) from scenario ``a`` to scenario ``b``.

    Compares the relations in force at each scenario's ``as_of``. A relation from events
    (``kind: events``) that ``b`` lacks because ``b``'s window had no events at all
    (:func:`quiet_window`) is not "lost": its change is ``no events``, so a quiet month
    does not read like a relation that ended.

    Returns
    -------
    pandas.DataFrame
        ``a``, ``b`` (the pair, sorted), ``change`` (changed, gained, lost, no events),
        ``before``, ``after`` (stance names, empty when none) and ``note`` (why a relation
        is gone: ``no events in 2017-07``, ``ended (until 2017-06)``, ``the events of
        2017-07 give the pair no stance``; else empty); sorted by change then pair.

    Examples
    --------
    >>> import alliances
    >>> one = alliances.loads('''
    ... scenario: T
    ... actors: [{id: x, name: X, kind: state}, {id: y, name: Y, kind: state}, {id: z, name: Z, kind: state}]
    ... relations: [{actors: [x, y], stance: ally}, {actors: [x, z], stance: enemy}]
    ... ''')
    >>> two = one.with_relation("x", "y", "rival").with_relation("x", "z", None).with_relation("y", "z", "ally")
    >>> diff_scenarios(one, two).to_dict("records")  # doctest: +NORMALIZE_WHITESPACE
    [{'a': 'x', 'b': 'y', 'change': 'changed', 'before': 'ally', 'after': 'rival', 'note': ''},
     {'a': 'y', 'b': 'z', 'change': 'gained', 'before': '', 'after': 'ally', 'note': ''},
     {'a': 'x', 'b': 'z', 'change': 'lost', 'before': 'enemy', 'after': '', 'note': ''}]
    """
    check_network(a, "a")
    check_network(b, "b")
    import pandas as pd

    before = {r.pair: r for r in a.active_relations}
    after = {r.pair: r.stance.value for r in b.active_relations}
    recorded = {r.pair: r for r in b.relations}
    quiet = quiet_window(b)
    label = b.scenario.rsplit(", ", 1)[-1] if any(r.kind == "events" for r in b.relations) or quiet else None
    rows = []
    for pair in sorted(set(before) | set(after)):
        s0, s1 = (before[pair].stance.value if pair in before else ""), after.get(pair, "")
        if s0 == s1:
            continue
        change = "gained" if not s0 else "lost" if not s1 else "changed"
        note = ""
        if change == "lost":
            change, note = _gone(before[pair], recorded.get(pair), quiet, label)
        rows.append({"a": pair[0], "b": pair[1], "change": change, "before": s0, "after": s1, "note": note})
    order = {"changed": 0, "gained": 1, "lost": 2, "no events": 3}
    rows.sort(key=lambda r: (order[r["change"]], r["a"], r["b"]))
    return pd.DataFrame(rows, columns=["a", "b", "change", "before", "after", "note"])


def _gone(rel: Relation, later: Relation | None, quiet: str | None, label: str | None) -> tuple[str, str]:
    """Why a relation in force before is not in force after (``later``: the pair's relation there): (change, note)."""
    if rel.kind == "events" and quiet is not None:
        return "no events", f"no events in {quiet}"
    if later is not None and later.until is not None:  # recorded but not in force: its period is over
        return "lost", f"ended (until {later.until})"
    if rel.kind == "events" and label is not None:
        return "lost", f"the events of {label} give the pair no stance"
    return "lost", ""


def score_from_evidence(rel: Relation) -> float | None:
    """The event score an event-derived relation's evidence cites, or None."""
    check_instance(rel, Relation, "rel", "a Relation")
    for ev in rel.evidence:
        m = _SCORE_NOTE.search(ev.note or "")
        if m:
            return float(m.group(1))
    return None


def _note(r: Any, method: str, *, title: str) -> str:
    return (
        f"{title}, {r.window_start.isoformat()} to {r.window_end.isoformat()}: {r.events} events, "
        f"{r.fatalities} deaths; observations: {r.verbal_cooperation} verbal cooperation, "
        f"{r.material_cooperation} material cooperation ({r.same_side} same side), {r.verbal_conflict} verbal "
        f"conflict, {r.material_conflict} material conflict, {r.unclassified} unclassified; "
        f"score {r.score:g} ({method})"
    )


def _unpack(relations: Any) -> tuple[pd.DataFrame, str, list[str], str]:
    if hasattr(relations, "table"):
        return relations.table, relations.format, list(relations.files), relations.method
    return relations, "events", [], "net_cooperation"
