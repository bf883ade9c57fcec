"""Rebuild gold.jsonl from raw/*.txt and annotations.txt (a tool, not a test).

    python tests/data/learning/make_gold.py [--show]

Each page is normalized with annotator.normalize and stored with its text, so
the offsets in gold.jsonl stay true whatever the normalizer does later; run
this again only to add pages, then check the spans it prints.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from annotator.normalize import normalize

HERE = Path(__file__).resolve().parent
LABELS = {"PER", "ORG", "LOC", "TITLE", "DATE", "PROGRAM"}


def blocks(path: Path) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    current = None
    for line in path.read_text("utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        if line.startswith("== "):
            current = line[3:].strip()
            out[current] = []
        else:
            out[current].append(line)
    return out


def resolve(text: str, entries: list[str], excluded: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    chrome: list[tuple[int, int]] = list(excluded)
    wanted = []
    for entry in entries:
        if entry.startswith("- "):
            at = text.index(entry[2:])
            start = text.rfind("\n", 0, at) + 1
            end = text.find("\n", at)
            chrome.append((start, len(text) if end < 0 else end))
            continue
        parts = entry.split(" ")
        if len(parts) >= 2 and parts[-1] in LABELS | {"X"}:
            surface, label, picks = " ".join(parts[:-1]), parts[-1], None
        else:
            surface, label = " ".join(parts[:-2]), parts[-2]
            picks = {int(i) for i in parts[-1].split(",")}
        wanted.append((surface, label, picks))
    taken: list[tuple[int, int, str]] = []
    for surface, label, picks in sorted(wanted, key=lambda w: -len(w[0])):
        found = []
        i = text.find(surface)
        while i >= 0:
            end = i + len(surface)
            if not any(s < end and i < e for s, e in chrome) and not any(s < end and i < e for s, e, _ in taken):
                found.append((i, end, label))
            i = text.find(surface, i + 1)
        if not found:
            raise SystemExit(f"{surface!r} not found")
        for n, span in enumerate(found):
            if picks is None or n in picks:
                taken.append(span)
        if picks and max(picks) >= len(found):
            raise SystemExit(f"{surface!r}: only {len(found)} occurrences")
    return sorted(s for s in taken if s[2] != "X")


def main() -> None:
    sources = {}
    for line in (HERE / "SOURCES.md").read_text("utf-8").splitlines():
        if line.startswith("| ") and line[2:4].isdigit():
            cells = [c.strip() for c in line.strip("|").split("|")]
            sources[cells[0]] = cells[2]
    out = []
    for page, entries in blocks(HERE / "annotations.txt").items():
        raw = (HERE / "raw" / f"{page}.txt").read_bytes()
        doc = normalize(raw, f"{page}.txt")
        spans = resolve(doc.text, entries, [(r.start, r.end) for r in doc.excluded])
        out.append({"id": page, "source": sources.get(page, ""),
                    "text_sha256": hashlib.sha256(doc.text.encode()).hexdigest(),
                    "text": doc.text, "excluded": [[r.start, r.end] for r in doc.excluded],
                    "spans": [[s, e, label] for s, e, label in spans]})
        if "--show" in sys.argv:
            print("==", page)
            for s, e, label in spans:
                print(f"  {label:8s} {doc.text[s:e]:12s} …{doc.text[max(0, s - 6):s]}[{doc.text[s:e]}]{doc.text[e:e + 6]}…".replace("\n", "⏎"))
    with open(HERE / "gold.jsonl", "w", encoding="utf-8") as f:
        for record in out:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(len(out), "pages,", sum(len(r["spans"]) for r in out), "spans")


if __name__ == "__main__":
    main()
