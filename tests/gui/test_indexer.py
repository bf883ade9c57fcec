"""The search index fills in idle time once the window is up."""

from annotator.gui.indexer import IdleIndexer


def test_the_window_indexes_imported_texts_in_idle_time(qtbot, window):
    # the fixture imported six documents, which import leaves unindexed
    qtbot.waitUntil(lambda: window.project.unindexed_count() == 0, timeout=10_000)
    assert window.indexer.remaining == 0
    assert window.project.count_documents(search="林露华出席") == 1  # from the index now


def test_slices_are_small_and_stop_when_done(qtbot, window):
    window.indexer.stop()
    window.project.index_text()  # all done already
    indexer = IdleIndexer(window.project)
    assert indexer.remaining == 0
    indexer.start()
    assert not indexer._timer.isActive()
