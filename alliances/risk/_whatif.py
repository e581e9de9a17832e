"""What-if: change the scenario (an intervention on the graph) and compare the risks.

A what-if edits the network itself, so every graph-derived factor of every pair is
recomputed from the changed graph: setting a stance also changes the balance, shared
enemy and backer factors of the pairs around it. This is an intervention on the
scenario, not pgmpy's ``do``-operator on the risk network.
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
        The new relation is in force whatever the old one's period was.
    drop : iterable of str
        Remove these actors and all their relations.
    add_theater : iterable of (actor, theater)
        The actor also operates in this theater (created if the scenario lacks it).

    Returns
    -------
    AllianceNetwork
        A new network; ``net`` is unchanged. Changes apply in the order set, add_theater, drop.

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
    """
    check_network(net)
    set = check_items(set, "set", _change, item="a stance change")  # noqa: A001
    drop = check_items(drop, "drop", _actor_id, item="an actor to drop")
    add_theater = check_items(add_theater, "add_theater", _actor_and_theater, item="a theater to add")
    out = net
    for item in set:
        a, b, stance = _triple(item)
        out = out.with_relation(a, b, _stance(stance))
    for actor, theater in add_theater:
        out = out.with_theater(actor, theater)
    for actor in drop:
        out = out.without_actor(actor)
    return out


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
    """How every pair's conflict risk changes from one network to another.

    Parameters
    ----------
    before, after : AllianceNetwork
        Typically a scenario and ``what_if(scenario, ...)``.
    model : RiskModel, path or None, optional
    progress : callable, bool or None, optional
        A callback called as ``progress(done, total)`` while the factor combinations
        of each network are compiled, or True for a progress bar on stderr (when it is
        a terminal).

    Returns
    -------
    pandas.DataFrame
        Columns ``a``, ``b``, ``status``, ``p_before``, ``p_after``, ``change`` (after -
        before), ``stance_before``, ``stance_after``: one row per pair of either network
        (an outer comparison). ``status`` is ``"changed"`` (the risk or the stance
        differs), ``"unchanged"``, ``"removed"`` (the pair is only in ``before``: an
        actor was dropped) or ``"added"`` (only in ``after``); the side a pair is missing
        from has NaN probabilities and change and a None stance. Rows: changed pairs by
        ``|change|`` descending, then removed, added and unchanged pairs, ties by ``a``, ``b``.

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
    """
    check_graph(before, "before")
    check_graph(after, "after")
    check_progress(progress)
    engine = CompiledRisk(resolve_model(model))  # one engine: combinations both networks share are compiled once
    with using_progress(progress, "compiling the risk network") as update:
        x = engine.all_pairs(before, progress=update)[["a", "b", "stance", "p_clash"]]
        y = engine.all_pairs(after, progress=update)[["a", "b", "stance", "p_clash"]]
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
    for col in ("stance_before", "stance_after"):
        df[col] = df[col].astype(object).where(df[col].notna(), None)
    group = df["status"].map(_STATUS_ORDER)
    key = np.where(df["status"] == "changed", -df["change"].abs().fillna(0.0), 0.0)
    df = df.assign(_g=group, _k=key).sort_values(["_g", "_k", "a", "b"], kind="stable")
    df = df.drop(columns=["_g", "_k", "_merge"]).reset_index(drop=True)
    return df[["a", "b", "status", "p_before", "p_after", "change", "stance_before", "stance_after"]]


_STATUS_ORDER = {"changed": 0, "removed": 1, "added": 2, "unchanged": 3}
