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

from .tablecache import cached
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
# Characters t2s changes on their own that a TSPhrases entry keeps as they are
# (乾 in 乾坤): anywhere else in a line, t2s surely changes a character it changes
# alone, so those counted are a floor for how many characters of the line t2s
# changes (checked against OpenCC's data with the list above).
KEPT_IN_SOME_PHRASE = "乾剋劄吒徵扞於昇氾濛祕脩蒐薹袷計谿釐陞麽"
_CHANGES, _IN_PHRASE, _KEPT = 1, 2, 4  # bits of the character table


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


@cached
def traditional_chars() -> "regex.Pattern[str]":
    """A pattern matching every character that ``t2s`` changes on its own."""
    chars = [chr(c) for lo, hi in _HAN_RANGES for c in range(lo, hi)]
    converted = convert("\n".join(chars), "t2s").split("\n")
    changed = "".join(a for a, b in zip(chars, converted, strict=True) if a != b)
    return regex.compile("[" + regex.escape(changed) + "]")


@cached
def _tables() -> tuple[np.ndarray, dict[str, "re.Pattern[str]"], bool]:
    """Per code point: t2s changes it on its own / it is changed inside one of
    PHRASES_OF_UNCHANGED_CHARACTERS / it is in KEPT_IN_SOME_PHRASE; for the
    second, a pattern of those phrases; and whether OpenCC kept every length
    (if not, nothing here can be relied on and the step converts everything)."""
    chars = scan.all_characters()
    joined = "\n".join(chars)  # one character per line: phrases never span a line break
    converted = converter("t2s").convert(joined)
    exact = len(converted) == len(joined)
    if not exact:
        converted = convert(joined, "t2s")
    before = np.frombuffer(chars.encode("utf-32-le"), dtype=np.uint32)
    after = np.frombuffer(converted.encode("utf-32-le"), dtype=np.uint32)[0::2]
    table = np.zeros(scan.MAX_CODE_POINT, dtype=np.uint8)
    table[before[before != after]] |= _CHANGES
    for ch in KEPT_IN_SOME_PHRASE:
        table[ord(ch)] |= _KEPT
    phrases: dict[str, list[str]] = {}
    for phrase in PHRASES_OF_UNCHANGED_CHARACTERS:
        out = converter("t2s").convert(phrase)
        exact &= len(out) == len(phrase)
        for a, b in zip(phrase, out, strict=False):
            if a != b:
                table[ord(a)] |= _IN_PHRASE
                phrases.setdefault(a, []).append(phrase)
    return table, {ch: re.compile("|".join(map(re.escape, found))) for ch, found in phrases.items()}, exact


def may_change(text: str) -> bool:
    """Whether t2s could change ``text``; ``False`` is certain, and costs a table lookup."""
    table, phrases, exact = _tables()
    flags, present = scan.lookup(table, text)
    if present & _CHANGES or not exact:
        return True
    if present & _IN_PHRASE:
        longest = max(map(len, PHRASES_OF_UNCHANGED_CHARACTERS))
        for at in np.flatnonzero((flags & _IN_PHRASE) != 0).tolist():
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

    A table lookup says when there is nothing to convert, and which lines are
    surely Taiwan-style: those where the characters t2s surely changes are
    already the share that decides.  Only the other lines with a Traditional
    character go through t2s to be counted exactly; then one tw2s pass converts
    all the Taiwan-style lines together."""
    identity = Alignment.identity(len(text))
    if not may_change(text):
        return text, identity, {}
    table, _, exact = _tables()
    if not exact:
        return _whole_text(text)
    cp = scan.codepoints(text)
    flags, _ = scan.lookup(table, text)
    starts = np.concatenate(([0], np.flatnonzero(cp == 10) + 1))
    starts = starts[starts < len(cp)]  # a text ending in a line break: its empty last line has nothing
    lines = text.split("\n")
    count = len(lines)
    surely = _per_line(((flags & (_CHANGES | _KEPT)) == _CHANGES), starts, count)
    flagged = _per_line(flags != 0, starts, count) > 0
    wide = _per_line(_extra_utf8_bytes(cp), starts, count) // 2
    taiwan = (surely > 0) & (surely >= TRADITIONAL_SHARE * wide)
    # the other lines with a flagged character: count what t2s changes
    check = np.flatnonzero(flagged & ~taiwan).tolist()
    mixed: list[int] = []
    simplified: dict[int, str] = {}
    if check:
        source = [lines[i] for i in check]
        joined = "\n".join(source)
        done = converter("t2s").convert(joined)
        if len(done) != len(joined):
            return _whole_text(text)
        before = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        after = np.frombuffer(done.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        if not np.array_equal(before == 10, after == 10):
            return _whole_text(text)
        check_starts = np.concatenate(([0], np.flatnonzero(before == 10) + 1))
        check_starts = check_starts[check_starts < len(before)]
        changed = _per_line(before != after, check_starts, len(check))
        converted = done.split("\n")
        for k, i in enumerate(check):
            if changed[k] == 0:
                continue
            if changed[k] >= TRADITIONAL_SHARE * wide[i]:
                taiwan[i] = True
            else:
                mixed.append(i)
                simplified[i] = converted[k]
    tw_lines = np.flatnonzero(taiwan).tolist()
    if tw_lines:
        source = [lines[i] for i in tw_lines]
        # converted together, unless some line would change length (then convert() goes char by char)
        done = converter("tw2s").convert("\n".join(source)).split("\n")
        if len(done) != len(source) or any(len(a) != len(b) for a, b in zip(source, done, strict=False)):
            done = [convert(line, "tw2s") for line in source]
        for i, line in zip(tw_lines, done, strict=True):
            lines[i] = line
    for i in mixed:
        lines[i] = simplified[i]
    counts = {"traditional_lines": len(tw_lines), "mixed_lines": len(mixed)}
    return "\n".join(lines), identity, {k: v for k, v in counts.items() if v}


def _per_line(values: np.ndarray, starts: np.ndarray, count: int) -> np.ndarray:
    """Sums of ``values`` over each line (``starts``: where the non-empty-to-the-end lines start)."""
    out = np.zeros(count, dtype=np.int64)
    if len(starts):
        out[: len(starts)] = np.add.reduceat(values, starts, dtype=np.int64)
    return out


def _extra_utf8_bytes(cp: np.ndarray) -> np.ndarray:
    """UTF-8 bytes beyond the first, per character."""
    return (cp >= 0x80).view(np.uint8) + (cp >= 0x800).view(np.uint8) + (cp >= 0x10000).view(np.uint8)


def _whole_text(text: str) -> tuple[str, Alignment, dict[str, int]]:
    """The step as first written: t2s over the whole text, then line by line."""
    simplified = convert(text, "t2s")
    if simplified == text:
        return text, Alignment.identity(len(text)), {}
    return _line_by_line(text, simplified)


def _line_by_line(text: str, simplified: str) -> tuple[str, Alignment, dict[str, int]]:
    """Each line that t2s changed, decided on its own in Python."""
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
