"""Child process for the crash-safety test: a zygote that forks editing workers.

Protocol on stdin/stdout (one line each):
  parent -> zygote: "go PATH SEED"   zygote forks a worker and prints "pid N"
  worker -> parent: "ack KIND ID VALUE" after each committed edit (flushed at once),
                    "try remove ID -" before a removal (it may commit unacknowledged)
  zygote -> parent: "reaped" once the worker has died (the parent SIGKILLs it)
Forking from an already-imported zygote keeps each round to a fraction of a second, so a
test run can afford hundreds of real kills.
"""

from __future__ import annotations

import os
import random
import sys

from briefing_app.model.blocks import Chart, Paragraph
from briefing_app.model.chart import ChartSpec, DataTable
from briefing_app.model.source import Source
from briefing_app.store import Project


def edit_forever(path: str, seed: int) -> None:
    rng = random.Random(seed)
    project = Project.open(path)
    briefing_id = project.briefings.list()[0].id
    section_id = project.db.execute(
        "SELECT uid FROM sections WHERE briefing_id = ? ORDER BY position LIMIT 1",
        (briefing_id,),
    ).fetchone()[0]
    out = sys.stdout
    n = 0
    while True:
        n += 1
        choice = rng.random()
        blocks = [r[0] for r in project.db.execute(
            "SELECT uid FROM blocks WHERE briefing_id = ?", (briefing_id,))]
        if choice < 0.15:
            text = f"Source text {seed}-{n}. " + "Words of the report. " * rng.randint(1, 40)
            added = project.sources.add(Source(id="", title=f"Source {seed}-{n}", text=text))
            out.write(f"ack source {added.source.id} -\n")
        elif choice < 0.3:
            sources = [r[0] for r in project.db.execute("SELECT id FROM sources")]
            if sources:
                src = project.sources.get(rng.choice(sources))
                start = rng.randrange(0, max(1, len(src.text) - 10))
                snippet = project.snippets.add_offsets(src.id, start, start + 8)
                out.write(f"ack snippet {snippet.id} -\n")
                out.flush()
            continue
        elif choice < 0.55 or not blocks:
            block = Paragraph(f"Typed paragraph {seed}-{n}.")
            if rng.random() < 0.2:
                block = Chart(ChartSpec("bar", title=f"Chart {seed}-{n}", data=DataTable(
                    ["category", "value"], [["a", n], ["b", rng.randint(0, 9)]])))
            block_id = project.briefings.insert_block(
                briefing_id, section_id, rng.randint(0, len(blocks)), block)
            out.write(f"ack insert {block_id} {seed}-{n}\n")
        elif choice < 0.9:
            block_id = rng.choice(blocks)
            value = f"Edited paragraph {seed}-{n}."
            project.briefings.update_block(briefing_id, Paragraph(value, id=block_id))
            out.write(f"ack update {block_id} {value}\n")
        else:
            block_id = rng.choice(blocks)
            # Announced first: a kill between the commit and the ack leaves the block
            # removed without an ack, and the parent must know that is allowed.
            out.write(f"try remove {block_id} -\n")
            out.flush()
            project.briefings.remove_block(briefing_id, block_id)
            out.write(f"ack remove {block_id} -\n")
        out.flush()


def main() -> None:
    for line in sys.stdin:
        command, path, seed = line.split()
        if command != "go":
            continue
        pid = os.fork()
        if pid == 0:  # the worker: edit until killed
            try:
                edit_forever(path, int(seed))
            finally:
                os._exit(1)
        print(f"pid {pid}", flush=True)
        os.waitpid(pid, 0)
        print("reaped", flush=True)


if __name__ == "__main__":
    main()
