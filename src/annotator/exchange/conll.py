"""CoNLL-style BIO (or BIOES) tags, one character a line: ``字<TAB>B-PER``.

Chinese has no spaces to split on, so every character is a token (splitting on
white space gives one token per sentence: Label Studio #1250).  A line break
of the text is an empty line, so each line of a document is a sentence to
readers such as seqeval; each document opens with ``-DOCSTART-<TAB>O`` and an
empty line and ends with an empty line.  A space or tab is a token like any
other (the tag follows the last tab).

One tag a character means no overlaps: the export keeps the longest spans
(spaCy's rule) and counts the others as dropped, with spans that begin or end
on a line break, which no empty line can say.  A line break inside a span is
in it when the tags on both sides continue the span.  The reader also takes
files without ``-DOCSTART-`` (each sentence a document) and tokens of several
characters.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..store.models import ImportedSpan
from .annotated import Item, Parsed, Problem, read_text
from .base import Writer as BaseWriter
from .base import WriterContext
from .records import non_overlapping

SUFFIX = ".conll"
DOCSTART = "-DOCSTART-"


class Writer(BaseWriter):
    def __init__(self, path: Path, context: WriterContext):
        super().__init__(path, context)
        self._file = path.open("w", encoding="utf-8", newline="\n")

    def write(self, record: dict[str, Any]) -> None:
        text = record["text"]
        spans = [s for s in non_overlapping(record["spans"])
                 if text[s["start"]] != "\n" and text[s["end"] - 1] != "\n"]
        self.dropped += len(record["spans"]) - len(spans)
        self._file.write("".join(line + "\n" for line in lines(text, spans, self.context.bioes)))

    def close(self) -> None:
        self._file.close()


def tags(length: int, spans: list[dict[str, Any]], bioes: bool) -> list[str]:
    out = ["O"] * length
    for s in spans:
        start, end, label = s["start"], s["end"], s["label"]
        if bioes and end - start == 1:
            out[start] = f"S-{label}"
            continue
        out[start] = f"B-{label}"
        for i in range(start + 1, end):
            out[i] = f"I-{label}"
        if bioes:
            out[end - 1] = f"E-{label}"
    return out


def lines(text: str, spans: list[dict[str, Any]], bioes: bool = False) -> list[str]:
    body = ["" if ch == "\n" else f"{ch}\t{tag}" for ch, tag in zip(text, tags(len(text), spans, bioes))]
    return [f"{DOCSTART}\tO", "", *body, ""]


# reading ---------------------------------------------------------------------------

def read(path: Path) -> Iterator[Item]:
    data = read_text(path)
    if isinstance(data, Problem):
        yield data
        return
    if data.endswith("\n"):
        data = data[:-1]
    rows = data.split("\n")
    starts = [i for i, row in enumerate(rows) if row.split("\t", 1)[0].split(" ", 1)[0] == DOCSTART]
    if not starts:  # plain sentences: each one a document
        block: list[int] = []
        for i, row in enumerate([*rows, ""]):
            if row.strip():
                block.append(i)
            elif block:
                yield from _document(path, rows, block[0], block[-1] + 1)
                block = []
        return
    if any(row.strip() for row in rows[:starts[0]]):
        yield Problem(f"{path}:1", f"text before the first {DOCSTART}")
    for first, after in zip(starts, [*starts[1:], len(rows)]):
        if after - first < 3 or rows[first + 1].strip() or rows[after - 1].strip():
            yield Problem(f"{path}:{first + 1}", f"a document is {DOCSTART}, an empty line, its lines, "
                                                 "and an empty line")
            continue
        yield from _document(path, rows, first + 2, after - 1)


def _document(path: Path, rows: list[str], first: int, after: int) -> Iterator[Item]:
    """The document on ``rows[first:after]``: tokens, and empty lines for line breaks."""
    tokens: list[tuple[str, str | None, int]] = []  # (text, tag, line number); tag None: a line break
    problems: list[Problem] = []
    for i in range(first, after):
        row = rows[i].rstrip("\r") if "\t" not in rows[i] else rows[i]
        if not row.strip(" \r"):
            tokens.append(("\n", None, i + 1))
            continue
        token, tag = row.rsplit("\t", 1) if "\t" in row else (row.split()[0], row.split()[-1])
        tokens.append((token, tag.strip(), i + 1))
    _tag_line_breaks(tokens)
    parsed = Parsed(f"{path}:{first + 1}", "".join(t for t, _, _ in tokens))
    pos, open_at, open_label = 0, None, None

    def close(end: int) -> None:
        nonlocal open_at, open_label
        if open_at is not None:
            parsed.spans.append(ImportedSpan(open_at, end, open_label))  # type: ignore[arg-type]
        open_at = open_label = None

    for token, tag, number in tokens:
        prefix, _, label = tag.partition("-")  # type: ignore[union-attr]
        if tag == "O":
            close(pos)
        elif prefix in ("B", "S") and label:
            close(pos)
            open_at, open_label = pos, label
        elif prefix in ("I", "E") and label:
            if open_label != label:
                problems.append(Problem(f"{path}:{number}", f"{tag} does not continue a {label} span"))
        else:
            problems.append(Problem(f"{path}:{number}", f"{tag!r} is not a BIO or BIOES tag"))
        pos += len(token)
        if prefix in ("S", "E"):
            close(pos)
    close(pos)
    yield from problems or [parsed]


def _tag_line_breaks(tokens: list[tuple[str, str | None, int]]) -> None:
    """A line break is inside a span when the tags around it continue one."""
    following, tag_after = [], "O"
    for _, tag, _ in reversed(tokens):
        following.append(tag_after)
        if tag is not None:
            tag_after = tag
    following.reverse()
    before = "O"
    for i, (token, tag, number) in enumerate(tokens):
        if tag is None:
            after = following[i]
            inside = before[:2] in ("B-", "I-") and after[:2] in ("I-", "E-") and before[2:] == after[2:]
            tag = f"I-{after[2:]}" if inside else "O"
            tokens[i] = (token, tag, number)
        before = tag
