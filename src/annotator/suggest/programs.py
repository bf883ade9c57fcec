"""Suggester ``programs``: named initiatives, and documents in 《》.

Programs are usually quoted (“侨都巾帼大宣讲”, ‘…’) and often end in a word such as
行动, 工程, 计划 or 宣讲.  Quotes also hold slogans and formulas (“两个确立”,
“第一议题”, “1310”), so a quoted name scores by what it ends in, what follows
the closing quote (系列活动, 品牌, 项目), and whether it holds a marker word of
the domain (巾帼, 家庭, 儿童…).  Unquoted names are taken from jieba's cut: the
words before a program suffix back to the first marker word
(以巾帼维权暖心行动 → 巾帼维权暖心行动); ``X系列活动`` names program X.
"""

from __future__ import annotations

import regex

from .model import Lexicon, Suggestion
from .tokens import LEXICON_TAG, tokens

NAME = "programs"

_QUOTED = regex.compile(r"“([^“”\n]{2,30})”|‘([^‘’\n]{2,30})’")
_BOOK = regex.compile(r"《([^《》\n]{2,80})》")
_SENTENCE = regex.compile(r"[。!?;！？；]")
_SLOGAN = regex.compile(r"[0-9+\-—.·、 ]+|[一二三四五六七八九十两百千万]+个.*|第[一二三四五六七八九十]+.*"
                        r"|[一二三四五六七八九十百千万]+")
_TAIL = regex.compile(r"\p{Han}{2,6}(?!\p{Han})")
_STOP_FLAGS = ("p", "c", "u", "x", "r", "d", "m", "eng", "f")
_GENERIC_TAIL = ("系列", "主题", "特色", "公益", "品牌", "活动", "工作", "等", "重点")
_MAX_UNQUOTED = 12
_NOUN_AFTER = set("员团者人们组队部办室站点群区")  # 宣讲 + 员 is a person, not a program


def suggest_programs(text: str, lexicon: Lexicon) -> list[Suggestion]:
    domain = lexicon.domain
    out: list[Suggestion] = []
    for m in _QUOTED.finditer(text):
        g = 1 if m.group(1) is not None else 2
        out += _quoted(text, m.start(g), m.end(g), m.end(), domain)
    for m in _BOOK.finditer(text):
        out.append(Suggestion(m.start(1), m.end(1), "DOC", 0.85, NAME, "in 《》"))
    out += _unquoted(text, domain)
    return out


def _quoted(text: str, start: int, end: int, after: int, domain) -> list[Suggestion]:
    name = text[start:end]
    if _SENTENCE.search(name) or name.strip() != name:
        return []
    suffixes, markers = domain.program_suffixes, domain.program_markers
    tail = _TAIL.match(text, after)
    if tail and not tail.group().startswith(_GENERIC_TAIL):
        # “十百千万”巾帼大宣讲: the quote names only the front of the program
        word = tail.group()
        if word.endswith(suffixes):
            return [Suggestion(start, tail.end(), "PROGRAM", 0.9, NAME, "quoted, then a program word")]
    if _SLOGAN.fullmatch(name):
        return []
    if name.endswith(suffixes):
        return [Suggestion(start, end, "PROGRAM", 0.9, NAME, "quoted, ends in a program word")]
    at = after + 1 if text.startswith("等", after) else after  # “千人相亲会”等特色品牌
    follower = next((f for f in domain.program_followers if text.startswith(f, at)), None)
    if follower:
        return [Suggestion(start, end, "PROGRAM", 0.8, NAME, f"quoted, followed by {follower}")]
    if any(w in name for w in markers):
        return [Suggestion(start, end, "PROGRAM", 0.7, NAME, "quoted, holds a domain word")]
    return [Suggestion(start, end, "PROGRAM", 0.3, NAME, "quoted")]


def _unquoted(text: str, domain) -> list[Suggestion]:
    suffixes, markers = domain.program_suffixes, domain.program_markers
    toks = tokens(text)
    out = []
    for i, t in enumerate(toks):
        if not t.word.endswith(suffixes) or t.flag.startswith(LEXICON_TAG) \
                or (i + 1 < len(toks) and toks[i + 1].word in _NOUN_AFTER):
            continue
        j, length = i, len(t.word)
        while j > 0 and not toks[j - 1].flag.startswith(_STOP_FLAGS) and length + len(toks[j - 1].word) \
                <= _MAX_UNQUOTED and toks[j - 1].word not in ("“", "”", "‘", "’"):
            j -= 1
            length += len(toks[j].word)
        first = next((k for k in range(j, i) if toks[k].word.startswith(markers)), None)
        if first is None or (first > 0 and toks[first - 1].word == "等"):
            continue  # no domain word; or a category after a list (等妇女儿童公益项目)
        end, reason = t.end, "ends in a program word"
        series = text.rfind("系列", toks[first].start, end)
        if series > toks[first].start and end - series <= 4:  # 巾帼建功系列活动 names 巾帼建功
            end, reason = series, "X系列活动"
        if end - toks[first].start >= 4:
            known = any(toks[k].flag == LEXICON_TAG + "PROGRAM" and toks[k].end < end for k in range(first, i))
            # a known program extended by more words (巾帼心向党引领行动) beats the known one alone
            out.append(Suggestion(toks[first].start, end, "PROGRAM", 0.88 if known else 0.6, NAME,
                                  f"unquoted, {reason}" + (", extends a known program" if known else "")))
    return out
