"""Texts of the meeting memo's sections for phases 2–5: personas, service paths, causal maps,
prioritising, the waste workshop, Tuplatiimi, solution development and the model canvas
(``exports/memo_sections``). Field labels and choice names are reused from the features'
own catalogue modules; only memo wording lives here."""

from __future__ import annotations


def _m(fi: str, en: str) -> dict[str, str]:
    return {"fi": fi, "en": en}


MESSAGES: dict[str, dict[str, str]] = {
    # --- personas ---
    "memo.persona.agreed_current": _m("sovittu versio {version} (tämä teksti)",
                                      "agreed version {version} (this text)"),
    "memo.persona.agreed_older": _m(
        "sovittu versio on {agreed}; alla oleva teksti on myöhempi versio {version}",
        "the agreed version is {agreed}; the text below is the later version {version}"),
    "memo.persona.not_agreed": _m("sovittua versiota ei ole vielä merkitty",
                                  "no version marked as agreed yet"),
    "memo.persona.value_title": _m("Asiakkaan kokema arvo kolmessa osassa",
                                   "Customer value in three parts"),
    "memo.persona.value_part": _m("Arvon osa", "Part of the value"),
    "memo.persona.value_text": _m("Mitä se tälle persoonalle tarkoittaa",
                                  "What it means for this persona"),
    "memo.persona.reactions": _m("Reaktiot tässä kohdassa: 👍 {agree}, ❓ {question}",
                                 "Reactions in this item: 👍 {agree}, ❓ {question}"),
    "memo.persona.comments": _m("Kommentit tässä kohdassa ({count})",
                                "Comments in this item ({count})"),
    "memo.persona.see_item": _m(
        "Tämän tapaamisen {count} persoonaa on kuvattu kokonaan ohjelmakohdassa {number}.",
        "The {count} personas of this meeting are written out in full under item {number}."),
    "memo.persona.comment_round": _m(
        "Aiempien tapaamisten persoonat, joita tässä kommentoitiin ({count})",
        "Personas of earlier meetings commented on here ({count})"),
    # --- service paths ---
    "memo.path.counts": _m("Vaiheita {steps}, kriittisiä kohtia {critical}",
                           "Steps {steps}, critical points {critical}"),
    "memo.path.step": _m("Mitä tapahtuu", "What happens"),
    "memo.path.experience": _m("Kokemus (−2…+2)", "Experience (−2…+2)"),
    "memo.path.chart_alt": _m(
        "Asiakaspolun kaavio. {summary} Kuvassa on kokemuskäyrä ja toimijat vaiheittain; "
        "samat tiedot ovat taulukossa kuvan yllä.",
        "Journey chart. {summary} It shows the experience curve and the actors step by "
        "step; the table above the picture holds the same information."),
    "memo.path.workshop_paths": _m(
        "Tässä kohdassa ei kirjattu polkuja; alla ovat teemaryhmän polut nykyisellään.",
        "No path was written in this item; below are the theme group's paths as they stand."),
    # --- causal maps ---
    "memo.map.alt": _m(
        "Kausaalikartta {title}: {factors} tekijää ja {links} yhteyttä. Sininen nuoli ja + "
        "tarkoittavat samansuuntaista, oranssi nuoli ja − vastakkaista vaikutusta. Yhteydet "
        "on lueteltu taulukossa kuvan alla.",
        "Causal map {title}: {factors} factors and {links} links. A blue arrow with + means "
        "an effect in the same direction, an orange arrow with − the opposite. The links are "
        "listed in the table below the picture."),
    "memo.map.delay": _m("Viive", "Delay"),
    "memo.map.delayed": _m("kyllä", "yes"),
    "memo.map.more_loops": _m("…ja {count} pidempää silmukkaa lisää.",
                              "…and {count} longer loops more."),
    # --- prioritising ---
    "memo.prio.candidate": _m("Vaihtoehto", "Candidate"),
    "memo.prio.kind": _m("Laji", "Kind"),
    "memo.prio.dots": _m("{group}: pisteet", "{group}: dots"),
    "memo.prio.borda": _m("{group}: järjestyspisteet", "{group}: ranking points"),
    "memo.prio.matrix": _m("{group}: vaikutus / työmäärä", "{group}: impact / effort"),
    "memo.prio.matrix_cell": _m("{impact} / {effort} ({count} arviota)",
                                "{impact} / {effort} ({count} ratings)"),
    "memo.prio.top": _m("Kärki, {group}", "Top, {group}"),
    "memo.prio.decisions": _m("Mitä valinnasta seurasi", "What came of the choice"),
    "memo.prio.to_solution": _m(
        "{candidate} → ratkaisu {solution} (askel: {step}, tila: {status})",
        "{candidate} → solution {solution} (step: {step}, status: {status})"),
    "memo.prio.to_model": _m("Toimintamallin osa nojaa tähän äänestykseen: {element}",
                             "A part of the service model rests on this vote: {element}"),
    # --- waste workshop ---
    "memo.waste.count": _m("Löydettyjä hukkia {count}", "Waste found: {count}"),
    "memo.waste.what": _m("Mitä tapahtuu", "What happens"),
    "memo.waste.where": _m("Kohta polulla", "Where on the path"),
    "memo.waste.chosen": _m("Valinta", "Choice"),
    "memo.waste.chosen_mark": _m("valittu", "chosen"),
    "memo.waste.chosen_title": _m("Työstettäväksi valittu hukka", "Waste chosen to work on"),
    "memo.waste.none_chosen": _m("Työstettävää hukkaa ei ole vielä valittu.",
                                 "No waste has been chosen to work on yet."),
    "memo.waste.own_category": _m("Ryhmän oma laji", "The group's own type"),
    # --- Tuplatiimi ---
    "memo.tt.counts": _m("Ideoita kirjoitettiin {ideas} ({writers} kirjoittajaa), pareja {pairs}",
                         "Ideas written: {ideas} (by {writers} people), pairs: {pairs}"),
    "memo.tt.picks": _m("Parien valitsemat ideat ja niiden saamat merkit",
                        "The pairs' picks and the marks they got"),
    "memo.tt.pair": _m("Pari", "Pair"),
    "memo.tt.pair_number": _m("Pari {number}", "Pair {number}"),
    "memo.tt.themes": _m("Teemat ja toimintasuunnitelmat", "Themes and action plans"),
    "memo.tt.theme_ideas": _m("Teeman {theme} ideat", "Ideas in the theme {theme}"),
    # --- solution development ---
    "memo.solution.current_step": _m("Nyt menossa", "Now at"),
    "memo.solution.now": _m("nyt", "now"),
    "memo.solution.comments": _m("Kommentit ja ideat tässä kohdassa ({count})",
                                 "Comments and ideas in this item ({count})"),
    "memo.solution.board": _m(
        "Mitään ratkaisua ei nostettu tässä käsittelyyn; alla ovat teemaryhmän ratkaisut "
        "nykyisellään.",
        "No solution was put in focus here; below are the theme group's solutions as they "
        "stand."),
    # --- model canvas ---
    "memo.canvas.version_heading": _m("{name}, versio {number}", "{name}, version {number}"),
    "memo.canvas.draft_heading": _m("{name}, luonnos", "{name}, draft"),
    "memo.canvas.published": _m("Julkaistu ryhmälle {date} tämän tapaamisen jälkeen.",
                                "Published to the group on {date} after this meeting."),
    "memo.canvas.draft_note": _m(
        "Tästä tapaamisesta ei ole julkaistua versiota; alla on luonnoksen nykyinen sisältö.",
        "No version was published from this meeting; below is the draft as it stands."),
    "memo.canvas.answered": _m("Versio vastaa {count} kommenttiin.",
                               "This version answers {count} comments."),
    "memo.canvas.section": _m("Mallin osa-alue", "Part of the model"),
    "memo.canvas.parts": _m("Sisältö", "Contents"),
    "memo.canvas.empty": _m("Mallipohjassa ei ole vielä sisältöä.",
                            "The canvas has no content yet."),
    "memo.canvas.comments": _m("Kommentit tässä kohdassa ({count})",
                               "Comments in this item ({count})"),
    "memo.canvas.comment_line": _m("{name}, versio {number}: {text}",
                                   "{name}, version {number}: {text}"),
}
