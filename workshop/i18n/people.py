"""Texts for the participants and data-protection page."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "nav.people": {"fi": "Osallistujat ja tietosuoja", "en": "Participants and privacy"},
    "people.title": {"fi": "Osallistujat ja tietosuoja", "en": "Participants and privacy"},
    "people.count": {"fi": "Osallistujia: {count}", "en": "Participants: {count}"},
    "people.privacy_note": {
        "fi": "Osallistujasta tallennetaan vain hänen valitsemansa nimi tai nimimerkki, rooli, "
              "kieli ja hänen tuottamansa sisällöt. Voit antaa hänelle kaikki tiedot "
              "tiedostona tai poistaa hänet.",
        "en": "For each participant only the name or nickname they chose, their role, language "
              "and what they wrote are stored. You can give them all their data as a file or "
              "erase them.",
    },
    "people.joined": {"fi": "Liittyi {when}", "en": "Joined {when}"},
    "people.download": {"fi": "Lataa osallistujan tiedot (JSON)",
                        "en": "Download the participant's data (JSON)"},
    "people.erase_choice": {"fi": "Mitä osallistujan kirjoittamille sisällöille tehdään?",
                            "en": "What happens to what the participant wrote?"},
    "people.erase_keep": {"fi": "Säilytetään nimettömänä (”poistettu osallistuja”)",
                          "en": "Kept without a name (“removed participant”)"},
    "people.erase_delete": {"fi": "Poistetaan kaikki", "en": "Deleted as well"},
    "people.erase": {"fi": "Poista osallistuja", "en": "Erase participant"},
    "people.erased": {"fi": "Osallistujan tiedot poistettiin.",
                      "en": "The participant's data was erased."},
    "people.delete_workshop": {"fi": "Poista koko työpaja", "en": "Delete the whole workshop"},
    "people.delete_workshop_warning": {
        "fi": "Kaikki työpajan tapaamiset, osallistujat ja sisällöt poistetaan pysyvästi. "
              "Ota ensin varmuuskopio, jos tietoja tarvitaan myöhemmin.",
        "en": "All meetings, participants and contents of the workshop are deleted for good. "
              "Make a backup first if the data is needed later.",
    },
    "people.type_name": {"fi": "Vahvista kirjoittamalla työpajan nimi: {name}",
                         "en": "Confirm by typing the workshop's name: {name}"},
    "people.delete_workshop_confirm": {"fi": "Poista työpaja pysyvästi",
                                       "en": "Delete the workshop for good"},
    "people.workshop_deleted": {"fi": "Työpaja poistettiin.", "en": "The workshop was deleted."},
}
