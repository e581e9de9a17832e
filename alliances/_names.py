"""Actors by any name: the one resolver behind every place an actor is named.

An analyst names an actor the way the scenario file shows it to them: its id
(``us_coalition``), its name (``US-led coalition``), its label (``US coalition``) or
one of its aliases (``Washington``), in any case and with any spacing. :class:`ActorNames`
turns such a name into the actor's id; the network (:meth:`AllianceNetwork.resolve`),
the Python API (``explain_risk``, ``what_if``, ``draw_figure``...) and every command-line
option that takes an actor go through it.

The rule, in order:

1. a name that is exactly an actor's id is that actor (ids are unique);
2. otherwise the name is compared with every actor's id, name, label and aliases,
   ignoring case and runs of spaces (``" us  COALITION "`` is ``US coalition``);
   the one actor it names is the answer;
3. a name of several actors is an :class:`~alliances.errors.AmbiguousActorError` that
   lists them (use the id); a name of none an :class:`~alliances.errors.UnknownActorError`
   with the closest of all those spellings ("did you mean").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ._records import Actor
from ._text import did_you_mean
from .errors import AmbiguousActorError, UnknownActorError

__all__ = ["ActorNames", "normalise_name"]


def normalise_name(name: object) -> str:
    """A name as the resolver compares it: runs of whitespace made one space, ends trimmed, case folded.

    Parameters
    ----------
    name : str or object
        The name (anything else is turned into text first).

    Returns
    -------
    str

    Examples
    --------
    >>> normalise_name("  US   Coalition\\t")
    'us coalition'
    """
    return " ".join(str(name).split()).casefold()


class ActorNames:
    """Every way a scenario names its actors, and the id each name stands for.

    Parameters
    ----------
    actors : mapping of id to Actor, or iterable of Actor

    Examples
    --------
    >>> from alliances import Actor
    >>> names = ActorNames([Actor("assad", "Assad government", label="Assad", aliases=("Damascus",)),
    ...                     Actor("us_coalition", "US-led coalition", label="US coalition")])
    >>> names.resolve("assad"), names.resolve("DAMASCUS"), names.resolve(" us  coalition ")
    ('assad', 'assad', 'us_coalition')
    >>> names.resolve("Asad government")
    Traceback (most recent call last):
    ...
    alliances.errors.UnknownActorError: unknown actor 'Asad government' (did you mean 'Assad government'?)
    """

    def __init__(self, actors: Mapping[str, Actor] | Iterable[Actor]):
        records = list(actors.values()) if isinstance(actors, Mapping) else list(actors)
        self._actors = {a.id: a for a in records}
        index: dict[str, list[str]] = {}
        spellings: dict[str, None] = {}
        for a in records:
            for name in (a.id, a.name, a.label, *a.aliases):
                if not name:
                    continue
                spellings[name] = None
                ids = index.setdefault(normalise_name(name), [])
                if a.id not in ids:
                    ids.append(a.id)
        self._index = index
        self._spellings = list(spellings)

    def candidates(self, name: object) -> tuple[str, ...]:
        """The ids of every actor ``name`` may stand for, sorted (one for a name that resolves).

        Examples
        --------
        >>> from alliances import Actor
        >>> ActorNames([Actor("ypg", "YPG", aliases=("Kurds",)), Actor("pkk", "PKK", aliases=("Kurds",))]).candidates("kurds")
        ('pkk', 'ypg')
        """
        if isinstance(name, str) and name in self._actors:
            return (name,)
        return tuple(sorted(self._index.get(normalise_name(name), ())))

    def resolve(self, name: object) -> str:
        """The id of the actor ``name`` stands for (its id, name, label or an alias; any case).

        Parameters
        ----------
        name : str

        Returns
        -------
        str
            The actor's id.

        Raises
        ------
        AmbiguousActorError
            The name is one of several actors' (the message lists them by id and name).
        UnknownActorError
            The name is no actor's; the message suggests the closest name there is.

        Examples
        --------
        >>> from alliances import Actor
        >>> names = ActorNames([Actor("ypg", "YPG", aliases=("Kurds",)), Actor("pkk", "PKK", aliases=("Kurds",))])
        >>> names.resolve("Kurds")
        Traceback (most recent call last):
        ...
        alliances.errors.AmbiguousActorError: 'Kurds' names 2 actors: pkk (PKK), ypg (YPG); give the id
        """
        hits = self.candidates(name)
        if len(hits) == 1:
            return hits[0]
        if hits:
            listed = ", ".join(f"{x} ({self._actors[x].name})" for x in hits)
            raise AmbiguousActorError(f"{str(name)!r} names {len(hits)} actors: {listed}; give the id",
                                      candidates=hits)
        raise UnknownActorError(f"unknown actor {str(name)!r}{did_you_mean(str(name), self._spellings)}")
