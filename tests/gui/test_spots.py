"""Spots the normalizer flagged but could not repair are underlined in the text,
where the document's map puts them, with a tooltip saying what they probably were."""

import pytest
from PySide6.QtGui import QColor

from annotator.ingest import import_paths
from annotator.store import open_project
from tests.gui.conftest import point_at, window_on
from tests.gui.test_plain_text import tooltip_at

# glosses before the spot move it: raw and normalized positions differ
RAW = "推動婦(fù)聯(lián)工作。夯实基础。基矗稳步推进,群众选、用、管。要把选、育、管做好。"


@pytest.fixture
def lossy_path(tmp_path):
    page = tmp_path / "lossy.txt"
    page.write_bytes(RAW.encode("gbk"))
    path = tmp_path / "p.annotator"
    with open_project(path, annotator="tester") as p:
        assert import_paths(p, [page]).ok
    return path


def test_flags_are_mapped_to_normalized_positions(lossy_path):
    with open_project(lossy_path, annotator="tester") as p:
        (doc_id,) = p.document_ids()
        (spot,) = p.uncertain_spots(doc_id)["byte_loss"]
        text = p.text(doc_id)
    assert spot["raw_start"] != spot["start"]
    assert text[spot["start"]:spot["end"]] == "矗" == spot["found"]


def _red_below(view, text, start, end) -> int:
    image = view.viewport().grab().toImage()
    a, b = point_at(view, text, start), point_at(view, text, end)
    top, bottom = int(view.cursorRect().height() * 0) + int(a.y()), int(a.y() + view.fontMetrics().height())
    red = 0
    for x in range(int(a.x()), int(b.x())):
        for y in range(top, min(bottom + 4, image.height())):
            c = QColor(image.pixel(x, y))
            red += c.red() > 150 and c.green() < 110 and c.blue() < 110
    return red


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen: a tooltip is a window
def test_the_spot_is_underlined_and_its_tooltip_says_what_it_probably_was(qtbot, lossy_path):
    with window_on(qtbot, lossy_path) as window:
        view = window.text_view
        (doc_id,) = window.project.document_ids()
        window.open_document(doc_id)
        qtbot.waitUntil(lambda: bool(getattr(view, "_uncertain", None)))
        text = window.project.text(doc_id)
        at = text.index("矗")
        view.repaint()
        assert _red_below(view, text, at, at + 1) > 3
        assert _red_below(view, text, 0, 2) == 0
        assert "础。" not in tooltip_at(view, text, 1)
        tip = tooltip_at(view, text, at)
        assert "础。" in tip and "矗" in tip
        window.actions_.raw.trigger()  # the raw page: positions there are raw ones, no marks
        assert not view._uncertain
        window.actions_.raw.trigger()
        assert [(m.start, m.end) for m in view._uncertain] == [(at, at + 1)]


def test_runs_decoded_one_byte_off_are_mapped_too(tmp_path):
    from pathlib import Path

    page = Path(__file__).resolve().parents[1] / "data" / "cleanup" / "pages" / "028.txt"
    with open_project(tmp_path / "p.annotator", annotator="tester") as p:
        assert import_paths(p, [page]).ok
        (doc_id,) = p.document_ids()
        text = p.text(doc_id)
        runs = p.uncertain_spots(doc_id)["shifted_runs"]
    assert [text[s["start"]:s["end"]] for s in runs] == [s["found"] for s in runs]
