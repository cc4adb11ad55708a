"""Texts of the warm-up activities: ground rules, picture cards, glossary, topics."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # --- navigation ---
    "nav.warmup_library": {"fi": "Periaatteet, käsitteet ja kortit",
                           "en": "Ground rules, concepts and cards"},
    # --- form fields ---
    "field.warmup.principle": {"fi": "Periaate", "en": "Ground rule"},
    "field.warmup.reaction": {"fi": "Reaktio", "en": "Reaction"},
    "field.warmup.topic": {"fi": "Aihe", "en": "Topic"},
    "field.warmup.dots": {"fi": "Pisteet", "en": "Dots"},
    "field.warmup.dots_per_person": {"fi": "Pisteitä jokaiselle", "en": "Dots per person"},
    "field.warmup.max_per_topic": {"fi": "Enintään pisteitä yhdelle aiheelle",
                                   "en": "Most dots on one topic"},
    "field.warmup.deck": {"fi": "Korttipakka", "en": "Card deck"},
    "field.warmup.card_line": {"fi": "Miksi valitsit tämän kortin?",
                               "en": "Why did you pick this card?"},
    "field.warmup.card_title": {"fi": "Kortin nimi", "en": "Card title"},
    "field.warmup.card_alt": {"fi": "Kuvan kuvaus (vaihtoehtoinen teksti)",
                              "en": "Description of the picture (alt text)"},
    "field.warmup.card_file": {"fi": "Kuvatiedosto (PNG, JPEG tai SVG)",
                               "en": "Image file (PNG, JPEG or SVG)"},
    "field.warmup.term": {"fi": "Käsite", "en": "Term"},
    "field.warmup.definition": {"fi": "Määritelmä", "en": "Definition"},
    "field.warmup.proposal_kind": {"fi": "Mitä haluat tehdä?", "en": "What would you like to do?"},
    "field.warmup.proposal": {"fi": "Kirjoita tähän", "en": "Write here"},
    # --- shared ---
    "warmup.move_up": {"fi": "Ylös", "en": "Up"},
    "warmup.move_down": {"fi": "Alas", "en": "Down"},
    "warmup.move_up_help": {"fi": "Siirrä kohta {number} ylemmäs",
                            "en": "Move item {number} up"},
    "warmup.move_down_help": {"fi": "Siirrä kohta {number} alemmas",
                              "en": "Move item {number} down"},
    "warmup.group.client": {"fi": "asiakkaat", "en": "clients"},
    "warmup.group.worker": {"fi": "työntekijät", "en": "workers"},
    "warmup.group.other": {"fi": "muut", "en": "others"},
    # --- principles ---
    "warmup.principles.title": {"fi": "Yhteiset pelisäännöt", "en": "Our ground rules"},
    "warmup.principles.react_hint": {
        "fi": "Kerro jokaisesta kohdasta, oletko samaa mieltä vai haluatko keskustella siitä. "
        "Voit muuttaa valintaasi.",
        "en": "For each point, say whether you agree or would like to discuss it. You can "
        "change your choice.",
    },
    "warmup.principles.agreed": {"fi": "✓ Sovittu", "en": "✓ Agreed"},
    "warmup.principles.draft": {"fi": "Ehdotus", "en": "Proposal"},
    "warmup.principles.removed": {"fi": "poistettu listalta", "en": "taken off the list"},
    "warmup.principles.counts": {
        "fi": "samaa mieltä {agree} · haluaa keskustella {discuss}",
        "en": "agree {agree} · want to discuss {discuss}",
    },
    "warmup.principles.react.agree": {"fi": "✓ Samaa mieltä kohdasta {number}",
                                      "en": "✓ I agree with point {number}"},
    "warmup.principles.react.discuss": {"fi": "💬 Haluan keskustella kohdasta {number}",
                                        "en": "💬 I want to discuss point {number}"},
    "warmup.principles.chosen": {"fi": "(valittu)", "en": "(chosen)"},
    "warmup.principles.unreact": {"fi": "Peru valinta painamalla uudelleen.",
                                  "en": "Press again to take your choice back."},
    "warmup.principles.propose_label": {"fi": "Ehdota uutta periaatetta",
                                        "en": "Suggest a new ground rule"},
    "warmup.principles.propose_placeholder": {
        "fi": "Esimerkiksi: Pidämme tauon, kun joku sitä pyytää.",
        "en": "For example: We take a break when someone asks for one.",
    },
    "warmup.principles.propose": {"fi": "Lähetä ehdotus", "en": "Send suggestion"},
    "warmup.principles.console_title": {
        "fi": "Pelisäännöt: {agreed}/{total} sovittu",
        "en": "Ground rules: {agreed}/{total} agreed",
    },
    "warmup.principles.mark_agreed": {"fi": "Merkitse sovituksi", "en": "Mark agreed"},
    "warmup.principles.unmark_agreed": {"fi": "Peru sovittu", "en": "Undo agreed"},
    "warmup.principles.remove": {"fi": "Poista listalta", "en": "Take off the list"},
    "warmup.principles.restore": {"fi": "Palauta listalle", "en": "Put back on the list"},
    "warmup.principles.edit": {"fi": "Muokkaa sanamuotoa", "en": "Edit the wording"},
    "warmup.principles.add_label": {"fi": "Lisää periaate", "en": "Add a ground rule"},
    "warmup.principles.add": {"fi": "Lisää", "en": "Add"},
    "warmup.principles.agreed_heading": {"fi": "Näin olemme sopineet",
                                         "en": "What we have agreed"},
    "warmup.principles.draft_heading": {"fi": "Vielä keskusteltavana",
                                        "en": "Still to discuss"},
    # --- picture cards ---
    "warmup.cards.choose_heading": {"fi": "Valitse kortti", "en": "Choose a card"},
    "warmup.cards.choose": {"fi": "Valitse: {title}", "en": "Choose: {title}"},
    "warmup.cards.chosen": {"fi": "Valittu: {title}", "en": "Chosen: {title}"},
    "warmup.cards.your_card": {"fi": "Valitsemasi kortti: **{title}**",
                               "en": "Your card: **{title}**"},
    "warmup.cards.line_placeholder": {
        "fi": "Yksi lause riittää. Voit jättää tämän myös tyhjäksi.",
        "en": "One sentence is enough. You can also leave this empty.",
    },
    "warmup.cards.save_pick": {"fi": "Tallenna valinta", "en": "Save my choice"},
    "warmup.cards.save_change": {"fi": "Tallenna muutos", "en": "Save the change"},
    "warmup.cards.saved": {"fi": "Korttisi on tallennettu. Kiitos!",
                           "en": "Your card is saved. Thank you!"},
    "warmup.cards.untitled": {"fi": "Kortti {number}", "en": "Card {number}"},
    "warmup.cards.missing": {"fi": "Kuvaa ei voi näyttää.", "en": "The picture cannot be shown."},
    "warmup.cards.previous": {"fi": "Edelliset kortit", "en": "Previous cards"},
    "warmup.cards.next": {"fi": "Seuraavat kortit", "en": "Next cards"},
    "warmup.cards.page": {"fi": "Sivu {page}/{pages}", "en": "Page {page} of {pages}"},
    "warmup.cards.picks": {"fi": "Valitut kortit ({count})", "en": "Cards chosen ({count})"},
    "warmup.cards.deck.default": {"fi": "Sovelluksen kortit", "en": "The app's cards"},
    "warmup.cards.deck.workshop": {"fi": "Työpajan omat kortit", "en": "The workshop's own cards"},
    "warmup.cards.deck_empty": {
        "fi": "Työpajalla ei ole vielä omia kortteja, joten käytössä ovat sovelluksen kortit. "
        "Omat kortit lisätään sivulla Periaatteet, käsitteet ja kortit.",
        "en": "The workshop has no cards of its own yet, so the app's cards are used. Add your "
        "own on the page Ground rules, concepts and cards.",
    },
    # --- glossary ---
    "warmup.glossary.title": {"fi": "Yhteiset käsitteet", "en": "Shared concepts"},
    "warmup.glossary.agreed": {"fi": "✓ Sovittu määritelmä (versio {number})",
                               "en": "✓ Agreed definition (version {number})"},
    "warmup.glossary.starting": {
        "fi": "Aloitusmääritelmä: voitte muotoilla sen omin sanoin.",
        "en": "Starting definition: you can put it in your own words.",
    },
    "warmup.glossary.no_definition": {"fi": "Määritelmää ei ole vielä.",
                                      "en": "No definition yet."},
    "warmup.glossary.kind.wording": {"fi": "Ehdotus", "en": "Suggestion"},
    "warmup.glossary.kind.comment": {"fi": "Kommentti", "en": "Comment"},
    "warmup.glossary.kind_choice.wording": {"fi": "Ehdotan sanamuotoa",
                                            "en": "Suggest a wording"},
    "warmup.glossary.kind_choice.comment": {"fi": "Kommentoin", "en": "Comment"},
    "warmup.glossary.placeholder": {
        "fi": "Mitä sana sinulle tarkoittaa? Kerro omin sanoin.",
        "en": "What does the word mean to you? Say it in your own words.",
    },
    "warmup.glossary.console_title": {
        "fi": "Käsitteitä {count} · ehdotuksia ja kommentteja {proposals}",
        "en": "{count} concepts · {proposals} suggestions and comments",
    },
    "warmup.glossary.use_proposal": {"fi": "Käytä pohjana", "en": "Use as a starting point"},
    "warmup.glossary.record": {"fi": "Kirjaa sovittu määritelmä",
                               "en": "Record the agreed definition"},
    "warmup.glossary.save_agreed": {"fi": "Tallenna sovittuna", "en": "Save as agreed"},
    "warmup.glossary.remove": {"fi": "Poista sanastosta", "en": "Take out of the glossary"},
    "warmup.glossary.restore": {"fi": "Palauta sanastoon", "en": "Put back in the glossary"},
    "warmup.glossary.history": {"fi": "Aiemmat määritelmät ({count})",
                                "en": "Earlier definitions ({count})"},
    "warmup.glossary.version_agreed": {"fi": "sovittu", "en": "agreed"},
    "warmup.glossary.version_starting": {"fi": "aloitusmääritelmä", "en": "starting definition"},
    "warmup.glossary.add": {"fi": "Lisää käsite", "en": "Add a term"},
    "warmup.glossary.add_definition": {"fi": "Aloitusmääritelmä (vapaaehtoinen)",
                                       "en": "Starting definition (optional)"},
    "warmup.glossary.proposal_count": {"fi": "Ehdotuksia ja kommentteja: {count}",
                                       "en": "Suggestions and comments: {count}"},
    # --- topics ---
    "warmup.topics.new_label": {"fi": "Aihe, josta haluat puhua",
                                "en": "A topic you would like to talk about"},
    "warmup.topics.new_placeholder": {
        "fi": "Esimerkiksi: Miten apua saa illalla?",
        "en": "For example: How can I get help in the evening?",
    },
    "warmup.topics.submit": {"fi": "Lisää aihe", "en": "Add topic"},
    "warmup.topics.ranking": {"fi": "Aiheet pisteiden mukaan", "en": "Topics by dots"},
    "warmup.topics.dots_left": {
        "fi": "Sinulla on **{left}/{total}** pistettä jäljellä.",
        "en": "You have **{left} of {total}** dots left.",
    },
    "warmup.topics.rules": {
        "fi": "Voit antaa yhdelle aiheelle enintään {per_topic} pistettä. Voit siirtää "
        "pisteitäsi niin kauan kuin äänestys on auki.",
        "en": "You can give at most {per_topic} dots to one topic. You can move your dots "
        "while voting is open.",
    },
    "warmup.topics.none_yet": {"fi": "Aiheita ei ole vielä.", "en": "No topics yet."},
    "warmup.topics.dots": {"fi": "{count} p.", "en": "{count} dots"},
    "warmup.topics.my_dots": {"fi": "omat pisteesi {count}", "en": "your dots {count}"},
    "warmup.topics.add_dot": {"fi": "Anna piste aiheelle {rank}",
                              "en": "Give a dot to topic {rank}"},
    "warmup.topics.remove_dot": {"fi": "Poista piste aiheelta {rank}",
                                 "en": "Take a dot from topic {rank}"},
    "warmup.topics.earlier": {
        "fi": "Edellinen äänestys: tapaaminen {number}, {title}",
        "en": "Previous vote: meeting {number}, {title}",
    },
    "warmup.topics.settings": {
        "fi": "Äänestyksen asetukset: {dots} pistettä, enintään {per_topic} yhdelle aiheelle",
        "en": "Voting settings: {dots} dots, at most {per_topic} on one topic",
    },
    "warmup.topics.console_title": {
        "fi": "Aiheita {count} · pisteitä annettu {dots}",
        "en": "{count} topics · {dots} dots given",
    },
    "warmup.topics.merged_count": {"fi": "yhdistetty {count} aihetta",
                                   "en": "{count} topics merged in"},
    "warmup.topics.merge_heading": {"fi": "Yhdistä samanlaiset aiheet",
                                    "en": "Merge similar topics"},
    "warmup.topics.merge_help": {
        "fi": "Toisen aiheen pisteet siirtyvät säilytettävälle aiheelle. Jos jollakulla olisi "
        "silloin liikaa pisteitä samassa aiheessa, ylimääräiset palautuvat hänelle.",
        "en": "The dots of the other topic move to the topic you keep. If someone would then "
        "have too many dots on it, the extra ones go back to them.",
    },
    "warmup.topics.merge_duplicate": {"fi": "Yhdistettävä aihe", "en": "Topic to merge"},
    "warmup.topics.merge_keep": {"fi": "Säilytettävä aihe", "en": "Topic to keep"},
    "warmup.topics.merge": {"fi": "Yhdistä", "en": "Merge"},
    "warmup.topics.merged": {
        "fi": "Aiheet yhdistettiin. Pisteitä siirtyi {moved}, ja {returned} palautui "
        "osallistujille.",
        "en": "The topics were merged. {moved} dots moved and {returned} went back to "
        "participants.",
    },
    # --- library page ---
    "warmup.library.title": {"fi": "Periaatteet, käsitteet ja kortit",
                             "en": "Ground rules, concepts and cards"},
    "warmup.library.intro": {
        "fi": "Nämä kuuluvat koko työpajalle: kaikki, mitä tässä sovitaan, näkyy jokaisessa "
        "tapaamisessa.",
        "en": "These belong to the whole workshop: everything agreed here shows at every "
        "meeting.",
    },
    "warmup.library.tab_principles": {"fi": "Pelisäännöt", "en": "Ground rules"},
    "warmup.library.tab_glossary": {"fi": "Käsitteet", "en": "Concepts"},
    "warmup.library.tab_cards": {"fi": "Omat kuvakortit", "en": "Own picture cards"},
    "warmup.library.tab_topics": {"fi": "Aiheet", "en": "Topics"},
    "warmup.library.principles_help": {
        "fi": "Muokkaa, järjestä ja merkitse sovituiksi ne periaatteet, joista ryhmä on "
        "sopinut.",
        "en": "Edit, order and mark agreed the ground rules the group has agreed on.",
    },
    "warmup.library.glossary_help": {
        "fi": "Jokainen sovittu määritelmä tallentuu uutena versiona, ja aiemmat jäävät "
        "näkyviin.",
        "en": "Each agreed definition is saved as a new version, and earlier ones stay "
        "visible.",
    },
    "warmup.library.cards_help": {
        "fi": "Voit tehdä työpajalle oman korttipakan. Valitse sitten kuvakorttikohdassa "
        "ohjauspaneelista Työpajan omat kortit.",
        "en": "You can make the workshop its own card deck. Then choose The workshop's own "
        "cards for the picture-card item in the console.",
    },
    "warmup.library.topics_help": {
        "fi": "Kaikki työpajan aiheet ja niiden pisteet kaikista äänestyksistä yhteensä.",
        "en": "All the workshop's topics and their dots from every vote together.",
    },
    "warmup.library.upload_heading": {"fi": "Lisää kortti", "en": "Add a card"},
    "warmup.library.upload_help": {
        "fi": "PNG-, JPEG- tai SVG-kuva, enintään {max_kb} kt. Kirjoita kuvalle kuvaus, jotta "
        "myös ruudunlukijaa käyttävä tietää, mitä kortissa on.",
        "en": "A PNG, JPEG or SVG image, at most {max_kb} kB. Write a description so that "
        "people using a screen reader also know what the card shows.",
    },
    "warmup.library.alt_help": {
        "fi": "Kerro lyhyesti, mitä kuvassa näkyy. Esimerkiksi: Kaksi ihmistä istuu penkillä "
        "järven rannalla.",
        "en": "Say briefly what the picture shows. For example: Two people sit on a bench by "
        "a lake.",
    },
    "warmup.library.upload": {"fi": "Lisää kortti pakkaan", "en": "Add the card to the deck"},
    "warmup.library.no_file": {"fi": "Valitse ensin kuvatiedosto.",
                               "en": "Choose an image file first."},
    "warmup.library.uploaded": {"fi": "Kortti lisättiin pakkaan.",
                                "en": "The card was added to the deck."},
    "warmup.library.no_cards": {"fi": "Työpajalla ei ole vielä omia kortteja.",
                                "en": "The workshop has no cards of its own yet."},
    "warmup.library.edit_card": {"fi": "Muokkaa nimeä ja kuvausta",
                                 "en": "Edit title and description"},
    "warmup.library.card_removed": {"fi": "poistettu pakasta", "en": "taken out of the deck"},
    "warmup.library.remove_card": {"fi": "Poista pakasta", "en": "Take out of the deck"},
    "warmup.library.restore_card": {"fi": "Palauta pakkaan", "en": "Put back in the deck"},
    # --- errors ---
    "error.warmup.wrong_activity": {
        "fi": "Tämä ohjelmakohta on toista työskentelytapaa varten.",
        "en": "This agenda item is for another kind of activity.",
    },
    "error.warmup.principles_full": {
        "fi": "Periaatteita voi olla enintään {max}. Yhdistäkää tai poistakaa ensin jokin.",
        "en": "There can be at most {max} ground rules. Combine or remove one first.",
    },
    "error.warmup.principle_agreed": {
        "fi": "Tämä periaate on jo sovittu yhdessä, joten sitä voi muuttaa vain fasilitaattori.",
        "en": "This ground rule has already been agreed, so only the facilitator can change it.",
    },
    "error.warmup.principle_removed": {
        "fi": "Periaate on poistettu listalta. Palauta se ensin.",
        "en": "This ground rule was taken off the list. Put it back first.",
    },
    "error.warmup.dots_in_use": {
        "fi": "Joku on jo käyttänyt enemmän pisteitä kuin uusi raja sallisi. Nosta rajaa tai "
        "pyydä osallistujia siirtämään pisteitään ensin.",
        "en": "Someone has already used more dots than the new limit would allow. Raise the "
        "limit or ask participants to move their dots first.",
    },
    "error.warmup.topics_full": {
        "fi": "Aiheita voi olla enintään {max}. Yhdistä samankaltaisia aiheita ensin.",
        "en": "There can be at most {max} topics. Merge similar topics first.",
    },
    "error.warmup.topic_merged": {
        "fi": "Tämä aihe on yhdistetty toiseen aiheeseen. Anna pisteesi sille.",
        "en": "This topic was merged into another one. Give your dots to that one.",
    },
    "error.warmup.merge_same": {
        "fi": "Valitse kaksi eri aihetta.",
        "en": "Choose two different topics.",
    },
    "error.warmup.merge_into_hidden": {
        "fi": "Piilotettuun aiheeseen ei voi yhdistää. Palauta se ensin näkyviin.",
        "en": "You cannot merge into a hidden topic. Show it again first.",
    },
    "error.warmup.topic_dot_limit": {
        "fi": "Yhdelle aiheelle voi antaa enintään {max} pistettä.",
        "en": "You can give at most {max} dots to one topic.",
    },
    "error.warmup.no_dots_left": {
        "fi": "Olet jo käyttänyt kaikki {dots} pistettäsi. Poista piste jostain aiheesta, jos "
        "haluat antaa sen tälle.",
        "en": "You have already used all your {dots} dots. Take a dot off another topic if "
        "you want to give it to this one.",
    },
    "error.warmup.card_unknown": {
        "fi": "Korttia ei löytynyt tästä pakasta. Valitse kortti uudelleen.",
        "en": "That card is not in this deck. Please choose a card again.",
    },
    "error.warmup.card_too_large": {
        "fi": "Kuva on liian suuri (yli {max_kb} kt). Pienennä kuva esimerkiksi 1000 pikselin "
        "levyiseksi ja yritä uudelleen.",
        "en": "The image is too large (over {max_kb} kB). Make it smaller, for example 1000 "
        "pixels wide, and try again.",
    },
    "error.warmup.deck_full": {
        "fi": "Pakassa voi olla enintään {max} korttia. Poista ensin jokin kortti.",
        "en": "A deck can have at most {max} cards. Remove a card first.",
    },
    "error.warmup.term_exists": {
        "fi": "Sanastossa on jo tämä käsite.",
        "en": "The glossary already has this term.",
    },
    "error.warmup.glossary_full": {
        "fi": "Sanastossa voi olla enintään {max} käsitettä.",
        "en": "The glossary can have at most {max} terms.",
    },
    "error.warmup.concept_removed": {
        "fi": "Käsite on poistettu sanastosta. Palauta se ensin.",
        "en": "This term was taken out of the glossary. Put it back first.",
    },
}
