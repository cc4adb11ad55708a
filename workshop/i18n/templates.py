"""Texts for meeting templates and activity guides in the console."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "field.template": {"fi": "Pohja", "en": "Template"},
    "field.interval_days": {"fi": "Väli (päivää)", "en": "Interval (days)"},
    "field.first_date": {"fi": "Ensimmäisen tapaamisen päivä", "en": "Date of the first meeting"},
    "plan.from_template": {"fi": "Luo tapaamissuunnitelma pohjasta",
                           "en": "Create a meeting plan from a template"},
    "plan.template_help": {
        "fi": "Pohja lisää kaikki tapaamiset ohjelmineen. Voit muokata niitä sen jälkeen.",
        "en": "The template adds every meeting with its agenda. You can edit them afterwards.",
    },
    "plan.template_apply": {"fi": "Lisää tapaamiset", "en": "Add the meetings"},
    "plan.template_applied": {"fi": "Lisättiin {count} tapaamista.",
                              "en": "{count} meetings were added."},
    "console.guide": {"fi": "Ohje fasilitaattorille: {name}", "en": "Facilitator's guide: {name}"},
    "console.guide_minutes": {"fi": "{low}–{high} min", "en": "{low}–{high} min"},
}
