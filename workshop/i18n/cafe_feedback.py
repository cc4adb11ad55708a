"""Texts of the learning café and of meeting feedback (forms, results, charts, errors).

The café's default questions, the default feedback questions, the 1–5 scale end labels and
the respondent group names live with the method content (``workshop.content.methods``).
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # --- navigation and fields ---
    "nav.feedback_results": {"fi": "Palautteen tulokset", "en": "Feedback results"},
    "field.cafe_question": {"fi": "Pisteen kysymys", "en": "Station question"},
    "field.cafe_summary": {"fi": "Pisteen yhteenveto", "en": "Station summary"},
    "field.cafe_host": {"fi": "Pisteen vetäjä", "en": "Station host"},
    "field.feedback_question": {"fi": "Kysymys", "en": "Question"},
    "field.feedback_kind": {"fi": "Vastaustapa", "en": "Answer type"},
    "field.feedback_score": {"fi": "Arvio 1–5", "en": "Rating 1–5"},
    "field.feedback_answer": {"fi": "Kirjoitettu vastaus", "en": "Written answer"},
    # --- errors ---
    "error.cafe.not_a_cafe": {
        "fi": "Tämä ohjelmakohta ei ole learning café.",
        "en": "This agenda item is not a learning café.",
    },
    "error.cafe.not_set_up": {
        "fi": "Kahvilaa ei ole vielä aloitettu.", "en": "The café has not been started yet.",
    },
    "error.cafe.too_many_stations": {
        "fi": "Pisteitä voi olla enintään {max}.", "en": "There can be at most {max} stations.",
    },
    "error.cafe.station_has_notes": {
        "fi": "Pisteellä on jo muistiinpanoja, joten sitä ei poisteta.",
        "en": "The station already has notes, so it is not removed.",
    },
    "error.cafe.no_stations": {
        "fi": "Lisää ensin vähintään yksi piste.", "en": "Add at least one station first.",
    },
    "error.cafe.wrong_round": {
        "fi": "Kierros on jo vaihtunut. Tarkista, millä pisteellä olet nyt.",
        "en": "The round has changed. Check which station you are at now.",
    },
    "error.cafe.finished": {
        "fi": "Kahvila on päättynyt, eikä uusia muistiinpanoja enää oteta vastaan.",
        "en": "The café has ended and takes no new notes.",
    },
    "error.cafe.no_group": {
        "fi": "Et ole vielä missään ryhmässä. Odota, että ryhmät muodostetaan.",
        "en": "You are not in a group yet. Wait for the groups to be formed.",
    },
    "error.cafe.not_your_station": {
        "fi": "Ryhmäsi ei ollut tällä pisteellä sillä kierroksella.",
        "en": "Your group was not at this station in that round.",
    },
    "error.cafe.not_host": {
        "fi": "Vain pisteen vetäjä kirjoittaa yhteenvedon.",
        "en": "Only the station host writes the summary.",
    },
    "error.feedback.too_many_questions": {
        "fi": "Lomakkeessa voi olla enintään {max} kysymystä.",
        "en": "The form can have at most {max} questions.",
    },
    "error.feedback.question_retired": {
        "fi": "Kysymys on poistettu lomakkeelta.", "en": "The question has been removed.",
    },
    "error.feedback.questions_changed": {
        "fi": "Lomakkeen kysymykset muuttuivat. Tarkista vastauksesi ja lähetä uudelleen.",
        "en": "The questions changed. Check your answers and send again.",
    },
    "error.feedback.empty": {
        "fi": "Vastaa ainakin yhteen kysymykseen.", "en": "Answer at least one question.",
    },
    "error.feedback.not_a_feedback_item": {
        "fi": "Tämä ohjelmakohta ei ole palautekysely.",
        "en": "This agenda item is not a feedback form.",
    },
    # --- learning café: participant ---
    "cafe.waiting": {
        "fi": "Odota hetki: ryhmät ja pisteet ovat vielä muodostumassa.",
        "en": "Wait a moment: the groups and stations are still being set up.",
    },
    "cafe.round_of": {"fi": "Kierros {round}/{rounds}", "en": "Round {round} of {rounds}"},
    "cafe.station_number": {"fi": "Piste {number}", "en": "Station {number}"},
    "cafe.you_are_at": {
        "fi": "Ryhmäsi on nyt pisteellä {number}:", "en": "Your group is now at station {number}:",
    },
    "cafe.you_host": {"fi": "Olet pisteen {number} vetäjä:", "en": "You host station {number}:"},
    "cafe.host_hint": {
        "fi": "Pysy pisteelläsi. Kerro uudelle ryhmälle lyhyesti, mitä aiemmat ryhmät "
              "sanoivat, ja kirjoita lopuksi yhteenveto.",
        "en": "Stay at your station. Tell each new group briefly what the earlier groups "
              "said, and write a summary at the end.",
    },
    "cafe.write_note": {"fi": "Kirjaa ryhmän ajatus", "en": "Write down your group's thought"},
    "cafe.note_placeholder": {
        "fi": "Yksi ajatus kerrallaan. Saat jatkaa aiempien ryhmien ajatuksista.",
        "en": "One thought at a time. You may build on what earlier groups wrote.",
    },
    "cafe.notes_here": {
        "fi": "Tällä pisteellä kirjattu ({count})", "en": "Written at this station ({count})",
    },
    "cafe.no_notes_yet": {
        "fi": "Tällä pisteellä ei ole vielä muistiinpanoja.",
        "en": "Nothing has been written at this station yet.",
    },
    "cafe.note_meta": {"fi": "Kierros {round} · {group}", "en": "Round {round} · {group}"},
    "cafe.no_group_label": {"fi": "ei ryhmää", "en": "no group"},
    "cafe.summary": {"fi": "Yhteenveto", "en": "Summary"},
    "cafe.summary_saved": {"fi": "Yhteenveto tallennettu.", "en": "Summary saved."},
    "cafe.no_summary": {"fi": "Yhteenvetoa ei ole vielä kirjoitettu.",
                        "en": "No summary has been written yet."},
    "cafe.finished": {
        "fi": "Kahvila on päättynyt. Kiitos! Tässä pisteiden yhteenvedot.",
        "en": "The café has ended. Thank you! Here are the stations' summaries.",
    },
    # --- learning café: console and projector ---
    "cafe.next_round": {"fi": "Seuraava kierros", "en": "Next round"},
    "cafe.finish": {"fi": "Päätä kahvila", "en": "End the café"},
    "cafe.previous_round": {"fi": "Edellinen kierros", "en": "Previous round"},
    "cafe.ended": {"fi": "Kahvila on päättynyt.", "en": "The café has ended."},
    "cafe.where_groups_are": {"fi": "Ryhmät pisteillä", "en": "Where the groups are"},
    "cafe.group_at_station": {
        "fi": "{group} ({members} hlö) → piste {number}",
        "en": "{group} ({members} people) → station {number}",
    },
    "cafe.groups_at_station": {"fi": "Paikalla: {groups}", "en": "Here now: {groups}"},
    "cafe.no_group_here": {"fi": "Ei ryhmää tällä kierroksella", "en": "No group this round"},
    "cafe.no_groups": {
        "fi": "Muodosta ryhmät: ihanteellisesti yhtä monta ryhmää kuin pisteitä.",
        "en": "Form the groups: ideally as many groups as there are stations.",
    },
    "cafe.shared_stations": {
        "fi": "Ryhmiä on enemmän kuin pisteitä, joten osa ryhmistä on samalla pisteellä.",
        "en": "There are more groups than stations, so some groups share a station.",
    },
    "cafe.stations": {"fi": "Pisteet, kysymykset ja vetäjät",
                      "en": "Stations, questions and hosts"},
    "cafe.add_station": {"fi": "Lisää piste", "en": "Add a station"},
    "cafe.remove_station": {"fi": "Poista piste", "en": "Remove station"},
    "cafe.move_up": {"fi": "Siirrä ylös", "en": "Move up"},
    "cafe.move_down": {"fi": "Siirrä alas", "en": "Move down"},
    "cafe.no_host": {"fi": "ei vetäjää", "en": "no host"},
    "cafe.host_label": {"fi": "Vetäjä: {host}", "en": "Host: {host}"},
    "cafe.projector_starting": {
        "fi": "Learning café alkaa pian.", "en": "The learning café starts soon.",
    },
    "cafe.summaries": {"fi": "Pisteiden yhteenvedot", "en": "The stations' summaries"},
    "cafe.note_count": {"fi": "{count} muistiinpanoa", "en": "{count} notes"},
    # --- feedback: participant ---
    "feedback.intro": {
        "fi": "Vastaaminen on vapaaehtoista, ja vastauksesi näkyvät vain yhteenvetona.",
        "en": "Answering is voluntary, and your answers are only shown as part of a summary.",
    },
    "feedback.already_answered": {
        "fi": "Olet jo vastannut. Voit muuttaa vastauksiasi, kunnes kysely suljetaan.",
        "en": "You have already answered. You can change your answers until the form closes.",
    },
    "feedback.scale_option": {"fi": "{value} – {label}", "en": "{value} – {label}"},
    "feedback.send": {"fi": "Lähetä palaute", "en": "Send feedback"},
    "feedback.thanks": {"fi": "Kiitos palautteesta!", "en": "Thank you for your feedback!"},
    "feedback.no_questions": {
        "fi": "Lomakkeessa ei ole kysymyksiä.", "en": "The form has no questions.",
    },
    # --- feedback: results ---
    "feedback.suppressed": {
        "fi": "alle 3 vastausta: ei näytetä", "en": "fewer than 3 answers: not shown",
    },
    "feedback.suppressed_long": {
        "fi": "Alle 3 vastausta: ei näytetä, jotta kenenkään vastaukset eivät tunnistu.",
        "en": "Fewer than 3 answers: not shown, so that nobody's answers can be recognised.",
    },
    "feedback.answers_so_far": {"fi": "Vastanneita", "en": "Answered"},
    "feedback.count_or_few": {"fi": "alle 3", "en": "fewer than 3"},
    "feedback.respondents": {"fi": "{count} vastaajaa", "en": "{count} respondents"},
    "feedback.answer_now": {
        "fi": "Vastaa palautekyselyyn puhelimellasi.",
        "en": "Answer the feedback form on your phone.",
    },
    "feedback.open_results": {"fi": "Avaa palautteen tulokset", "en": "Open the feedback results"},
    "feedback.results_title": {"fi": "Palautteen tulokset", "en": "Feedback results"},
    "feedback.tab_meeting": {"fi": "Tämä tapaaminen", "en": "This meeting"},
    "feedback.tab_all": {"fi": "Kaikki tapaamiset", "en": "All meetings"},
    "feedback.tab_questions": {"fi": "Kysymykset", "en": "Questions"},
    "feedback.side_by_side": {
        "fi": "Asiakkaiden, työntekijöiden ja muiden vastaukset esitetään rinnakkain, "
              "ei koskaan yhteen laskettuina.",
        "en": "Clients', workers' and others' answers are shown side by side, never added "
              "together.",
    },
    "feedback.column_question": {"fi": "Kysymys", "en": "Question"},
    "feedback.column_mean": {"fi": "Keskiarvo", "en": "Average"},
    "feedback.column_answers": {"fi": "Vastauksia", "en": "Answers"},
    "feedback.column_spread": {"fi": "Jakauma 1–5", "en": "Spread 1–5"},
    "feedback.column_meeting": {"fi": "Tapaaminen", "en": "Meeting"},
    "feedback.written": {"fi": "Kirjoitetut vastaukset", "en": "Written answers"},
    "feedback.no_written": {"fi": "Ei kirjoitettuja vastauksia.", "en": "No written answers."},
    "feedback.no_answers": {
        "fi": "Ei vielä näytettävää: jokaisessa ryhmässä on alle 3 vastausta.",
        "en": "Nothing to show yet: every group has fewer than 3 answers.",
    },
    "feedback.no_meetings": {
        "fi": "Palautetta ei ole vielä kerätty.", "en": "No feedback has been collected yet.",
    },
    "feedback.overall": {"fi": "Kaikki tapaamiset yhteensä", "en": "All meetings together"},
    "feedback.overall_note": {
        "fi": "Mukana ovat vain tapaamiset ja kysymykset, joiden tulos näytetään omanaan "
              "(vähintään 3 vastausta), jotta piilotettuja tuloksia ei voi päätellä.",
        "en": "Only meetings and questions whose own result is shown (at least 3 answers) are "
              "included, so that hidden results cannot be worked out.",
    },
    "feedback.overall_meetings": {
        "fi": "{meetings} tapaamista, {respondents} vastausta",
        "en": "{meetings} meetings, {respondents} responses",
    },
    "feedback.chart_as_text": {"fi": "Kaavio tekstinä", "en": "The chart as text"},
    "feedback.retired_mark": {"fi": "(poistettu lomakkeelta)", "en": "(removed from the form)"},
    # --- feedback: question editor ---
    "feedback.editor_help": {
        "fi": "Kysymykset ovat tämän työpajan omia. Kysymystä, johon on jo vastattu, ei "
              "poisteta eikä kirjoiteta uudelleen: se siirtyy pois lomakkeelta, ja "
              "muokattu sanamuoto tulee uutena kysymyksenä, jotta vanhat vastaukset "
              "säilyttävät merkityksensä.",
        "en": "The questions belong to this workshop. A question that already has answers is "
              "never deleted or rewritten: it is taken off the form, and a new wording becomes "
              "a new question, so that old answers keep their meaning.",
    },
    "feedback.kind.scale": {"fi": "Asteikko 1–5", "en": "Scale 1–5"},
    "feedback.kind.text": {"fi": "Kirjoitettu vastaus", "en": "Written answer"},
    "feedback.add_question": {"fi": "Lisää kysymys", "en": "Add a question"},
    "feedback.remove_question": {"fi": "Poista", "en": "Remove"},
    "feedback.restore_question": {"fi": "Palauta lomakkeelle", "en": "Put back on the form"},
    "feedback.edit_question": {"fi": "Muokkaa", "en": "Edit"},
    "feedback.retired_questions": {"fi": "Lomakkeelta poistetut kysymykset",
                                   "en": "Questions removed from the form"},
    "feedback.question_added": {"fi": "Kysymys lisätty.", "en": "Question added."},
    "feedback.question_saved": {"fi": "Kysymys tallennettu.", "en": "Question saved."},
    "feedback.question_removed": {"fi": "Kysymys poistettu.", "en": "Question removed."},
    "feedback.question_retired": {
        "fi": "Kysymykseen oli vastattu, joten se siirrettiin pois lomakkeelta.",
        "en": "The question had answers, so it was taken off the form.",
    },
    "feedback.has_answers": {"fi": "vastauksia on", "en": "has answers"},
    # --- charts and their text alternatives ---
    "feedback.chart.meeting_title": {
        "fi": "Palaute, tapaaminen {number}", "en": "Feedback, meeting {number}",
    },
    "feedback.chart.summary_title": {
        "fi": "Palaute tapaamisittain", "en": "Feedback meeting by meeting",
    },
    "feedback.chart.axis_mean": {
        "fi": "Keskiarvo (1 = täysin eri mieltä, 5 = täysin samaa mieltä)",
        "en": "Average (1 = strongly disagree, 5 = strongly agree)",
    },
    "feedback.chart.axis_mean_short": {"fi": "Keskiarvo (1–5)", "en": "Average (1–5)"},
    "feedback.chart.scale_note": {
        "fi": "1 = täysin eri mieltä, 5 = täysin samaa mieltä",
        "en": "1 = strongly disagree, 5 = strongly agree",
    },
    "feedback.chart.bar_text": {"fi": "{group} {mean} (n={count})",
                                "en": "{group} {mean} (n={count})"},
    "feedback.chart.no_results": {"fi": "Ei näytettäviä tuloksia", "en": "No results to show"},
    "feedback.chart.not_shown_note": {
        "fi": "Ei näytetä (alle 3 vastausta): {groups}",
        "en": "Not shown (fewer than 3 answers): {groups}",
    },
    "feedback.alt.meeting_intro": {
        "fi": "Tapaamisen {number} palaute: keskiarvot asteikolla {low} (täysin eri mieltä) – "
              "{high} (täysin samaa mieltä).",
        "en": "Feedback of meeting {number}: averages on a scale from {low} (strongly "
              "disagree) to {high} (strongly agree).",
    },
    "feedback.alt.group_shown": {
        "fi": "{group}, {count} vastaajaa: {items}.",
        "en": "{group}, {count} respondents: {items}.",
    },
    "feedback.alt.group_suppressed": {
        "fi": "{group}: alle 3 vastausta, ei näytetä.",
        "en": "{group}: fewer than 3 answers, not shown.",
    },
    "feedback.alt.item": {"fi": "”{question}” {mean}", "en": "“{question}” {mean}"},
    "feedback.alt.item_suppressed": {
        "fi": "”{question}” alle 3 vastausta", "en": "“{question}” fewer than 3 answers",
    },
    "feedback.alt.no_scale": {"fi": "ei asteikkokysymyksiä", "en": "no rating questions"},
    "feedback.alt.summary_intro": {
        "fi": "Palaute {count} tapaamisesta: asteikon {low}–{high} vastausten keskiarvo "
              "ryhmittäin.",
        "en": "Feedback from {count} meetings: the average of the {low}–{high} answers per "
              "group.",
    },
    "feedback.alt.summary_meeting": {"fi": "{meeting} {mean}", "en": "{meeting} {mean}"},
    "feedback.alt.summary_meeting_hidden": {
        "fi": "{meeting} ei näytetä (alle 3 vastausta)",
        "en": "{meeting} not shown (fewer than 3 answers)",
    },
    "feedback.alt.summary_group": {
        "fi": "{group}: {meetings}; kaikkiaan {mean} ({included} tapaamista).",
        "en": "{group}: {meetings}; overall {mean} ({included} meetings).",
    },
    "feedback.alt.summary_group_none": {
        "fi": "{group}: {meetings}; ei näytettävää kokonaistulosta.",
        "en": "{group}: {meetings}; no overall result to show.",
    },
    "feedback.alt.no_meetings": {"fi": "ei tapaamisia", "en": "no meetings"},
}
