"""Spreadsheets: one CSV per record type, for Finnish Excel and LibreOffice, formula-safe."""

from __future__ import annotations

import csv
import io
import zipfile

import pytest
from builders import facilitator
from export_fixtures import build_workshop

from exports.backup import workshop_plan
from exports.csv_export import (
    safe_cell,
    workshop_csv_files,
    workshop_csv_zip,
    workshop_csv_zip_as,
)
from workshop.errors import NotFound


def _rows(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    text = data[3:].decode("utf-8")
    assert "\r\n" in text
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


def test_one_file_per_record_type_readable_in_finnish(session):
    built = build_workshop(session)
    files = workshop_csv_files(session, built.workshop_id)
    names = [name.split("_", 1)[1].removesuffix(".csv") for name in files]
    assert names == list(workshop_plan().names)
    notes = _rows(next(v for k, v in files.items() if k.endswith("_notes.csv")))
    header = notes[0]
    assert {"Teksti", "Piilotettu", "Peruttu", "Luotu (UTC)"} <= set(header)
    texts = [row[header.index("Teksti")] for row in notes[1:]]
    assert "Neuvonta yhdestä paikasta\ntoinen rivi" in texts  # multi-line cell survives
    assert "'=SUM(A1:A9) 😀 ”lainaus”" in texts  # formula neutralised, text kept
    hidden = {row[header.index("Teksti")]: row[header.index("Piilotettu")] for row in notes[1:]}
    assert hidden["piilotettava"] == "kyllä" and hidden["Fasilitaattorin kirjaus"] == "ei"
    meetings = _rows(next(v for k, v in files.items() if k.endswith("_meetings.csv")))
    assert "Liittymiskoodi" not in meetings[0] and "Join code" not in meetings[0]
    assert all("join" not in h.lower() for h in meetings[0])  # secrets stay out
    templates = _rows(next(v for k, v in files.items() if k.endswith("_docx_templates.csv")))
    assert "Data (tavua)" in templates[0]


def test_zip_and_access(session):
    built = build_workshop(session, language="en")
    data = workshop_csv_zip_as(session, built.facilitator, built.workshop_id)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        workshop_rows = _rows(archive.read(names[0]))
    assert names[0] == "01_workshops.csv"
    assert workshop_rows[0][:2] == ["Id", "Name"]
    assert workshop_rows[1][1] == "Varhainen tuki – työpaja 🙂"
    assert workshop_csv_zip(session, built.workshop_id) is not None
    with pytest.raises(NotFound):
        workshop_csv_zip_as(session, facilitator(session, "vieras"), built.workshop_id)


@pytest.mark.parametrize("text,expected", [
    ("=1+1", "'=1+1"), ("+358 40", "'+358 40"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=x", "'\t=x"), ("\r=x", "'\r=x"), ("tavallinen", "tavallinen"), ("", ""),
    ("a=b", "a=b"),
])
def test_formula_injection_is_neutralised(text, expected):
    assert safe_cell(text) == expected
