"""News text -> proposed relations between a scenario's actors, with the evidence.

:func:`extract_relations` reads an article, finds the actors it knows (names,
aliases, demonyms, simple coreference), reads alliance cues between actors named
together, and proposes one relation per pair with the sentences behind it. The
proposals can be written as a YAML fragment in the scenario format
(:func:`fragment_yaml`) and merged into a scenario with :func:`alliances.merge_relations`.

Modules: :mod:`.text` (tokens, sentences), :mod:`.mentions` (actors in the text),
:mod:`.cues` (the cue lexicon), :mod:`.proposals` (cues to proposals),
:mod:`.fragment` (the YAML fragment).
"""

from __future__ import annotations

from .fragment import fragment_dict, fragment_yaml
from .mentions import DEMONYMS, Mention
from .proposals import EvidenceSentence, Extraction, NegatedCue, Proposal, extract_relations

__all__ = [
    "DEMONYMS",
    "EvidenceSentence",
    "Extraction",
    "Mention",
    "NegatedCue",
    "Proposal",
    "extract_relations",
    "fragment_dict",
    "fragment_yaml",
]
