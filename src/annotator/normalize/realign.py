"""A splice that shifted the decoder: after a lost byte, the rest of the run
decodes one byte off, as other characters (``环境?;ひ馐?`` for 环境保护意识).

A run after ``?`` that holds characters a Chinese page does not use (kana,
Cyrillic, box drawing: GBK rows A4–A9) is encoded back to GBK (ASCII folded back
to its full-width form, as the pages reach us folded) and decoded again one
byte later.  When that reads as Han text, the spot is flagged with the
realigned reading (``护意``); the text is left as it is, because the byte lost
at the start (保) and at the end (识) cannot be recovered, and a repair that is
not certain is never made silently.
"""

from __future__ import annotations

import regex

from .alignment import Alignment

_RUN = regex.compile(r"\?([^\s?]{2,40})")
_ODD = regex.compile(r"[\p{Hiragana}\p{Katakana}\p{Cyrillic}\p{Greek}\u2500-\u257f]")
_HAN_OR_PUNCT = regex.compile(r"^[\p{Han}，。、：；！？“”《》（）]+$")


def _fullwidth(s: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in s)


def realigned(run: str) -> str | None:
    """The run decoded one byte later, if that reads as Han text, else None."""
    try:
        data = _fullwidth(run).encode("gbk")
    except UnicodeEncodeError:
        return None
    if len(data) != 2 * len(run):
        return None
    shifted = data[1:-1]  # the lead byte lost before the run, the trail byte lost after it
    try:
        text = shifted.decode("gbk")
    except UnicodeDecodeError:
        return None
    if not text or not _HAN_OR_PUNCT.match(text) or _ODD.search(text):
        return None
    return text


def find_shifted_runs(text: str) -> tuple[str, Alignment, dict[str, int], list[tuple[int, int, dict]]]:
    """Step (findings only): runs decoded one byte off after a lost byte."""
    findings = []
    if "?" in text:
        for m in _RUN.finditer(text):
            run = m.group(1)
            if not _ODD.search(run):
                continue
            reading = realigned(run)
            if reading is not None:
                findings.append((m.start(1), m.end(1), {"found": run, "realigned": reading}))
    counts = {"shifted_runs": len(findings)} if findings else {}
    return text, Alignment.identity(len(text)), counts, findings
