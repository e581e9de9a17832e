"""The model's records: stances, actor kinds, sources, theaters, evidence, actors and relations.

Each is a small immutable value; :class:`~alliances.AllianceNetwork` holds them.
The sign rule of the whole package lives here (:attr:`Stance.sign`): +1 for ally
and friendly, -1 for rival and enemy, 0 for neutral and ambivalent.

Every record checks its fields when it is made, by the rules of scenario files (ids,
stance and kind names, weights and confidences in (0, 1], real dates, a period that
does not end before it starts), so what a file could not hold cannot be built in
Python either: a :class:`~alliances.errors.ParameterError` (or its ``TypeError`` twin
:class:`~alliances.errors.ParameterTypeError`) names the field and the value.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from enum import EnumType, StrEnum
from typing import Any

from ._checks import (
    check_choice,
    check_date,
    check_fraction,
    check_id,
    check_instance,
    check_int,
    check_items,
    check_text,
    shown,
)
from ._text import did_you_mean
from .errors import ParameterError, ParameterTypeError

__all__ = [
    "FIGHTING",
    "Actor",
    "ActorKind",
    "DateLike",
    "Evidence",
    "Month",
    "Relation",
    "Source",
    "Stance",
    "Theater",
    "Year",
    "as_moment",
    "parse_date",
    "period_end",
    "period_start",
]


class _Names(EnumType):
    """The enum type of the model's name lists: a lookup by anything but text is a ParameterTypeError.

    (Python would compare the value with every member, so an object whose ``==`` is odd,
    such as a DataFrame, would end in its own error.)
    """

    def __call__(cls, value: Any, *args: Any, **kwargs: Any) -> Any:
        if not args and not kwargs and not isinstance(value, str):
            members: Any = cls
            names = ", ".join(str(m) for m in members)
            what = {"ActorKind": "an actor kind"}.get(cls.__name__, f"a {cls.__name__.lower()}")
            raise ParameterTypeError(f"{what} must be one of: {names}, not {shown(value)}")
        return super().__call__(value, *args, **kwargs)


class Stance(StrEnum, metaclass=_Names):
    """What one unordered pair of actors is to each other.

    ``sign`` is +1 for ally/friendly, -1 for rival/enemy and 0 for neutral and
    ambivalent (the stance tells those two apart). A pair with no relation is
    *unknown*, which is not a stance: it is ``None`` wherever a stance is expected.

    Attributes
    ----------
    sign : int
        +1, -1 or 0, as above.
    default_weight : float
        The intensity a relation gets when its file gives none: 1.0 for ally and
        enemy, 0.5 for friendly, rival and ambivalent, 0.0 for neutral.
    is_positive, is_negative : bool
        Whether the sign is +1 / -1.

    Examples
    --------
    >>> Stance("rival").sign, Stance.RIVAL.default_weight
    (-1, 0.5)
    """

    ALLY = "ally"
    FRIENDLY = "friendly"
    NEUTRAL = "neutral"
    AMBIVALENT = "ambivalent"
    RIVAL = "rival"
    ENEMY = "enemy"

    @property
    def sign(self) -> int:
        return _SIGN[self]

    @property
    def default_weight(self) -> float:
        return _DEFAULT_WEIGHT[self]

    @property
    def is_positive(self) -> bool:
        return self.sign > 0

    @property
    def is_negative(self) -> bool:
        return self.sign < 0

    def __str__(self) -> str:
        return self.value

    @classmethod
    def _missing_(cls, value: object) -> Any:
        raise _unknown_member(cls, value, "stance")


def _unknown_member(cls: type[StrEnum], value: object, what: str) -> ParameterError:
    names = [m.value for m in cls]
    listed = ", ".join(names)
    return ParameterError(f"unknown {what} {value!r} (expected one of: {listed}){did_you_mean(str(value), names)}")


_SIGN = {
    Stance.ALLY: 1,
    Stance.FRIENDLY: 1,
    Stance.NEUTRAL: 0,
    Stance.AMBIVALENT: 0,
    Stance.RIVAL: -1,
    Stance.ENEMY: -1,
}
_DEFAULT_WEIGHT = {
    Stance.ALLY: 1.0,
    Stance.FRIENDLY: 0.5,
    Stance.NEUTRAL: 1.0,  # ignored by every measure: the sign is 0
    Stance.AMBIVALENT: 0.5,
    Stance.RIVAL: 0.5,
    Stance.ENEMY: 1.0,
}


class ActorKind(StrEnum, metaclass=_Names):
    """What sort of party an actor is.

    Attributes
    ----------
    STATE, COALITION, ARMED_GROUP, MILITIA, INTERNATIONAL_ORG, OTHER
        The kinds a scenario file may name (``kind: state``, ...); diagrams give each
        kind its own marker.

    Examples
    --------
    >>> ActorKind("militia"), str(ActorKind.STATE)
    (<ActorKind.MILITIA: 'militia'>, 'state')
    """

    STATE = "state"
    COALITION = "coalition"
    ARMED_GROUP = "armed_group"
    MILITIA = "militia"
    INTERNATIONAL_ORG = "international_org"
    OTHER = "other"

    def __str__(self) -> str:
        return self.value

    @classmethod
    def _missing_(cls, value: object) -> Any:
        raise _unknown_member(cls, value, "kind")


def _set(record: object, field: str, value: Any) -> None:
    object.__setattr__(record, field, value)


@dataclass(frozen=True)
class Source:
    """A document that evidence cites.

    Parameters
    ----------
    id : str
        The id evidence refers to.
    title, publisher : str, optional
    date : datetime.date, optional
        Publication date.
    url, notes : str, optional

    Examples
    --------
    >>> import alliances
    >>> src = alliances.load("seeds/syria_2017.yaml").sources["reuters-2017-09-05"]
    >>> src.publisher, src.date.isoformat()
    ('Reuters', '2017-09-05')
    >>> Source("wire-17", date="2017-09-05").date
    datetime.date(2017, 9, 5)
    """

    id: str
    title: str | None = None
    publisher: str | None = None
    date: _dt.date | None = None
    url: str | None = None
    notes: str | None = None

    def __post_init__(self) -> None:
        ident = check_id(self.id, "source id", source=True)
        where = f"of source {ident!r}"
        for field in ("title", "publisher", "url", "notes"):
            check_text(getattr(self, field), f"{field} {where}", optional=True)
        _set(self, "date", check_date(self.date, f"date {where}"))


@dataclass(frozen=True)
class Theater:
    """A place where actors operate: two actors in one theater can collide.

    Parameters
    ----------
    id : str
        The id actors' ``theaters`` refer to.
    name : str
    notes : str, optional

    Examples
    --------
    >>> import alliances
    >>> net = alliances.load("seeds/syria_2017.yaml")
    >>> net.theaters["deir_al_zor"].name, net.actors["assad"].theaters
    ('Deir al-Zor', ('deir_al_zor', 'euphrates_valley'))
    """

    id: str
    name: str
    notes: str | None = None

    def __post_init__(self) -> None:
        ident = check_id(self.id, "theater id")
        check_text(self.name, f"name of theater {ident!r}")
        check_text(self.notes, f"notes of theater {ident!r}", optional=True)


@dataclass(frozen=True)
class Evidence:
    """A source cited for a relation, with the analyst's paraphrase.

    Parameters
    ----------
    source : str
        The id of a :class:`Source` of the scenario.
    note : str, optional
        What the source says about the pair, in the analyst's words.

    Examples
    --------
    >>> import alliances
    >>> net = alliances.load("seeds/syria_2017.yaml")
    >>> net.relation("assad", "iran").evidence[0].source
    'reuters-2017-09-05'
    """

    source: str
    note: str | None = None

    def __post_init__(self) -> None:
        check_id(self.source, "evidence source", source=True)
        check_text(self.note, "evidence note", optional=True)


@dataclass(frozen=True)
class Actor:
    """A party to the conflict.

    Parameters
    ----------
    id : str
        The id relations and other files refer to: lowercase letters, digits and ``_``.
    name : str
        The full name (not blank).
    kind : ActorKind or str, optional
        What sort of party, or its name (default ``other``).
    label : str, optional
        A short name for diagrams (see :attr:`display`).
    aliases : tuple of str, optional
        Other names (text extraction and event mapping look for them).
    theaters : tuple of str, optional
        Ids of the theaters where the actor operates.
    notes : str, optional

    Examples
    --------
    >>> a = Actor("assad", "Assad government", "state", label="Assad")
    >>> a.display, a.kind
    ('Assad', <ActorKind.STATE: 'state'>)
    >>> Actor("Assad Gov", "Assad government")
    Traceback (most recent call last):
    ...
    alliances.errors.ParameterError: actor id must use only lowercase letters, digits and _, not 'Assad Gov' (for example 'assad_gov')
    """

    id: str
    name: str
    kind: ActorKind = ActorKind.OTHER
    label: str | None = None
    aliases: tuple[str, ...] = ()
    theaters: tuple[str, ...] = ()
    notes: str | None = None

    def __post_init__(self) -> None:
        ident = check_id(self.id, "actor id")
        where = f"of actor {ident!r}"
        check_text(self.name, f"name {where}")
        if not isinstance(self.kind, ActorKind):
            check_choice(self.kind, f"kind {where}", [k.value for k in ActorKind])
            _set(self, "kind", ActorKind(self.kind))
        check_text(self.label, f"label {where}", optional=True)
        _set(self, "aliases", check_items(self.aliases, f"aliases {where}", check_text, item=f"alias {where}"))
        _set(self, "theaters", check_items(self.theaters, f"theaters {where}", check_id, item=f"theater id {where}"))
        check_text(self.notes, f"notes {where}", optional=True)

    @property
    def display(self) -> str:
        """The short label for diagrams: ``label`` or, without one, ``name``."""
        return self.label or self.name


class _Partial(_dt.date):
    """A date known only to a month or a year: compares as its first day, prints as written.

    Arithmetic (``+ timedelta``, ``replace``) gives a plain :class:`datetime.date`:
    a moved day is a day, not a month.
    """

    __slots__ = ()

    def __add__(self, other: _dt.timedelta) -> _dt.date:  # type: ignore[override]
        return _dt.date(self.year, self.month, self.day) + other

    __radd__ = __add__  # type: ignore[assignment]

    def __sub__(self, other: _dt.timedelta | _dt.date) -> _dt.date | _dt.timedelta:  # type: ignore[override]
        return _dt.date(self.year, self.month, self.day) - other

    def replace(self, year: Any = None, month: Any = None, day: Any = None) -> _dt.date:  # type: ignore[override]
        return _dt.date(self.year, self.month, self.day).replace(
            **{k: v for k, v in (("year", year), ("month", month), ("day", day)) if v is not None})

    def __str__(self) -> str:
        return self.isoformat()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.isoformat()!r})"


def _year(value: Any) -> int:
    return check_int(value, "year", low=1, high=9999)  # type: ignore[return-value]


class Month(_Partial):
    """A month, as analysts often know a date: ``2023-06`` (ISO 8601's ``YYYY-MM``).

    It is a :class:`datetime.date` (its first day) for ordering and comparison, and
    writes itself back as ``2023-06``. As a period bound it covers the whole month:
    ``since: 2023-06`` starts on 1 June, ``until: 2023-06`` ends on 30 June (see
    :func:`period_start`, :func:`period_end`).

    Parameters
    ----------
    year, month : int

    Examples
    --------
    >>> m = Month(2023, 6)
    >>> m.isoformat(), str(m), period_end(m), m == _dt.date(2023, 6, 1)
    ('2023-06', '2023-06', datetime.date(2023, 6, 30), True)
    """

    __slots__ = ()

    def __new__(cls, year: int, month: int, day: int = 1) -> Month:
        return super().__new__(cls, _year(year), check_int(month, "month", low=1, high=12), 1)  # type: ignore[arg-type]

    def __reduce__(self) -> tuple[Any, ...]:
        return (Month, (self.year, self.month))

    def isoformat(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


class Year(_Partial):
    """A year given where a date is expected (``as_of: 2017``): a date that covers the whole year.

    ``since`` and ``until`` keep a bare year as an ``int`` (as they always have); both
    mean the same period.

    Parameters
    ----------
    year : int

    Examples
    --------
    >>> y = Year(2017)
    >>> str(y), period_start(y), period_end(y)
    ('2017', datetime.date(2017, 1, 1), datetime.date(2017, 12, 31))
    """

    __slots__ = ()

    def __new__(cls, year: int, month: int = 1, day: int = 1) -> Year:
        return super().__new__(cls, _year(year), 1, 1)

    def __reduce__(self) -> tuple[Any, ...]:
        return (Year, (self.year,))

    def isoformat(self) -> str:
        return f"{self.year:04d}"


DateLike = int | _dt.date
"""A period bound or a moment: a year (``int`` or :class:`Year`), a :class:`Month` or a day."""

_DATE_FORMS = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?\Z")


def parse_date(text: str) -> DateLike:
    """A date as people write it: ``YYYY`` (an ``int``), ``YYYY-MM`` (a :class:`Month`) or ``YYYY-MM-DD``.

    The precision given is kept, and written back unchanged (``str``, the scenario writer).

    Parameters
    ----------
    text : str

    Returns
    -------
    int, Month or datetime.date

    Raises
    ------
    ValueError
        Not one of the three forms, or not in the calendar (``2023-13``, ``2023-02-30``).

    Examples
    --------
    >>> parse_date("2013"), parse_date("2023-06"), parse_date("2017-09-05")
    (2013, Month('2023-06'), datetime.date(2017, 9, 5))
    """
    m = _DATE_FORMS.match(text.strip())
    if m is None:
        raise ValueError(f"{text!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = m.groups()
    if int(year) < 1:
        raise ValueError(f"{text!r} is not a date in the calendar")
    if month is None:
        return int(year)
    if day is None:
        if not 1 <= int(month) <= 12:
            raise ValueError(f"{text!r} is not a date in the calendar")
        return Month(int(year), int(month))
    return _dt.date(int(year), int(month), int(day))

#: The levels of a pair's recent fighting (a relation's optional ``fighting``), quietest first:
#: ``none`` (no clash since the record starts), ``past`` (an earlier clash), ``recent`` (a clash in
#: one of the two windows before this one), ``low`` (occasional clashes now), ``high`` (sustained,
#: near-daily fighting now).
FIGHTING: tuple[str, ...] = ("none", "past", "recent", "low", "high")


@dataclass(frozen=True)
class Relation:
    """The relation of one unordered pair of actors.

    ``actors`` keeps the order written in the file; :attr:`pair` is the sorted pair
    used everywhere else. ``weight`` is the intensity (0, 1], defaulting by stance;
    ``confidence`` (0, 1] how sure the evidence is.

    Parameters
    ----------
    actors : tuple of str
        Two different actor ids.
    stance : Stance or str
        A stance or its name (``"ally"``).
    weight : float, optional
        Intensity (0, 1]; default :attr:`Stance.default_weight`.
    confidence : float, optional
        In (0, 1]: 1.0 when stated, lower when implied.
    kind : str, optional
        Free text on what the tie is (``fights``, ``military support``, ...).
    since, until : datetime.date, Month, int or str, optional
        The period the relation holds: a day, a :class:`Month`, a four-digit year, or
        ISO text of any of them (``2023-06-15``, ``2023-06``, ``2023``), each bound
        covering its whole period (``until`` not before ``since``); outside it, it is
        not in force at ``as_of``.
    evidence : tuple of Evidence, optional
    notes : str, optional
    fighting : str, optional
        How much the two have fought lately, one of :data:`FIGHTING`; None: not stated.

    Examples
    --------
    >>> r = Relation(("iran", "assad"), "ally")
    >>> r.pair, r.weight, r.stance.sign
    (('assad', 'iran'), 1.0, 1)
    >>> Relation(("iran", "assad"), "ally", weight=5)
    Traceback (most recent call last):
    ...
    alliances.errors.ParameterError: weight of relation iran - assad must be a number in (0, 1], not 5
    """

    actors: tuple[str, str]
    stance: Stance
    weight: float | None = None
    confidence: float = 1.0
    kind: str | None = None
    since: DateLike | None = None
    until: DateLike | None = None
    evidence: tuple[Evidence, ...] = ()
    notes: str | None = None
    fighting: str | None = None

    def __post_init__(self) -> None:
        actors = check_items(self.actors, "the actors of a relation", check_id, item="actor id",
                             what="pair of actor ids")
        if len(actors) != 2:
            raise ParameterError(f"a relation's actors must be two actor ids, not {len(actors)}: {list(actors)!r}")
        if actors[0] == actors[1]:
            raise ParameterError(f"an actor cannot have a relation with itself ({actors[0]!r})")
        _set(self, "actors", actors)
        where = f"of relation {actors[0]} - {actors[1]}"
        if not isinstance(self.stance, Stance):
            check_choice(self.stance, f"stance {where}", [s.value for s in Stance])
            _set(self, "stance", Stance(self.stance))
        weight = check_fraction(self.weight, f"weight {where}", optional=True)
        _set(self, "weight", self.stance.default_weight if weight is None else weight)
        _set(self, "confidence", check_fraction(self.confidence, f"confidence {where}"))
        check_text(self.kind, f"kind {where}", optional=True)
        since = _bound(self.since, f"since {where}")
        until = _bound(self.until, f"until {where}")
        if since is not None and until is not None and period_end(until) < period_start(since):
            raise ParameterError(f"until ({until}) {where} is before since ({since})")
        _set(self, "since", since)
        _set(self, "until", until)
        _set(self, "evidence", check_items(self.evidence, f"evidence {where}", _evidence, item=f"an evidence entry {where}"))
        check_text(self.notes, f"notes {where}", optional=True)
        if self.fighting is not None:
            check_choice(self.fighting, f"fighting {where}", FIGHTING)

    @property
    def pair(self) -> tuple[str, str]:
        """The two actor ids, sorted."""
        a, b = self.actors
        return (a, b) if a <= b else (b, a)

    @property
    def sign(self) -> int:
        return self.stance.sign

    @property
    def intensity(self) -> float:
        """The weight as a float (the stance's default when none was given)."""
        return float(self.stance.default_weight if self.weight is None else self.weight)

    @property
    def weight_is_default(self) -> bool:
        return self.weight == self.stance.default_weight

    def is_active(self, as_of: DateLike | None) -> bool:
        """Whether the ``since``..``until`` period meets ``as_of`` (always true without a date).

        Every bound covers its whole period: ``since: 2013`` starts on 1 January 2013,
        ``until: 2016`` ends on 31 December 2016, ``since: 2023-06`` starts on 1 June
        2023, ``until: 2023-06`` ends on 30 June. An ``as_of`` given as a month or a
        year is that whole period: a relation is in force if its period shares a day
        with it (for a day, the usual rule: the day lies in the period).

        Examples
        --------
        >>> r = Relation(("a", "b"), "ally", since=Month(2023, 6))
        >>> r.is_active(_dt.date(2023, 6, 15)), r.is_active(_dt.date(2023, 5, 31)), r.is_active(Year(2023))
        (True, False, True)
        """
        if as_of is None:
            return True
        check_instance(as_of, _dt.date, "as_of", "a date or None")
        if self.since is not None and period_end(as_of) < period_start(self.since):
            return False
        if self.until is not None and period_start(as_of) > period_end(self.until):
            return False
        return True


def as_moment(value: Any, name: str = "as_of") -> _dt.date | None:
    """A scenario's moment: a day, a :class:`Month` or a :class:`Year`, from a value or ISO text.

    Parameters
    ----------
    value : datetime.date, int, str or None
        A date (a :class:`Month` or :class:`Year` kept as it is), a four-digit year, or
        ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` text.
    name : str
        What the value is, for the error message.

    Returns
    -------
    datetime.date or None

    Raises
    ------
    ParameterError, ParameterTypeError

    Examples
    --------
    >>> as_moment("2023-06"), as_moment(2017), as_moment("2017-09-05")
    (Month('2023-06'), Year('2017'), datetime.date(2017, 9, 5))
    """
    bound = _bound(value, name)
    return Year(bound) if isinstance(bound, int) else bound


def _bound(value: Any, name: str) -> DateLike | None:
    """A period bound: a year, a month or a day, as a value or as ISO text (``2023-06``)."""
    if isinstance(value, str) and _MONTH_TEXT.match(value.strip()):
        try:
            return parse_date(value)
        except ValueError:
            raise ParameterError(f"{name} {value!r} is not a date in the calendar") from None
    return check_date(value, name, allow_year=True)


_MONTH_TEXT = re.compile(r"\d{4}-\d{2}\Z")


def _evidence(value: Any, name: str) -> Evidence:
    return check_instance(value, Evidence, name, "an Evidence")


def period_start(d: DateLike) -> _dt.date:
    """The first day of a period bound: a year means 1 January, a month its first day.

    Examples
    --------
    >>> period_start(2013), period_end(2016)
    (datetime.date(2013, 1, 1), datetime.date(2016, 12, 31))
    >>> period_start(Month(2024, 2)), period_end(Month(2024, 2))
    (datetime.date(2024, 2, 1), datetime.date(2024, 2, 29))
    """
    if isinstance(d, int):
        return _dt.date(d, 1, 1)
    return _dt.date(d.year, d.month, d.day)


def period_end(d: DateLike) -> _dt.date:
    """The last day of a period bound: a year means 31 December, a month its last day."""
    if isinstance(d, int):
        return _dt.date(d, 12, 31)
    if isinstance(d, Year):
        return _dt.date(d.year, 12, 31)
    if isinstance(d, Month):
        if d.month == 12:
            return _dt.date(d.year, 12, 31)
        return _dt.date(d.year, d.month + 1, 1) - _dt.timedelta(days=1)
    return _dt.date(d.year, d.month, d.day)
