"""Exports benchmark: a ten-meeting workshop with 2,000 records and 10 pictures.

Targets (issue 7): a meeting memo under 3 s; JSON export and JSON import under 2 s each.

    .venv/bin/python bench/exports.py            # a temporary SQLite database
    BENCH_DATABASE_URL=postgresql://... .venv/bin/python bench/exports.py

The records are free notes, 200 per meeting. The 10 pictures are card images (PNG, drawn
with Matplotlib) uploaded to the workshop's own deck; in every meeting ten participants pick
one each, so the real picture-card memo section (``exports/memo_sections/picture_cards.py``)
embeds all ten, with their alternative text, in each measured memo. Prints readable figures
and ends with one JSON line.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert, select  # noqa: E402

from exports import backup, memo_sections  # noqa: E402
from exports.memo import build_memo  # noqa: E402
from exports.model_doc import build_model_description  # noqa: E402
from workshop import accounts, db, meetings, picture_cards, workshops  # noqa: E402
from workshop.access import FacilitatorActor  # noqa: E402
from workshop.model_warmup import CardPick  # noqa: E402
from workshop.models import (  # noqa: E402
    ROLES,
    Meeting,
    Note,
    Participant,
    load_all_models,
    utcnow,
)

MEETINGS = 10
RECORDS = 2_000
PICTURES = 10
REPEATS = 3
TARGETS = {"memo_s": 3.0, "json_export_s": 2.0, "json_import_s": 2.0}


def _picture(index: int) -> bytes:
    from matplotlib.figure import Figure

    figure = Figure(figsize=(6, 4), dpi=110)
    axes = figure.add_subplot()
    axes.plot([x * (index + 1) % 7 for x in range(40)], linewidth=3)
    axes.set_title(f"Kuvakortti {index + 1}")
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def build(engine) -> tuple[FacilitatorActor, int, int]:
    load_all_models()
    with db.transaction(engine) as s:
        user = accounts.create_user(s, f"bench{os.getpid()}", "bench password 123", "Bench")
        actor = FacilitatorActor(user.id)
        ws = workshops.create_workshop(s, actor, "Benchmark – varhainen tuki",
                                       theme="Palveluohjaus", organisation="Hyvinvointialue")
        notes_items, card_items = [], []
        for number in range(1, MEETINGS + 1):
            m = meetings.plan_meeting(s, actor, ws.id, title=f"Tapaaminen {number}",
                                      date=dt.date(2026, 1, 1) + dt.timedelta(weeks=2 * number),
                                      start_time=dt.time(9, 0))
            meetings.add_agenda_item(s, actor, m.id, title="Tervetuloa", activity_type="info")
            card_items.append((m.id, meetings.add_agenda_item(
                s, actor, m.id, title="Kuvakortit", activity_type="picture_cards").id))
            for title in ("Ideat", "Kommentit"):
                item = meetings.add_agenda_item(s, actor, m.id, title=title,
                                                activity_type="notes")
                notes_items.append((m.id, item.id))
            meeting = s.get(Meeting, m.id)
            meeting.status, meeting.opened_at = "closed", utcnow() - dt.timedelta(hours=3)
            meeting.closed_at = utcnow()
        people = []
        for index in range(40):
            p = Participant(workshop_id=ws.id, display_name=f"Osallistuja {index}",
                            role=ROLES[index % len(ROLES)],
                            token_hash=hashlib.sha256(f"{ws.id}-{index}".encode()).hexdigest())
            s.add(p)
            people.append(p)
        s.flush()
        rows = []
        for index in range(RECORDS):
            meeting_id, item_id = notes_items[index % len(notes_items)]
            rows.append({"workshop_id": ws.id, "meeting_id": meeting_id,
                         "agenda_item_id": item_id, "author_id": people[index % 40].id,
                         "text": f"Kirjaus {index}: asiakkaan polku katkeaa, kun "
                                 f"palveluohjaus ei tavoita häntä ajoissa. " * (1 + index % 3),
                         "hidden": index % 50 == 0})
        s.execute(insert(Note), rows)
        cards = [picture_cards.upload_card(s, actor, ws.id, _picture(index),
                                           title=f"Kortti {index + 1}",
                                           alt_text=f"Kuvakortti {index + 1}: viivakaavio")
                 for index in range(PICTURES)]
        picks = []
        for meeting_id, item_id in card_items:
            picture_cards.set_deck(s, actor, item_id, "workshop")
            picks += [{"workshop_id": ws.id, "meeting_id": meeting_id, "agenda_item_id": item_id,
                       "author_id": people[index].id, "card": f"upload:{card.id}",
                       "line": f"Valitsin kortin {index + 1}, koska se kuvaa odottamista."}
                      for index, card in enumerate(cards)]
        s.execute(insert(CardPick), picks)
        return actor, ws.id, len(picks)


def _pictures_with_alt(docx: bytes) -> int:
    """Pictures in a memo that carry alternative text (each must: checked in the figures)."""
    from docx import Document

    shapes = Document(io.BytesIO(docx)).inline_shapes
    return sum(1 for shape in shapes if shape._inline.docPr.get("descr", "").strip())


def timed(action) -> tuple[float, object]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def main() -> None:
    url = os.environ.get("BENCH_DATABASE_URL")
    temporary = None
    if not url:
        temporary = tempfile.TemporaryDirectory()
        url = f"sqlite:///{Path(temporary.name) / 'bench.sqlite3'}"
    engine = db.make_engine(url)
    db.upgrade(engine)
    build_s, (actor, workshop_id, picks) = timed(lambda: build(engine))
    # Importing the section modules (Matplotlib, Plotly, NetworkX...) happens once per
    # process, not per memo: done before the clock starts, and reported on its own.
    sections_s, _ = timed(memo_sections.registry)

    memo_times, memo_cpu, memo_sizes, memo_pictures = [], [], [], []
    for number in range(1, MEETINGS + 1):
        runs, cpu = [], []
        for _ in range(REPEATS if number == MEETINGS else 1):
            with db.reading(engine) as s:
                started = time.process_time()
                seconds, data = timed(lambda n=number: build_memo(s, actor, workshop_id, n))
                cpu.append(time.process_time() - started)
            runs.append(seconds)
        memo_times.append(statistics.median(runs))
        memo_cpu.append(statistics.median(cpu))
        memo_sizes.append(len(data))
        memo_pictures.append(_pictures_with_alt(data))
    with db.reading(engine) as s:
        model_s, model = timed(lambda: build_model_description(s, actor, workshop_id))

    export_runs, import_runs = [], []
    document = b""
    for _ in range(REPEATS):
        with db.reading(engine) as s:
            seconds, document = timed(
                lambda: backup.dumps(backup.export_workshop(s, workshop_id)))
        export_runs.append(seconds)
    for _ in range(REPEATS):
        start = time.perf_counter()
        with db.transaction(engine) as s:
            new_id = backup.import_workshop(s, document, owner_user_id=actor.user_id)
        import_runs.append(time.perf_counter() - start)
    with db.reading(engine) as s:
        restored = s.scalar(select(Note.id).where(Note.workshop_id == new_id).limit(1))
        rows = sum(len(v) for v in json.loads(document)["tables"].values())
    engine.dispose()
    if temporary:
        temporary.cleanup()

    figures = {
        "bench": "exports",
        "database": engine.dialect.name,
        "meetings": MEETINGS,
        "records": RECORDS,
        "pictures": PICTURES,
        "card_picks": picks,
        "memo_pictures": min(memo_pictures),
        "rows_in_backup": rows,
        "memo_s": round(max(memo_times), 3),
        "memo_median_s": round(statistics.median(memo_times), 3),
        "memo_cpu_s": round(max(memo_cpu), 3),
        "memo_bytes": max(memo_sizes),
        "sections_import_s": round(sections_s, 3),
        "model_s": round(model_s, 3),
        "json_export_s": round(statistics.median(export_runs), 3),
        "json_import_s": round(statistics.median(import_runs), 3),
        "json_bytes": len(document),
        "build_s": round(build_s, 2),
        "ok": restored is not None and min(memo_pictures) == PICTURES and all(
            value <= TARGETS[key] for key, value in (
                ("memo_s", max(memo_times)),
                ("json_export_s", statistics.median(export_runs)),
                ("json_import_s", statistics.median(import_runs)))),
    }
    print(f"exports benchmark on {figures['database']}: {MEETINGS} meetings, {RECORDS} records, "
          f"{PICTURES} pictures ({rows} rows in the backup); built in {build_s:.1f} s")
    print(f"  memo (slowest of {MEETINGS} meetings) {max(memo_times):6.3f} s  "
          f"(median {statistics.median(memo_times):.3f} s, {max(memo_sizes) / 1024:.0f} kB, "
          f"{min(memo_pictures)} card pictures with alt text each, "
          f"target < {TARGETS['memo_s']} s)")
    print(f"  memo CPU time (slowest)  {max(memo_cpu):6.3f} s  (section modules loaded once "
          f"beforehand in {sections_s:.1f} s)")
    print(f"  model description      {model_s:6.3f} s  ({len(model) / 1024:.0f} kB)")
    print(f"  JSON export            {statistics.median(export_runs):6.3f} s  "
          f"(median of {REPEATS}, {len(document) / 2**20:.1f} MB, "
          f"target < {TARGETS['json_export_s']} s)")
    print(f"  JSON import            {statistics.median(import_runs):6.3f} s  "
          f"(median of {REPEATS}, one transaction, target < {TARGETS['json_import_s']} s)")
    print(json.dumps(figures, separators=(",", ":")))


if __name__ == "__main__":
    main()
