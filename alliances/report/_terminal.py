"""Text from files, made safe for a terminal: rich renderables that show it literally.

Every name, title, note, sentence or file name a report puts in front of the user goes
through :func:`alliances._text.terminal_safe` (control characters written as escapes)
and into a :class:`rich.text.Text`, which rich never reads as markup (``[red]``,
``[link=...]``) or emoji codes (``:warning:``). A plain ``str`` cell or title would be:
rich interprets markup in strings unless told otherwise. The renderables stay safe
whichever console prints them, the command line's or a notebook's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .._text import terminal_safe

if TYPE_CHECKING:
    from rich.table import Table
    from rich.text import Text

__all__ = ["literal", "literal_row", "literal_table"]


def literal(value: Any, style: str = "") -> Text:
    """``value`` as a rich Text shown exactly as written: no markup, no emoji, no control characters.

    Parameters
    ----------
    value : object
        The text (``str(value)`` for anything else); a Text is returned as it is.
    style : str, optional
        A rich style for the whole text (``"bold"``).

    Returns
    -------
    rich.text.Text

    Examples
    --------
    >>> literal("[red]Assad[/red]\\x1b[2J :warning:").plain
    '[red]Assad[/red]\\\\x1b[2J :warning:'
    """
    from rich.text import Text

    if isinstance(value, Text):
        return value
    return Text(terminal_safe(value), style=style)


def literal_row(table: Table, *cells: Any, style: str | None = None) -> None:
    """Add a row to a rich table, every text cell shown literally (see :func:`literal`).

    Parameters
    ----------
    table : rich.table.Table
    *cells : object
        One value per column; ``str`` and other values become literal Text, Text and
        other renderables are added as they are.
    style : str, optional
        A style for the whole row (``"dim"``).

    Examples
    --------
    >>> from rich.table import Table
    >>> t = Table("name")
    >>> literal_row(t, "[bold]x[/bold]")
    >>> t.columns[0]._cells[0].plain
    '[bold]x[/bold]'
    """
    from rich.console import ConsoleRenderable

    table.add_row(*(c if isinstance(c, ConsoleRenderable) else literal(c) for c in cells), style=style)


def literal_table(title: Any, *, caption: Any = None, **options: Any) -> Table:
    """A rich table whose title and caption are shown literally, left-aligned unless told otherwise.

    Parameters
    ----------
    title : object
        The title (names in it are shown as written).
    caption : object, optional
        The caption.
    **options
        Any other :class:`rich.table.Table` option (``box``, ``padding``...).

    Returns
    -------
    rich.table.Table

    Examples
    --------
    >>> literal_table("Actors of [red]X[/red]").title.plain
    'Actors of [red]X[/red]'
    """
    from rich.table import Table

    # a Text title or caption does not take the table's title style on its own: give it
    options.setdefault("title_justify", "left")
    if caption is not None:
        options["caption"] = literal(caption, style=options.get("caption_style") or "table.caption")
        options.setdefault("caption_justify", "left")
    return Table(title=literal(title, style=options.get("title_style") or "table.title"), **options)
