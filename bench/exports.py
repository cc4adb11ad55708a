"""Exports benchmark: a ten-meeting workshop with 2,000 records and 10 pictures.

Targets (issue 7): a meeting memo under 3 s; JSON export and JSON import under 2 s each.

    .venv/bin/python bench/exports.py            # a temporary SQLite database
    BENCH_DATABASE_URL=postgresql://... .venv/bin/python bench/exports.py

The records are free notes (the record type with a memo section today), 200 per meeting.
The 10 pictures are uploaded card images (PNG, drawn with Matplotlib) stored in the
workshop; the picture-card memo section is not written yet, so a stand-in section embeds all
ten in the measured memo with their alternative text, as that section will. Prints readable
figures and ends with one JSON line.
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
from workshop import accounts, db, meetings, workshops  # noqa: E402
from workshop.access import FacilitatorActor  # noqa: E402
from workshop.models import (  # noqa: E402
    ROLES,
    Base,
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


def build(engine) -> tuple[FacilitatorActor, int, list[tuple[str, str]]]:
    load_all_models()
    with db.transaction(engine) as s:
        user = accounts.create_user(s, f"bench{os.getpid()}", "bench password 123", "Bench")
        actor = FacilitatorActor(user.id)
        ws = workshops.create_workshop(s, actor, "Benchmark – varhainen tuki",
                                       theme="Palveluohjaus", organisation="Hyvinvointialue")
        notes_items = []
        for number in range(1, MEETINGS + 1):
            m = meetings.plan_meeting(s, actor, ws.id, title=f"Tapaaminen {number}",
                                      date=dt.date(2026, 1, 1) + dt.timedelta(weeks=2 * number),
                                      start_time=dt.time(9, 0))
            meetings.add_agenda_item(s, actor, m.id, title="Tervetuloa", activity_type="info")
            meetings.add_agenda_item(s, actor, m.id, title="Kuvakortit",
                                     activity_type="picture_cards")
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
        pictures = []
        tables = Base.metadata.tables
        for index in range(PICTURES):
            data = _picture(index)
            alt = f"Kuvakortti {index + 1}: viivakaavio"
            pictures.append((alt, data))
            if "card_images" in tables:
                s.execute(insert(tables["card_images"]).values(
                    workshop_id=ws.id, position=index, title=f"Kortti {index + 1}",
                    alt_text=alt, mime="image/png", data=data, byte_size=len(data),
                    width=660, height=440, digest=hashlib.sha256(data).hexdigest(),
                    hidden=False, created_by_id=user.id))
        return actor, ws.id, [(alt, data.hex()) for alt, data in pictures]


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
    build_s, (actor, workshop_id, pictures) = timed(lambda: build(engine))
    images = [(alt, bytes.fromhex(data)) for alt, data in pictures]

    def stand_in(doc_builder, session, actor, item, lang) -> bool:
        for alt, data in images:
            doc_builder.picture(data, alt, 12)
        return True

    memo_times, memo_sizes = [], []
    with memo_sections.extra_section(("picture_cards",), stand_in):
        for number in range(1, MEETINGS + 1):
            runs = []
            for _ in range(REPEATS if number == MEETINGS else 1):
                with db.reading(engine) as s:
                    seconds, data = timed(lambda n=number: build_memo(s, actor, workshop_id, n))
                runs.append(seconds)
            memo_times.append(statistics.median(runs))
            memo_sizes.append(len(data))
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
        "rows_in_backup": rows,
        "memo_s": round(max(memo_times), 3),
        "memo_median_s": round(statistics.median(memo_times), 3),
        "memo_bytes": max(memo_sizes),
        "model_s": round(model_s, 3),
        "json_export_s": round(statistics.median(export_runs), 3),
        "json_import_s": round(statistics.median(import_runs), 3),
        "json_bytes": len(document),
        "build_s": round(build_s, 2),
        "ok": restored is not None and all(
            value <= TARGETS[key] for key, value in (
                ("memo_s", max(memo_times)),
                ("json_export_s", statistics.median(export_runs)),
                ("json_import_s", statistics.median(import_runs)))),
    }
    print(f"exports benchmark on {figures['database']}: {MEETINGS} meetings, {RECORDS} records, "
          f"{PICTURES} pictures ({rows} rows in the backup); built in {build_s:.1f} s")
    print(f"  memo (slowest of {MEETINGS} meetings) {max(memo_times):6.3f} s  "
          f"(median {statistics.median(memo_times):.3f} s, {max(memo_sizes) / 1024:.0f} kB, "
          f"target < {TARGETS['memo_s']} s)")
    print(f"  model description      {model_s:6.3f} s  ({len(model) / 1024:.0f} kB)")
    print(f"  JSON export            {statistics.median(export_runs):6.3f} s  "
          f"(median of {REPEATS}, {len(document) / 2**20:.1f} MB, "
          f"target < {TARGETS['json_export_s']} s)")
    print(f"  JSON import            {statistics.median(import_runs):6.3f} s  "
          f"(median of {REPEATS}, one transaction, target < {TARGETS['json_import_s']} s)")
    print(json.dumps(figures, separators=(",", ":")))


if __name__ == "__main__":
    main()
