"""Tables kept between processes: the same table as building it, and a damaged
or unwritable cache only means building it again."""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np

from annotator.normalize import tablecache
from annotator.normalize.gloss import syllables


def test_a_table_from_the_cache_is_the_table_built(tmp_path, monkeypatch):
    monkeypatch.setenv("ANNOTATOR_CACHE_DIR", str(tmp_path))
    calls = []

    @tablecache.cached
    def table():
        calls.append(1)
        return np.arange(10, dtype=np.uint8)

    first = table()
    table.cache_clear()
    second = table()  # read back from disk
    assert calls == [1]
    assert np.array_equal(first, second)
    assert len(list((tmp_path / "tables").glob("*.pickle"))) == 1


def test_a_damaged_cache_is_built_again_and_an_unwritable_one_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setenv("ANNOTATOR_CACHE_DIR", str(tmp_path))

    @tablecache.cached
    def table():
        return {"陜": "陕"}

    table()
    (path,) = (tmp_path / "tables").glob("*.pickle")
    path.write_bytes(b"not a pickle")
    table.cache_clear()
    assert table() == {"陜": "陕"}
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("ANNOTATOR_CACHE_DIR", str(blocker))  # its "tables" folder cannot be made
    table.cache_clear()
    assert table() == {"陜": "陕"}


def test_the_pinyin_syllables_from_the_cache_are_pypinyins(tmp_path):
    env = {**os.environ, "ANNOTATOR_CACHE_DIR": str(tmp_path)}
    code = "from annotator.normalize.gloss import syllables; print(len(syllables()), 'zhōng' in syllables())"
    runs = [subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
            for _ in range(2)]  # built, then read back
    assert runs[0] == runs[1] == f"{len(syllables.build())} True\n"
