"""Bytes to the raw text of a page, with the encoding detected.

Pages of this kind arrive as UTF-8 (with or without a BOM), UTF-16 with a BOM,
GBK/GB18030 or Big5.  A byte string that decodes cleanly as UTF-8 is UTF-8.
Otherwise GB18030 and Big5 often both decode it, so the candidates are scored
by how many of their non-ASCII characters, once folded to Simplified, are
plausible: the 3,755 most common Han characters (GB 2312 level 1), Chinese
punctuation, numerals (Ⅴ, ①), full-width forms and pinyin letters (GB 2312
rows 1, 2, 3 and 8).
The right decoding scores near 1.0, the wrong one near 0.5 even on a few
characters, where general-purpose detectors guess Japanese or Korean
encodings.  Ties go to GB18030.  A best score below PLAUSIBILITY_FLOOR is not
a Chinese page in any of them (Shift-JIS read as GB18030): rejected, naming the
encodings tried.  UTF-16 without a byte-order mark is taken when one byte order
reads as a plausible page.
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from . import scan
from .errors import BinaryInput, EmptyInput, InputTooLarge, UndecodableInput

MAX_BYTES = 64 * 1024 * 1024
LEGACY_ENCODINGS = ("gb18030", "big5hkscs")
# a page with a handful of broken bytes is still a page; more than this is not text
MAX_ERROR_RATIO = 0.001
# below this share of plausible characters a decoding is gibberish (Shift-JIS read
# as GB18030 scores about 0.17; a right decoding of a Chinese page near 1.0)
PLAUSIBILITY_FLOOR = 0.6
MIN_EVIDENCE = 20
MIB = 1 << 20


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    bom: bool
    errors: int  # characters replaced because their bytes were invalid


@lru_cache(maxsize=1)
def _plausible() -> frozenset[str]:
    chars = set()
    for lead in (0xA1, 0xA2, 0xA3, 0xA8, *range(0xB0, 0xD8)):
        for trail in range(0xA1, 0xFF):
            try:
                chars.add(bytes((lead, trail)).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return frozenset(chars)


def _score(text: str) -> float:
    """Share of non-ASCII characters that are plausible once converted to Simplified."""
    from .script import to_simplified_chars

    sample = [ch for ch in to_simplified_chars(text[:20000]) if ord(ch) > 0x7F]
    if not sample:
        return 1.0
    plausible = _plausible()
    return sum(ch in plausible for ch in sample) / len(sample)


def _gibberish(text: str) -> float | None:
    """The share of plausible letters when it is low on enough evidence: at least
    MIN_EVIDENCE letters of the BMP outside ASCII (emoji, symbols, invisible and
    astral characters say nothing either way; a page of a few is not judged)."""
    from .script import to_simplified_chars

    sample = [ch for ch in to_simplified_chars(text[:20000])
              if 0x7F < ord(ch) <= 0xFFFF and unicodedata.category(ch)[0] == "L"]
    if len(sample) < MIN_EVIDENCE:
        return None
    plausible = _plausible()
    score = sum(ch in plausible for ch in sample) / len(sample)
    return score if score < PLAUSIBILITY_FLOOR else None


def decode(data: bytes, name: str = "<input>", max_bytes: int = MAX_BYTES) -> Decoded:
    """Decode a page; raise a :class:`NormalizeError` naming ``name`` and the reason."""
    if len(data) > max_bytes:
        raise InputTooLarge(
            f"{name}: {len(data) / MIB:.1f} MiB is over the {max_bytes / MIB:.0f} MiB limit for one document"
        )
    if not data or data.isspace():  # not data.strip(), without copying the page
        raise EmptyInput(f"{name}: the file is empty" if not data else f"{name}: the file holds only white space")
    for bom, enc in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(enc)
            except UnicodeDecodeError as exc:
                raise UndecodableInput(
                    f"{name}: starts with a {enc.upper()} byte-order mark but byte {exc.start + len(bom)} is not {enc.upper()}"
                ) from None
            return _checked(Decoded(text, enc, True, 0), name)
    if b"\x00" in data:
        found = _utf16(data, name)
        if found is not None:
            return found
        raise BinaryInput(f"{name}: binary data (NUL bytes), not a text page")
    try:
        return _checked(Decoded(data.decode("utf-8"), "utf-8", False, 0), name)
    except UnicodeDecodeError as exc:
        utf8_error = exc
    tried = [f"utf-8 (invalid byte at offset {utf8_error.start})"]
    clean = []
    for enc in LEGACY_ENCODINGS:
        try:
            clean.append(Decoded(data.decode(enc), enc, False, 0))
        except UnicodeDecodeError:
            tried.append(f"{enc} (does not decode)")
    if clean:
        return _plausible_or_reject(clean, tried, data, name)
    # nothing decodes cleanly: accept a few broken bytes, never a page of them
    limit = max(1, int(len(data) * MAX_ERROR_RATIO))
    lenient = []
    for enc in ("utf-8",) + LEGACY_ENCODINGS:
        text = data.decode(enc, errors="replace")
        errors = text.count("\ufffd")
        if errors <= limit:
            lenient.append(Decoded(text, enc, False, errors))
    if lenient:
        if lenient[0].encoding == "utf-8":
            return _checked(lenient[0], name)
        return _plausible_or_reject(lenient, tried, data, name)
    raise UndecodableInput(
        f"{name}: not UTF-8 (invalid byte at offset {utf8_error.start}), GB18030 or Big5; cannot decode it"
    )


def _plausible_or_reject(candidates: list[Decoded], tried: list[str], data: bytes, name: str) -> Decoded:
    """The most plausible decoding, if it is plausible enough; else UTF-16 without a
    byte-order mark, if that is; else an error naming every encoding tried."""
    scored = [(_score(d.text), d) for d in candidates]
    best = max(scored, key=lambda pair: pair[0])[1]  # ties: the first, GB18030
    if _gibberish(best.text) is None:
        return _checked(best, name)
    found = _utf16(data, name)
    if found is not None:
        return found
    tried += [f"{d.encoding} ({share:.0%} of its characters plausible)" for share, d in scored]
    raise UndecodableInput(f"{name}: cannot decode it as Chinese text; tried {', '.join(tried)}")


def _utf16(data: bytes, name: str) -> Decoded | None:
    """UTF-16 without a byte-order mark, when one byte order gives a plausible page
    (ASCII in UTF-16 has a NUL in every other byte, which reads as binary)."""
    if len(data) % 2:
        return None
    found = []
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if text.strip() and _gibberish(text) is None and (score := _score(text)) >= PLAUSIBILITY_FLOOR:
            found.append((score, Decoded(text, enc, False, 0)))
    if not found:
        return None
    try:
        return _checked(max(found, key=lambda pair: pair[0])[1], name)
    except BinaryInput:
        return None


def _checked(decoded: Decoded, name: str) -> Decoded:
    text = decoded.text
    if not text or text.isspace():
        raise EmptyInput(f"{name}: the file holds no text")
    # counted on the code points, which the first steps then use too
    head = scan.codepoints(text)[:100_000]
    controls = int(np.count_nonzero((head <= 0x08) | ((head >= 0x0E) & (head <= 0x1F)) | (head == 0x7F)))
    if controls > max(8, min(len(text), 100_000) // 100):
        raise BinaryInput(f"{name}: binary data ({controls} control characters), not a text page")
    return decoded
