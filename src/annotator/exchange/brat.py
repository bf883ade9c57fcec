"""brat standoff: a folder with ``NAME.txt`` (the text, byte for byte) and
``NAME.ann`` per document, and an ``annotation.conf`` so brat can open it.

``T1<TAB>LABEL start end<TAB>text`` (the text with line breaks and tabs as
spaces, as brat shows it), ``A1<TAB>name T1 value`` per attribute,
``R1<TAB>TYPE Arg1:T1 Arg2:T2`` per relation.  Offsets are characters of the
.txt.  The reader takes a span in fragments (``0 5;6 9``) when only white
space lies between them, a binary attribute (no value) as ``"true"``, and
passes over notes (``#``) and normalizations (``N``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..store.models import ImportedSpan
from .annotated import Item, Parsed, Problem, read_text
from .base import Writer as BaseWriter
from .base import WriterContext

SUFFIX = ""  # a folder


def _flat(text: str) -> str:
    return text.replace("\r", " ").replace("\n", " ").replace("\t", " ")


class Writer(BaseWriter):
    def __init__(self, path: Path, context: WriterContext):
        super().__init__(path, context)
        path.mkdir(parents=True, exist_ok=True)
        self._labels: set[str] = set()
        self._relations: set[str] = set()
        self._attributes: dict[str, set[str]] = {}

    def write(self, record: dict[str, Any]) -> None:
        name = f"{record['id']:06d}"
        (self.path / f"{name}.txt").write_text(record["text"], encoding="utf-8", newline="")
        lines, a = [], 0
        for s in record["spans"]:
            self._labels.add(s["label"])
            lines.append(f"T{s['id']}\t{s['label']} {s['start']} {s['end']}\t{_flat(s['text'])}")
            for key, value in s["attributes"].items():
                if value is not None:
                    a += 1
                    self._attributes.setdefault(key, set()).add(value)
                    lines.append(f"A{a}\t{key} T{s['id']} {value}")
        for r in record["relations"]:
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
    ids: dict[str, int] = {}
    later: list[tuple[str, str, str]] = []
    for number, line in enumerate(lines, 1):
        where = f"{ann}:{number}"
        line = line.rstrip("\r")
        if not line.strip() or line[0] in "#N":
            continue
        key, _, rest = line.partition("\t")
        if key.startswith("T"):
            problem = _text_bound(where, key, rest, text, parsed, ids)
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


def _text_bound(where: str, key: str, rest: str, text: str, parsed: Parsed, ids: dict[str, int]) -> Problem | None:
    head, _, given = rest.partition("\t")
    label, _, ranges = head.partition(" ")
    try:
        fragments = sorted(tuple(int(x) for x in part.split()) for part in ranges.split(";"))
        start, end = fragments[0][0], fragments[-1][1]
        if any(len(f) != 2 for f in fragments):
            raise ValueError
    except (ValueError, IndexError):
        return Problem(where, f"{key}: {ranges!r} is not 'start end' offsets")
    if not 0 <= start < end <= len(text):
        return Problem(where, f"{key}: span {start}:{end} is outside the text ({len(text)} characters)")
    for (_, gap_start), (gap_end, _) in zip(fragments, fragments[1:]):
        if text[gap_start:gap_end].strip():
            return Problem(where, f"{key}: a span in pieces with text between them ({ranges}) is not supported")
    if _flat(text[start:end]) != _flat(given) and " ".join(_flat(text[s:e]) for s, e in fragments) != _flat(given):
        return Problem(where, f"{key}: span {start}:{end} is {text[start:end]!r} in the text but the file says "
                              f"{given!r}")
    ids[key] = len(parsed.spans)
    parsed.spans.append(ImportedSpan(start, end, label, {}))
    return None


def _attribute(where: str, rest: str, parsed: Parsed, ids: dict[str, int]) -> Problem | None:
    parts = rest.split(" ", 2)
    if len(parts) < 2 or parts[1] not in ids:
        return Problem(where, f"attribute {rest!r} does not name a text span of this file")
    parsed.spans[ids[parts[1]]].attributes[parts[0]] = parts[2] if len(parts) == 3 else "true"
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
