"""Lookup tables built once per machine, not once per process.

The normalizer's tables (which code points OpenCC changes, the Han and pinyin
letter classes, every toned pinyin syllable, the emoji and fold classes) are
built from the libraries themselves, so that a lookup never disagrees with
them; building them takes a second or two, most of it importing pypinyin's
dictionaries and running OpenCC over every code point.  A command that
normalizes one page should not pay that each time, so each table is pickled to
the user's cache folder under a key made of the source of the module that
builds it and the installed files of the libraries it reads.  A missing, stale,
damaged or unwritable cache only means building the table again.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sys
import tempfile
import unicodedata
from importlib.util import find_spec
from pathlib import Path

_LIBRARIES = ("regex", "opencc", "pypinyin", "numpy")


def cache_dir() -> Path:
    override = os.environ.get("ANNOTATOR_CACHE_DIR")
    if override:
        return Path(override) / "tables"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("annotator")) / "tables"


@functools.lru_cache(maxsize=None)
def _key(module: str) -> str:
    h = hashlib.sha256()
    path = getattr(sys.modules.get(module), "__file__", None)
    try:
        h.update(Path(path).read_bytes() if path else b"")
    except OSError:
        pass
    from .. import __version__

    h.update(f"{__version__} {sys.version} {unicodedata.unidata_version}".encode())
    for name in _LIBRARIES:  # an upgrade rewrites the package's files (found without importing it)
        spec = find_spec(name)
        try:
            stat = os.stat(spec.origin) if spec and spec.origin else None
        except OSError:
            stat = None
        h.update(f"{name} {spec.origin if spec else ''} {stat.st_size if stat else ''} "
                 f"{stat.st_mtime_ns if stat else ''}".encode())
    return h.hexdigest()[:20]


def cached(build):
    """Decorate a function of no arguments that builds a table: memoised in the
    process, and kept on disk between processes."""
    value: list = []

    @functools.wraps(build)
    def get():
        if value:
            return value[0]
        path = cache_dir() / f"{build.__module__}.{build.__qualname__}-{_key(build.__module__)}.pickle"
        try:
            value.append(_load(path))
            return value[0]
        except Exception:  # missing or damaged: build it again
            pass
        value.append(build())
        _store(path, value[0])
        return value[0]

    get.cache_clear = value.clear  # type: ignore[attr-defined]
    get.build = build  # type: ignore[attr-defined]
    return get


class _Array:
    """In the pickle, where an array saved beside it goes (its raw bytes, mapped, not read, when loaded)."""

    def __init__(self, k: int, dtype: str, shape: tuple[int, ...]):
        self.k, self.dtype, self.shape = k, dtype, shape


def _arrays_out(value, arrays: list):
    import numpy as np

    if isinstance(value, np.ndarray) and value.size >= 4096:
        arrays.append(np.ascontiguousarray(value))
        return _Array(len(arrays) - 1, value.dtype.str, value.shape)
    if isinstance(value, tuple):
        return tuple(_arrays_out(v, arrays) for v in value)
    return value


def _arrays_in(value, path: Path):
    if isinstance(value, _Array):
        import mmap

        import numpy as np

        with open(f"{path}.{value.k}.bin", "rb") as f:  # np.load's memmap would import numpy.ma
            mapped = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        array = np.frombuffer(mapped, dtype=np.dtype(value.dtype)).reshape(value.shape)
        return array  # read-only: a table is never written after it is built
    if isinstance(value, tuple):
        return tuple(_arrays_in(v, path) for v in value)
    return value


def _load(path: Path):
    with open(path, "rb") as f:
        return _arrays_in(pickle.load(f), path)


def _store(path: Path, value) -> None:
    """The arrays of a table as raw files (mapped when loaded, so a page touches
    only what it looks up), the rest pickled; each file written whole, then renamed."""
    arrays: list = []
    shell = _arrays_out(value, arrays)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for k, array in enumerate(arrays):
            _write(Path(f"{path}.{k}.bin"), lambda f, a=array: f.write(a.tobytes()))
        _write(path, lambda f: pickle.dump(shell, f, protocol=pickle.HIGHEST_PROTOCOL))  # last: it names the arrays
    except OSError:
        pass  # a read-only or full disk: the next process builds it again


def _write(path: Path, dump) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            dump(f)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise
