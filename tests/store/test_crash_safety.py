"""Nothing acknowledged is lost: real processes killed with SIGKILL mid-edit, hundreds of times.

The worker edits through the same store API the UI uses and acknowledges each edit after
its transaction committed. After every kill the file must pass `PRAGMA integrity_check`,
load and validate as a model, and contain every acknowledged edit.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from briefing_app.model.briefing_json import briefing_from_dict
from briefing_app.store import Project

KILLS = 200


def _start_zygote() -> subprocess.Popen[str]:
    worker = Path(__file__).with_name("crash_worker.py")
    return subprocess.Popen(
        [sys.executable, str(worker)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        text=True, bufsize=1,
    )


def _new_project(path: Path) -> None:
    data = {"id": "br1", "title": "Crash test", "sections": [
        {"id": "s1", "heading": "Body", "blocks": [{"type": "paragraph", "text": "Start."}]}]}
    with Project.create(path) as project:
        project.briefings.save(briefing_from_dict(data))


class Ledger:
    """What the workers acknowledged, to compare with what survived."""

    def __init__(self) -> None:
        self.sources: set[str] = set()
        self.snippets: set[str] = set()
        self.blocks: dict[str, str | None] = {}  # id -> last acknowledged text (None: removed)

    def record(self, line: str) -> None:
        word, kind, ident, value = line.rstrip("\n").split(" ", 3)
        if word == "try":  # a removal under way: either outcome is right if killed now
            self.blocks[ident] = "removing"
        elif kind == "source":
            self.sources.add(ident)
        elif kind == "snippet":
            self.snippets.add(ident)
        elif kind == "insert":
            self.blocks[ident] = "inserted"
        elif kind == "update":
            self.blocks[ident] = value
        elif kind == "remove":
            self.blocks[ident] = None

    def verify(self, path: Path) -> None:
        with Project.open(path) as project:
            assert [r[0] for r in project.db.execute("PRAGMA integrity_check")] == ["ok"]
            briefing = project.briefings.get("br1")  # loads and validates every block
            present = {b.id: b for s in briefing.sections for b in s.blocks}
            assert self.sources <= project.sources.ids()
            assert self.snippets <= project.snippets.ids()
            for block_id, value in self.blocks.items():
                if value is None or value == "removing":
                    continue  # a later unacknowledged re-insert cannot reuse ids, so absent
                assert block_id in present, f"acknowledged block {block_id} was lost"
                if value != "inserted":
                    text = getattr(present[block_id], "text", None)
                    assert text == value or text.startswith("Edited paragraph"), (
                        f"block {block_id}: acknowledged {value!r}, found {text!r}"
                    )
            assert project.snippets.drifted() == []


def test_hundreds_of_sigkills_lose_no_acknowledged_edit(tmp_path: Path) -> None:
    path = tmp_path / "crash.briefing"
    _new_project(path)
    ledger = Ledger()
    rng = random.Random(20251108)
    zygote = _start_zygote()
    assert zygote.stdin is not None and zygote.stdout is not None
    acknowledged = 0
    try:
        for round_no in range(KILLS):
            zygote.stdin.write(f"go {path} {round_no}\n")
            pid = int(zygote.stdout.readline().split()[1])
            deadline = time.monotonic() + rng.uniform(0.02, 0.25)
            while time.monotonic() < deadline:
                line = zygote.stdout.readline()
                if line.startswith(("ack ", "try ")):
                    ledger.record(line)
                    acknowledged += line.startswith("ack ")
            os.kill(pid, signal.SIGKILL)
            line = zygote.stdout.readline()
            while line.startswith(("ack ", "try ")):  # written just before the kill landed
                ledger.record(line)
                acknowledged += line.startswith("ack ")
                line = zygote.stdout.readline()
            assert line.strip() == "reaped"
            ledger.verify(path)
    finally:
        zygote.kill()
        zygote.wait()
        zygote.stdin.close()
        zygote.stdout.close()
    assert acknowledged > KILLS  # the workers really edited between kills
    print(f"{KILLS} kills survived, {acknowledged} acknowledged edits verified")
