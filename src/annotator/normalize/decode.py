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
encodings.  Ties go to GB18030.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from . import scan
from .errors import BinaryInput, EmptyInput, InputTooLarge, UndecodableInput

MAX_BYTES = 64 * 1024 * 1024
LEGACY_ENCODINGS = ("gb18030", "big5hkscs")
# a page with a handful of broken bytes is still a page; more than this is not text
MAX_ERROR_RATIO = 0.001


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


def decode(data: bytes, name: str = "<input>", max_bytes: int = MAX_BYTES) -> Decoded:
    """Decode a page; raise a :class:`NormalizeError` naming ``name`` and the reason."""
    if len(data) > max_bytes:
        raise InputTooLarge(
            f"{name}: {len(data) / 1e6:.1f} MB is over the {max_bytes / 1e6:.0f} MB limit for one document"
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
        raise BinaryInput(f"{name}: binary data (NUL bytes), not a text page")
    try:
        return _checked(Decoded(data.decode("utf-8"), "utf-8", False, 0), name)
    except UnicodeDecodeError as exc:
        utf8_error = exc
    clean = []
    for enc in LEGACY_ENCODINGS:
        try:
            clean.append(Decoded(data.decode(enc), enc, False, 0))
        except UnicodeDecodeError:
            pass
    if clean:
        return _checked(max(clean, key=lambda d: _score(d.text)), name)
    # nothing decodes cleanly: accept a few broken bytes, never a page of them
    limit = max(1, int(len(data) * MAX_ERROR_RATIO))
    lenient = []
    for enc in ("utf-8",) + LEGACY_ENCODINGS:
        text = data.decode(enc, errors="replace")
        errors = text.count("\ufffd")
        if errors <= limit:
            lenient.append(Decoded(text, enc, False, errors))
    if lenient:
        best = lenient[0] if lenient[0].encoding == "utf-8" else max(lenient, key=lambda d: _score(d.text))
        return _checked(best, name)
    raise UndecodableInput(
        f"{name}: not UTF-8 (invalid byte at offset {utf8_error.start}), GB18030 or Big5; cannot decode it"
    )


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
