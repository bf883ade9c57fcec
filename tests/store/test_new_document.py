"""One mapping from a normalized document to what the store takes, for import and annotated import."""

from annotator.normalize import normalize
from annotator.store import open_project
from annotator.store.models import new_document


def test_a_normalized_document_stored_as_it_was_normalized(tmp_path):
    raw = "<html><title>江门</title><body><p>江門市婦聯舉辦活動</p></body></html>".encode()
    doc = normalize(raw, "page.html")
    new = new_document(doc, "ab" * 32, "page.html")
    assert (new.raw_text, new.text, new.encoding, new.normalizer) == (doc.raw_text, doc.text, doc.encoding, doc.version)
    assert new.map["segments"] == doc.alignment.to_json() and new.meta == doc.meta and new.flags == doc.flags
    with open_project(tmp_path / "p.annotator", annotator="t") as project:
        project.add_documents([new])
        stored = project.document(1)
        assert stored.text == doc.text and stored.raw_range(0, len(doc.text)) == doc.raw_range(0, len(doc.text))
    chosen = new_document(doc, "ab" * 32, "x.jsonl", encoding="utf-8", meta={"title": "t"}, flags={"format": "jsonl"})
    assert (chosen.encoding, chosen.meta, chosen.flags, chosen.source_file) == ("utf-8", {"title": "t"},
                                                                                {"format": "jsonl"}, "x.jsonl")
