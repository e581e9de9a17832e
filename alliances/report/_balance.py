"""What ``alliances balance`` prints: the balance picture in plain words, tables and JSON.

Functions here take a :class:`~alliances.analysis.BalanceReport` (the analyses already
run) and shape it; they compute nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Any, Literal

from .._numbers import json_number
from ._terminal import literal, literal_row, literal_table

if TYPE_CHECKING:
    from ..analysis import BalanceReport

__all__ = ["CENTRALITY_READING", "SHOW_MAX", "balance_json", "balance_renderables", "balance_statements"]

#: At most this many triads or implied relations are spelled out on the terminal.
SHOW_MAX = 15

_Namer = Callable[[Hashable], str]


def balance_json(rep: BalanceReport) -> dict[str, Any]:
    """The report as JSON-ready data: pairs ``a`` < ``b``, sorted lists, None for undefined numbers.

    Keys: ``scenario``, ``census`` (counts, totals and ratios), ``triangles`` (the four
    counts), ``strict_balance``, ``weak_balance``, ``walk_balance``,
    ``unbalanced_triads``, ``frustration`` (``index``, ``weighted_index``, ``optimal``,
    ``lower_bound``, ``gap``, ``method``, ``partition``, ``frustrated_edges``),
    ``factions`` (the camps), ``factions_detail`` (with ``note``: why the camps are
    as many as they are), ``implied``, ``centrality``, ``ambivalent`` (each reading
    with ``changes_camps``, ``camps`` and ``moved``, as the words say), ``chance``
    (``census``, ``walk_balance``, ``frustration``: each with ``observed``,
    ``expected``, ``z_score``, ``p_value``; None without draws), ``isolated``.

    An actor with no signed tie (``isolated``: only neutral or ambivalent ties, or none) is in
    no camp: it is listed there, sorted, and left out of ``factions`` and of the frustration
    ``partition``, as the text and the network diagram have it.
    """
    data = rep.to_dict()
    alone = set(rep.factions.isolated)
    if alone:
        def without(camps: list[list[Any]]) -> list[list[Any]]:
            kept = [[x for x in camp if x not in alone] for camp in camps]
            return sorted((c for c in kept if c), key=lambda c: (-len(c), str(c[0])))

        data["factions"] = without(data["factions"])
        data["frustration"]["partition"] = sorted(
            ([x for x in camp if x not in alone] for camp in data["frustration"]["partition"]),
            key=lambda c: (-len(c), str(c[0]) if c else ""))
    data["isolated"] = sorted(alone, key=str)
    return data


def balance_statements(rep: BalanceReport) -> list[str]:
    """The picture in plain sentences, most important first.

    Examples
    --------
    >>> import alliances
    >>> from pathlib import Path
    >>> rep = alliances.balance_report(alliances.load(Path(alliances.__file__).parents[1] / "seeds" / "syria_2017.yaml"))
    >>> print(balance_statements(rep)[8])
    Assad government, Islamic State and US-led coalition form an all-negative triad (three mutual enemies): weakly balanced (Davis 1967) but not strictly balanced (Cartwright & Harary 1956).
    >>> print(balance_statements(rep)[4])
      Strictly balanced triangles 78% (expected by chance 51%, z = +2.2): more balanced than 98% of sign shufflings (p = 0.02).
    """
    name = _namer(rep.names)
    return [*_census_statements(rep, name), *_chance_statements(rep), *_triad_statements(rep, name),
            *_camp_statements(rep, name), *_implied_statements(rep), *_ambivalence_statements(rep, name)]


def _census_statements(rep: BalanceReport, name: _Namer) -> list[str]:
    """The triangle census and walk balance, and whether any triad breaks weak balance."""
    c = rep.census
    out = []
    if c.total == 0:
        out.append("There are no triangles of signed ties: the census says nothing about balance.")
    else:
        counts = ", ".join(f"{c.counts[t]} {t}" for t in ("+++", "++-", "+--", "---"))
        out.append(
            f"{c.total} triangle(s) of signed ties ({counts}): {_pct(c.strict_balance)} are strictly balanced "
            f"(Cartwright & Harary 1956: +++ and +--), {_pct(c.weak_balance)} weakly balanced "
            f"(Davis 1967: three mutual enemies accepted too)."
        )
    if rep.walk is not None:
        verdict = "balanced" if rep.walk >= 1 - 1e-9 else (
            "close to balanced" if rep.walk > 0.9 else "under strain" if rep.walk > 0.5 else "far from balanced")
        out.append(f"Walk balance (Estrada & Benzi 2014): {rep.walk:.3f} (1 means balanced): {verdict}.")
    weak_bad = rep.unbalanced[~rep.unbalanced["weakly_balanced"].astype(bool)] if len(rep.unbalanced) else rep.unbalanced
    if c.total and len(weak_bad) == 0:
        out.append("No triad breaks weak balance: nobody is a friend of two actors who are enemies of each other.")
    return out


def _chance_statements(rep: BalanceReport) -> list[str]:
    """The census, walk balance and frustration index beside sign shuffles, in words."""
    chance = rep.chance
    if chance is None:
        return []
    draws = chance.census.draws or chance.walk.draws
    out = [f"Against chance (the same ties with their signs shuffled, {draws:,} draws; Szell, Lambiotte & "
           f"Thurner 2010):"]
    if chance.census.note.startswith("every signed tie"):
        return [out[0] + " " + chance.census.note + ", so balance cannot be compared with chance."]
    rows = (("Strictly balanced triangles", chance.census, _pct),
            ("Walk balance", chance.walk, lambda x: _fmt3(x)),
            ("Frustration index", chance.frustration, _fmt))
    for label, m, fmt in rows:
        if m.p_value is None or m.observed is None:
            out.append(f"  {label}: not compared ({m.note or 'no draws'}).")
            continue
        z = "" if m.z_score is None else f", z = {m.z_score:+.1f}"
        how = ""
        if m is chance.frustration:
            how = f"; {'exact' if m.method.startswith('exact') else 'heuristic'} for the network and its {m.draws:,} draws"
        out.append(f"  {label} {fmt(m.observed)} (expected by chance {fmt(m.expected)}{z}{how}): more balanced than "
                   f"{_share(m.more_balanced_than, m.draws)} of sign shufflings (p = {_p(m.p_value)}).")
    return out


def _share(x: float | None, draws: int) -> str:
    """A share of draws in words: "all", or a percentage rounded down (99.96% is not all)."""
    if x is None:
        return "n/a"
    if x >= 1.0:
        return f"all {draws:,}"
    return f"{int(x * 100 + 1e-9)}%"


def _p(p: float) -> str:
    return f"{p:.2g}" if p >= 0.01 else f"{p:.1g}"


def _fmt3(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def _triad_statements(rep: BalanceReport, name: _Namer) -> list[str]:
    """Each triad that is not strictly balanced, and who stands between whom in it."""
    out = []
    for r in list(rep.unbalanced.itertuples())[:SHOW_MAX]:
        trio = f"{name(r.a)}, {name(r.b)} and {name(r.c)}"
        if r.type == "---":
            out.append(
                f"{trio} form an all-negative triad (three mutual enemies): weakly balanced (Davis 1967) "
                "but not strictly balanced (Cartwright & Harary 1956)."
            )
        else:
            pairs = {"ab": (r.a, r.b, r.signs[0]), "bc": (r.b, r.c, r.signs[1]), "ac": (r.a, r.c, r.signs[2])}
            (u, v, _), = [p for p in pairs.values() if p[2] == "-"]
            (w,) = {r.a, r.b, r.c} - {u, v}
            out.append(
                f"{trio} form an unbalanced triad (++-): {name(w)} is on good terms with both {name(u)} and "
                f"{name(v)}, who are enemies; unbalanced in every sense."
            )
    if len(rep.unbalanced) > SHOW_MAX:
        out.append(f"... and {len(rep.unbalanced) - SHOW_MAX} more unbalanced triad(s) (see --json).")
    return out


def _camp_statements(rep: BalanceReport, name: _Namer) -> list[str]:
    """The frustration index with the ties it counts, the two camps, and the factions."""
    out = []
    fr = rep.frustration
    if fr.value == 0 and fr.optimal:
        out.append("The network is balanced: it splits into two camps with every tie where balance puts it.")
    else:
        proof = "proven minimal" if fr.optimal else (
            f"best found; at least {_fmt(fr.lower_bound)}" + (f", gap {fr.gap:.0%}" if fr.gap is not None else ""))
        ties = "; ".join(f"{name(a)} - {name(b)}" for a, b in fr.frustrated[:SHOW_MAX])
        more = f" and {len(fr.frustrated) - SHOW_MAX} more" if len(fr.frustrated) > SHOW_MAX else ""
        out.append(
            f"Frustration index (Harary 1959): {_fmt(fr.value)} tie(s) ({proof}) stand between the network and "
            f"balance, weighted {_fmt(rep.weighted_frustration.value)}; in the best split into two camps they are: "
            f"{ties}{more}."
        )
    alone = set(rep.factions.isolated)
    two = [[x for x in camp if x not in alone] for camp in fr.camps]
    if len(two) == 2 and two[0] and two[1]:
        out.append(f"Two camps: {_list(two[0], name)} against {_list(two[1], name)}.")
    fa = rep.factions
    camps = [c for c in ([x for x in camp if x not in alone] for camp in fa.camps) if c]
    if camps:
        label = "proven optimal" if fa.optimal else "best found"
        out.append(
            f"Factions (Doreian & Mrvar 1996, alpha {fa.alpha:g}): {len(camps)} camp(s), {label}, criterion "
            f"{_fmt(fa.value)}: " + "; ".join(_list(camp, name) for camp in camps) + "."
            + (f" {fa.note}" if fa.note else "")
        )
    if alone:
        out.append(f"No signed tie (only neutral or ambivalent ties, or none), so in no camp: "
                   f"{_list(sorted(alone, key=str), name)}.")
    return out


def _implied_statements(rep: BalanceReport) -> list[str]:
    """The relations balance implies for unknown pairs, under the rule in force."""
    rule = "strict balance (the enemy of an enemy is a friend)" if rep.strict else (
        "weak balance (an enemy's enemy is no evidence of friendship)")
    if not len(rep.implied):
        return [f"Balance implies nothing for the unknown pairs under {rule}."]
    out = [f"Implied relations for pairs with no recorded relation, under {rule}:"]
    for r in list(rep.implied.itertuples())[:SHOW_MAX]:
        out.append(f"  {r.reason}")
    if len(rep.implied) > SHOW_MAX:
        out.append(f"  ... and {len(rep.implied) - SHOW_MAX} more (see --json).")
    return out


def _ambivalence_statements(rep: BalanceReport, name: _Namer) -> list[str]:
    """The ambivalent ties left out, and what reading them as positive or negative would change."""
    amb = rep.ambivalence
    if amb.count == 0:
        return ["No ambivalent ties (neutral ties count as no tie; unknown pairs are never neutral)."]
    ties = "; ".join(f"{name(a)} - {name(b)}" for a, b in amb.ties)
    out = [
        f"{amb.count} ambivalent tie(s) left out of the census, the frustration index and the camps: {ties}; "
        f"they would close {len(amb.triads)} triad(s)."
    ]
    for reading in ("positive", "negative"):
        r = amb.readings[reading]
        if r["changes_camps"]:
            moved = _list(r["moved"], name)
            effect = (f"would change the camps ({moved} {'moves' if len(r['moved']) == 1 else 'move'}) to "
                      + " against ".join(_list(c, name) for c in r["camps"] if c))
        else:
            effect = "would leave the camps as they are"
        out.append(f"  Read as {reading}, they {effect} (frustration index {_fmt(r['frustration'])}).")
    return out


def balance_renderables(rep: BalanceReport) -> list[Any]:
    """Rich renderables: heading, the statements, then tables of camps, implied relations, centrality.

    Names and the title are shown literally (no rich markup, control characters escaped).
    """
    name = _namer(rep.names)
    out: list[Any] = [literal(f"Structural balance: {rep.title}" if rep.title else "Structural balance",
                              style="bold")]
    for line in balance_statements(rep):
        out.append(literal(line))

    census = literal_table("Triangle census")
    for col in ("pattern", "triangles", "balanced"):
        census.add_column(col, justify="right" if col == "triangles" else "left")
    meaning = {"+++": "strictly", "+--": "strictly", "---": "weakly only", "++-": "no"}
    for t in ("+++", "++-", "+--", "---"):
        literal_row(census, t, str(rep.census.counts[t]), meaning[t])
    out.append(census)

    if len(rep.unbalanced):
        tri = literal_table(f"Triads that are not strictly balanced ({len(rep.unbalanced)})")
        for col in ("actors", "signs (ab, bc, ac)", "weakly balanced"):
            tri.add_column(col)
        for r in list(rep.unbalanced.itertuples())[:SHOW_MAX]:
            literal_row(tri, f"{name(r.a)}, {name(r.b)}, {name(r.c)}", r.signs, "yes" if r.weakly_balanced else "no")
        out.append(tri)

    fac = literal_table(f"Factions ({rep.factions.method})")
    fac.add_column("camp", justify="right")
    fac.add_column("members")
    alone = set(rep.factions.isolated)
    camps = [c for c in ([x for x in camp if x not in alone] for camp in rep.factions.camps) if c]
    for i, camp in enumerate(camps, 1):
        literal_row(fac, str(i), ", ".join(str(x) for x in camp))
    if alone:
        literal_row(fac, "none", ", ".join(str(x) for x in sorted(alone, key=str)) + " (no signed tie)")
    out.append(fac)

    if len(rep.implied):
        imp = literal_table(f"Implied relations ({len(rep.implied)})")
        columns: tuple[tuple[str, Literal["left", "right"]], ...] = (
            ("pair", "left"), ("stance", "left"), ("score", "right"), ("via", "left"), ("paths disagree", "left"))
        for col, justify in columns:
            imp.add_column(col, justify=justify)
        for r in list(rep.implied.itertuples())[:SHOW_MAX]:
            literal_row(imp, f"{r.a} - {r.b}", r.stance, f"{r.score:+.2f}", ", ".join(str(v) for v in r.via),
                        "yes" if r.conflicting else "")
        out.append(imp)

    cen = literal_table("Signed centrality (PN index: Everett & Borgatti 2014)")
    for col in ("actor", "+", "-", "net", "PN"):
        cen.add_column(col, justify="left" if col == "actor" else "right")
    for row in list(rep.centrality.to_dict("records"))[:SHOW_MAX * 2]:
        pn = json_number(row["pn"])
        literal_row(cen, str(row["actor"]), str(row["positive"]), str(row["negative"]), f"{row['net']:+d}",
                    "n/a" if pn is None else f"{pn:.3f}")
    out.append(cen)
    out.append(literal(CENTRALITY_READING))
    return out


CENTRALITY_READING = ("How to read it: + and - count friendly and hostile ties; PN above 1: friends who have "
                      "friends, below 1: enemies (1: no ties); highest first.")
"""The one line under the centrality table that says how to read it."""


# -- helpers ---------------------------------------------------------------------------


def _fmt(x: float | None) -> str:
    if x is None:
        return "n/a"
    return f"{x:g}" if float(x).is_integer() else f"{x:.3g}"


def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.0%}"


def _namer(names: dict[Hashable, str]) -> _Namer:
    return lambda x: names.get(x, str(x))


def _list(items: list[Hashable], name: _Namer) -> str:
    return ", ".join(name(x) for x in items)
