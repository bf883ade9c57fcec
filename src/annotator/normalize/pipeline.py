"""Raw page bytes → normalized document, with an exact map back.

The steps run in a fixed order; each is a pure function from text to
``(text, alignment, counts)`` and the alignments compose into one map from the
normalized text to the decoded raw text.  Order matters: line endings and HTML
first (an entity can hide a space or a quote), invisible characters before
glosses (a zero-width space between 婦 and ``(`` would hide a gloss), glosses
before splices (the garbage only reads ``?jì)D`` once glosses are gone),
OpenCC after both (so that phrases are whole), tidying last.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from . import boilerplate, metadata, scan
from .alignment import Alignment
from .byteloss import find_byte_loss
from .chars import fold_compatibility, remove_noise_chars
from .decode import MAX_BYTES, decode
from .gloss import remove_glosses
from .markup import strip_markup
from .punct import to_fullwidth
from .realign import find_shifted_runs
from .repairs import collapse_doubled_punctuation, standard_variants
from .script import to_simplified
from .splice import repair_splices
from .whitespace import tidy, unify_line_endings

VERSION = "1.0.0"
MAP_FORMAT = "segments-v1"

# a step: text -> (text, alignment, counts) or (text, alignment, counts, findings);
# findings are (start, end, details) in the step's input, mapped back to raw here
Step = Callable[[str], tuple]


@dataclass(frozen=True)
class NormalizeOptions:
    convert_traditional: bool = True
    fullwidth_punctuation: bool = False
    max_bytes: int = MAX_BYTES


@dataclass
class NormalizedDocument:
    raw_text: str
    text: str
    alignment: Alignment
    excluded: list[boilerplate.ExcludedRegion]
    meta: dict[str, str | None]
    flags: dict[str, Any]
    steps: list[str]
    encoding: str
    version: str = VERSION
    options: dict[str, Any] = field(default_factory=dict)

    def raw_range(self, start: int, end: int) -> tuple[int, int]:
        """The range of ``raw_text`` that the normalized span ``[start, end)`` came from."""
        return self.alignment.source_range(start, end)

    def to_json(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "encoding": self.encoding,
            "options": self.options,
            "steps": self.steps,
            "meta": self.meta,
            "flags": self.flags,
            "excluded": [r.to_json() for r in self.excluded],
            "text": self.text,
            "raw_text": self.raw_text,
            "map": {"format": MAP_FORMAT, "segments": self.alignment.to_json()},
        }


def normalize_text(raw_text: str, options: NormalizeOptions = NormalizeOptions()) -> NormalizedDocument:
    """Normalize an already decoded page."""
    try:
        return _normalize_text(raw_text, options)
    finally:
        scan.forget()  # the last text's code points, four bytes a character


def _normalize_text(raw_text: str, options: NormalizeOptions) -> NormalizedDocument:
    steps: list[tuple[str, Step]] = [
        ("line_endings", unify_line_endings),
        ("markup", strip_markup),
        ("noise_chars", remove_noise_chars),
        ("glosses", remove_glosses),
        ("splices", repair_splices),
        ("byte_loss", find_byte_loss),
        ("shifted_runs", find_shifted_runs),
        ("compat_fold", fold_compatibility),
        ("doubled_punctuation", collapse_doubled_punctuation),
    ]
    if options.convert_traditional:
        steps.append(("simplified", to_simplified))
        steps.append(("variants", standard_variants))
    steps.append(("tidy", tidy))
    if options.fullwidth_punctuation:
        steps.append(("fullwidth_punctuation", to_fullwidth))

    text = raw_text
    maps: list[Alignment] = []
    counts: dict[str, Any] = {}
    applied: list[str] = []
    findings: dict[str, list[dict[str, Any]]] = {}
    for name, step in steps:
        new, step_alignment, step_counts, *found = step(text)
        for f_start, f_end, details in found[0] if found else ():
            raw_start, raw_end = _back(maps, f_start, f_end)
            findings.setdefault(name, []).append({"raw_start": raw_start, "raw_end": raw_end, **details})
        if new != text:
            applied.append(name)
        if not step_alignment.is_identity():
            maps.append(step_alignment)
        text = new
        counts.update(step_counts)
    # compose right to left: the small maps of the late steps first, the big one once
    composed = Alignment.identity(len(text))
    for step_map in reversed(maps):
        composed = step_map.then(composed)
    alignment = composed if maps else Alignment.identity(len(raw_text))

    lines = boilerplate.lines_of(text)
    excluded = boilerplate.find_excluded(text, lines)
    flags: dict[str, Any] = dict(sorted(counts.items()))
    if "splices" in findings:
        flags["splices"] = findings["splices"]
    for name in ("byte_loss", "shifted_runs"):
        if name in findings:
            flags[name] = findings[name]
    if "noise_chars" in findings:
        flags["private_use_at"] = [f["raw_start"] for f in findings["noise_chars"]]
    spam = sum(1 for r in excluded if r.reason == "spam")
    if spam:
        flags["spam_lines"] = spam
    return NormalizedDocument(
        raw_text=raw_text,
        text=text,
        alignment=alignment,
        excluded=excluded,
        meta=metadata.extract(text, excluded, lines),
        flags=flags,
        steps=applied,
        encoding="",
        options={"convert_traditional": options.convert_traditional,
                 "fullwidth_punctuation": options.fullwidth_punctuation},
    )


def _back(maps: list[Alignment], start: int, end: int) -> tuple[int, int]:
    """A span of the current text, mapped back through the steps so far to the raw text."""
    for step_map in reversed(maps):
        start, end = step_map.source_range(start, end)
    return start, end



def normalize(data: bytes, name: str = "<input>", options: NormalizeOptions = NormalizeOptions()) -> NormalizedDocument:
    """Normalize a raw page.  Raises :class:`~annotator.normalize.errors.NormalizeError`
    (naming ``name`` and the reason) for empty, binary, undecodable or oversized input."""
    decoded = decode(data, name, options.max_bytes)
    doc = normalize_text(decoded.text, options)
    doc.encoding = decoded.encoding
    if decoded.errors:
        doc.flags["decode_errors"] = decoded.errors
    return doc
