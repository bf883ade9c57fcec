"""Suggester ``tagger``: a per-project CRF that learns from the annotators' spans.

A linear-chain CRF (CRFsuite through ``python-crfsuite``) over characters, with
BIO tags of the project's labels.  Each character's features: itself and its
neighbours, character bigrams and a trigram, its script class (Han, digit,
Latin, punctuation, space), jieba's word boundaries (B/M/E/S), the word and its
part of speech, the
general model's (LAC) tag and part of speech, hits of the domain and learned
lexicons, and whether it is a known surname.  CRFsuite gives the marginal
probability of each tag, so every suggestion carries a confidence.

Training data is the project's spans (made, accepted and imported) in the
documents that have any.  A document is cut into pieces (sentences); the pieces
with spans are all kept, the others a few per document, newest documents first,
up to :data:`MAX_TRAIN_CHARS`, so retraining takes a bounded time however large
the project grows.  Features of a piece are cached by its text, so retraining
after an edit only computes the pieces it has not seen.

The model is a file beside the project (``P.annotator.tagger``) with the key of
what it was trained on, so opening a project again reloads it instead of
retraining (:class:`ProjectTagger`).
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import threading
import unicodedata
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import regex

from . import general
from .model import Lexicon, Suggestion

NAME = "tagger"
FEATURES_VERSION = "3"
MAX_TRAIN_CHARS = 50_000  # about 2 s of training on this 2-core machine (bench_learning)
MIN_TRAIN_SPANS = 5  # fewer spans than this teach nothing; no model is made
CRF_PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 40, "feature.possible_transitions": True}
_PIECE = regex.compile(r"[^\n。！？!?；;]*[\n。！？!?；;]?")
_MAX_PIECE = 200
_QUOTES = "“”‘’「」『』《》\"'"


@dataclass(frozen=True)
class TrainingDocument:
    """A document's text and its spans ``(start, end, label)``; ``key`` names it in caches."""

    text: str
    spans: tuple[tuple[int, int, str], ...]
    key: str = ""


def pieces(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the sentences the tagger reads, at most 200 characters each."""
    out = []
    for m in _PIECE.finditer(text):
        start, end = m.start(), m.end()
        while start < end:
            out.append((start, min(end, start + _MAX_PIECE)))
            start += _MAX_PIECE
    return [(s, e) for s, e in out if text[s:e].strip()]


def _script(c: str) -> str:
    if c.isspace():
        return "S"
    if c.isdigit():
        return "D"
    if "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf" or "\U00020000" <= c <= "\U0003134f":
        return "H"
    if c.isascii() and c.isalpha():
        return "L"
    cat = unicodedata.category(c)
    if c in _QUOTES:
        return "Q"
    return "P" if cat.startswith("P") else "O"


def _boundaries(text: str) -> tuple[list[str], list[str], list[str]]:
    """Per character: position in its jieba word (B/M/E/S), the word (if at most 4
    long) and its part of speech.  The suggesters' own cut, shared (cached)."""
    from .tokens import tokens

    where = [""] * len(text)
    word_of = [""] * len(text)
    flag_of = [""] * len(text)
    for t in tokens(text):
        n = t.end - t.start
        for i in range(n):
            where[t.start + i] = "S" if n == 1 else ("B" if i == 0 else "E" if i == n - 1 else "M")
            word_of[t.start + i] = t.word if n <= 4 else ""
            flag_of[t.start + i] = t.flag
    return where, word_of, flag_of


def _lexicon_hits(text: str, lexicon: Lexicon) -> list[set[str]]:
    hits: list[set[str]] = [set() for _ in text]
    for source, matcher in (("d", lexicon.domain.matcher), ("l", lexicon.matcher)):
        for start, end, _, label in matcher.find(text):
            for i in range(start, end):
                pos = "B" if i == start else ("E" if i == end - 1 else "I")
                hits[i].add(f"{source}{label}{pos}")
    return hits


def features(text: str, lexicon: Lexicon, found: Sequence[Suggestion] | None = None) -> list[list[str]]:
    """The feature strings of every character of ``text`` (a whole page).

    Only the shipped domain lexicon is read, never the learned one: on a training
    page every gold span is in the learned lexicon, so its hits would teach the
    model to trust them blindly (the learned lexicon is a suggester of its own).
    ``found``: the other suggesters' output on ``text`` when the caller has it."""
    lexicon = Lexicon((), lexicon.domain)
    n = len(text)
    lac = general.analyse(text)
    where, word_of, flag_of = _boundaries(text)
    hits = _lexicon_hits(text, lexicon)
    surnames = lexicon.domain.surnames
    org_suffixes = tuple(lexicon.domain.org_suffixes)
    votes = _votes(text, lexicon, found)
    padded = "\x02\x02" + text + "\x03\x03"
    scripts = ["B", "B"] + [_script(c) for c in text] + ["E", "E"]
    out = []
    for i in range(n):
        j = i + 2
        c = padded[j]
        f = [
            "c=" + c, "c-1=" + padded[j - 1], "c+1=" + padded[j + 1], "c-2=" + padded[j - 2], "c+2=" + padded[j + 2],
            "b-1=" + padded[j - 1:j + 1], "b+1=" + padded[j:j + 2], "t=" + padded[j - 1:j + 2],
            "s=" + scripts[j], "s3=" + scripts[j - 1] + scripts[j] + scripts[j + 1],
            "w=" + where[i], "wd=" + word_of[i], "wp=" + where[i] + (word_of[i] if word_of[i] else ""),
            "jp=" + where[i] + flag_of[i],
            "lac=" + lac.tags[i] + ("B" if lac.begins[i] else "I"),
            "lac-1=" + (lac.tags[i - 1] if i else "^"), "lac+1=" + (lac.tags[i + 1] if i + 1 < n else "$"),
        ]
        if c in surnames:
            f.append("sur")
        if word_of[i] and word_of[i].endswith(org_suffixes):
            f.append("orgsuf")
        f.extend("lex=" + h for h in hits[i])
        f.extend(votes[i])
        out.append(f)
    return out


def _votes(text: str, lexicon: Lexicon, found: Sequence[Suggestion] | None) -> list[list[str]]:
    """What the other suggesters say about each character (``v=general:ORG:B``), so
    the tagger learns which of them this project's annotators agree with."""
    from .combine import SUGGESTERS

    if found is None:
        found = [s for name, suggester in SUGGESTERS.items() if name != "learned" for s in suggester(text, lexicon)]
    out: list[list[str]] = [[] for _ in text]
    for s in found:
        if s.suggester in SUGGESTERS and s.suggester != "learned":  # learned: its hits would leak
            for i in range(s.start, s.end):
                out[i].append(f"v={s.suggester}:{s.label}:{'B' if i == s.start else 'I'}")
    return out


def bio(text_length: int, spans: Iterable[tuple[int, int, str]], offset: int = 0) -> list[str]:
    tags = ["O"] * text_length
    for start, end, label in sorted(spans):
        s, e = start - offset, end - offset
        if s < 0 or e > text_length or any(t != "O" for t in tags[s:e]):
            continue  # nested or crossing the piece: the CRF sees one layer
        tags[s] = "B-" + label
        for i in range(s + 1, e):
            tags[i] = "I-" + label
    return tags


class FeatureCache:
    """Features by document text (LRU): a retrain computes only the documents it has not
    seen.  Bounded by characters (features cost about 1 kB a character)."""

    def __init__(self, chars: int = 2 * MAX_TRAIN_CHARS):
        self._items: OrderedDict[tuple[str, str], list[list[str]]] = OrderedDict()
        self._budget = chars
        self._chars = 0

    def clear(self) -> None:
        self._items.clear()
        self._chars = 0

    def get(self, text: str, lexicon: Lexicon, suggested: Sequence[Suggestion] | None = None) -> list[list[str]]:
        key = (text, lexicon.domain.version)
        found = self._items.get(key)
        if found is None:
            found = features(text, lexicon, suggested)
            self._items[key] = found
            self._chars += len(text)
            while self._chars > self._budget and len(self._items) > 1:
                (old, _), _ = self._items.popitem(last=False)
                self._chars -= len(old)
        else:
            self._items.move_to_end(key)
        return found


_cache = FeatureCache()


def training_key(documents: Sequence[TrainingDocument], labels: Iterable[str] = ()) -> str:
    """Changes exactly when the training data does: the model file's key."""
    h = hashlib.sha256(f"v{FEATURES_VERSION}|{MAX_TRAIN_CHARS}|{','.join(sorted(labels))}".encode())
    for d in documents:
        h.update(hashlib.sha256(d.text.encode("utf-8")).digest())
        h.update(repr(sorted(d.spans)).encode())
    return h.hexdigest()[:24]


def training_pieces(documents: Sequence[TrainingDocument]) -> list[tuple[TrainingDocument, int, int, list[str]]]:
    """``(document, start, end, BIO tags)``: every piece with a span, and up to two without
    per document, newest documents first, until :data:`MAX_TRAIN_CHARS`."""
    chosen: list[tuple[TrainingDocument, int, int, list[str]]] = []
    total = 0
    for doc in reversed(documents):
        quiet = 0
        for start, end in pieces(doc.text):
            inside = [s for s in doc.spans if start <= s[0] and s[1] <= end]
            if not inside:
                if quiet >= 2:
                    continue
                quiet += 1
            chosen.append((doc, start, end, bio(end - start, inside, start)))
            total += end - start
        if total >= MAX_TRAIN_CHARS:
            break
    return chosen


def train(documents: Sequence[TrainingDocument], lexicon: Lexicon, path: Path, *,
          cache: FeatureCache | None = None, cancelled: Callable[[], bool] | None = None) -> bool:
    """Train a model on ``documents`` into ``path`` (written whole, then renamed).
    False when there is too little to learn from (no file is written)."""
    import pycrfsuite

    if sum(len(d.spans) for d in documents) < MIN_TRAIN_SPANS:
        return False
    cache = cache or _cache
    trainer = pycrfsuite.Trainer(verbose=False)
    for doc, start, end, tags in training_pieces(documents):
        if cancelled and cancelled():
            return False
        trainer.append(cache.get(doc.text, lexicon)[start:end], tags)
    trainer.set_params(CRF_PARAMS)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        trainer.train(tmp)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return True


@dataclass
class Tagger:
    """A trained model, opened for tagging."""

    path: Path
    _tagger: object = field(default=None, repr=False)

    def __post_init__(self) -> None:
        import pycrfsuite

        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(self.path))
        self._lock = threading.Lock()

    def labels(self) -> set[str]:
        return {t[2:] for t in self._tagger.labels() if t != "O"}

    def spans(self, text: str, lexicon: Lexicon, cache: FeatureCache | None = None,
              suggested: Sequence[Suggestion] | None = None) -> list[tuple[int, int, str, float]]:
        """``(start, end, label, confidence)``: the Viterbi spans, each with the lowest
        marginal probability of its tags."""
        cache = cache or _cache
        out = []
        feats = cache.get(text, lexicon, suggested)
        with self._lock:
            for start, end in pieces(text):
                tags = self._tagger.tag(feats[start:end])
                i = 0
                while i < len(tags):
                    if tags[i] == "O":
                        i += 1
                        continue
                    label = tags[i][2:]
                    j = i + 1
                    while j < len(tags) and tags[j] == "I-" + label:
                        j += 1
                    conf = min(self._tagger.marginal(tags[k], k) for k in range(i, j))
                    out.append((start + i, start + j, label, conf))
                    i = j
        return out

    def agreement(self, text: str, lexicon: Lexicon, found: Sequence[Suggestion]) -> list[float | None]:
        """For each suggestion of another suggester, how likely the tagger finds it:
        the lowest marginal probability of its tags (B-label, then I-label), or
        ``None`` when the model has never seen the label."""
        known = set(self._tagger.labels())
        feats = _cache.get(text, lexicon, found)
        bounds = pieces(text)
        starts = [s for s, _ in bounds]
        out: list[float | None] = [None] * len(found)
        order = sorted(range(len(found)), key=lambda k: found[k].start)
        import bisect
        with self._lock:
            current = None
            for k in order:
                s = found[k]
                if "B-" + s.label not in known:
                    continue
                i = bisect.bisect_right(starts, s.start) - 1
                if i < 0 or s.end > bounds[i][1]:
                    continue  # crosses a sentence end: the tagger never makes such a span
                if current != i:
                    self._tagger.set(feats[bounds[i][0]:bounds[i][1]])
                    current = i
                base = bounds[i][0]
                probs = [self._tagger.marginal("B-" + s.label, s.start - base)]
                if "I-" + s.label in known:
                    probs.extend(self._tagger.marginal("I-" + s.label, t - base) for t in range(s.start + 1, s.end))
                elif s.end - s.start > 1:
                    probs.append(0.0)
                out[k] = min(probs)
        return out

    def uncertainty(self, text: str, lexicon: Lexicon, cache: FeatureCache | None = None) -> float:
        """How much the model would learn from this text: the summed ``1 - p`` of the
        most likely tag sequence of each sentence (0 for a text it is sure of)."""
        total = 0.0
        feats = (cache or _cache).get(text, lexicon)
        with self._lock:
            for start, end in pieces(text):
                self._tagger.set(feats[start:end])
                total += 1.0 - self._tagger.probability(self._tagger.tag())
        return total


def suggest_with(tagger: Tagger | None, text: str, lexicon: Lexicon,
                 suggested: Sequence[Suggestion] | None = None) -> list[Suggestion]:
    if tagger is None:
        return []
    out = []
    for start, end, label, conf in tagger.spans(text, lexicon, suggested=suggested):
        surface = text[start:end]
        if surface != surface.strip() or _script(surface[0]) in "PQ" or _script(surface[-1]) in "PQ":
            continue
        out.append(Suggestion(start, end, label, round(conf, 3), NAME, f"learned tagger {conf:.0%}"))
    return out
