"""Train/dev/test: by document, deterministic, stratified by source."""

import json
from collections import Counter

import pytest

from annotator.exchange import SplitError, assign, export, parse_split
from tests.exchange.conftest import plain

SHARES = {"train": 0.8, "dev": 0.1, "test": 0.1}


def test_parse_split():
    assert parse_split("train=0.8,dev=0.1,test=0.1") == SHARES
    for bad, reason in [("train=0.8,dev=0.1", "add up to 0.9"), ("train=1,train=0", "is not NAME=SHARE"),
                        ("a/b=1", "is not NAME=SHARE"), ("train=0.5,train=0.5", "named twice")]:
        with pytest.raises(SplitError, match=reason):
            parse_split(bad)


def documents(sources: dict[str, int]) -> list[tuple[int, str]]:
    out, n = [], 0
    for source, count in sources.items():
        for _ in range(count):
            n += 1
            out.append((n, source))
    return out


def test_the_same_seed_gives_the_same_split_and_another_seed_another():
    docs = documents({"中国妇女报": 50, "新华社": 30, "江门市妇联": 20})
    assert assign(docs, SHARES, 7) == assign(list(reversed(docs)), SHARES, 7)
    assert assign(docs, SHARES, 7) != assign(docs, SHARES, 8)


def test_each_source_is_split_in_proportion():
    docs = documents({"中国妇女报": 50, "新华社": 30, "江门市妇联": 20})
    parts = assign(docs, SHARES, 1)
    source = dict(docs)
    for name, count in {"中国妇女报": 50, "新华社": 30, "江门市妇联": 20}.items():
        got = Counter(parts[i] for i, s in source.items() if s == name)
        for part, share in SHARES.items():
            assert abs(got[part] - count * share) <= 1, (name, got)


def test_many_single_document_sources_still_reach_every_part():
    parts = assign(documents({f"site{i:03d}": 1 for i in range(100)}), SHARES, 3)
    assert Counter(parts.values()) == {"train": 80, "dev": 10, "test": 10}


def test_adding_a_source_leaves_the_order_within_the_others(project):
    docs = documents({"a": 10, "b": 10})
    before = assign(docs, {"x": 0.5, "y": 0.5}, 0)
    after = assign(docs + [(99, "c")], {"x": 0.5, "y": 0.5}, 0)
    assert {i: p for i, p in after.items() if i != 99} == before


def test_split_export_writes_one_file_a_part_by_document(project, tmp_path):
    project.add_documents([plain(f"第{i}篇", f"{i}.txt", source="新华社" if i % 3 else "人民日报")
                           for i in range(40)])
    export(project, "jsonl", tmp_path / "out", split=SHARES, seed=5)
    ids = {part: [json.loads(line)["id"] for line in (tmp_path / "out" / f"{part}.jsonl").read_bytes().splitlines()]
           for part in SHARES}
    assert sorted(sum(ids.values(), [])) == list(range(1, 41))
    assert [len(ids[p]) for p in SHARES] == [32, 4, 4]
    export(project, "jsonl", tmp_path / "again", split=SHARES, seed=5)
    assert all((tmp_path / "out" / f"{p}.jsonl").read_bytes() == (tmp_path / "again" / f"{p}.jsonl").read_bytes()
               for p in SHARES)
