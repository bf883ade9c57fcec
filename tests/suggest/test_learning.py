"""The general model, the per-project tagger and the suggesters' weights, on real
pages (tests/data/learning), a real project file, real LAC and real CRFsuite."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.cli import main as cli
from annotator.store import open_project
from annotator.suggest import Lexicon, suggest, suggest_document
from annotator.suggest.combine import calibrate
from annotator.suggest.general import suggest_general
from annotator.suggest.learner import ProjectTagger, model_path, suggester_weights, weight
from annotator.suggest.tagger import suggest_with

from ..store.conftest import make_document

PAGES = [json.loads(line) for line in
         (Path(__file__).resolve().parents[1] / "data" / "learning" / "gold.jsonl").read_text("utf-8").splitlines()]


def found(text, suggestions):
    return {(text[s.start:s.end], s.label) for s in suggestions}


def test_the_general_model_keeps_whole_names_and_hong_kong_associations():
    text = ("香港特区政务司司长林郑月娥、全国妇联副主席孟晓驷出席。香港岛妇女联会荣誉赞助人梁唐青仪,"
            "港区全国政协委员朱李月华。台东县妇女会为欢度妇女节。12月7日上午,过去五年")
    got = found(text, suggest_general(text, Lexicon()))
    for name in ("林郑月娥", "孟晓驷", "梁唐青仪", "朱李月华"):
        assert (name, "PER") in got
    assert ("香港岛妇女联会", "ORG") in got and ("台东县妇女会", "ORG") in got
    assert ("12月7日", "DATE") in got and not any(t in ("五年", "过去五年") for t, _ in got)
    assert all(0 < s.score <= 1 for s in suggest_general(text, Lexicon()))


def test_a_place_inside_a_suggested_organisation_is_not_suggested():
    text = "当天,香港岛妇女联会荣誉赞助人出席。"
    got = found(text, suggest(text, Lexicon()))
    assert ("香港岛妇女联会", "ORG") in got and not any(label == "LOC" for _, label in got)


@pytest.fixture
def project(tmp_path):
    with open_project(tmp_path / "p.annotator", annotator="tester") as p:
        p.add_documents([make_document(page["text"], f"{page['id']}.txt") for page in PAGES[:8]])
        yield p


def annotate(project, count):
    for doc_id, page in zip(project.document_ids()[:count], PAGES):
        for start, end, label in page["spans"]:
            project.add_span(doc_id, start, end, label)


def test_the_tagger_is_kept_beside_the_project_and_reloaded_not_retrained(project):
    annotate(project, 6)
    lexicon = Lexicon()
    first = ProjectTagger(project.path)
    tagger = first.update_from(project, lexicon)
    assert tagger is not None and first.trained == 1 and model_path(project.path).exists()
    assert first.update_from(project, lexicon) is tagger and first.trained == 1  # nothing changed
    again = ProjectTagger(project.path)  # a new process: the file is read, not trained
    assert again.update_from(project, lexicon) is not None and again.trained == 0
    doc = project.document_ids()[6]
    start, end, label = PAGES[6]["spans"][0]
    project.add_span(doc, start, end, label)
    assert again.update_from(project, lexicon) is not None and again.trained == 1  # a span changed: trained


def test_tagger_suggestions_carry_their_marginal_probability(project):
    annotate(project, 6)
    tagger = ProjectTagger(project.path).update_from(project, Lexicon())
    page = PAGES[7]
    shown = suggest(page["text"], Lexicon(), tagger=tagger)
    own = [s for s in shown if s.suggester == "tagger"]
    assert own and all(0 < s.score <= 1 and s.reason.endswith("%") for s in own)
    others = suggest_general(page["text"], Lexicon())
    agreement = tagger.agreement(page["text"], Lexicon(), others)
    assert any(p is not None for p in agreement) and all(p is None or 0 <= p <= 1 for p in agreement)
    calibrated = calibrate(others, agreement)  # the other suggesters on the tagger's scale
    assert [c.score for c, p in zip(calibrated, agreement) if p is not None] == \
        [round((o.score + p) / 2, 3) for o, p in zip(others, agreement) if p is not None]
    learnt = PAGES[0]  # a page it was trained on: it has learnt its spans
    keys = {s.key for s in suggest_with(tagger, learnt["text"], Lexicon())}
    assert len(keys & {tuple(s) for s in learnt["spans"]}) > 0.8 * len(learnt["spans"])


def test_too_few_spans_make_no_model(project):
    doc = project.document_ids()[0]
    start, end, label = PAGES[0]["spans"][0]
    project.add_span(doc, start, end, label)
    holder = ProjectTagger(project.path)
    assert holder.update_from(project, Lexicon()) is None and not model_path(project.path).exists()


def test_a_suggester_rejected_more_than_accepted_loses_weight(project):
    assert weight(0, 0) == 1.0 and weight(5, 5) == 1.0 and weight(1, 4) < 0.6
    doc = project.document_ids()[0]
    text = project.document(doc).text
    before = {s.key: s.score for s in suggest_document(project, doc) if s.suggester == "general"}
    assert before
    for k, (start, end, label) in enumerate(sorted(before)[:4]):
        if k == 0:
            project.accept_suggestions(doc, [(start, end, label, "general")])
        else:
            project.reject_suggestions(doc, [(start, end, label, "general")])
    weights = suggester_weights(project)
    assert weights["general"] == pytest.approx(weight(1, 3)) and weights["general"] < 1
    after = {s.key: s.score for s in suggest_document(project, doc, weights=weights) if s.suggester == "general"}
    same = set(before) & set(after)
    assert same and all(after[k] < before[k] for k in same), text[:20]


def test_annotator_suggest_uses_the_projects_tagger(project, capsys):
    annotate(project, 6)
    path = project.path
    project.close()
    assert cli(["suggest", "--project", str(path)]) == 0
    assert model_path(path).exists()
    assert "tagger" in capsys.readouterr().out


def test_the_worker_learns_from_the_project_file_and_suggests_with_its_tagger(project):
    from annotator.suggest import worker

    annotate(project, 6)
    key = worker.learn(str(project.path))
    assert key is not None and model_path(project.path).exists()
    assert worker.learn(str(project.path)) == key  # nothing changed: the same tagger
    lexicon = Lexicon()
    worker.suggestions("", lexicon.version, lexicon.learned, (), (), ())
    got = worker.suggestions(PAGES[7]["text"], lexicon.version, None, (), (), ())
    assert any(s.suggester == "tagger" for s in got)


def test_the_suggesters_are_vetted_against_each_others_evidence():
    """Spans across a line, a byline's 讯, pieces cut out of jieba's words and jieba's
    place tag on common words (嘉宾, 河畔) are what the unseen pages showed."""
    from annotator.suggest import Lexicon
    from annotator.suggest.combine import vet
    from annotator.suggest.general import suggest_general
    from annotator.suggest.jieba_tags import suggest_jieba

    def vetted(text):
        raw = suggest_general(text, Lexicon()) + suggest_jieba(text, Lexicon())
        return {(text[s.start:s.end], s.label) for s in vet(text, raw)}, {(text[s.start:s.end], s.label) for s in raw}

    after, before = vetted("香港商报讯（记者 李明）多位嘉宾出席。")
    assert ("香港商报讯", "ORG") in before and ("香港商报", "ORG") in after and ("香港商报讯", "ORG") not in after
    assert ("嘉宾", "LOC") in before and ("嘉宾", "LOC") not in after
    assert ("李明", "PER") in after
    after, before = vetted("正文\n\n浙联会妇委会举行会议。")
    assert ("正文\n\n浙联会妇委会", "ORG") in before and after == {("浙联会妇委会", "ORG")}
