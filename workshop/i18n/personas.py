"""Texts for personas: the form, the gallery, comments, reactions and versions.

The targeted questions and the customer value parts come from ``workshop.content.methods``
(``PERSONA_QUESTIONS``, ``VALUE_PARTS``); only the labels and UI texts live here.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "nav.personas": {"fi": "Persoonat", "en": "Personas"},
    # Field labels (also name the field in error messages).
    "field.persona.name": {"fi": "Persoonan nimi", "en": "Persona's name"},
    "field.persona.age_group": {"fi": "Ikäryhmä", "en": "Age group"},
    "field.persona.life_situation": {"fi": "Elämäntilanne", "en": "Life situation"},
    "field.persona.background": {"fi": "Tausta", "en": "Background"},
    "field.persona.strengths": {"fi": "Vahvuudet", "en": "Strengths"},
    "field.persona.needs": {"fi": "Tarpeet", "en": "Needs"},
    "field.persona.hard_now": {"fi": "Mikä on nyt vaikeaa", "en": "What is hard now"},
    "field.persona.who_around": {"fi": "Ihmiset ympärillä", "en": "People around them"},
    "field.persona.asking_hard": {
        "fi": "Miksi avun pyytäminen on vaikeaa", "en": "Why asking for help is hard",
    },
    "field.persona.change_wanted": {"fi": "Toivottu muutos", "en": "Change hoped for"},
    "field.persona.how_to_get_there": {"fi": "Miten sinne päästään", "en": "How to get there"},
    "field.persona.value_functional": {"fi": "Toiminnallinen hyöty", "en": "Functional value"},
    "field.persona.value_social": {"fi": "Sosiaalinen hyöty", "en": "Social value"},
    "field.persona.value_emotional": {
        "fi": "Tunteisiin liittyvä hyöty", "en": "Emotional value",
    },
    "field.persona_comment": {"fi": "Kommentti", "en": "Comment"},
    "field.persona_summary": {"fi": "Kommenttien tiivistelmä", "en": "Summary of the comments"},
    "field.persona_reaction": {"fi": "Reaktio", "en": "Reaction"},
    # Questions for the fields without a targeted question in the method content.
    "persona.ask.background": {
        "fi": "Mitä hänen elämässään on tapahtunut aiemmin?",
        "en": "What has happened in their life before?",
    },
    "persona.ask.needs": {
        "fi": "Mitä hän tarvitsee juuri nyt?", "en": "What do they need right now?",
    },
    "persona.ask.hard_now": {
        "fi": "Mikä on hänelle nyt vaikeinta?", "en": "What is hardest for them now?",
    },
    "persona.age.unset": {"fi": "Ei valittu", "en": "Not chosen"},
    "persona.age.under_18": {"fi": "alle 18 v.", "en": "under 18"},
    "persona.age.18_24": {"fi": "18–24 v.", "en": "18–24"},
    "persona.age.25_34": {"fi": "25–34 v.", "en": "25–34"},
    "persona.age.35_44": {"fi": "35–44 v.", "en": "35–44"},
    "persona.age.45_54": {"fi": "45–54 v.", "en": "45–54"},
    "persona.age.55_64": {"fi": "55–64 v.", "en": "55–64"},
    "persona.age.65_plus": {"fi": "65 v. tai yli", "en": "65 or over"},
    "persona.reaction.agree": {"fi": "👍 Osuu", "en": "👍 Rings true"},
    "persona.reaction.question": {"fi": "❓ Kysyttävää", "en": "❓ I have a question"},
    "persona.reaction_counts": {
        "fi": "👍 {agree} · ❓ {question}", "en": "👍 {agree} · ❓ {question}",
    },
    "persona.section.story": {"fi": "Kuka hän on?", "en": "Who are they?"},
    "persona.section.questions": {
        "fi": "Kohdennetut kysymykset: mitä muutosta toivotaan?",
        "en": "Targeted questions: what change is hoped for?",
    },
    "persona.section.value": {
        "fi": "Asiakasarvo: mitä hyötyä palvelusta on?",
        "en": "Customer value: what good does the service do?",
    },
    # Writing in groups.
    "persona.group_personas": {
        "fi": "Ryhmänne persoonat ({count}/{max})", "en": "Your group's personas ({count}/{max})",
    },
    "persona.limit_hint": {
        "fi": "Kirjoittakaa ryhmänä 1–{max} persoonaa. Kaikki ryhmän jäsenet voivat muokata niitä.",
        "en": "Write 1–{max} personas as a group. Every member of the group can edit them.",
    },
    "persona.group_full": {
        "fi": "Ryhmällänne on jo {max} persoonaa. Syventäkää niitä.",
        "en": "Your group already has {max} personas. Deepen them.",
    },
    "persona.new": {"fi": "Uusi persoona", "en": "New persona"},
    "persona.create": {"fi": "Tallenna persoona", "en": "Save the persona"},
    "persona.created": {"fi": "Persoona tallennettu. Kiitos!", "en": "Persona saved. Thank you!"},
    "persona.save": {"fi": "Tallenna muutokset", "en": "Save changes"},
    "persona.saved": {"fi": "Muutokset tallennettu (versio {version}).",
                      "en": "Changes saved (version {version})."},
    "persona.edit_title": {"fi": "Muokkaa: {name}", "en": "Edit: {name}"},
    "persona.newer_saved": {
        "fi": "Joku muu tallensi tähän persoonaan uudemman version {version}. Tekstisi on "
        "tallessa lomakkeella. Vertaa uusimpaan versioon alla; seuraava tallennus korvaa sen.",
        "en": "Someone else saved a newer version {version} of this persona. Your text is "
        "still in the form. Compare it with the newest version below; your next save replaces "
        "it.",
    },
    "persona.newest_version": {
        "fi": "Uusin tallennettu versio {version}", "en": "Newest saved version {version}",
    },
    "persona.take_newest": {
        "fi": "Ota uusin versio lomakkeelle (omat muutokset poistuvat)",
        "en": "Load the newest version into the form (discards my changes)",
    },
    "persona.changed_meanwhile": {
        "fi": "{name}: ryhmäsi tallensi uuden version {version}.",
        "en": "{name}: your group saved a new version {version}.",
    },
    "persona.group_added": {
        "fi": "Ryhmäsi lisäsi persoonan: {names}. Näytä se, kun olet tallentanut omat "
        "muutoksesi.",
        "en": "Your group added a persona: {names}. Show it once you have saved your own "
        "changes.",
    },
    "persona.refresh": {"fi": "Näytä ryhmän persoonat", "en": "Show the group's personas"},
    "persona.no_group_yet": {
        "fi": "Odota hetki: fasilitaattori muodostaa pienryhmät.",
        "en": "Please wait: the facilitator is forming the small groups.",
    },
    "persona.withdraw": {"fi": "Poista persoona", "en": "Remove the persona"},
    "persona.withdraw_confirm": {"fi": "Kyllä, poista", "en": "Yes, remove it"},
    "persona.withdraw_confirm_hint": {
        "fi": "Persoona poistuu näkyvistä koko ryhmältä.",
        "en": "The persona disappears for the whole group.",
    },
    # Showing personas.
    "persona.group_label": {"fi": "Ryhmä {number}", "en": "Group {number}"},
    "persona.by_facilitator": {
        "fi": "Fasilitaattorin kirjaama", "en": "Recorded by the facilitator",
    },
    "persona.meeting_label": {"fi": "Tapaaminen {number}", "en": "Meeting {number}"},
    "persona.agreed": {"fi": "Sovittu versio {version}", "en": "Agreed version {version}"},
    "persona.version_label": {"fi": "Versio {version}", "en": "Version {version}"},
    "persona.this_meeting": {
        "fi": "Tämän tapaamisen persoonat ({count})", "en": "This meeting's personas ({count})",
    },
    "persona.none_yet": {
        "fi": "Persoonia ei ole vielä kirjoitettu.", "en": "No personas have been written yet.",
    },
    "persona.earlier_title": {
        "fi": "Edellisten tapaamisten persoonat", "en": "Personas from earlier meetings",
    },
    "persona.earlier_hint": {
        "fi": "Lue persoonat ja kerro, mikä osuu ja mitä puuttuu. Voit antaa yhden reaktion "
        "kullekin persoonalle ja vaihtaa sitä.",
        "en": "Read the personas and say what rings true and what is missing. You can give "
        "one reaction to each persona and change it.",
    },
    "persona.comments": {"fi": "Kommentit ({count})", "en": "Comments ({count})"},
    "persona.comment_send": {"fi": "Lähetä kommentti", "en": "Send the comment"},
    "persona.comment_saved": {"fi": "Kommentti tallennettu.", "en": "Comment saved."},
    "persona.remove_reaction": {"fi": "Poista reaktio", "en": "Remove my reaction"},
    "persona.summary_title": {"fi": "Tiivistelmä kommenteista", "en": "Summary of the comments"},
    "persona.summary_saved": {"fi": "Tiivistelmä tallennettu.", "en": "Summary saved."},
    "persona.versions": {"fi": "Versiot ({count})", "en": "Versions ({count})"},
    "persona.mark_agreed": {"fi": "Merkitse sovituksi", "en": "Mark as agreed"},
    "persona.unmark_agreed": {"fi": "Poista sovittu-merkintä", "en": "Remove the agreed mark"},
    "persona.agreed_marked": {
        "fi": "Versio {version} on nyt sovittu versio.", "en": "Version {version} is now agreed.",
    },
    "persona.show_full": {"fi": "Koko persoona", "en": "The whole persona"},
    "persona.show_version": {"fi": "Näytä versio {version}", "en": "Show version {version}"},
    # Facilitator gallery page.
    "persona.gallery_title": {"fi": "Persoonagalleria", "en": "Persona gallery"},
    "persona.gallery_hint": {
        "fi": "Kaikki työpajan persoonat kaikista tapaamisista. Seuraavalla tapaamisella "
        "lisää ohjelmaan Käyttäjäpersoonat-kohta: siinä osallistujat kommentoivat ja "
        "reagoivat edellisten kertojen persoonia. Tiivistä kommentit ja merkitse sovittu versio "
        "täällä.",
        "en": "All personas of the workshop from every meeting. At the next meeting, add a "
        "Personas item to the agenda: in it, participants comment on and react to the earlier "
        "meetings' personas. Condense the comments and mark the agreed version here.",
    },
    "persona.workshop": {"fi": "Työpaja", "en": "Workshop"},
    "persona.projector_mode": {
        "fi": "Valkokangasnäkymä (isot kortit, vain roolit)",
        "en": "Projector view (large cards, roles only)",
    },
    "persona.open_gallery": {"fi": "Avaa persoonagalleria", "en": "Open the persona gallery"},
    "persona.console_count": {
        "fi": "Persoonia tässä tapaamisessa: {count}", "en": "Personas at this meeting: {count}",
    },
    # Errors.
    "error.persona.group_limit": {
        "fi": "Ryhmällänne on jo {max} persoonaa, mikä on enimmäismäärä. Tekstisi on yhä "
        "lomakkeella: voit lisätä sen olemassa olevaan persoonaan.",
        "en": "Your group already has {max} personas, which is the maximum. Your text is "
        "still in the form: you can add it to an existing persona.",
    },
    "error.persona.no_group": {
        "fi": "Et ole vielä missään pienryhmässä. Odota, että fasilitaattori muodostaa ryhmät.",
        "en": "You are not in a small group yet. Please wait for the facilitator to form "
        "the groups.",
    },
    "error.persona.not_your_group": {
        "fi": "Vain persoonan kirjoittaneen ryhmän jäsenet voivat muokata sitä.",
        "en": "Only the members of the group that wrote this persona can edit it.",
    },
    "error.persona.wrong_activity": {
        "fi": "Tämä ohjelmakohta ei ole persoonatyöskentely.",
        "en": "This agenda item is not persona work.",
    },
}
