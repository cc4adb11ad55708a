"""User-interface texts and domain error messages, Finnish first. Placeholders use {name}."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # --- navigation ---
    "nav.join": {"fi": "Liity", "en": "Join"},
    "nav.login": {"fi": "Fasilitaattorit", "en": "Facilitators"},
    "nav.workshops": {"fi": "Työpajat", "en": "Workshops"},
    "nav.plan": {"fi": "Tapaamisten suunnittelu", "en": "Meeting plan"},
    "nav.console": {"fi": "Ohjauspaneeli", "en": "Console"},
    "nav.projector": {"fi": "Valkokangas", "en": "Projector"},
    "nav.account": {"fi": "Oma tili", "en": "My account"},
    "nav.participate": {"fi": "Osallistu", "en": "Take part"},
    "nav.section.workshop": {"fi": "Työpaja", "en": "Workshop"},
    "nav.section.meeting": {"fi": "Tapaaminen", "en": "Meeting"},
    "nav.section.work": {"fi": "Työskentely", "en": "Work"},
    "nav.section.results": {"fi": "Tulokset", "en": "Results"},
    "nav.section.account": {"fi": "Tili", "en": "Account"},
    # --- general labels and actions ---
    "label.language": {"fi": "Kieli", "en": "Language"},
    "label.facilitator": {"fi": "Fasilitaattori", "en": "Facilitator"},
    "label.meeting_number": {"fi": "Tapaaminen {number}", "en": "Meeting {number}"},
    "label.minutes": {"fi": "{minutes} min", "en": "{minutes} min"},
    "label.status": {"fi": "Tila", "en": "Status"},
    "action.save": {"fi": "Tallenna", "en": "Save"},
    "action.withdraw": {"fi": "Peru oma vastaus", "en": "Withdraw my contribution"},
    "language.fi": {"fi": "suomi", "en": "Finnish"},
    "language.en": {"fi": "englanti", "en": "English"},
    "status.planned": {"fi": "suunniteltu", "en": "planned"},
    "status.open": {"fi": "käynnissä", "en": "open"},
    "status.closed": {"fi": "päättynyt", "en": "closed"},
    "facilitator_role.owner": {"fi": "omistaja", "en": "owner"},
    "facilitator_role.facilitator": {"fi": "fasilitaattori", "en": "facilitator"},
    # --- form fields ---
    "field.username": {"fi": "Käyttäjätunnus", "en": "Username"},
    "field.password": {"fi": "Salasana", "en": "Password"},
    "field.password_again": {"fi": "Salasana uudelleen", "en": "Password again"},
    "field.display_name": {"fi": "Nimi tai nimimerkki", "en": "Name or nickname"},
    "field.role": {"fi": "Osallistun roolissa", "en": "I take part as"},
    "field.join_code": {"fi": "Osallistumiskoodi", "en": "Join code"},
    "field.language": {"fi": "Kieli", "en": "Language"},
    "field.workshop_name": {"fi": "Työpajan nimi", "en": "Workshop name"},
    "field.theme": {"fi": "Teema", "en": "Theme"},
    "field.organisation": {"fi": "Organisaatio", "en": "Organisation"},
    "field.description": {"fi": "Kuvaus", "en": "Description"},
    "field.meeting_title": {"fi": "Tapaamisen otsikko", "en": "Meeting title"},
    "field.date": {"fi": "Päivämäärä", "en": "Date"},
    "field.start_time": {"fi": "Alkamisaika", "en": "Start time"},
    "field.phase": {"fi": "Vaihe", "en": "Phase"},
    "field.duration": {"fi": "Kesto (min)", "en": "Duration (min)"},
    "field.item_title": {"fi": "Ohjelmakohdan otsikko", "en": "Agenda item title"},
    "field.activity_type": {"fi": "Työskentelytapa", "en": "Activity"},
    "field.instructions": {"fi": "Ohje osallistujille", "en": "Instructions for participants"},
    "field.note": {"fi": "Kirjoita tähän", "en": "Write here"},
    # --- join page ---
    "join.title": {"fi": "Tervetuloa mukaan", "en": "Welcome"},
    "join.intro": {
        "fi": "Liity työpajaan koodilla, jonka fasilitaattori näyttää. Tunnuksia ei tarvita.",
        "en": "Join the workshop with the code the facilitator shows. No account is needed.",
    },
    "join.code_help": {
        "fi": "Kuusi merkkiä, esimerkiksi K7P2QD. Isoilla ja pienillä kirjaimilla ei ole väliä.",
        "en": "Six characters, for example K7P2QD. Upper or lower case does not matter.",
    },
    "join.link_ready": {
        "fi": "Liittymislinkki on valmiina. Kerro vielä nimesi ja roolisi.",
        "en": "Your join link is ready. Just tell us your name and role.",
    },
    "join.name_help": {
        "fi": "Voit käyttää myös nimimerkkiä. Muut osallistujat näkevät yleensä vain roolisi.",
        "en": "A nickname is fine. Other participants usually see only your role.",
    },
    "join.submit": {"fi": "Liity", "en": "Join"},
    "join.facilitator_link": {"fi": "Fasilitaattorin kirjautuminen", "en": "Facilitator login"},
    # --- login ---
    "login.title": {"fi": "Fasilitaattorin kirjautuminen", "en": "Facilitator login"},
    "login.first_run": {
        "fi": "Tämä on uusi asennus. Luo ensimmäinen fasilitaattorin tili.",
        "en": "This is a new installation. Create the first facilitator account.",
    },
    "login.username_help": {
        "fi": "Pienet kirjaimet, numerot, piste, viiva tai alaviiva.",
        "en": "Lower-case letters, digits, dot, dash or underscore.",
    },
    "login.password_help": {
        "fi": "Vähintään {min} merkkiä.",
        "en": "At least {min} characters.",
    },
    "login.create_account": {"fi": "Luo tili", "en": "Create account"},
    "login.submit": {"fi": "Kirjaudu", "en": "Log in"},
    # --- account ---
    "account.title": {"fi": "Oma tili", "en": "My account"},
    "account.signed_in_as": {
        "fi": "Olet kirjautunut: {name} ({username})",
        "en": "Signed in as {name} ({username})",
    },
    "account.language_hint": {
        "fi": "Kielivalinta on sivupalkissa, ja se muistetaan seuraavalla kerralla.",
        "en": "The language choice is in the sidebar and is remembered next time.",
    },
    "account.logout": {"fi": "Kirjaudu ulos", "en": "Log out"},
    # --- workshops ---
    "workshops.title": {"fi": "Työpajat", "en": "Workshops"},
    "workshops.choose": {"fi": "Valitse työpaja", "en": "Choose a workshop"},
    "workshops.none_yet": {
        "fi": "Sinulla ei ole vielä työpajoja. Luo ensimmäinen alla.",
        "en": "You have no workshops yet. Create the first one below.",
    },
    "workshops.create": {"fi": "Luo uusi työpaja", "en": "Create a new workshop"},
    "workshops.created": {"fi": "Työpaja {name} luotiin.", "en": "Workshop {name} was created."},
    "workshops.edit": {"fi": "Muokkaa työpajan tietoja", "en": "Edit workshop details"},
    "workshops.saved": {"fi": "Tiedot tallennettiin.", "en": "Details saved."},
    "workshops.share": {"fi": "Fasilitaattorit", "en": "Facilitators"},
    "workshops.invite": {"fi": "Lisää fasilitaattori", "en": "Add facilitator"},
    "workshops.invited": {
        "fi": "{username} voi nyt fasilitoida tätä työpajaa.",
        "en": "{username} can now facilitate this workshop.",
    },
    "workshops.language_help": {
        "fi": "Muistioiden ja mallikuvauksen kieli.",
        "en": "Language of the memos and the model description.",
    },
    "workshops.go_plan": {"fi": "Suunnittele tapaamiset", "en": "Plan the meetings"},
    "workshops.go_console": {"fi": "Avaa ohjauspaneeli", "en": "Open the console"},
    # --- meeting plan ---
    "plan.title": {"fi": "Tapaamisten suunnittelu", "en": "Meeting plan"},
    "plan.new_meeting": {"fi": "Uusi tapaaminen", "en": "New meeting"},
    "plan.meeting_created": {
        "fi": "Tapaaminen {number} lisättiin.",
        "en": "Meeting {number} was added.",
    },
    "plan.meetings": {"fi": "Tapaamiset", "en": "Meetings"},
    "plan.starts_at": {"fi": "Alkaa klo {time}", "en": "Starts at {time}"},
    "plan.over_time": {
        "fi": "Ohjelmaa on {planned} min, mutta tapaaminen kestää {length} min.",
        "en": "The agenda takes {planned} min but the meeting lasts {length} min.",
    },
    "plan.time_used": {
        "fi": "Ohjelmaa {planned} / {length} min.",
        "en": "Agenda {planned} / {length} min.",
    },
    "plan.edit_meeting": {"fi": "Muokkaa tapaamista", "en": "Edit meeting"},
    "plan.saved": {"fi": "Tallennettu.", "en": "Saved."},
    "plan.agenda": {"fi": "Ohjelma", "en": "Agenda"},
    "plan.move_up": {"fi": "Siirrä ylös: {title}", "en": "Move up: {title}"},
    "plan.move_down": {"fi": "Siirrä alas: {title}", "en": "Move down: {title}"},
    "plan.remove": {"fi": "Poista: {title}", "en": "Remove: {title}"},
    "plan.add_item": {"fi": "Lisää ohjelmakohta", "en": "Add agenda item"},
    "plan.item_added": {"fi": "Lisättiin: {title}", "en": "Added: {title}"},
    "plan.delete_meeting": {"fi": "Poista tapaaminen", "en": "Delete meeting"},
    "plan.delete_warning": {
        "fi": "Tapaaminen ja kaikki siinä tuotettu aineisto poistetaan pysyvästi.",
        "en": "The meeting and everything produced in it will be deleted for good.",
    },
    "plan.delete_confirm": {"fi": "Poista pysyvästi", "en": "Delete for good"},
    "plan.deleted": {"fi": "Tapaaminen poistettiin.", "en": "The meeting was deleted."},
    # --- console ---
    "console.title": {"fi": "Ohjauspaneeli", "en": "Console"},
    "console.meeting": {"fi": "Tapaaminen", "en": "Meeting"},
    "console.no_meetings": {
        "fi": "Työpajalla ei ole vielä tapaamisia. Suunnittele ensin tapaaminen.",
        "en": "This workshop has no meetings yet. Plan a meeting first.",
    },
    "console.open_meeting": {
        "fi": "Avaa tapaaminen osallistujille",
        "en": "Open the meeting to participants",
    },
    "console.close_meeting": {"fi": "Päätä tapaaminen", "en": "Close the meeting"},
    "console.join_code": {"fi": "Osallistumiskoodi: **{code}**", "en": "Join code: **{code}**"},
    "console.qr_alt": {
        "fi": "QR-koodi, joka avaa liittymissivun. Koodi: {code}",
        "en": "QR code that opens the join page. Code: {code}",
    },
    "console.open_projector": {"fi": "Avaa valkokangasnäkymä", "en": "Open the projector view"},
    "console.empty_agenda": {"fi": "Ohjelma on tyhjä.", "en": "The agenda is empty."},
    "console.current": {"fi": "Nyt menossa", "en": "Now"},
    "console.make_current": {"fi": "Aloita tämä", "en": "Start this"},
    "console.open_contributions": {"fi": "Avaa vastaukset", "en": "Open contributions"},
    "console.close_contributions": {"fi": "Sulje vastaukset", "en": "Close contributions"},
    "console.show_names": {"fi": "Näytä nimet", "en": "Show names"},
    "console.hide_names": {"fi": "Piilota nimet", "en": "Hide names"},
    "console.timer": {"fi": "Aikaa jäljellä", "en": "Time left"},
    "console.present": {"fi": "Paikalla", "en": "Present"},
    "console.contributions": {
        "fi": "{title}: {count} vastausta",
        "en": "{title}: {count} contributions",
    },
    "console.hidden": {"fi": "piilotettu", "en": "hidden"},
    "console.show_all_notes": {
        "fi": "Näytä kaikki {count} (muuten uusimmat)",
        "en": "Show all {count} (otherwise the newest)",
    },
    "console.hide": {"fi": "Piilota", "en": "Hide"},
    "console.unhide": {"fi": "Palauta näkyviin", "en": "Show again"},
    # --- projector ---
    "projector.settings": {"fi": "Näkymän asetukset", "en": "View settings"},
    "projector.join_with_code": {"fi": "Liity koodilla", "en": "Join with the code"},
    "projector.join_hint": {
        "fi": "Avaa kehittamo-sivu puhelimella tai skannaa QR-koodi.",
        "en": "Open the Kehittämö page on your phone or scan the QR code.",
    },
    "projector.meeting_not_open": {
        "fi": "Tapaaminen ei ole vielä auki.",
        "en": "The meeting is not open yet.",
    },
    # --- participant ---
    "participate.you_are": {"fi": "Olet mukana: {name}, {role}", "en": "You are: {name}, {role}"},
    "participate.no_meeting": {
        "fi": "Tapaaminen ei ole nyt auki. Sivu päivittyy itsestään, kun se alkaa.",
        "en": "No meeting is open right now. This page updates by itself when it starts.",
    },
    "participate.keep_link": {
        "fi": "Tallenna tämän sivun osoite: sillä pääset takaisin omilla tiedoillasi.",
        "en": "Keep this page's address: it brings you back as yourself.",
    },
    "participate.waiting_for_activity": {
        "fi": "Odotetaan, että fasilitaattori aloittaa työskentelyn.",
        "en": "Waiting for the facilitator to start an activity.",
    },
    "participate.placeholder": {
        "fi": "Ajatuksesi, ideasi tai kommenttisi",
        "en": "Your thought, idea or comment",
    },
    "participate.send": {"fi": "Lähetä", "en": "Send"},
    "participate.saved": {"fi": "Tallennettu. Kiitos!", "en": "Saved. Thank you!"},
    "participate.contributions_closed": {
        "fi": "Vastaaminen ei ole nyt auki.",
        "en": "Contributions are not open now.",
    },
    "participate.unsent": {
        "fi": "Tämä jäi lähettämättä, voit kopioida sen talteen:",
        "en": "This was not sent; you can copy it:",
    },
    "participate.contributions": {"fi": "Vastaukset ({count})", "en": "Contributions ({count})"},
    "participate.mine": {"fi": "oma", "en": "mine"},
    "participate.edit_own": {"fi": "Muokkaa tai peru", "en": "Edit or withdraw"},
    "participate.own_contributions": {
        "fi": "Omat vastauksesi ({count})",
        "en": "Your contributions ({count})",
    },
    "participate.newest_shown": {
        "fi": "Alla muiden {shown} uusinta vastausta.",
        "en": "Below, the {shown} newest contributions of others.",
    },
    # --- errors ---
    "error.generic": {
        "fi": "Jokin meni vikaan. Yritä uudelleen.",
        "en": "Something went wrong. Please try again.",
    },
    "error.not_found": {
        "fi": "Tietoa ei löytynyt tai sinulla ei ole siihen pääsyä.",
        "en": "Not found, or you do not have access to it.",
    },
    "error.access_denied": {
        "fi": "Sinulla ei ole tähän oikeutta.",
        "en": "You are not allowed to do this.",
    },
    "error.invalid_input": {
        "fi": "Tieto ei kelpaa. Tarkista ja yritä uudelleen.",
        "en": "That input is not valid. Check it and try again.",
    },
    "error.conflict": {"fi": "Tieto on jo olemassa.", "en": "This already exists."},
    "error.stale_edit": {
        "fi": "Joku muu muutti tätä juuri. Tekstisi on tallessa lomakkeella: "
        "katso uusin versio ja tallenna uudelleen.",
        "en": "Someone else changed this just now. Your text is still in the form: "
        "look at the latest version and save again.",
    },
    "error.too_many_attempts": {
        "fi": "Liian monta yritystä. Odota {seconds} sekuntia ja yritä uudelleen.",
        "en": "Too many attempts. Wait {seconds} seconds and try again.",
    },
    "error.not_saved_try_again": {
        "fi": "Tallennus ei onnistunut juuri nyt. Tekstisi on tallessa: yritä hetken päästä "
        "uudelleen.",
        "en": "Could not save right now. Your text is kept: try again in a moment.",
    },
    "error.text.not_text": {"fi": "{field}: anna tekstiä.", "en": "{field}: please enter text."},
    "error.text.required": {"fi": "{field}: kenttä on tyhjä.", "en": "{field}: this is empty."},
    "error.text.one_line": {
        "fi": "{field}: kirjoita yhdelle riville.",
        "en": "{field}: please use a single line.",
    },
    "error.text.control_characters": {
        "fi": "{field}: tekstissä on näkymättömiä ohjausmerkkejä. Kirjoita teksti uudelleen "
        "tai liitä se ilman muotoiluja.",
        "en": "{field}: the text contains invisible control characters. Type it again or "
        "paste it without formatting.",
    },
    "error.text.too_long": {
        "fi": "{field}: teksti on liian pitkä ({length} merkkiä, enintään {max}).",
        "en": "{field}: the text is too long ({length} characters, at most {max}).",
    },
    "error.choice": {
        "fi": "{field}: valitse jokin vaihtoehdoista.",
        "en": "{field}: choose one of the options.",
    },
    "error.number.not_integer": {
        "fi": "{field}: anna kokonaisluku.",
        "en": "{field}: enter a whole number.",
    },
    "error.number.range": {
        "fi": "{field}: anna luku väliltä {min}–{max}.",
        "en": "{field}: enter a number from {min} to {max}.",
    },
    "error.date": {"fi": "Päivämäärä ei kelpaa.", "en": "The date is not valid."},
    "error.time": {"fi": "Kellonaika ei kelpaa.", "en": "The time is not valid."},
    "error.username": {
        "fi": "Käyttäjätunnuksessa voi olla 2–64 merkkiä: pieniä kirjaimia a–z, numeroita, "
        "pisteitä, viivoja ja alaviivoja.",
        "en": "A username has 2–64 characters: lower-case letters a–z, digits, dots, dashes "
        "and underscores.",
    },
    "error.username_taken": {
        "fi": "Käyttäjätunnus {username} on jo käytössä.",
        "en": "The username {username} is already taken.",
    },
    "error.user_unknown": {
        "fi": "Käyttäjää {username} ei löytynyt.",
        "en": "No user called {username}.",
    },
    "error.password.too_short": {
        "fi": "Salasanassa pitää olla vähintään {min} merkkiä.",
        "en": "The password needs at least {min} characters.",
    },
    "error.password.too_long": {
        "fi": "Salasana on liian pitkä (enintään {max} merkkiä).",
        "en": "The password is too long (at most {max} characters).",
    },
    "error.password.mismatch": {
        "fi": "Salasanat eivät täsmää.",
        "en": "The passwords do not match.",
    },
    "error.login_failed": {
        "fi": "Käyttäjätunnus tai salasana on väärin.",
        "en": "Wrong username or password.",
    },
    "error.first_account_exists": {
        "fi": "Ensimmäinen tili on jo luotu. Kirjaudu sisään.",
        "en": "The first account already exists. Please log in.",
    },
    "error.already_facilitator": {
        "fi": "{username} on jo tämän työpajan fasilitaattori.",
        "en": "{username} already facilitates this workshop.",
    },
    "error.owner_only": {
        "fi": "Vain työpajan omistaja voi tehdä tämän.",
        "en": "Only the workshop owner can do this.",
    },
    "error.agenda_full": {
        "fi": "Ohjelmassa voi olla enintään {max} kohtaa.",
        "en": "An agenda can have at most {max} items.",
    },
    "error.meeting_number_unknown": {
        "fi": "Tapaamista numero {number} ei ole.",
        "en": "There is no meeting number {number}.",
    },
    "error.meeting_open_cannot_delete": {
        "fi": "Käynnissä olevaa tapaamista ei voi poistaa. Päätä se ensin.",
        "en": "An open meeting cannot be deleted. Close it first.",
    },
    "error.other_meeting_open": {
        "fi": "Tapaaminen {number} on vielä auki. Päätä se ennen kuin avaat uuden.",
        "en": "Meeting {number} is still open. Close it before opening another.",
    },
    "error.no_free_code": {
        "fi": "Vapaata koodia ei löytynyt. Yritä uudelleen.",
        "en": "No free code was found. Please try again.",
    },
    "error.try_again": {"fi": "Yritä uudelleen.", "en": "Please try again."},
    "error.meeting_not_open": {
        "fi": "Tapaaminen ei ole nyt auki.",
        "en": "The meeting is not open now.",
    },
    "error.meeting_closed": {
        "fi": "Tämä tapaaminen on päättynyt, joten linkki ei enää toimi. Kysy fasilitaattorilta "
        "uusi koodi.",
        "en": "This meeting has ended, so the link no longer works. Ask the facilitator for "
        "a new code.",
    },
    "error.code_format": {
        "fi": "Koodissa on {length} merkkiä: kirjaimia ja numeroita. Tarkista koodi.",
        "en": "The code has {length} characters: letters and digits. Check the code.",
    },
    "error.code_unknown": {
        "fi": "Koodilla ei löytynyt avointa tapaamista. Tarkista koodi valkokankaalta.",
        "en": "No open meeting has this code. Check the code on the screen.",
    },
    "error.link_unknown": {
        "fi": "Linkki ei ole voimassa. Liity koodilla, jonka fasilitaattori näyttää.",
        "en": "This link is not valid. Join with the code the facilitator shows.",
    },
    "error.participant_unknown": {
        "fi": "Osallistujaa ei löytynyt. Liity uudelleen koodilla.",
        "en": "Participant not found. Please join again with the code.",
    },
    "error.role_required": {"fi": "Valitse roolisi.", "en": "Please choose your role."},
    "error.contributions_closed": {
        "fi": "Vastaaminen on suljettu. Tekstisi on yhä lomakkeella.",
        "en": "Contributions are closed. Your text is still in the form.",
    },
}
