"""Traditional to Simplified with OpenCC, decided line by line.

OpenCC's ``t2s``, ``tw2s`` and ``hk2s`` keep the code-point length, so this
step changes characters but never offsets.  A line is converted only when it
holds Traditional characters: with ``tw2s`` when they are a good share of its
Han characters (Taiwan-style text, where ``tw2s`` gets 著→着 right), with
``t2s`` when a Simplified line merely quotes a Traditional word (``tw2s``
would damage Simplified words such as 么→幺; ``t2s`` changes none).
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
import opencc
import regex

from . import scan
from .alignment import Alignment

# a line whose Han characters are at least this share Traditional is Taiwan-style text
TRADITIONAL_SHARE = 0.1
CONFIGS = ("t2s", "tw2s", "hk2s")
_HAN_RANGES = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00), (0x20000, 0x2EBF0), (0x30000, 0x323B0))
# Phrases t2s converts although none of their characters changes on its own
# (深沈 → 深沉, 瞭解 → 了解): OpenCC 1.4.2's TSPhrases entries whose characters
# are all outside TSCharacters' changes.  A text with neither such a phrase nor
# a character t2s changes is left as it is by t2s, so that pass can be skipped;
# tests/normalize/test_script_tables.py checks the list against OpenCC's data.
PHRASES_OF_UNCHANGED_CHARACTERS = tuple("""
一坏 一目瞭然 不瞭解 以免藉口 凌藉 函覆 反反覆覆 反覆 反覆思量 反覆性 回覆 土坏 坏土 坏子 坏布 墨沈沈
意志消沈 打坏 批覆 找藉口 折戟沈沙 折戟沈河 拉坏 拜覆 捏坏 明瞭 明覆 昏沈 暗沈沈 毛坏 沈下 沈冤 沈厚 沈吟
沈寂 沈思 沈思往事 沈浮 沈浸 沈湎 沈湎酒色 沈溺 沈甸甸 沈痛 沈痼 沈睡 沈睡不醒 沈砂池 沈筒 沈船 沈落 沈迷
沈迷不醒 沈醉 沈重 沈降 沈陷 沈香 沈默 沈默寡言 浮沈 海哩 深沈 深沈不露 滑藉 狐藉虎威 甦生 甦醒 申覆 瞭如
瞭如指掌 瞭然 瞭若指掌 瞭解 瞭解到 破釜沈舟 示覆 答覆 素藉 耳沈 英哩 茵藉 藉代 藉以 藉助 藉卉 藉口 藉喻
藉寇兵 藉手 藉故 藉方 藉槁 藉此 藉甚 藉由 藉着 藉端 藉端生事 衹得 覆信 覆呈 覆命 覆墓 覆按 覆文 覆校 重覆
陶坏 黑沈沈
""".split())
_CHANGES, _IN_PHRASE = 1, 2  # bits of the character table


@lru_cache(maxsize=None)
def converter(config: str) -> opencc.OpenCC:
    if config not in CONFIGS:
        raise ValueError(f"unknown OpenCC config {config!r}; this step uses only {', '.join(CONFIGS)}")
    return opencc.OpenCC(config)


def convert(text: str, config: str) -> str:
    """Convert with one OpenCC config, guaranteeing the code-point length is kept."""
    out = converter(config).convert(text)
    if len(out) == len(text):
        return out
    # an OpenCC release that changed the length must not shift offsets: go char by char
    conv = converter(config)
    return "".join(c if len(c := conv.convert(ch)) == 1 else ch for ch in text)


@lru_cache(maxsize=1)
def traditional_chars() -> "regex.Pattern[str]":
    """A pattern matching every character that ``t2s`` changes on its own."""
    chars = [chr(c) for lo, hi in _HAN_RANGES for c in range(lo, hi)]
    converted = convert("\n".join(chars), "t2s").split("\n")
    changed = "".join(a for a, b in zip(chars, converted, strict=True) if a != b)
    return regex.compile("[" + regex.escape(changed) + "]")


@lru_cache(maxsize=1)
def _tables() -> tuple[np.ndarray, dict[str, "re.Pattern[str]"]]:
    """Per code point: t2s changes it on its own / it is changed inside one of
    PHRASES_OF_UNCHANGED_CHARACTERS; and for the latter, a pattern of those phrases."""
    chars = scan.all_characters()
    # one character per line: phrases never span a line break
    converted = convert("\n".join(chars), "t2s")
    before = np.frombuffer(chars.encode("utf-32-le"), dtype=np.uint32)
    after = np.frombuffer(converted.encode("utf-32-le"), dtype=np.uint32)[0::2]
    table = np.zeros(scan.MAX_CODE_POINT, dtype=np.uint8)
    table[before[before != after]] |= _CHANGES
    phrases: dict[str, list[str]] = {}
    for phrase in PHRASES_OF_UNCHANGED_CHARACTERS:
        for a, b in zip(phrase, convert(phrase, "t2s"), strict=True):
            if a != b:
                table[ord(a)] |= _IN_PHRASE
                phrases.setdefault(a, []).append(phrase)
    return table, {ch: re.compile("|".join(map(re.escape, found))) for ch, found in phrases.items()}


def may_change(text: str) -> bool:
    """Whether t2s could change ``text``; ``False`` is certain, and costs a table lookup."""
    table, phrases = _tables()
    flags, present = scan.lookup(table, text)
    if present & _CHANGES:
        return True
    if present & _IN_PHRASE:
        longest = max(map(len, PHRASES_OF_UNCHANGED_CHARACTERS))
        for at in np.flatnonzero(flags != 0).tolist():
            if phrases[text[at]].search(text, max(at - longest + 1, 0), at + longest):
                return True
    return False


def to_simplified_chars(text: str) -> str:
    return convert(text, "t2s")


def _wide(line: str) -> int:
    """How many characters of a line are outside ASCII (Han, mostly), counted at C speed."""
    return (len(line.encode("utf-8")) - len(line)) // 2


def _config_for(line: str, simplified: str) -> str:
    changed = sum(map(str.__ne__, line, simplified))
    return "tw2s" if changed >= TRADITIONAL_SHARE * _wide(line) else "t2s"


def line_config(line: str) -> str | None:
    """The config a line needs, or ``None`` when it has no Traditional character."""
    simplified = convert(line, "t2s")
    return None if simplified == line else _config_for(line, simplified)


def to_simplified(text: str) -> tuple[str, Alignment, dict[str, int]]:
    """Step: convert the lines that hold Traditional characters.

    A table lookup says when there is nothing to convert.  Otherwise one t2s
    pass over the whole text finds the lines (OpenCC runs at C speed), numpy
    counts each line's changed and non-ASCII characters, and one tw2s pass
    converts the Taiwan-style lines together."""
    identity = Alignment.identity(len(text))
    if not may_change(text):
        return text, identity, {}
    simplified = convert(text, "t2s")
    if simplified == text:
        return text, identity, {}
    cp = scan.codepoints(text)
    converted = np.frombuffer(simplified.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    newline = cp == 10
    if not np.array_equal(newline, converted == 10):
        return _per_line(text, simplified)
    line_of = np.cumsum(newline) - newline
    count = int(line_of[-1]) + 1
    changed = np.bincount(line_of[cp != converted], minlength=count)
    extra_bytes = (cp >= 0x80).astype(np.int64) + (cp >= 0x800) + (cp >= 0x10000)
    wide = np.bincount(line_of, weights=extra_bytes, minlength=count).astype(np.int64) // 2
    taiwan = changed >= TRADITIONAL_SHARE * wide
    tw_lines = np.flatnonzero((changed > 0) & taiwan).tolist()
    mixed = int(np.count_nonzero((changed > 0) & ~taiwan))
    lines = text.split("\n")
    out = simplified.split("\n")
    if tw_lines:
        source = [lines[i] for i in tw_lines]
        # converted together, unless some line would change length (then convert() goes char by char)
        done = converter("tw2s").convert("\n".join(source)).split("\n")
        if len(done) != len(source) or any(len(a) != len(b) for a, b in zip(source, done, strict=False)):
            done = [convert(line, "tw2s") for line in source]
        for i, line in zip(tw_lines, done, strict=True):
            out[i] = line
    counts = {"traditional_lines": len(tw_lines), "mixed_lines": mixed}
    return "\n".join(out), identity, {k: v for k, v in counts.items() if v}


def _per_line(text: str, simplified: str) -> tuple[str, Alignment, dict[str, int]]:
    """The same step, line by line in Python (for a conversion that moved a line break)."""
    lines = text.split("\n")
    converted = simplified.split("\n")
    counts = {"traditional_lines": 0, "mixed_lines": 0}
    for i, (line, conv) in enumerate(zip(lines, converted, strict=True)):
        if line == conv:
            continue
        if _config_for(line, conv) == "tw2s":
            lines[i] = convert(line, "tw2s")
            counts["traditional_lines"] += 1
        else:
            lines[i] = conv
            counts["mixed_lines"] += 1
    return "\n".join(lines), Alignment.identity(len(text)), {k: v for k, v in counts.items() if v}
