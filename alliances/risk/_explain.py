"""Why one pair's conflict risk is what it is: tornado data, mutual information, a sentence.

The **tornado** sets one factor at a time to each of its other states (every state
when the factor is unobserved), the rest of the pair's evidence held as it is, and
reads P(clash) from the compiled network. The **mutual information** I(F; clash | the
pair's other evidence) says how much knowing factor F tells about a clash, in bits,
for this pair. The sentence says what the probability is about (the model's horizon).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from .._arguments import check_network
from .._numbers import json_number
from ..errors import ScenarioError
from ._compiled import CompiledRisk
from ._factors import BACKER_KINDS, PairFactors, pair_factors
from ._model_file import RiskModel, resolve_model
from ._spec import FACTORS, MISSING, OUTCOME_STATES, STANCES

if TYPE_CHECKING:
    import pandas as pd

    from .._network import AllianceNetwork

__all__ = ["RiskExplanation", "explain_risk", "outside_backers"]

_YES = OUTCOME_STATES.index("yes")


@dataclass(frozen=True, eq=False)
class RiskExplanation:
    """The risk of one pair and its reasons (see :func:`explain_risk`).

    Attributes
    ----------
    a, b : str
        The pair, ``a`` < ``b``.
    p_clash : float
        P(clash = yes) for the pair.
    factors : dict
        Factor name -> the pair's state (``unknown`` where unobserved).
    tornado : pandas.DataFrame
        Columns ``factor``, ``state``, ``p_clash``, ``delta`` (= p_clash - the pair's
        p_clash): every other state of every factor; factors by largest swing first.
    mutual_information : dict
        Factor name -> I(factor; clash | the pair's other evidence), in bits.
    sentence : str
        Why the pair ranks where it does, in plain words, naming actors by their display
        names (``label``, else ``name``); the ids are in ``a``, ``b`` and ``details``.
    rank, pairs : int
        The pair's place in :func:`~alliances.conflict_risk` (1 = riskiest) and the number of pairs.
    confidence : float
        Confidence of the recorded stance (1 for unknown pairs).
    names : dict
        Actor id -> display name, for the pair and the actors in ``details``.
    details : dict
        The actor ids and numbers behind the factors: ``implied_score``,
        ``friends_of_friends``, ``friends_of_enemies``, ``common_enemies``,
        ``opposed_backers``, ``backers`` (each side's outside state backers),
        ``common_theaters``, ``without_theater``, ``fighting_stated``.
    horizon : str
        What ``p_clash`` is about (the model's horizon).

    Examples
    --------
    >>> import alliances
    >>> ex = alliances.explain_risk(alliances.load("seeds/syria_2017.yaml"), "us_coalition", "assad")
    >>> ex.a, ex.b, ex.rank, ex.pairs, round(ex.p_clash, 2)
    ('assad', 'us_coalition', 10, 28, 0.08)
    >>> list(ex.tornado.columns)
    ['factor', 'state', 'p_clash', 'delta']

    References
    ----------
    .. [1] Bremer (1992) Dangerous dyads. Journal of Conflict Resolution 36.
    """

    a: str
    b: str
    p_clash: float
    factors: dict[str, str]
    tornado: pd.DataFrame
    mutual_information: dict[str, float]
    sentence: str
    rank: int = 0
    pairs: int = 0
    confidence: float = 1.0
    details: dict[str, Any] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    horizon: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data (numbers as floats, no NaN)."""
        return {
            "a": self.a,
            "b": self.b,
            "horizon": self.horizon,
            "p_clash": json_number(self.p_clash),
            "rank": self.rank,
            "pairs": self.pairs,
            "confidence": json_number(self.confidence),
            "sentence": self.sentence,
            "factors": dict(self.factors),
            "tornado": [
                {"factor": r.factor, "state": r.state, "p_clash": json_number(r.p_clash), "delta": json_number(r.delta)}
                for r in self.tornado.itertuples(index=False)
            ],
            "mutual_information": {k: json_number(v) for k, v in self.mutual_information.items()},
            "details": self.details,
            "names": dict(self.names),
        }


def explain_risk(
    net: AllianceNetwork, a: str, b: str, *, model: RiskModel | str | os.PathLike[str] | None = None
) -> RiskExplanation:
    """Explain one pair's conflict risk: factor states, tornado data, mutual information.

    Parameters
    ----------
    net : AllianceNetwork
    a, b : str
        Two different actors (either order), each by id, name, label or alias
        (:meth:`AllianceNetwork.resolve`): ``explain_risk(net, "Assad", "US coalition")``.
    model : RiskModel, path or None, optional
        The risk model; None uses the shipped default.

    Returns
    -------
    RiskExplanation

    Raises
    ------
    UnknownActorError
        If a name is no actor's (AmbiguousActorError: several actors').

    Examples
    --------
    >>> import alliances
    >>> net = alliances.load("seeds/syria_2017.yaml")
    >>> ex = alliances.explain_risk(net, "US coalition", "Assad")
    >>> ex.a, ex.b, ex.factors["stance"], ex.factors["fighting"]
    ('assad', 'us_coalition', 'rival', 'past')
    >>> ex.tornado.iloc[0]["factor"]
    'fighting'

    References
    ----------
    .. [1] Cover & Thomas (2006). Elements of Information Theory, 2nd ed. (mutual information).
    .. [2] Bremer (1992). Dangerous dyads. Journal of Conflict Resolution 36(2).
    """
    check_network(net)
    a = net.resolve(a)
    b = net.resolve(b)
    if a == b:
        raise ScenarioError(f"a pair needs two different actors, not {a!r} twice", file="pair")
    a, b = sorted((a, b))
    engine = CompiledRisk(resolve_model(model))
    pf = pair_factors(net)
    p_all = engine.p_clash(pf)
    pair = _Pair.of(engine, pf, pf.find(a, b))
    order = np.lexsort((pf.j, pf.i, -p_all))
    rank = int(np.flatnonzero(order == pair.k)[0]) + 1
    p = float(p_all[pair.k])
    factors = {f: str(pf.state_names(f)[pair.k]) for f in ("stance", *engine.others)}
    tornado = _tornado(engine, pair, p)
    mi = {f: _mutual_information(engine, f, pair.combo, pair.likelihood) for f in ("stance", *engine.others)}
    details = _details(net, a, b, pf, pair.k)
    effects = {
        f: p - _p_marginal(engine, f, pair.combo, pair.likelihood)
        for f in ("stance", *engine.others) if f == "stance" or factors[f] != "unknown"
    }
    names = {x: net.actors[x].display for x in net.actors}
    horizon = engine.model.outcome_label
    place = _place_among_not_at_war(pf, order, pair.k) if pair.stance != STANCES.index("enemy") else ""
    head = (f"{names[a]} - {names[b]} ranks {rank} of {len(pf)} pairs{place}, with P(clash) = {p:.2f} "
            f"({_chance(engine.model.horizon)})")
    sentence = _sentence(head, factors, pair.confidence, details, effects, tornado, names)
    involved = {a, b, *details["friends_of_friends"], *details["friends_of_enemies"], *details["common_enemies"],
                *(x for backers in details["opposed_backers"] for x in backers),
                *(x for side in details["backers"].values() for x in side)}
    return RiskExplanation(a, b, p, factors, tornado, mi, sentence, rank, len(pf), pair.confidence, details,
                           {x: names[x] for x in sorted(involved)}, horizon)


@dataclass(frozen=True, eq=False)
class _Pair:
    """One pair's evidence as the engine reads it: its row, stance, confidence, other factors."""

    k: int
    stance: int
    confidence: float
    combo: tuple[int, ...]
    likelihood: np.ndarray  # the stance's virtual evidence (one-hot for confidence 1)

    @classmethod
    def of(cls, engine: CompiledRisk, pf: PairFactors, k: int) -> _Pair:
        stance = int(pf.states["stance"][k])
        conf = float(pf.confidence[k])
        combo = tuple(int(pf.states[f][k]) for f in engine.others)
        L = engine.likelihood(np.array([stance]), np.array([conf]))[0]
        return cls(k, stance, conf, combo, L)


def _tornado(engine: CompiledRisk, pair: _Pair, p: float) -> pd.DataFrame:
    """P(clash) with each factor set to each of its other states; factors by largest swing first."""
    import pandas as pd

    rows = []
    for f in ("stance", *engine.others):
        for t, state in enumerate(FACTORS[f]):
            if f == "stance":
                if t == pair.stance and pair.confidence >= 1.0:
                    continue
                J = engine.joint(pair.combo)
                q = J[_YES, t] / J[:, t].sum()
            else:
                pos = engine.others.index(f)
                if t == pair.combo[pos]:  # an unobserved factor (MISSING) gets every state
                    continue
                q = _p_soft(engine, pair.combo[:pos] + (t,) + pair.combo[pos + 1:], pair.likelihood)
            rows.append((f, state, float(q), float(q - p)))
    tornado = pd.DataFrame(rows, columns=["factor", "state", "p_clash", "delta"])
    swing = tornado.groupby("factor", sort=False)["delta"].apply(lambda d: d.abs().max())
    model = engine.model
    rank_f = {f: i for i, f in enumerate(sorted(swing.index, key=lambda f: (-swing[f], _fpos(model, f))))}
    state_pos = [FACTORS[f].index(s) for f, s in zip(tornado["factor"], tornado["state"], strict=True)]
    return (
        tornado.assign(_f=tornado["factor"].map(rank_f), _s=state_pos)
        .sort_values(["_f", "_s"], kind="stable")
        .drop(columns=["_f", "_s"])
        .reset_index(drop=True)
    )


def _chance(horizon: str | None) -> str:
    """``the chance of at least one ... in the next month`` from a horizon ``P(...)``; a note when there is none."""
    if not horizon:
        return "the model states no horizon"
    inner = horizon[2:-1] if horizon.startswith("P(") and horizon.endswith(")") else horizon
    return f"the chance of {inner}"


def _place_among_not_at_war(pf: PairFactors, order: np.ndarray, k: int) -> str:
    """Where pair ``k`` ranks among the pairs that are not enemies (``order``: riskiest first)."""
    not_war = np.flatnonzero(pf.states["stance"][order] != STANCES.index("enemy"))
    if not len(not_war):
        return ""
    pos = int(np.flatnonzero(order[not_war] == k)[0]) + 1
    return ", the highest of the pairs not already at war" if pos == 1 else f", {pos} of {len(not_war)} pairs not already at war"


def _fpos(model: RiskModel, f: str) -> int:
    return list(model.factors).index(f) if f in model.factors else 99


def _p_soft(engine: CompiledRisk, combo: tuple[int, ...], L: np.ndarray) -> float:
    J = engine.joint(combo)
    return float((L * J[_YES]).sum() / (L * J.sum(axis=0)).sum())


def _p_marginal(engine: CompiledRisk, f: str, combo: tuple[int, ...], L: np.ndarray) -> float:
    """P(clash) with factor f left unobserved (the baseline its state is compared to)."""
    if f == "stance":
        J = engine.joint(combo)
        return float(J[_YES].sum() / J.sum())
    pos = engine.others.index(f)
    return _p_soft(engine, combo[:pos] + (MISSING,) + combo[pos + 1:], L)


def _mutual_information(engine: CompiledRisk, f: str, combo: tuple[int, ...], L: np.ndarray) -> float:
    """I(f; clash | the pair's other evidence) in bits, from the compiled joint table."""
    if f == "stance":
        joint = engine.joint(combo)  # (clash, stance), stance left unobserved
    else:
        full = engine.joint_with(f, combo)  # (clash, f, stance)
        joint = (full * L[None, None, :]).sum(axis=2)  # the stance's (soft) evidence applied
    joint = joint / joint.sum()
    pc = joint.sum(axis=1, keepdims=True)
    pf_ = joint.sum(axis=0, keepdims=True)
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(joint > 0, joint * np.log2(joint / (pc * pf_)), 0.0)
    return float(max(terms.sum(), 0.0))


def _details(net: AllianceNetwork, a: str, b: str, pf: PairFactors, k: int) -> dict[str, Any]:
    g = net.graph
    sa = {n: g.edges[a, n]["sign"] for n in g.neighbors(a)}
    sb = {n: g.edges[b, n]["sign"] for n in g.neighbors(b)}
    common = sorted(set(sa) & set(sb) - {a, b})
    ff = [n for n in common if sa[n] > 0 and sb[n] > 0]
    fe = [n for n in common if sa[n] * sb[n] < 0]
    ee = [n for n in common if sa[n] < 0 and sb[n] < 0]
    backers = sorted(
        (x, y)
        for x in sa if sa[x] > 0 and x != b
        for y in sb if sb[y] > 0 and y != a and g.has_edge(x, y) and g.edges[x, y]["sign"] < 0
    )
    ta = set(net.actors[a].theaters)
    tb = set(net.actors[b].theaters)
    rel = net.relation(a, b)
    return {
        "implied_score": float(pf.implied_score[k]),
        "friends_of_friends": ff,
        "friends_of_enemies": fe,
        "common_enemies": ee,
        "opposed_backers": [list(p) for p in backers],
        "backers": {a: outside_backers(net, a, b), b: outside_backers(net, b, a)},
        "common_theaters": sorted(ta & tb),
        "common_theater_names": [net.theaters[t].name if t in net.theaters else t for t in sorted(ta & tb)],
        "without_theater": [x for x in (a, b) if not net.actors[x].theaters],
        "fighting_stated": rel is not None and rel.is_active(net.as_of) and rel.fighting is not None,
    }


def outside_backers(net: AllianceNetwork, side: str, other: str) -> list[str]:
    """The outside backers of ``side`` against ``other``: states and coalitions friendly with it and not with ``other``.

    The actors behind the ``backing`` factor (:func:`~alliances.risk.pair_factors`), sorted.

    Examples
    --------
    >>> import alliances
    >>> net = alliances.load("seeds/syria_2017.yaml")
    >>> outside_backers(net, "assad", "islamic_state"), outside_backers(net, "islamic_state", "assad")
    (['iran', 'russia'], [])
    """
    g = net.graph

    def friends(x: str) -> set[str]:
        return {n for n in g.neighbors(x) if g.edges[x, n]["sign"] > 0}

    mine, theirs = friends(side), friends(other)
    return sorted(x for x in mine - theirs - {other} if net.actors[x].kind in BACKER_KINDS)


_STANCE_PHRASE = {
    "ally": "they are allies",
    "friendly": "they are on friendly terms",
    "neutral": "they are neutral towards each other",
    "ambivalent": "their relation is ambivalent",
    "rival": "they are rivals",
    "enemy": "they are enemies",
    "unknown": "no relation between them is recorded",
}
_FIGHTING_PHRASE = {
    "none": "they have never clashed",
    "past": "they clashed in the past, not lately",
    "recent": "they clashed lately (within two windows), not now",
    "low": "they are clashing now, occasionally",
    "high": "they are fighting now, heavily",
    "unknown": "how much they have fought lately is not stated",
}
_STANCE_AS = {
    "ally": "as allies", "friendly": "as friends", "neutral": "as neutrals", "ambivalent": "as ambivalent",
    "rival": "as rivals", "enemy": "as enemies", "unknown": "with no relation",
}


def _phrase(f: str, state: str, conf: float, d: dict[str, Any], names: dict[str, str]) -> str:
    def listed(ids: Iterable[str]) -> str:
        return ", ".join(names.get(x, x) for x in ids)

    if f == "stance":
        s = _STANCE_PHRASE[state]
        return s + (f" (confidence {conf:g})" if conf < 1 else "")
    if f == "implied":
        w = f"implied score {d['implied_score']:+.2g}"
        if state in ("enemy", "rival"):
            return (f"the rest of the graph implies {'enmity' if state == 'enemy' else 'rivalry'} "
                    f"(friends of the other's enemies: {listed(d['friends_of_enemies'])}; {w})")
        if state in ("ally", "friendly"):
            return (f"the rest of the graph implies {'alliance' if state == 'ally' else 'friendship'} "
                    f"(friends in common: {listed(d['friends_of_friends'])}; {w})")
        return "the rest of the graph implies nothing either way"
    if f == "fighting":
        return _FIGHTING_PHRASE[state]
    if f == "backing":
        backed = {x: ys for x, ys in d["backers"].items() if ys}
        if not backed:
            return "neither side has an outside state backer"
        text = "; ".join(f"{names.get(x, x)} is backed by {listed(ys)}" for x, ys in backed.items())
        return f"{'both sides are' if len(backed) == 2 else 'one side is'} backed from outside ({text})"
    if f == "shared_enemy":
        return f"they share an enemy ({listed(d['common_enemies'])})" if state == "yes" else "they have no enemy in common"
    if f == "opposed_backers":
        if state == "yes":
            return "their backers are opposed (" + ", ".join(f"{names.get(x, x)} against {names.get(y, y)}" for x, y in d["opposed_backers"]) + ")"
        return "their backers are not opposed"
    if f == "common_theater":
        if state == "yes":
            return f"they operate in a common theater ({', '.join(d['common_theater_names'])})"
        if state == "no":
            return "they operate in no common theater"
        return f"no theater is recorded for {' and '.join(names.get(x, x) for x in d['without_theater'])}"
    return f"{f} is {state}"


def _sentence(
    head: str,
    factors: dict[str, str],
    conf: float,
    details: dict[str, Any],
    effects: dict[str, float],
    tornado: pd.DataFrame,
    names: dict[str, str],
) -> str:
    """The plain-words explanation: the headline, what raises and lowers the risk, what moves it most."""
    # factors that move the risk by less than half a percentage point are left unsaid
    up = [f for f, e in effects.items() if e >= 0.005]
    down = [f for f, e in effects.items() if e <= -0.005]
    up.sort(key=lambda f: -effects[f])
    down.sort(key=lambda f: effects[f])
    parts = []
    if up:
        parts.append("raising it: " + "; ".join(_phrase(f, factors[f], conf, details, names) for f in up))
    if down:
        parts.append("lowering it: " + "; ".join(_phrase(f, factors[f], conf, details, names) for f in down))
    text = head + (". " + ". ".join(s[0].upper() + s[1:] for s in parts) if parts else "") + "."
    if factors.get("fighting") == "unknown":
        text += (" How much they have fought lately is not stated, so the model infers it from the rest"
                 " (state it with `fighting:` on the relation).")
    if factors.get("common_theater") == "unknown":
        missing = _phrase("common_theater", "unknown", conf, details, names)
        text += f" {missing[0].upper()}{missing[1:]}, so the theater factor is left open."
    if len(tornado):
        top = tornado.iloc[0]["factor"]
        rows = tornado[tornado["factor"] == top]
        hi = rows.loc[rows["p_clash"].idxmax()]
        lo = rows.loc[rows["p_clash"].idxmin()]
        name = top.replace("_", " ")
        if top == "stance":
            alt = f"{_STANCE_AS[hi.state]} it would be {hi.p_clash:.2f}, {_STANCE_AS[lo.state]} {lo.p_clash:.2f}"
        else:
            hs, ls = hi.state.replace("_", " "), lo.state.replace("_", " ")
            alt = f"{hs}: {hi.p_clash:.2f}, {ls}: {lo.p_clash:.2f}" if hs != ls else f"{hs}: {hi.p_clash:.2f}"
        text += f" The {name} moves it most ({alt})."
    return text
