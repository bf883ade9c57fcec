"""Plain records of the suggesters: a suggestion, and the lexicons they read.

Both are immutable, so a worker thread can be handed them and a cache can key
on them: a :class:`Lexicon` carries a ``version`` that changes exactly when its
entries do, so the window knows when cached suggestions are stale.
"""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources
from typing import Any

import regex


@dataclass(frozen=True, order=True)
class Suggestion:
    """A candidate span ``[start, end)`` in code points of the normalized text."""

    start: int
    end: int
    label: str
    score: float = field(compare=False)
    suggester: str = field(compare=False)
    reason: str = field(default="", compare=False)

    @property
    def key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.label)


_NUMERAL = "[一二三四五六七八九十百零〇]"


@dataclass(frozen=True)
class DomainLexicon:
    """The shipped lexicon (``resources/lexicon.toml``): words by label, organisation and
    program suffixes, program markers, event patterns, surnames and blocked phrases."""

    version: str
    words: tuple[tuple[str, str], ...]  # (text, label)
    org_suffixes: frozenset[str]
    program_suffixes: tuple[str, ...]
    program_markers: tuple[str, ...]
    program_followers: tuple[str, ...]
    doc_event_suffixes: tuple[str, ...]
    event_patterns: tuple[str, ...]
    surnames: frozenset[str]
    blocked: tuple[str, ...]

    @classmethod
    def from_toml(cls, source: str) -> "DomainLexicon":
        data: dict[str, Any] = tomllib.loads(source)
        words = sorted({(w, label) for label in ("PER", "ORG", "LOC", "TITLE", "DATE", "EVENT", "DOC", "PROGRAM")
                        for w in data.get(label, {}).get("words", [])})
        program = data.get("PROGRAM", {})
        return cls(
            version=hashlib.sha256(source.encode("utf-8")).hexdigest()[:16],
            words=tuple(words),
            org_suffixes=frozenset(data.get("ORG", {}).get("suffixes", [])),
            program_suffixes=tuple(sorted(program.get("suffixes", []), key=len, reverse=True)),
            program_markers=tuple(program.get("markers", [])),
            program_followers=tuple(sorted(program.get("followers", []), key=len, reverse=True)),
            doc_event_suffixes=tuple(data.get("DOC", {}).get("event_suffixes", [])),
            event_patterns=tuple(data.get("EVENT", {}).get("patterns", [])),
            surnames=frozenset("".join(data.get("PER", {}).get("surnames", "").split())),
            blocked=tuple(data.get("BLOCK", {}).get("words", [])),
        )

    @cached_property
    def matcher(self) -> "LiteralMatcher":
        return LiteralMatcher(self.words)

    @cached_property
    def blocked_matcher(self) -> "LiteralMatcher":
        return LiteralMatcher(tuple((w, "") for w in self.blocked))

    @cached_property
    def event_regex(self) -> regex.Pattern[str]:
        return regex.compile("|".join(f"(?:{p.replace('N', _NUMERAL)})" for p in self.event_patterns))


@cache
def domain_lexicon() -> DomainLexicon:
    """The lexicon shipped in ``resources/lexicon.toml`` (read once per process)."""
    text = resources.files("annotator.resources").joinpath("lexicon.toml").read_text("utf-8")
    return DomainLexicon.from_toml(text)


@dataclass(frozen=True)
class Lexicon:
    """What the suggesters know beyond the text of one document: the shipped domain
    lexicon and the project's learned entries (span texts annotators accepted)."""

    learned: tuple[tuple[str, str], ...] = ()  # (text, label), sorted by text
    domain: DomainLexicon = field(default_factory=domain_lexicon)

    @classmethod
    def from_entries(cls, learned: dict[str, str] | list[tuple[str, str]],
                     domain: DomainLexicon | None = None) -> "Lexicon":
        items = dict(learned).items() if not isinstance(learned, dict) else learned.items()
        return cls(tuple(sorted(items)), domain or domain_lexicon())

    @cached_property
    def version(self) -> str:
        """Changes exactly when the entries do: a cache key for suggestions."""
        h = hashlib.sha256(self.domain.version.encode())
        for text, label in self.learned:
            h.update(f"\x00{text}\x01{label}".encode("utf-8"))
        return h.hexdigest()[:16]

    @cached_property
    def matcher(self) -> LiteralMatcher:
        return LiteralMatcher(self.learned)

    def __len__(self) -> int:
        return len(self.learned)


class LiteralMatcher:
    """Every occurrence of a set of words in a text, found by indexing the words on
    their first two characters: one pass over the text, however many words."""

    def __init__(self, entries: tuple[tuple[str, str], ...]):
        index: dict[str, list[tuple[str, str]]] = {}
        for word, label in entries:
            if len(word) >= 2:
                index.setdefault(word[:2], []).append((word, label))
        for words in index.values():
            words.sort(key=lambda e: -len(e[0]))
        self._index = index

    def find(self, text: str) -> list[tuple[int, int, str, str]]:
        """``(start, end, word, label)`` for every occurrence, overlapping ones included."""
        index = self._index
        if not index:
            return []
        out = []
        for i in range(len(text) - 1):
            words = index.get(text[i:i + 2])
            if words:
                for word, label in words:
                    if text.startswith(word, i):
                        out.append((i, i + len(word), word, label))
        return out
