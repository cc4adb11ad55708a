"""Texts for small groups."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "field.group_size": {"fi": "Ryhmän koko", "en": "Group size"},
    "field.group_name": {"fi": "Ryhmän nimi", "en": "Group name"},
    "groups.title": {"fi": "Pienryhmät", "en": "Small groups"},
    "groups.form": {
        "fi": "Muodosta ryhmät paikallaolijoista", "en": "Form groups of those present",
    },
    "groups.form_pairs": {"fi": "Muodosta parit", "en": "Form pairs"},
    "groups.group_number": {"fi": "Ryhmä {number}", "en": "Group {number}"},
    "groups.your_group": {"fi": "Olet ryhmässä {number}", "en": "You are in group {number}"},
    "groups.none_yet": {
        "fi": "Ryhmiä ei ole vielä muodostettu.", "en": "No groups have been formed yet.",
    },
    "groups.move": {"fi": "Siirrä ryhmään", "en": "Move to group"},
    "groups.add": {"fi": "Lisää ryhmä", "en": "Add a group"},
}
