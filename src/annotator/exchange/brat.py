"""brat standoff: a folder with ``NAME.txt`` (the text, byte for byte) and
``NAME.ann`` per document, and an ``annotation.conf`` so brat can open it.

``T1<TAB>LABEL start end<TAB>text``, ``A1<TAB>name T1 value`` per attribute,
``R1<TAB>TYPE Arg1:T1 Arg2:T2`` per relation.  What brat itself checks
(nlplab/brat, ``server/src/annotation.py`` and ``projectconfig.py``) decides
the rest:

* brat reads the .txt with universal newlines (a CRLF or a lone CR is one
  LF), so offsets count characters of that view of the text; the reader maps
  them back onto the text as the file holds it.
* A text-bound's text must equal its fragments' text joined by one space, and
  brat reads the .ann a line at a time with ``splitlines`` (LF, CR, VT, FF,
  U+001C–U+001E, U+0085, U+2028, U+2029 all end a line).  A span across such
  a character is written as fragments around it (``74 76;77 80``), as brat
  writes a span across a line break; a span's line-break characters at its
  edges are left out of it (counted in the summary), and a span of nothing
  else cannot be written (counted, with its attributes and relations).
* annotation.conf splits an attribute's values on ``|`` and its arguments on
  ``,``, and takes no white space in a value; such a value falls back to
  brat's default configuration.  So white space, ``,``, ``|`` and ``%`` in an
  attribute value are written percent-encoded (``公益%20项目``) in both files,
  and read back decoded.

The reader takes fragments separated only by white space as one span, a
binary attribute (no value) as ``"true"``, and passes over notes (``#``) and
normalizations (``N``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from ..store.models import ImportedSpan
from .annotated import Item, Parsed, Problem, read_text
from .base import Writer as BaseWriter
from .base import WriterContext

SUFFIX = ""  # a folder
LINE_ENDS = "\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"  # what splitlines() ends a line on, once CRs are LFs
_RUNS = re.compile(f"[^{LINE_ENDS}]+")


def _flat(text: str) -> str:
    return text.replace("\r", " ").replace("\n", " ").replace("\t", " ")


def encode_value(value: str) -> str:
    """An attribute value as annotation.conf and the .ann can hold it."""
    return "".join("".join(f"%{b:02X}" for b in ch.encode("utf-8")) if ch.isspace() or ch in ",|%" else ch
                   for ch in value)


class View:
    """The text as brat reads it (universal newlines) and the way between its
    offsets and the text's."""

    def __init__(self, text: str):
        self.text = text
        if "\r" not in text:
            self.view, self._kept = text, None
            return
        self._kept = [i for i, ch in enumerate(text) if not (ch == "\r" and text[i + 1:i + 2] == "\n")]
        self.view = "".join("\n" if text[i] == "\r" else text[i] for i in self._kept)

    def to_view(self, offset: int) -> int:
        return offset if self._kept is None else bisect_left(self._kept, offset)

    def start_in_text(self, v: int) -> int:
        if self._kept is None:
            return v
        return self._kept[v] if v < len(self._kept) else len(self.text)

    def end_in_text(self, v: int) -> int:
        if self._kept is None:
            return v
        return self._kept[v - 1] + 1 if v > 0 else 0


def fragments(view: str, start: int, end: int) -> list[tuple[int, int]]:
    """``[start, end)`` of brat's view of a text cut around its line ends."""
    return [(m.start(), m.end()) for m in _RUNS.finditer(view, start, end)] if start < end else []


class Writer(BaseWriter):
    CARRIES = frozenset({"attributes", "relations"})

    def __init__(self, path: Path, context: WriterContext):
        super().__init__(path, context)
        path.mkdir(parents=True, exist_ok=True)
        self._labels: set[str] = set()
        self._relations: set[str] = set()
        self._attributes: dict[str, set[str]] = {}

    def write(self, record: dict[str, Any]) -> None:
        name = f"{record['id']:06d}"
        text = record["text"]
        (self.path / f"{name}.txt").write_text(text, encoding="utf-8", newline="")
        view = View(text)
        lines, a, written = [], 0, set()
        for s in record["spans"]:
            vs, ve = view.to_view(s["start"]), view.to_view(s["end"])
            pieces = [(x, y) for x, y in fragments(view.view, vs, ve)]
            if not pieces:
                self.leave_out("spans of line breaks only (brat cannot mark them)")
                self.lost["attribute values"] += sum(v is not None for v in s["attributes"].values())
                continue
            if view.start_in_text(pieces[0][0]) != s["start"] or view.end_in_text(pieces[-1][1]) != s["end"]:
                self.lost["spans with line breaks at their edges (left out of the span)"] += 1
            written.add(s["id"])
            self._labels.add(s["label"])
            offsets = ";".join(f"{x} {y}" for x, y in pieces)
            lines.append(f"T{s['id']}\t{s['label']} {offsets}\t{' '.join(view.view[x:y] for x, y in pieces)}")
            for key, value in s["attributes"].items():
                if value is not None:
                    a += 1
                    value = encode_value(value)
                    self._attributes.setdefault(key, set()).add(value)
                    lines.append(f"A{a}\t{key} T{s['id']} {value}")
        for r in record["relations"]:
            if r["head"] not in written or r["tail"] not in written:
                self.lost["relations"] += 1
                continue
            self._relations.add(r["type"])
            lines.append(f"R{r['id']}\t{r['type']} Arg1:T{r['head']} Arg2:T{r['tail']}")
        (self.path / f"{name}.ann").write_text("".join(line + "\n" for line in lines), encoding="utf-8",
                                               newline="\n")

    def close(self) -> None:
        labels = [label.name for label in self.context.labels if label.name in self._labels]
        labels += sorted(self._labels - set(labels))
        conf = ["[entities]", *labels, "", "[relations]",
                *(f"{r}\tArg1:<ENTITY>, Arg2:<ENTITY>" for r in sorted(self._relations)),
                "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>", "", "[events]", "", "[attributes]",
                *(f"{k}\tArg:<ENTITY>, Value:{'|'.join(sorted(v))}" for k, v in sorted(self._attributes.items()))]
        (self.path / "annotation.conf").write_text("\n".join(conf) + "\n", encoding="utf-8", newline="\n")


def read(path: Path) -> Iterator[Item]:
    if path.is_file() and path.suffix == ".ann":
        files = [path]
    elif path.is_dir():
        files = sorted(path.rglob("*.ann"))
        if not files:
            yield Problem(str(path), "no .ann files in this folder")
    else:
        yield Problem(str(path), "brat data is a folder of .txt and .ann files (or one .ann file)")
        return
    for ann in files:
        yield from _read_pair(ann)


def _read_pair(ann: Path) -> Iterator[Item]:
    txt = ann.with_suffix(".txt")
    text, annotations = read_text(txt), read_text(ann)
    if isinstance(text, Problem) or isinstance(annotations, Problem):
        yield from (p for p in (text, annotations) if isinstance(p, Problem))
        return
    lines = annotations.split("\n")
    parsed, problems = Parsed(str(txt), text), []
    view = View(text)
    ids: dict[str, int] = {}
    later: list[tuple[str, str, str]] = []
    for number, line in enumerate(lines, 1):
        where = f"{ann}:{number}"
        line = line.rstrip("\r")
        if not line.strip() or line[0] in "#N":
            continue
        key, _, rest = line.partition("\t")
        if key.startswith("T"):
            problem = _text_bound(where, key, rest, view, parsed, ids)
            if problem:
                problems.append(problem)
        elif key[:1] in ("A", "M", "R"):
            later.append((where, key, rest))
        else:
            problems.append(Problem(where, f"{key}: only text spans (T), attributes (A) and relations (R) are read"))
    for where, key, rest in later:  # attributes and relations may come before the spans they name
        problem = _attribute(where, rest, parsed, ids) if key[0] in "AM" else _relation(where, rest, parsed, ids)
        if problem:
            problems.append(problem)
    yield from problems or [parsed]


def _text_bound(where: str, key: str, rest: str, view: View, parsed: Parsed, ids: dict[str, int]) -> Problem | None:
    head, _, given = rest.partition("\t")
    label, _, ranges = head.partition(" ")
    text = view.view
    try:
        pieces = sorted(tuple(int(x) for x in part.split()) for part in ranges.split(";"))
        start, end = pieces[0][0], pieces[-1][1]
        if any(len(f) != 2 for f in pieces):
            raise ValueError
    except (ValueError, IndexError):
        return Problem(where, f"{key}: {ranges!r} is not 'start end' offsets")
    if not 0 <= start < end <= len(text):
        return Problem(where, f"{key}: span {start}:{end} is outside the text ({len(text)} characters)")
    for (_, gap_start), (gap_end, _) in zip(pieces, pieces[1:]):
        if text[gap_start:gap_end].strip():
            return Problem(where, f"{key}: a span in pieces with text between them ({ranges}) is not supported")
    if " ".join(text[s:e] for s, e in pieces) != given and _flat(text[start:end]) != _flat(given):
        return Problem(where, f"{key}: span {ranges} is {' '.join(text[s:e] for s, e in pieces)!r} in the text "
                              f"but the file says {given!r}")
    ids[key] = len(parsed.spans)
    parsed.spans.append(ImportedSpan(view.start_in_text(start), view.end_in_text(end), label, {}))
    return None


def _attribute(where: str, rest: str, parsed: Parsed, ids: dict[str, int]) -> Problem | None:
    parts = rest.split(" ", 2)
    if len(parts) < 2 or parts[1] not in ids:
        return Problem(where, f"attribute {rest!r} does not name a text span of this file")
    parsed.spans[ids[parts[1]]].attributes[parts[0]] = unquote(parts[2]) if len(parts) == 3 else "true"
    return None


def _relation(where: str, rest: str, parsed: Parsed, ids: dict[str, int]) -> Problem | None:
    fields = rest.split()
    if not fields:
        return Problem(where, "a relation with no type")
    kind, *args = fields
    roles = dict(a.split(":", 1) for a in args if ":" in a)
    heads = [roles.get(k) for k in ("Arg1", "Arg2")]
    if len(roles) != 2 or not all(h in ids for h in heads):
        return Problem(where, f"relation {rest!r} does not link two text spans (Arg1, Arg2) of this file")
    parsed.relations.append((ids[heads[0]], ids[heads[1]], kind))  # type: ignore[index]
    return None
