"""Traditional to Simplified with OpenCC, decided line by line.

OpenCC's ``t2s``, ``tw2s`` and ``hk2s`` keep the code-point length, so this
step changes characters but never offsets.  A line is converted only when it
holds Traditional characters: with ``tw2s`` when they are a good share of its
Han characters (Taiwan-style text, where ``tw2s`` gets 著→着 right), with
``t2s`` when a Simplified line merely quotes a Traditional word (``tw2s``
would damage Simplified words such as 么→幺; ``t2s`` changes none).
"""

from __future__ import annotations

from functools import lru_cache

import opencc
import regex

from .alignment import Alignment

# a line whose Han characters are at least this share Traditional is Taiwan-style text
TRADITIONAL_SHARE = 0.1
CONFIGS = ("t2s", "tw2s", "hk2s")
_HAN_RANGES = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00), (0x20000, 0x2EBF0), (0x30000, 0x323B0))


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

    One t2s pass over the whole text finds them (OpenCC runs at C speed, far
    faster than matching a class of 4,577 Traditional characters)."""
    identity = Alignment.identity(len(text))
    simplified = convert(text, "t2s")
    if simplified == text:
        return text, identity, {}
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
    return "\n".join(lines), identity, {k: v for k, v in counts.items() if v}
