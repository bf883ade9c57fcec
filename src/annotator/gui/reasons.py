"""A suggestion's suggester and reason in the interface language.  The
suggesters (``annotator.suggest``, no Qt) say why in fixed English phrases,
some with a word or a figure in them; each phrase is matched here and
translated, and one this table does not know is shown as it is."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

SUGGESTERS = {
    "jieba": QT_TRANSLATE_NOOP("suggesters", "jieba"), "lexicon": QT_TRANSLATE_NOOP("suggesters", "lexicon"),
    "programs": QT_TRANSLATE_NOOP("suggesters", "programs"), "dates": QT_TRANSLATE_NOOP("suggesters", "dates"),
    "learned": QT_TRANSLATE_NOOP("suggesters", "learned"), "general": QT_TRANSLATE_NOOP("suggesters", "general"),
    "tagger": QT_TRANSLATE_NOOP("suggesters", "tagger"),
}

# (pattern of the suggester's phrase, its text to translate; {0}, {1} are the pattern's groups)
_REASONS = [
    (r"date pattern", QT_TRANSLATE_NOOP("reasons", "date pattern")),
    (r"LAC (\S+)", QT_TRANSLATE_NOOP("reasons", "LAC {0}")),
    (r"jieba nr after a title", QT_TRANSLATE_NOOP("reasons", "jieba: a person's name after a title")),
    (r"jieba (\S+)", QT_TRANSLATE_NOOP("reasons", "jieba tag {0}")),
    (r"domain lexicon: (.+)", QT_TRANSLATE_NOOP("reasons", "domain lexicon: {0}")),
    (r"congress or plenum pattern", QT_TRANSLATE_NOOP("reasons", "congress or plenum pattern")),
    (r"an event's (.+)", QT_TRANSLATE_NOOP("reasons", "an event's {0}")),
    (r"accepted before as (\S+): (.+)", QT_TRANSLATE_NOOP("reasons", "accepted before as {0}: {1}")),
    (r"place \+ (.+)", QT_TRANSLATE_NOOP("reasons", "place + {0}")),
    (r"in 《》", QT_TRANSLATE_NOOP("reasons", "in 《》")),
    (r"quoted, then a program word", QT_TRANSLATE_NOOP("reasons", "quoted, then a program word")),
    (r"quoted, ends in a program word", QT_TRANSLATE_NOOP("reasons", "quoted, ends in a program word")),
    (r"quoted, followed by (.+)", QT_TRANSLATE_NOOP("reasons", "quoted, followed by {0}")),
    (r"quoted, holds a domain word", QT_TRANSLATE_NOOP("reasons", "quoted, holds a domain word")),
    (r"quoted", QT_TRANSLATE_NOOP("reasons", "quoted")),
    (r"unquoted, (.+), extends a known program", QT_TRANSLATE_NOOP("reasons", "unquoted, {0}, extends a known program")),
    (r"unquoted, (.+)", QT_TRANSLATE_NOOP("reasons", "unquoted, {0}")),
    (r"ends in a program word", QT_TRANSLATE_NOOP("reasons", "ends in a program word")),
    (r"learned tagger (\S+)", QT_TRANSLATE_NOOP("reasons", "learned tagger {0}")),
    (r"tagger (\S+)", QT_TRANSLATE_NOOP("reasons", "tagger {0}")),
    (r"surname and given name after a title", QT_TRANSLATE_NOOP("reasons", "surname and given name after a title")),
    (r"name in a byline", QT_TRANSLATE_NOOP("reasons", "name in a byline")),
    # the catalog's proposals (annotator.catalog.propose)
    (r"in the catalog", QT_TRANSLATE_NOOP("reasons", "in the catalog")),
    (r"a national program \(lexicon\)", QT_TRANSLATE_NOOP("reasons", "a national program (lexicon)")),
    (r"the name of (.+), (in the catalog|a national program \(lexicon\))",
     QT_TRANSLATE_NOOP("reasons", "the name of {0}, {1}")),
    (r"an alias of (.+), (in the catalog|a national program \(lexicon\))",
     QT_TRANSLATE_NOOP("reasons", "an alias of {0}, {1}")),
    (r"(.+) with another ending, (in the catalog|a national program \(lexicon\))",
     QT_TRANSLATE_NOOP("reasons", "{0} with another ending, {1}")),
    (r"a regional variant: (.+), (in the catalog|a national program \(lexicon\))",
     QT_TRANSLATE_NOOP("reasons", "a regional variant: {0}, {1}")),
    (r"the place (.+) \+ (.+)", QT_TRANSLATE_NOOP("reasons", "the place {0} + {1}")),
    (r"(.+) with a theme: (.+), (in the catalog|a national program \(lexicon\))",
     QT_TRANSLATE_NOOP("reasons", "{0} with a theme: {1}, {2}")),
    (r"similar to (.+) \((\d+%) alike\), (in the catalog|a national program \(lexicon\))",
     QT_TRANSLATE_NOOP("reasons", "similar to {0} ({1} alike), {2}")),
]
_COMPILED = [(re.compile(pattern + r"\Z"), text) for pattern, text in _REASONS]


def suggester_name(name: str) -> str:
    return QCoreApplication.translate("suggesters", SUGGESTERS[name]) if name in SUGGESTERS else name


def reason_text(reason: str) -> str:
    """Each ``; ``-separated part of a reason translated when it is a known phrase."""
    return QCoreApplication.translate("reasons", "; ").join(_one(part) for part in reason.split("; "))


def _one(part: str) -> str:
    for pattern, text in _COMPILED:
        m = pattern.match(part)
        if m is not None:
            return QCoreApplication.translate("reasons", text).format(*(_one(g) for g in m.groups()))
    return part
