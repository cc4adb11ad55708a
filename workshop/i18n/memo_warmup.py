"""Texts of the meeting memo's sections for the warm-up activities (principles, picture
cards, glossary, topics, learning café, feedback): ``exports/memo_sections``."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # --- principles ---
    "memo.principles.agreed": {"fi": "Sovitut periaatteet", "en": "Agreed principles"},
    "memo.principles.none_agreed": {
        "fi": "Yhtään periaatetta ei ole vielä merkitty sovituksi.",
        "en": "No principle has been marked as agreed yet.",
    },
    "memo.principles.open": {"fi": "Vielä sopimatta", "en": "Not agreed yet"},
    "memo.principles.reactions": {
        "fi": "{text} (samaa mieltä {agree}, halutaan keskustella {discuss})",
        "en": "{text} (agree {agree}, want to discuss {discuss})",
    },
    "memo.principles.whole_workshop": {
        "fi": "Periaatteet ovat koko työpajan yhteiset. Lista on sellainen kuin se oli "
              "muistiota tehtäessä.",
        "en": "The principles are shared by the whole workshop. The list is as it stood when "
              "this memo was made.",
    },
    # --- picture cards ---
    "memo.cards.picks": {"fi": "Valintoja yhteensä: {count}", "en": "Picks in total: {count}"},
    "memo.cards.times": {"fi": "Valintoja: {count}", "en": "Picked: {count}"},
    "memo.cards.description": {"fi": "Kuvan kuvaus", "en": "Picture description"},
    "memo.cards.untitled": {"fi": "Nimetön kortti", "en": "Untitled card"},
    # --- glossary ---
    "memo.glossary.term": {"fi": "Käsite", "en": "Concept"},
    "memo.glossary.definition": {"fi": "Määritelmä", "en": "Definition"},
    "memo.glossary.status": {"fi": "Tilanne", "en": "Status"},
    "memo.glossary.agreed": {"fi": "Sovittu", "en": "Agreed"},
    "memo.glossary.open": {
        "fi": "Ei vielä sovittu. Sanamuotoehdotuksia {wordings}, kommentteja {comments}.",
        "en": "Not agreed yet. Suggested wordings: {wordings}, comments: {comments}.",
    },
    "memo.glossary.open_plain": {"fi": "Ei vielä sovittu.", "en": "Not agreed yet."},
    "memo.glossary.starting": {"fi": "Lähtömääritelmä: {definition}",
                               "en": "Starting definition: {definition}"},
    "memo.glossary.no_definition": {"fi": "Ei määritelmää vielä.",
                                    "en": "No definition yet."},
    # --- topics ---
    "memo.topics.rank": {"fi": "Sija", "en": "Rank"},
    "memo.topics.topic": {"fi": "Aihe", "en": "Topic"},
    "memo.topics.dots": {"fi": "Pisteet", "en": "Dots"},
    "memo.topics.rules": {
        "fi": "Pisteitä oli jokaisella {dots}, ja yhdelle aiheelle sai antaa enintään {cap}.",
        "en": "Everyone had {dots} dots and could give at most {cap} of them to one topic.",
    },
    # --- learning café ---
    "memo.cafe.station": {"fi": "Pöytä {number}", "en": "Station {number}"},
    "memo.cafe.question": {"fi": "Kysymys", "en": "Question"},
    "memo.cafe.summary": {"fi": "Pöydän vetäjän yhteenveto", "en": "The host's summary"},
    "memo.cafe.no_summary": {"fi": "Yhteenvetoa ei kirjoitettu.",
                             "en": "No summary was written."},
    "memo.cafe.round": {"fi": "Kierros {number}", "en": "Round {number}"},
    "memo.cafe.no_notes": {"fi": "Pöydältä ei ole muistiinpanoja.",
                           "en": "There are no notes from this station."},
    # --- feedback ---
    "memo.feedback.intro": {
        "fi": "Asiakkaiden, työntekijöiden ja muiden vastaukset ovat erikseen, eikä niitä "
              "lasketa yhteen. Ryhmää, jossa on alle {min} vastaajaa, ei näytetä.",
        "en": "Clients', workers' and others' answers are kept apart and never added "
              "together. A group with fewer than {min} respondents is not shown.",
    },
    "memo.feedback.scales": {"fi": "Asteikkokysymykset (1–5)",
                             "en": "Questions on a scale (1–5)"},
}
