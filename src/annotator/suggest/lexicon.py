"""Suggesters ``lexicon`` and ``learned``: words the project knows, wherever they stand
as whole words, and the domain patterns built from the lexicon.

``lexicon``: the shipped words (titles, organisations, provinces, events,
national programs); an organisation made of places and a suffix
(``河南省`` ``洛阳市`` ``老城区`` + ``妇联``); congresses and plenums by pattern
(``党的二十届三中全会``, ``中国妇女十三大``); an event's report as a document
(``党的二十大报告``).

``learned``: every span text annotators accepted with a label in this project.

A short word counts only where jieba's cut starts and ends with it, so that
``区妇联`` is not found inside ``社区妇联`` nor ``委员`` inside ``委员会``.
"""

from __future__ import annotations

from .model import Lexicon, LiteralMatcher, Suggestion
from .tokens import LEXICON_TAG, Token, tokens

NAME = "lexicon"
LEARNED = "learned"

_ALIGN_BELOW = 5  # words shorter than this must line up with jieba's cut
_SCORES = {"TITLE": 0.75, "LOC": 0.75}
_ADMIN = ("省", "市", "县", "区", "州", "盟", "旗", "镇", "乡", "村", "街道")


def suggest_lexicon(text: str, lexicon: Lexicon) -> list[Suggestion]:
    domain = lexicon.domain
    toks = tokens(text)
    out = [Suggestion(s, e, label, _SCORES.get(label, 0.85), NAME, f"domain lexicon: {word}")
           for s, e, word, label in _whole_words(text, domain.matcher, toks)]
    out += _organisations(toks, domain.org_suffixes)
    for m in domain.event_regex.finditer(text):
        out.append(Suggestion(m.start(), m.end(), "EVENT", 0.9, NAME, "congress or plenum pattern"))
        for suffix in domain.doc_event_suffixes:
            if text.startswith(suffix, m.end()):
                out.append(Suggestion(m.start(), m.end() + len(suffix), "DOC", 0.92, NAME,
                                      f"an event's {suffix}"))
    return out


def suggest_learned(text: str, lexicon: Lexicon) -> list[Suggestion]:
    if not lexicon.learned:
        return []
    return [Suggestion(s, e, label, 0.95, LEARNED, f"accepted before as {label}: {word}")
            for s, e, word, label in _whole_words(text, lexicon.matcher, tokens(text))]


def _whole_words(text: str, matcher: LiteralMatcher, toks: tuple[Token, ...]):
    matches = matcher.find(text)
    if not matches:
        return []
    starts = {t.start for t in toks}
    ends = {t.end for t in toks}
    return [m for m in matches if len(m[2]) >= _ALIGN_BELOW or (m[0] in starts and m[1] in ends)]


def _is_place(t: Token) -> bool:
    # 烟台市, 老城区; not the two-character 社区, 乡村, 全市
    return t.flag == "ns" or t.flag == LEXICON_TAG + "LOC" or (len(t.word) >= 3 and t.word.endswith(_ADMIN)
                                                                and t.flag[:1] == "n")


def _organisations(toks: tuple[Token, ...], suffixes: frozenset[str]) -> list[Suggestion]:
    """Places followed by an organisation suffix, as one organisation; an
    administrative level alone (``区`` + ``妇联``) counts as the place."""
    out = []
    for i, t in enumerate(toks):
        head = _suffix_of(t.word, suffixes)
        if head is None:
            continue
        j = i
        while j > 0 and _is_place(toks[j - 1]):
            j -= 1
        if j == i and not head and i > 0 and toks[i - 1].word in _ADMIN[:4]:
            j = i - 1  # 区 + 妇联
        if j < i:
            out.append(Suggestion(toks[j].start, t.end, "ORG", 0.85, NAME,
                                  f"place + {t.word[len(head):]}"))
    return out


def _suffix_of(word: str, suffixes: frozenset[str]) -> str | None:
    """The part of ``word`` before an organisation suffix ('' if the word is one), else None."""
    if word in suffixes:
        return ""
    for n in range(1, len(word)):
        if word[n:] in suffixes and word[:n] in _ADMIN:
            return word[:n]  # 市妇联, 县委
    return None
