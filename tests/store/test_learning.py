"""What the tagger learns from: the documents annotated last, annotators' spans only."""

from annotator.store import open_project

from .conftest import make_document


def test_the_documents_annotated_last_without_a_batchs_suggestions(tmp_path):
    with open_project(tmp_path / "p.annotator", annotator="tester") as p:
        p.add_documents([make_document(f"第{i}篇:市妇联主席王毅出席。", f"{i}.txt") for i in range(4)])
        a, b, c, d = p.document_ids()
        p.add_span(c, 4, 7, "ORG")
        p.add_span(a, 4, 7, "ORG")
        p.add_suggested_spans(d, [(9, 11, "PER", "jieba")])  # a batch: nobody saw it
        p.accept_suggestions(b, [(9, 11, "PER", "jieba")])
        p.add_span(a, 9, 11, "PER")
        assert [(i, spans) for i, _, spans in p.annotated_documents()] == [
            (c, [(4, 7, "ORG")]), (b, [(9, 11, "PER")]), (a, [(4, 7, "ORG"), (9, 11, "PER")])]
        assert [i for i, _, _ in p.annotated_documents(limit=2)] == [b, a]
        p.reject_suggestions(c, [(9, 11, "PER", "jieba")])
        assert p.suggester_decisions() == {"jieba": (1, 1)}


def test_most_to_learn_from_is_stored_per_tagger_and_sorts_the_document_list(tmp_path):

    with open_project(tmp_path / "p.annotator", annotator="tester") as p:
        p.add_documents([make_document(f"第{i}篇:市妇联主席王毅出席。", f"{i}.txt") for i in range(4)])
        a, b, c, d = p.document_ids()
        p.set_status(d, "done")
        assert [i for i, _ in p.unscored_documents("k1")] == [a, b, c]  # a done document is not scored
        p.store_uncertainty("k1", [(a, 0.5), (b, 3.25), (c, 1.0)])
        assert p.unscored_documents("k1") == []
        assert [i for i, _ in p.unscored_documents("k2", limit=2)] == [a, b]  # a new tagger scores again
        assert [(x.id, x.uncertainty) for x in p.list_documents(order_by="uncertainty", descending=True)] == [
            (b, 3.25), (c, 1.0), (a, 0.5), (d, None)]
        assert p.document_info(b).uncertainty == 3.25
    with open_project(tmp_path / "p.annotator", annotator="tester") as p:  # kept in the file
        assert p.document_info(b).uncertainty == 3.25
