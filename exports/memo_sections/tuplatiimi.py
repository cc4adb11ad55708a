"""A Tuplatiimi round in the meeting memo: the question, each pair's picks with the marks they
got, and the themes with their action plans (what, who, by when).

Everything of a round belongs to its agenda item (:func:`workshop.tuplatiimi.round_view`), so
the item shows its own round. Ideas written alone and not picked stay out of the memo (they
were private while writing); merged ideas count under the idea they were merged into.
Pairs are named by number only, never by their members or a typed group name; hidden and
withdrawn ideas are left out.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy.orm import Session

from exports.memo_sections._common import choice
from workshop import tuplatiimi
from workshop.access import Actor
from workshop.i18n import fmt_date
from workshop.meetings import AgendaItemView
from workshop.tuplatiimi import IdeaView

ACTIVITY_TYPES = ("tuplatiimi",)


def _is_pick(idea: IdeaView) -> bool:
    return (idea.picked and idea.pair_id is not None and idea.merged_into_id is None
            and not idea.hidden)


def render(doc_builder: Any, session: Session, actor: Actor, item: AgendaItemView,
           lang: str) -> bool:
    b = doc_builder
    view = tuplatiimi.round_view(session, actor, item.id)
    if view.version == 0 and not view.idea_count:
        return False
    if view.question:
        b.label_value(b.t("field.tt.question"), view.question)
    b.label_value(b.t("field.tt.step"), choice(b, f"tt.step.{view.step}", view.step))
    b.paragraph(b.t("memo.tt.counts", ideas=view.idea_count, writers=view.authors,
                    pairs=len(view.pairs)), italic=True)
    number_of = {pair.id: index for index, pair in enumerate(view.pairs, start=1)}
    picks = [i for i in view.ideas if _is_pick(i)]
    if picks:
        b.heading(b.t("memo.tt.picks"), 3)
        picks.sort(key=lambda i: (number_of.get(i.pair_id, 0), -(i.marks or 0), i.id))
        b.table([b.t("memo.tt.pair"), b.t("field.tt.idea"), b.t("field.tt.marks")],
                [[b.t("memo.tt.pair_number", number=number_of.get(i.pair_id, 0)), i.text,
                  str(i.marks) if i.marks is not None else "–"] for i in picks],
                widths=[2.5, 11, 2.5])
    if view.themes:
        texts = {i.id: i.text for i in view.ideas if not i.hidden}
        b.heading(b.t("memo.tt.themes"), 3)
        b.table([b.t("field.tt.theme"), b.t("field.tt.what"), b.t("field.tt.who"),
                 b.t("field.tt.by_when"), b.t("field.tt.marks")],
                [[t.name, t.what or "–", t.who or "–",
                  fmt_date(t.by_when, lang) if t.by_when else "–", str(t.marks)]
                 for t in view.themes],
                widths=[3.5, 6, 3, 2.2, 1.5])
        for theme in view.themes:
            # the same idea written by several people is listed once, with how many wrote it
            same = Counter(texts[i] for i in theme.idea_ids if i in texts)
            if same:
                b.paragraph(b.t("memo.tt.theme_ideas", theme=theme.name), bold=True)
                b.bullets(text if n == 1 else f"{text} (×{n})" for text, n in same.items())
    return True
