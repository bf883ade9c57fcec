"""The formats by name, loaded on demand: spaCy and jieba cost seconds to
import, so a module is imported only when its format is asked for."""

from __future__ import annotations

import importlib
from types import ModuleType

# name -> module; a module has SUFFIX ("" for a folder), Writer, and read() when it can be imported
FORMATS = {
    "jsonl": "jsonl",
    "doccano": "doccano",
    "label-studio": "labelstudio",
    "spacy": "spacy_docbin",
    "cluener": "cluener",
    "brat": "brat",
    "conll": "conll",
    "prodigy": "prodigy",
}
READABLE = ("jsonl", "doccano", "label-studio", "cluener", "brat", "conll", "prodigy")


def module(name: str) -> ModuleType:
    return importlib.import_module(f"{__package__}.{FORMATS[name]}")
