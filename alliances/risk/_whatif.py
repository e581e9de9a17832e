"""What-if: change the scenario (an intervention on the graph) and compare the risks.

A what-if edits the network itself, so every graph-derived factor of every pair is
recomputed from the changed graph: setting a stance also changes what the graph
implies, the shared enemies and the outside backing of the pairs around it; dropping
a state can leave its clients without a backer. This is an intervention on the
scenario, not the ``do``-operator on the risk network. When the pairs one would expect
to move do not, :func:`compare_risk` says why: which of their factors stayed as they were.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import numpy as np

from .._arguments import check_graph, check_network
from .._checks import check_instance, check_items, check_progress, shown
from .._progress import ProgressLike, using_progress
from .._records import Stance
from .._text import did_you_mean
from ..errors import ParameterTypeError, ScenarioError
from ._compiled import CompiledRisk
from ._explain import outside_backers
from ._model_file import RiskModel, resolve_model

if TYPE_CHECKING:
    import pandas as pd

    from .._network import AllianceNetwork

__all__ = ["compare_risk", "what_if"]

_NONE = ("unknown", "none")


def what_if(
    net: AllianceNetwork,
    *,
    set: Iterable[tuple[str, str, str | Stance | None]] = (),  # noqa: A002 - the CLI's word
    drop: Iterable[str] = (),
    add_theater: Iterable[tuple[str, str]] = (),
) -> AllianceNetwork:
    """The network with these changes applied: stances set, theaters added, actors dropped.

    Parameters
    ----------
    net : AllianceNetwork
    set : iterable of (a, b, stance)
        Give the pair this stance; ``"unknown"`` (or None) removes the relation.
        Stance names are lowercase, as in scenario files (``"Enemy"`` is refused).
        The new relation is in force whatever the old one's period was, and keeps the
        old one's ``fighting`` level: how much the two have fought so far is a fact of
        the record that a new stance does not undo.
    drop : iterable of str
        Remove these actors and all their relations.
    add_theater : iterable of (actor, theater)
        The actor also operates in this theater (created if the scenario lacks it).

    Returns
    -------
    AllianceNetwork
        A new network; ``net`` is unchanged. Changes apply in the order set, add_theater, drop.
        Its title says what changed (``Syria, what if Assad - US coalition enemy; without
        Russia``), so figures and tables drawn from it are not taken for the baseline.
        Actors may be named by id, name, label or alias.

    Raises
    ------
    UnknownActorError, ScenarioError
        For an unknown actor or stance, or a pair of one actor.

    Examples
    --------
    >>> import alliances
    >>> net = alliances.load("seeds/syria_2017.yaml")
    >>> after = alliances.what_if(net, set=[("assad", "us_coalition", "enemy")], drop=["russia"])
    >>> after.stance("assad", "us_coalition").value, "russia" in after
    ('enemy', False)
    >>> after.scenario
    'Syria, Deir al-Zor offensive, what if Assad - US coalition enemy; without Russia'
    """
    check_network(net)
    set = check_items(set, "set", _change, item="a stance change")  # noqa: A001
    drop = check_items(drop, "drop", _actor_id, item="an actor to drop")
    add_theater = check_items(add_theater, "add_theater", _actor_and_theater, item="a theater to add")
    out = net
    said = []
    for item in set:
        a, b, stance = _triple(item)
        old = out.relation(a, b)
        new = _stance(stance)
        kept = {"fighting": old.fighting} if old is not None and old.fighting is not None and new is not None else {}
        out = out.with_relation(a, b, new, **kept)
        said.append(f"{net.actor(a).display} - {net.actor(b).display} {new.value if new else 'unknown'}")
    for actor, theater in add_theater:
        out = out.with_theater(actor, theater)
        said.append(f"{net.actor(actor).display} also in {out.theaters[theater].name}")
    for actor in drop:
        said.append(f"without {net.actor(actor).display}")
        out = out.without_actor(actor)
    if not said:
        return out
    return out.replace(scenario=f"{net.scenario}, what if {'; '.join(said)}")


def _change(item: Any, name: str) -> Any:
    return item  # each change is read by _triple, in order


def _actor_id(item: Any, name: str) -> str:
    return check_instance(item, str, name, "an actor id")


def _actor_and_theater(item: Any, name: str) -> tuple[str, str]:
    if isinstance(item, str | bytes) or not isinstance(item, tuple | list) or len(item) != 2:
        raise ParameterTypeError(f"{name} must be a pair (actor id, theater id), not {shown(item)}")
    return _actor_id(item[0], name), _actor_id(item[1], name)


def _triple(item: Any) -> tuple[str, str, str | Stance | None]:
    try:
        a, b, stance = item
    except (TypeError, ValueError):
        raise ScenarioError(f"a stance change needs (actor, actor, stance), not {item!r}", file="what-if") from None
    return a, b, stance


def _stance(value: str | Stance | None) -> Stance | None:
    if value is None or isinstance(value, Stance):
        return value
    if str(value) in _NONE:
        return None
    try:  # lowercase, exactly as in scenario files
        return Stance(str(value))
    except ValueError:
        names = [s.value for s in Stance] + ["unknown"]
        raise ScenarioError(
            f"unknown stance {value!r} (expected one of: {', '.join(names)}){did_you_mean(str(value), names)}",
            file="what-if",
        ) from None


def compare_risk(
    before: AllianceNetwork,
    after: AllianceNetwork,
    *,
    model: RiskModel | str | os.PathLike[str] | None = None,
    progress: ProgressLike = None,
) -> pd.DataFrame:
    """How every pair's conflict risk changes from one network to another, and why some did not.

    Parameters
    ----------
    before, after : AllianceNetwork
        Typically a scenario and ``what_if(scenario, ...)``.
    model : RiskModel, path or None, optional
    progress : callable, bool or None, optional
        A callback called as ``progress(done, total)`` as each network is computed, or
        True for a progress bar on stderr (when it is a terminal).

    Returns
    -------
    pandas.DataFrame
        Columns ``a``, ``b``, ``status``, ``p_before``, ``p_after``, ``change`` (after -
        before), ``stance_before``, ``stance_after``, ``moved`` (the factors whose state
        changed, comma-separated; empty when none did): one row per pair of either
        network (an outer comparison). ``status`` is ``"changed"`` (the risk or the
        stance differs), ``"unchanged"``, ``"removed"`` (the pair is only in ``before``:
        an actor was dropped) or ``"added"`` (only in ``after``); the side a pair is
        missing from has NaN probabilities and change and a None stance. Rows: changed
        pairs by ``|change|`` descending, then removed, added and unchanged pairs, ties
        by ``a``, ``b``. ``df.attrs["unmoved"]`` lists the pairs one would expect to
        move and that did not (hostile pairs with an actor next to a change: a dropped
        actor's partners, the two actors of a changed relation, an actor given a
        theater), each as ``{"a", "b", "factors": {name: state}, "why": sentence}``;
        ``df.attrs["horizon"]`` is the model's horizon.

    Examples
    --------
    >>> import alliances
    >>> net = alliances.load("seeds/syria_2017.yaml")
    >>> after = alliances.what_if(net, set=[("assad", "us_coalition", "enemy")])
    >>> diff = alliances.compare_risk(net, after)
    >>> tuple(diff.iloc[0][["a", "b", "status"]]), bool(diff.iloc[0]["change"] > 0)
    (('assad', 'us_coalition', 'changed'), True)
    >>> gone = alliances.compare_risk(net, alliances.what_if(net, drop=["russia"]))
    >>> removed = gone[gone["status"] == "removed"]
    >>> len(removed), bool(removed["p_after"].isna().all()), sorted(set(removed["a"]) | set(removed["b"]))[:3]
    (7, True, ['assad', 'hezbollah', 'iran'])
    >>> print(gone.attrs["unmoved"][0]["why"])  # Assad keeps a backer: its war risk stays
    Assad - IS: unchanged; its factors did not move: fighting high; implied enemy; shared enemy yes; backing one_side (Assad still has an outside backer: Iran); common theater yes.
    """
    check_graph(before, "before")
    check_graph(after, "after")
    check_progress(progress)
    engine = CompiledRisk(resolve_model(model))
    with using_progress(progress, "computing conflict risk") as update:
        x = engine.all_pairs(before, progress=update)
        y = engine.all_pairs(after, progress=update)
    factors = [c for c in x.columns if c not in ("a", "b", "p_clash")]
    df = x.merge(y, on=["a", "b"], how="outer", suffixes=("_before", "_after"), indicator=True)
    df = df.rename(columns={"p_clash_before": "p_before", "p_clash_after": "p_after"})
    df["change"] = df["p_after"] - df["p_before"]
    # exact zero for unchanged pairs, so sorting does not depend on rounding noise
    df.loc[np.isclose(df["change"], 0.0, rtol=0.0, atol=1e-15), "change"] = 0.0
    both = (df["_merge"] == "both").to_numpy()
    moved = both & ((df["change"] != 0).to_numpy() | (df["stance_before"] != df["stance_after"]).to_numpy())
    status = np.where(df["_merge"] == "left_only", "removed", np.where(df["_merge"] == "right_only", "added",
                      np.where(moved, "changed", "unchanged")))
    df["status"] = status.astype(object)
    df["moved"] = [", ".join(f for f in factors if ok and str(getattr(r, f"{f}_before")) != str(getattr(r, f"{f}_after")))
                   for r, ok in zip(df.itertuples(index=False), both, strict=True)]
    for col in ("stance_before", "stance_after"):
        df[col] = df[col].astype(object).where(df[col].notna(), None)
    unmoved = _unmoved(before, after, df, factors)
    group = df["status"].map(_STATUS_ORDER)
    key = np.where(df["status"] == "changed", -df["change"].abs().fillna(0.0), 0.0)
    df = df.assign(_g=group, _k=key).sort_values(["_g", "_k", "a", "b"], kind="stable")
    df = df[["a", "b", "status", "p_before", "p_after", "change", "stance_before", "stance_after", "moved"]]
    df = df.reset_index(drop=True)
    df.attrs["unmoved"] = unmoved
    df.attrs["horizon"] = engine.model.outcome_label
    return df


_STATUS_ORDER = {"changed": 0, "removed": 1, "added": 2, "unchanged": 3}
_HOSTILE = ("enemy", "rival")
_FIGHTING = ("recent", "low", "high")


def _touched(before: AllianceNetwork, after: AllianceNetwork) -> set[str]:
    """The actors next to a change: a dropped actor's partners, a changed relation's two actors, a new theater's actor."""
    g = before.graph
    out: set[str] = set()
    for x in set(before.actors) - set(after.actors):
        out.update(g.neighbors(x))
    common = set(before.actors) & set(after.actors)
    old = {r.pair: (r.stance, r.fighting) for r in before.active_relations if set(r.pair) <= common}
    new = {r.pair: (r.stance, r.fighting) for r in after.active_relations if set(r.pair) <= common}
    for pair in set(old) ^ set(new) | {p for p in set(old) & set(new) if old[p] != new[p]}:
        out.update(pair)
    out.update(a for a in common if set(before.actors[a].theaters) != set(after.actors[a].theaters))
    return out & set(after.actors)


def _kept_backers(net: AllianceNetwork, a: str, b: str, touched: set[str], names: dict[str, str]) -> str:
    """`` (Assad still has an outside backer: Iran)`` for the touched sides of the pair that kept one."""
    kept = [f"{names[x]} still has an outside backer: {', '.join(names[z] for z in zs)}"
            for x, y in ((a, b), (b, a)) if x in touched and (zs := outside_backers(net, x, y))]
    return f" ({'; '.join(kept)})" if kept else ""


def _unmoved(before: AllianceNetwork, after: AllianceNetwork, df: pd.DataFrame, factors: list[str]) -> list[dict[str, Any]]:
    """The hostile pairs next to a change whose risk did not move, with the factors that kept them where they were."""
    touched = _touched(before, after)
    names = {x: net.actors[x].display for net in (before, after) for x in net.actors}
    out = []
    for r in df[df["status"] == "unchanged"].itertuples(index=False):
        states = {f: str(getattr(r, f"{f}_after")) for f in factors}
        hostile = states.get("stance") in _HOSTILE or states.get("fighting") in _FIGHTING
        if not hostile or not ({r.a, r.b} & touched):
            continue
        shown = [f"{f.replace('_', ' ')} {s}" + (_kept_backers(after, r.a, r.b, touched, names) if f == "backing" else "")
                 for f, s in states.items() if f != "stance" and s != "unknown"]
        sentence = f"{names[r.a]} - {names[r.b]}: unchanged; its factors did not move: {'; '.join(shown)}."
        out.append({"a": r.a, "b": r.b, "factors": states, "why": sentence})
    return out
