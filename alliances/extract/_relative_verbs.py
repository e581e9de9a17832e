"""The later verb of a relative clause: ``The group, which controls ... and receives weapons from Tehran``.

A non-restrictive relative clause (``, which ...``, ``, who ...``) says its verbs of its head. The grammar
binds a cue to the head when the cue follows the relative word (``X, which has long backed Y``); wire copy
often coordinates two verbs in the clause, and the cue is the second one:

- ``The group, which controls most of northern Yemen and receives weapons and training from Tehran,``;
- ``Xan, which has fought Yel for a decade and now backs Zed,``.

The head is the second verb's subject when the clause opens with its own verb (no subject of its own after
the relative word: ``X, which the government says ...`` and ``X, which Pax armed and Yel backs`` are left
alone) and the cue follows ``and`` or ``but`` with only auxiliaries and adverbs between.
"""

from __future__ import annotations

__all__ = ["coordinated_relative_verb"]

_COORDINATORS = frozenset({"and", "but"})
_BETWEEN = frozenset({"has", "have", "had", "is", "was", "are", "were", "will", "would", "also", "now", "still",
                      "long", "been", "later", "since", "then", "openly", "reportedly", "even"})
# what cannot open a relative clause's own verb: a subject of its own, a determiner, a number
_NO_VERB = frozenset({"the", "a", "an", "its", "their", "his", "her", "he", "she", "it", "they", "we", "i", "you",
                      "this", "these", "those", "many", "some", "most", "all", "both", "several", "critics", "analysts",
                      "officials", "diplomats", "experts", "observers", "western", "un", "us"})
_CLAUSE_BREAKS = frozenset({",", ";", ":", ".", '"', "(", ")", "that", "which", "who", "whom", "whose", "while",
                            "after", "before", "when", "as", "because", "although", "though", "if", "where"})


def coordinated_relative_verb(units: list[str], relative: int, cue_start: int) -> bool:
    """Whether a cue at ``cue_start`` is the coordinated later verb of the relative clause opened at ``relative``.

    Parameters
    ----------
    units : list of str
        The sentence's units (lower-cased words; an actor mention as ``@n``).
    relative : int
        The unit of the relative word (``which``, ``who``).
    cue_start : int
        The unit the cue starts at.

    Returns
    -------
    bool
        True when the clause opens with its own verb and the cue follows ``and`` or ``but`` with only
        auxiliaries and adverbs between: the relative clause's head is the cue's subject.

    Examples
    --------
    >>> units = "@0 , which controls most of the north and receives weapons from @1".split()
    >>> coordinated_relative_verb(units, 2, 9)
    True
    >>> coordinated_relative_verb("@0 , which @1 armed and backs @2".split(), 2, 6)
    False
    """
    k = relative + 1
    while k < cue_start and (units[k] in _BETWEEN or units[k].endswith("ly")):
        k += 1
    if k >= cue_start or units[k] in _NO_VERB or units[k].startswith("@") or not units[k].isalpha():
        return False
    j = cue_start - 1
    while j > k and (units[j] in _BETWEEN or units[j].endswith("ly")):
        j -= 1
    if j <= k or units[j] not in _COORDINATORS:  # "and", "but (also)": "also" is skipped above
        return False
    # one clause: no second relative word, comma or subordinator between the two verbs, and the actor
    # right before "and" is an object of the first verb, never the subject of the second
    return not any(u in _CLAUSE_BREAKS for u in units[k + 1 : j])
