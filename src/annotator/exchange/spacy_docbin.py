"""spaCy's binary training format: a ``DocBin`` (``.spacy``) for ``spacy train``.

Tokens are characters (``words=list(text)``, no spaces), so every span lines up
with tokens and ``Doc.char_span`` never returns None on Chinese; a pipeline
with its own tokenizer retokenizes at training time.  All spans go to
``doc.spans["sc"]`` (spancat's default key); ``doc.ents`` cannot overlap, so it
gets the longest of overlapping spans.  The document's id is in
``doc.user_data["id"]``.  spaCy builds the DocBin in memory and writes it once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .base import Writer as BaseWriter
from .base import WriterContext
from .records import non_overlapping

SUFFIX = ".spacy"
SPANS_KEY = "sc"


class Writer(BaseWriter):
    def __init__(self, path: Path, context: WriterContext):
        super().__init__(path, context)
        import spacy  # only when this format is asked for
        from spacy.tokens import DocBin

        self._vocab = spacy.blank("xx").vocab
        self._bin = DocBin(store_user_data=True)

    def write(self, record: dict[str, Any]) -> None:
        from spacy.tokens import Doc

        text = record["text"]
        doc = Doc(self._vocab, words=list(text), spaces=[False] * len(text))
        spans = record["spans"]
        doc.spans[SPANS_KEY] = [doc.char_span(s["start"], s["end"], label=s["label"]) for s in spans]
        doc.ents = [doc.char_span(s["start"], s["end"], label=s["label"]) for s in non_overlapping(spans)]
        doc.user_data["id"] = record["id"]
        self._bin.add(doc)

    def close(self) -> None:
        self._bin.to_disk(self.path)
