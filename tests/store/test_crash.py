"""A writer killed at random moments never loses an acknowledged span."""

import os
import random
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from annotator.store import open_project

from .conftest import make_document

WRITER = textwrap.dedent("""
    import sys
    from annotator.store import open_project
    project = open_project(sys.argv[1], annotator="crash-test")
    length = int(sys.argv[2])
    i = int(sys.argv[3])
    while True:
        start = i % (length - 1)
        span = project.add_span(1, start, start + 1, ("PER", "ORG", "LOC")[i % 3])
        sys.stdout.write(f"ack {span.id}\\n")
        sys.stdout.flush()
        i += 1
""")

KILLS = 50


@pytest.mark.slow
def test_sigkill_at_random_moments_loses_no_acknowledged_span(tmp_path):
    path = tmp_path / "crash.annotator"
    text = "淮南市妇联党组书记、主席王毅主持召开党组(扩大)会议𠮷😀" * 4
    with open_project(path) as p:
        p.add_documents([make_document(text)])
    rng = random.Random(20261121)
    acked: set[int] = set()
    for round_ in range(KILLS):
        with subprocess.Popen([sys.executable, "-c", WRITER, str(path), str(len(text)), str(round_ * 7)],
                              stdout=subprocess.PIPE, text=True) as child:
            first = child.stdout.readline()
            assert first.startswith("ack"), f"round {round_}: the writer did not start"
            acked.add(int(first.split()[1]))
            time.sleep(rng.uniform(0, 0.05))
            os.kill(child.pid, signal.SIGKILL)
            rest = child.stdout.read()  # everything printed before the kill was acknowledged
            child.wait()
        # a line cut short by the kill was not acknowledged: only whole lines count
        acked.update(int(line.split()[1]) for line in rest.split("\n")[:-1] if line.startswith("ack "))
        with open_project(path) as p:
            stored = {s.id: s for s in p.spans(1)}
            missing = acked - stored.keys()
            assert not missing, f"round {round_}: acknowledged spans lost: {sorted(missing)[:10]}"
            assert all(s.text == text[s.start:s.end] for s in stored.values())
            assert p.integrity_check() == "ok"
    assert len(acked) > KILLS  # the kills landed while spans were being written
