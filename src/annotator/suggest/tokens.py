"""jieba, loaded once per process on first use, with the domain lexicon added.

The suggesters use a private ``jieba.Tokenizer`` (and ``posseg.POSTokenizer``
over it), so the words added here never leak into another user of jieba in the
same process.  Loading costs about a second: call :func:`load` from a worker
before the first suggestion is needed, never on the GUI thread.
"""

from __future__ import annotations

import logging
import sys
import threading
import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import platformdirs

from .model import domain_lexicon

_lock = threading.Lock()
_pos: Any = None

LEXICON_TAG = "lex_"  # jieba flag of a domain lexicon word: lex_ORG, lex_TITLE, ...


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    word: str
    flag: str
    freq: int  # in jieba's dictionary; 0 for a word its HMM found


def load() -> Any:
    """The part-of-speech tokenizer, made on the first call (thread-safe)."""
    global _pos
    if _pos is not None:
        return _pos
    with _lock:
        if _pos is None:
            with warnings.catch_warnings():
                # jieba 0.42.1 compiles regexes with invalid escapes and may import pkg_resources
                warnings.filterwarnings("ignore", category=SyntaxWarning)
                warnings.filterwarnings("ignore", category=DeprecationWarning)
                warnings.filterwarnings("ignore", message="pkg_resources is deprecated")
                import jieba
                import jieba.posseg
            jieba.setLogLevel(logging.WARNING)
            tokenizer = jieba.Tokenizer()
            use_cache_folder(tokenizer)
            tokenizer.initialize()
            pos = jieba.posseg.POSTokenizer(tokenizer)
            for word, label in domain_lexicon().words:
                tokenizer.add_word(word, tag=LEXICON_TAG + label)
            _pos = pos
    return _pos


def cache_folder() -> Path:
    return platformdirs.user_cache_path("annotator", appauthor=False)


def use_cache_folder(tokenizer: Any) -> None:
    """Keep jieba's prepared dictionary in the user's own cache folder: the shared
    temporary folder may hold another user's file that cannot be replaced, and a
    warm cache there makes the next start a good part of a second faster."""
    folder = cache_folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return  # jieba builds the dictionary each time; its cache is only a help
    tokenizer.tmp_dir = str(folder)
    tokenizer.cache_file = f"jieba-{getattr(sys.modules.get('jieba'), '__version__', '')}.cache"


def loaded() -> bool:
    return _pos is not None


@lru_cache(maxsize=16)
def tokens(text: str) -> tuple[Token, ...]:
    """The text cut into words with jieba's part-of-speech flags; offsets in code points.

    Cached for the last few texts: every suggester of a document shares one cut."""
    pos = load()
    freq = pos.tokenizer.FREQ
    out = []
    at = 0
    for word, flag in pos.cut(text, HMM=True):
        end = at + len(word)
        out.append(Token(at, end, word, flag, freq.get(word, 0)))
        at = end
    assert at == len(text)
    return tuple(out)
