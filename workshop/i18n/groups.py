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
    "groups.written_warning": {
        "fi": "Nykyisissä ryhmissä on kirjoitettu {count} tuotosta. Uudet ryhmät eivät poista "
              "niitä, mutta niistä ei enää näe, mikä ryhmä ne kirjoitti.",
        "en": "{count} pieces of work were written in the current groups. New groups do not "
              "remove them, but they no longer show which group wrote them.",
    },
    "groups.removed_warning": {
        "fi": "Ryhmien antamat merkinnät ({count}) poistuvat ryhmien mukana.",
        "en": "The groups' marks ({count}) are removed with the groups.",
    },
    "groups.confirm_reform": {
        "fi": "Muodosta silti uudet ryhmät", "en": "Form new groups anyway",
    },
    "error.groups.written": {
        "fi": "Nykyisissä ryhmissä on jo kirjoitettu {count} tuotosta. Vahvista ensin, että "
              "haluat muodostaa uudet ryhmät.",
        "en": "{count} pieces of work were already written in the current groups. Confirm "
              "first that you want to form new groups.",
    },
}
