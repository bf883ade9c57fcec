"""Suggester ``jieba``: part-of-speech tags (nr person, ns place, nt organisation,
t time), vetted, plus two rules for the names jieba cuts apart: a name right
after a title (``主席逯淑君``) and the names of a byline (``采写:林志文 姜军旗``).

jieba tags many ordinary words as names (文明, 智慧, 关怀 are ``nr`` in its
dictionary), so a person must start with a surname and must not be a frequent
dictionary word; a place must not be one either (中国, 美丽) unless it ends in
省, 市, 县 or 区.
"""

from __future__ import annotations

import regex

from .model import Lexicon, Suggestion
from .tokens import LEXICON_TAG, Token, tokens

NAME = "jieba"

_COMMON_NAME = 100     # a dictionary word more frequent than this is not a name
_COMMON_PLACE = 1000   # nor a place
_ADMIN = ("省", "市", "县", "区", "州", "镇", "乡", "村")
_BYLINE_CUE = regex.compile(r"记者|通讯员|统稿|采写|摄影|撰稿|撰文|编辑|作者")
_BYLINE_PIECE = regex.compile(r"[\s、,，:：()（）/□]+")
_HAN = regex.compile(r"\p{Han}+")


def suggest_jieba(text: str, lexicon: Lexicon) -> list[Suggestion]:
    surnames = lexicon.domain.surnames
    toks = tokens(text)
    out: list[Suggestion] = []

    def person(start: int, end: int, score: float, reason: str) -> None:
        out.append(Suggestion(start, end, "PER", score, NAME, reason))

    for i, t in enumerate(toks):
        flag, word = t.flag, t.word
        if flag in ("nr", "nrfg") and 2 <= len(word) <= 4 and word[0] in surnames and _HAN.fullmatch(word) \
                and not word.endswith(_ADMIN):  # 章贡区 is a district
            if t.freq <= _COMMON_NAME:
                after_title = i > 0 and toks[i - 1].flag == LEXICON_TAG + "TITLE"
                person(t.start, t.end, 0.8 if after_title else 0.65,
                       "jieba nr after a title" if after_title else "jieba nr")
        elif flag == "ns" and len(word) >= 2 and (t.freq <= _COMMON_PLACE or word.endswith(_ADMIN)):
            out.append(Suggestion(t.start, t.end, "LOC", 0.5, NAME, "jieba ns"))
        elif flag == "nt" and len(word) >= 2:
            out.append(Suggestion(t.start, t.end, "ORG", 0.55, NAME, "jieba nt"))
        elif flag == "t" and regex.search(r"[0-9一二三四五六七八九十]", word) and regex.search("[年月日]", word):
            out.append(Suggestion(t.start, t.end, "DATE", 0.4, NAME, "jieba t"))
        elif flag == LEXICON_TAG + "TITLE" and i + 2 < len(toks):
            _split_name_after_title(toks, i, surnames, person)
    _byline_names(text, surnames, person)
    return out


def _split_name_after_title(toks: tuple[Token, ...], i: int, surnames: frozenset[str], person) -> None:
    """``主席`` + ``逯`` + ``淑君``: a surname jieba left on its own and the given name after it."""
    first, rest = toks[i + 1], toks[i + 2]
    if (len(first.word) == 1 and first.word in surnames and 1 <= len(rest.word) <= 2
            and _HAN.fullmatch(rest.word) and not rest.flag.startswith(("v", "p", "u", "c", LEXICON_TAG))):
        person(first.start, rest.end, 0.7, "surname and given name after a title")


def _byline_names(text: str, surnames: frozenset[str], person) -> None:
    """Short lines naming reporters: ``记者 张璐``, ``统稿:姜军旗 采写:林志文 王永钦``."""
    at = 0
    for line in text.split("\n"):
        cue = _BYLINE_CUE.search(line) if len(line) <= 80 else None
        if cue:
            pos = cue.end()
            for piece in _BYLINE_PIECE.split(line[pos:]):
                start = line.index(piece, pos) if piece else pos
                pos = start + len(piece)
                if 2 <= len(piece) <= 3 and piece[0] in surnames and _HAN.fullmatch(piece) \
                        and not _BYLINE_CUE.search(piece):
                    person(at + start, at + start + len(piece), 0.75, "name in a byline")
        at += len(line) + 1
