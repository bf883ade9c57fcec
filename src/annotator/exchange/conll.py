"""CoNLL-style BIO (or BIOES) tags, one character a line: ``字<TAB>B-PER``.

Chinese has no spaces to split on, so every character is a token (splitting on
white space gives one token per sentence: Label Studio #1250).  Readers split
a line on white space (spaCy's ``convert``) or on tabs (doccano), so a
character that is white space to Python (a space, a tab, a CR, U+3000, U+2028,
U+0085, a form feed...) is written as a placeholder token ``[U+0020]``; no
character is ever a token of several characters, so the reader maps every
placeholder back.

A line break of the text is an empty line (a sentence break for seqeval and
spaCy), except where a sentence break would mislead: a line break inside a
span is the token ``[U+000A]`` with the span's tag (so the span stays one
entity), and so is every line break after the first of a run (an empty line
is never followed by another: doccano reads each empty line as the end of an
example) and one that opens or ends a document.  Each document opens with
``-DOCSTART- -X- O O`` (CoNLL 2003's marker, which spaCy's converter splits
documents on) and an empty line, and ends with an empty line.

One tag a character means no overlaps: the export keeps the longest spans
(spaCy's rule) and counts the others as left out.  The reader takes files
without ``-DOCSTART-`` (each sentence a document), tokens of several
characters, the older ``-DOCSTART-<TAB>O`` marker and empty lines inside spans
(a line break is in a span when the tags on both sides continue it).  Lines
end at LF only; one CR before it is taken as part of the line end.
"""

from __future__ import annotations

import re
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
DOCSTART_LINE = "-DOCSTART- -X- O O"
_PLACEHOLDER = re.compile(r"\[U\+([0-9A-F]{4,6})\]")
_WHITE = re.compile(r"\s")  # str.isspace(), in C
_NEWLINE = re.compile("\n")


def token(ch: str) -> str:
    """How a character is written as a token: itself, or a placeholder for white space."""
    return f"[U+{ord(ch):04X}]" if ch.isspace() else ch


def untoken(text: str) -> str:
    """A token as text: a placeholder becomes its character."""
    m = _PLACEHOLDER.fullmatch(text)
    return chr(int(m.group(1), 16)) if m and int(m.group(1), 16) <= 0x10FFFF else text


class Writer(BaseWriter):
    def __init__(self, path: Path, context: WriterContext):
        super().__init__(path, context)
        self._file = path.open("w", encoding="utf-8", newline="\n")

    def write(self, record: dict[str, Any]) -> None:
        text = record["text"]
        spans = non_overlapping(record["spans"])
        if len(spans) < len(record["spans"]):
            self.leave_out("overlapping spans (the longest kept)", len(record["spans"]) - len(spans))
        if not text and not self.context.docstart:
            self.lost["empty documents (no -DOCSTART- to mark them)"] += 1
        rows = lines(text, spans, self.context.bioes, self.context.docstart)
        if rows:
            self._file.write("\n".join(rows) + "\n")

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


def breaks(text: str, spans: list[dict[str, Any]]) -> list[int]:
    """The line breaks written as empty lines: outside every span, the first of
    their run, with text on both sides."""
    newlines = [m.start() for m in _NEWLINE.finditer(text)]
    if not newlines:
        return []
    inside = bytearray(len(text))
    for s in spans:
        inside[s["start"]:s["end"]] = b"\1" * (s["end"] - s["start"])
    free = [i for i in newlines if not inside[i]]
    out = []
    for n, i in enumerate(free):
        if n and free[n - 1] == i - 1:
            continue  # not the first of its run
        end = i
        for j in free[n + 1:]:
            if j != end + 1:
                break
            end = j
        if i > 0 and end + 1 < len(text):
            out.append(i)
    return out


def lines(text: str, spans: list[dict[str, Any]], bioes: bool = False, docstart: bool = True) -> list[str]:
    words = list(text)
    for m in _WHITE.finditer(text):
        words[m.start()] = f"[U+{ord(m.group()):04X}]"  # token()
    body = [f"{w}\t{t}" for w, t in zip(words, tags(len(text), spans, bioes))]
    for i in breaks(text, spans):
        body[i] = ""
    head = [DOCSTART_LINE, ""] if docstart else []
    return [*head, *body, ""] if body else head


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
        if after - first == 2 and not rows[first + 1].strip():  # an empty document
            yield Parsed(f"{path}:{first + 1}", "")
            continue
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
        row = rows[i][:-1] if rows[i].endswith("\r") else rows[i]  # a line end saved as CRLF
        if not row.strip():
            tokens.append(("\n", None, i + 1))
            continue
        word, tag = row.rsplit("\t", 1) if "\t" in row else (row.split()[0], row.split()[-1])
        tokens.append((untoken(word), tag.strip(), i + 1))
    _tag_line_breaks(tokens)
    parsed = Parsed(f"{path}:{first + 1}", "".join(t for t, _, _ in tokens))
    pos, open_at, open_label = 0, None, None

    def close(end: int) -> None:
        nonlocal open_at, open_label
        if open_at is not None:
            parsed.spans.append(ImportedSpan(open_at, end, open_label))  # type: ignore[arg-type]
        open_at = open_label = None

    for word, tag, number in tokens:
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
        pos += len(word)
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
