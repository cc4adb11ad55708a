"""Texts of the service model canvas, traceability and evaluation (pages, charts, errors)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "nav.model_canvas": {"fi": "Toimintamalli", "en": "Service model"},
    "nav.evaluation": {"fi": "Arviointi", "en": "Evaluation"},
    # --- canvas page ---
    "canvas.title": {"fi": "Toimintamallin pohja", "en": "Service model canvas"},
    "canvas.choose_model": {"fi": "Toimintamalli", "en": "Service model"},
    "canvas.new_model": {"fi": "Uusi toimintamalli", "en": "New service model"},
    "canvas.new_model_help": {
        "fi": "Ryhmä voi rakentaa yhden tai useamman mallin, esimerkiksi alueen yhteisen mallin "
              "ja sen osamallit.",
        "en": "A group may build one or more models, for example a regional model and its "
              "component models.",
    },
    "canvas.model_created": {"fi": "Toimintamalli {name} luotiin.",
                             "en": "Service model {name} was created."},
    "canvas.no_models": {
        "fi": "Työpajalla ei ole vielä toimintamallia. Luo ensimmäinen yllä.",
        "en": "This workshop has no service model yet. Create the first one above.",
    },
    "canvas.tab.draft": {"fi": "Luonnos", "en": "Draft"},
    "canvas.tab.versions": {"fi": "Versiot ja kommentit", "en": "Versions and comments"},
    "canvas.tab.facts": {"fi": "Perustiedot", "en": "Basic facts"},
    "canvas.section": {"fi": "Osio", "en": "Section"},
    "canvas.empty_parts": {"fi": "Vielä tyhjänä: {parts}", "en": "Still empty: {parts}"},
    "canvas.add": {"fi": "Lisää: {kind}", "en": "Add: {kind}"},
    "canvas.add_child": {"fi": "Lisää alle: {kind}", "en": "Add below: {kind}"},
    "canvas.element_added": {"fi": "Lisättiin: {kind}", "en": "Added: {kind}"},
    "canvas.required_fields": {"fi": "Pakolliset: {fields}", "en": "Required: {fields}"},
    "canvas.choose_element": {"fi": "Muokattava osa", "en": "Part to edit"},
    "canvas.editing": {"fi": "Muokkaa: {kind}", "en": "Edit: {kind}"},
    "canvas.saved": {"fi": "Tallennettu.", "en": "Saved."},
    "canvas.changed_meanwhile": {
        "fi": "Joku muu tallensi tämän sen jälkeen, kun aloitit muokkaamisen. Uusin versio "
              "näkyy yllä; tallentaminen ei korvaa sitä.",
        "en": "Someone else saved this after you started editing. The newest version is "
              "shown above; saving will not overwrite it.",
    },
    "canvas.load_latest": {"fi": "Ota uusin versio lomakkeelle", "en": "Load the newest version"},
    "canvas.move_up": {"fi": "Siirrä ylös", "en": "Move up"},
    "canvas.move_down": {"fi": "Siirrä alas", "en": "Move down"},
    "canvas.confirm_remove": {"fi": "Olen varma", "en": "I am sure"},
    "canvas.remove": {"fi": "Poista luonnoksesta", "en": "Remove from the draft"},
    "canvas.removed": {
        "fi": "Poistettu luonnoksesta. Julkaistut versiot säilyvät ennallaan.",
        "en": "Removed from the draft. Published versions stay as they were.",
    },
    "canvas.headcount_help": {
        "fi": "Henkilötyövuosina, esimerkiksi 6 tai 0,5.",
        "en": "In full-time equivalents, for example 6 or 0.5.",
    },
    "canvas.months_value": {"fi": "{months} kk", "en": "{months} months"},
    "canvas.came_from": {"fi": "Lähtöisin: {links}", "en": "Came from: {links}"},
    "canvas.links": {"fi": "Mistä tämä on peräisin?", "en": "Where does this come from?"},
    "canvas.links_help": {
        "fi": "Linkitä osa niihin työpajan tuotoksiin, joista se syntyi: persoonat, polun "
              "vaiheet, kriittiset kohdat, syy-seuraustekijät, äänestykset, aiheet, kahvilan "
              "muistiinpanot...",
        "en": "Link the part to the workshop outputs it grew from: personas, path steps, "
              "critical points, causal factors, votes, topics, café notes...",
    },
    "canvas.no_links": {"fi": "Ei linkkejä vielä.", "en": "No links yet."},
    "canvas.link_type": {"fi": "Tuotoksen tyyppi", "en": "Kind of output"},
    "canvas.link_record": {"fi": "Tuotos", "en": "Output"},
    "canvas.link_none_found": {"fi": "Tätä tyyppiä ei löytynyt", "en": "None of this kind"},
    "canvas.link_add": {"fi": "Linkitä", "en": "Link"},
    "canvas.linked": {"fi": "Linkitetty.", "en": "Linked."},
    "canvas.unlink": {"fi": "Poista linkki", "en": "Unlink"},
    "canvas.link_hidden": {
        "fi": "piilotettu (ei näy julkaistussa versiossa)",
        "en": "hidden (not shown in a published version)",
    },
    "canvas.link_status.unavailable": {
        "fi": "ei käytettävissä (toiminto puuttuu)", "en": "unavailable (feature missing)",
    },
    "canvas.link_status.missing": {"fi": "poistettu", "en": "removed"},
    "canvas.link_status.hidden": {"fi": "piilotettu", "en": "hidden"},
    "canvas.types_unavailable": {
        "fi": "Tulossa myöhemmin: {types}", "en": "Coming later: {types}",
    },
    "canvas.publish_title": {"fi": "Julkaise luonnos ryhmälle", "en": "Publish the draft"},
    "canvas.publish_help": {
        "fi": "Julkaise luonnos tapaamisen jälkeen: ryhmä näkee tiivistetyn tuloksen, "
              "kommentoi sitä ja seuraava versio kertoo, miten kommentteihin vastattiin.",
        "en": "Publish the draft after a meeting: the group sees the condensed result, "
              "comments on it, and the next version tells how the comments were answered.",
    },
    "canvas.publish_meeting": {"fi": "Tapaaminen, jonka jälkeen", "en": "After meeting"},
    "canvas.publish_no_meeting": {"fi": "Ei tapaamista", "en": "No meeting"},
    "canvas.publish": {"fi": "Julkaise versio", "en": "Publish a version"},
    "canvas.published": {"fi": "Versio {number} julkaistiin.",
                         "en": "Version {number} was published."},
    "canvas.unanswered": {
        "fi": "{count} kommenttia odottaa vastausta. Voit julkaista silti, mutta menetelmän "
              "mukaan jokaiseen kommenttiin vastataan.",
        "en": "{count} comments wait for a response. You may publish anyway, but the method "
              "answers every comment.",
    },
    "canvas.versions": {"fi": "Julkaistut versiot ({count})",
                        "en": "Published versions ({count})"},
    "canvas.no_versions": {"fi": "Ei vielä julkaistuja versioita.",
                           "en": "No published versions yet."},
    "canvas.version_title": {"fi": "Versio {number} · {when}", "en": "Version {number} · {when}"},
    "canvas.version_answers": {
        "fi": "Tässä versiossa vastattiin {count} kommenttiin",
        "en": "This version answers {count} comments",
    },
    "canvas.comment_not_shown": {"fi": "(kommentti piilotettu tai poistettu)",
                                 "en": "(comment hidden or removed)"},
    "canvas.comments": {"fi": "Kommentit ({count})", "en": "Comments ({count})"},
    "canvas.no_comments": {"fi": "Ei kommentteja vielä.", "en": "No comments yet."},
    "canvas.on_version": {"fi": "versioon {number}", "en": "on version {number}"},
    "canvas.response.answered": {"fi": "Otettu huomioon", "en": "Taken into the model"},
    "canvas.response.declined": {"fi": "Ei muutettu", "en": "Not changed"},
    "canvas.response_in_version.answered": {
        "fi": "Otettu huomioon versiossa {number}", "en": "Taken into version {number}",
    },
    "canvas.response_in_version.declined": {
        "fi": "Ei muutettu (perustelu versiossa {number})",
        "en": "Not changed (reason given in version {number})",
    },
    "canvas.response_draft": {"fi": "Vastausluonnos:", "en": "Draft response:"},
    "canvas.response_help": {
        "fi": "Jos kommentti ei johda muutokseen, kerro miksi.",
        "en": "If the comment does not change the model, say why.",
    },
    "canvas.response_saved": {
        "fi": "Vastaus tallennettu; se julkaistaan seuraavan version mukana.",
        "en": "Response saved; it is published with the next version.",
    },
    "canvas.response_waiting": {"fi": "Odottaa vastausta", "en": "Waiting for a response"},
    "canvas.delete_model": {"fi": "Poista toimintamalli", "en": "Delete the service model"},
    "canvas.delete_model_warning": {
        "fi": "Malli, sen versiot, kommentit ja arviointitiedot poistetaan pysyvästi.",
        "en": "The model, its versions, comments and evaluation data are deleted for good.",
    },
    "canvas.model_deleted": {"fi": "Toimintamalli poistettiin.",
                             "en": "The service model was deleted."},
    # --- the live activity ---
    "canvas.nothing_published": {
        "fi": "Toimintamallista ei ole vielä julkaistua versiota.",
        "en": "No version of the service model has been published yet.",
    },
    "canvas.live_version": {"fi": "{name} – versio {number}", "en": "{name} – version {number}"},
    "canvas.read_version": {"fi": "Lue koko versio", "en": "Read the whole version"},
    "canvas.about_whole": {"fi": "Koko malli", "en": "The whole model"},
    "canvas.comment_about": {"fi": "Kommentti koskee", "en": "The comment is about"},
    "canvas.comment_placeholder": {
        "fi": "Mikä tässä on hyvää? Mitä puuttuu tai pitäisi muuttaa?",
        "en": "What is good here? What is missing or should change?",
    },
    "canvas.console_title": {"fi": "{name} – versio {number}", "en": "{name} – version {number}"},
    "canvas.console_counts": {
        "fi": "{count} kommenttia, {waiting} odottaa vastausta",
        "en": "{count} comments, {waiting} waiting for a response",
    },
    "canvas.comments_metric": {"fi": "Kommentteja", "en": "Comments"},
    # --- facts and fields ---
    "field.canvas_model_name": {"fi": "Toimintamallin nimi", "en": "Name of the model"},
    "field.canvas_short_description": {"fi": "Lyhyt kuvaus", "en": "Short description"},
    "field.canvas_place": {"fi": "Toteutuspaikka", "en": "Where it runs"},
    "field.canvas_region": {"fi": "Paikkakunta tai alue", "en": "Municipality or region"},
    "field.canvas_organisation": {"fi": "Organisaatio", "en": "Organisation"},
    "field.canvas_funder": {"fi": "Rahoittaja", "en": "Funder"},
    "field.canvas_authors": {"fi": "Tekijät", "en": "Authors"},
    "field.canvas_stage": {"fi": "Kehittämisen vaihe", "en": "Stage of development"},
    "field.canvas_kind": {"fi": "Osan tyyppi", "en": "Kind of part"},
    "field.canvas_title": {"fi": "Otsikko", "en": "Title"},
    "field.canvas_body": {"fi": "Kuvaus", "en": "Description"},
    "field.canvas_summary": {"fi": "Tiivistys", "en": "In short"},
    "field.canvas_heading": {"fi": "Ryhmä", "en": "Group"},
    "field.canvas_who": {"fi": "Kuka", "en": "Who"},
    "field.canvas_timing": {"fi": "Milloin", "en": "When"},
    "field.canvas_category": {"fi": "Laji", "en": "Type"},
    "field.canvas_status": {"fi": "Tila", "en": "Status"},
    "field.canvas_due_date": {"fi": "Määräaika", "en": "Due date"},
    "field.canvas_indicator": {"fi": "Mittari", "en": "Indicator"},
    "field.canvas_target": {"fi": "Tavoitetaso", "en": "Target"},
    "field.canvas_follow_up_by": {"fi": "Kuka seuraa", "en": "Followed up by"},
    "field.canvas_headcount": {"fi": "Henkilöitä (htv)", "en": "People (FTE)"},
    "field.canvas_months": {"fi": "Kuukautta palvelun päättymisestä",
                            "en": "Months after the service ends"},
    "field.canvas_rank": {"fi": "Tärkeysjärjestys", "en": "Priority rank"},
    "field.canvas_applicability": {"fi": "Sovellettavuus muualla",
                                   "en": "Applicability elsewhere"},
    "field.canvas_version_summary": {"fi": "Mikä muuttui tässä versiossa?",
                                     "en": "What changed in this version?"},
    "field.canvas_comment": {"fi": "Kommenttisi", "en": "Your comment"},
    "field.canvas_response": {"fi": "Vastaus", "en": "Response"},
    "field.canvas_response_status": {"fi": "Vastauksen laji", "en": "Kind of response"},
    "field.trace_note": {"fi": "Huomio linkistä", "en": "Note on the link"},
    "canvas.label.role_who": {"fi": "Ammattiryhmä tai rooli", "en": "Profession or role"},
    "canvas.label.role_what": {"fi": "Mitä tekee, mistä vastaa",
                               "en": "What they do and answer for"},
    "canvas.label.team_role_who": {"fi": "Tehtävänimike", "en": "Job title"},
    "canvas.label.home_unit": {"fi": "Kotiyksikkö", "en": "Home unit"},
    "canvas.label.owner": {"fi": "Vastuuhenkilö", "en": "Owner"},
    "canvas.label.practice_who": {"fi": "Ketkä ovat mukana", "en": "Who takes part"},
    "canvas.label.co_developer_who": {"fi": "Ketkä", "en": "Who"},
    "canvas.label.parties": {"fi": "Osapuolet", "en": "Parties"},
    "canvas.label.pillar_summary": {"fi": "Tiivistys asiakkaan kannalta",
                                    "en": "In short, for the client"},
    "canvas.label.goal_target": {"fi": "Mitattava tavoite", "en": "Measurable target"},
    "canvas.label.item_heading": {"fi": "Ryhmän otsikko", "en": "Group heading"},
    "canvas.label.question_body": {"fi": "Mitä tarkistetaan", "en": "What to check"},
    # --- stages, statuses, sections, kinds ---
    "canvas.stage.idea": {"fi": "idea", "en": "idea"},
    "canvas.stage.development": {"fi": "kehitteillä", "en": "in development"},
    "canvas.stage.testing": {"fi": "kokeilussa", "en": "being tried out"},
    "canvas.stage.ready": {"fi": "valmis", "en": "ready"},
    "canvas.stage.permanent": {"fi": "vakiintunut", "en": "permanent"},
    "canvas.status.planned": {"fi": "suunniteltu", "en": "planned"},
    "canvas.status.in_progress": {"fi": "käynnissä", "en": "in progress"},
    "canvas.status.done": {"fi": "tehty", "en": "done"},
    "canvas.section.what": {"fi": "Mitä ja kenelle", "en": "What and for whom"},
    "canvas.section.core": {"fi": "Mallin ydin", "en": "The core of the model"},
    "canvas.section.people": {"fi": "Ihmiset ja yhteistyö", "en": "People and collaboration"},
    "canvas.section.deployment": {"fi": "Käyttöönotto", "en": "Putting it to use"},
    "canvas.section.quality": {"fi": "Laatu ja arviointi", "en": "Quality and evaluation"},
    "canvas.section.origins": {"fi": "Mistä malli syntyi", "en": "Where the model came from"},
    "canvas.section.advice": {"fi": "Vinkit soveltajille", "en": "Advice for adopters"},
    "canvas.kind.goal": {"fi": "Tavoitteet", "en": "Goals"},
    "canvas.kind.problem": {"fi": "Ratkaistava ongelma", "en": "Problem it answers"},
    "canvas.kind.background": {"fi": "Lähtötilanne ja tarpeet", "en": "Starting point and needs"},
    "canvas.kind.target_group": {"fi": "Kohderyhmät", "en": "Target groups"},
    "canvas.kind.client_promise": {"fi": "Asiakaslupaus", "en": "Promise to clients"},
    "canvas.kind.pillar": {"fi": "Ydinelementit", "en": "Core elements"},
    "canvas.kind.principle": {"fi": "Työskentelyn periaatteet", "en": "Working principles"},
    "canvas.kind.service_path": {"fi": "Tavoiteltu palvelupolku", "en": "To-be service path"},
    "canvas.kind.path_step": {"fi": "Polun vaihe", "en": "Path step"},
    "canvas.kind.item": {"fi": "Sisältö", "en": "Content"},
    "canvas.kind.question": {"fi": "Tarkistuskysymys", "en": "Checking question"},
    "canvas.kind.role": {"fi": "Roolit ja vastuut", "en": "Roles and responsibilities"},
    "canvas.kind.team_role": {"fi": "Tiimin kokoonpano", "en": "Team roles"},
    "canvas.kind.practice": {"fi": "Yhteistyökäytännöt", "en": "Collaboration practices"},
    "canvas.kind.involvement": {"fi": "Asiakkaiden ja kokemusasiantuntijoiden osallisuus",
                                "en": "Involvement of clients and experts by experience"},
    "canvas.kind.co_developer": {"fi": "Kehittäjät", "en": "Co-developers"},
    "canvas.kind.deployment_step": {"fi": "Käyttöönoton vaiheet", "en": "Deployment steps"},
    "canvas.kind.resource": {"fi": "Tarvittavat resurssit", "en": "Resources needed"},
    "canvas.kind.condition": {"fi": "Toimivuuden edellytykset",
                              "en": "Conditions for it to work"},
    "canvas.kind.follow_up": {"fi": "Seuranta-aikataulu", "en": "Follow-up schedule"},
    "canvas.kind.quality_criterion": {"fi": "Laatukriteerit", "en": "Quality criteria"},
    "canvas.kind.evaluation_method": {"fi": "Muutoksen mittaaminen",
                                      "en": "Measuring the change"},
    "canvas.kind.waste_finding": {"fi": "Hukkatyöpajan tulokset",
                                  "en": "Results of the waste workshop"},
    "canvas.kind.solution_step": {"fi": "Ratkaisun kehittämisen vaiheet",
                                  "en": "Steps of solution development"},
    "canvas.kind.sub_model": {"fi": "Osamallit", "en": "Component models"},
    "canvas.kind.tip": {"fi": "Vinkit ja sudenkuopat", "en": "Tips and pitfalls"},
    "canvas.kind_help.goal": {
        "fi": "Mitä mallilla tavoitellaan? Kirjaa mitattava tavoite, jos sellainen on.",
        "en": "What is the model for? Write a measurable target if there is one.",
    },
    "canvas.kind_help.problem": {
        "fi": "Mihin ongelmaan malli vastaa asiakkaan ja palvelujen kannalta?",
        "en": "Which problem does the model answer, for clients and for services?",
    },
    "canvas.kind_help.background": {
        "fi": "Toimintaympäristö, lähtötilanne, kehittämisen tarpeet ja strategiset yhteydet.",
        "en": "Setting, starting point, development needs and links to strategy.",
    },
    "canvas.kind_help.target_group": {
        "fi": "Ketä malli palvelee suoraan ja ketä välillisesti.",
        "en": "Who the model serves directly and who indirectly.",
    },
    "canvas.kind_help.client_promise": {
        "fi": "Mitä palvelu lupaa asiakkaalle, asiakkaan kielellä.",
        "en": "What the service promises the client, in the client's words.",
    },
    "canvas.kind_help.pillar": {
        "fi": "Mallin kantavat osat. Lisää kullekin sisällöt ja tarkistuskysymykset.",
        "en": "The parts the model rests on. Add contents and checking questions to each.",
    },
    "canvas.kind_help.principle": {
        "fi": "Arvot ja työotteet, joiden varaan työskentely rakentuu.",
        "en": "Values and ways of working the work is built on.",
    },
    "canvas.kind_help.service_path": {
        "fi": "Palvelupolku sellaisena kuin sen halutaan toimivan. Linkitä polkutyöskentelyn "
              "tuotoksiin.",
        "en": "The service path as it should work. Link it to the path work.",
    },
    "canvas.kind_help.role": {
        "fi": "Kuka tekee mitä ja milloin, organisaatioittain ja ammattiryhmittäin.",
        "en": "Who does what and when, by organisation and profession.",
    },
    "canvas.kind_help.team_role": {
        "fi": "Tiimin tehtävät ja montako henkilöä kussakin.",
        "en": "The team's roles and how many people in each.",
    },
    "canvas.kind_help.practice": {
        "fi": "Sovitut tavat tehdä yhteistyötä: nimetty työntekijä, työpari, yhteinen aika, "
              "tiedonsiirto, konsultaatio, verkostotyö.",
        "en": "Agreed ways of working together: named contact person, work pair, shared "
              "time, information transfer, consultation, network work.",
    },
    "canvas.kind_help.involvement": {
        "fi": "Miten asiakkaat ja kokemusasiantuntijat ovat mukana kehittämisessä ja työssä.",
        "en": "How clients and experts by experience take part in development and in the "
              "work.",
    },
    "canvas.kind_help.co_developer": {
        "fi": "Organisaatiot ja ammattiryhmät, jotka kehittivät mallia.",
        "en": "Organisations and professions who developed the model.",
    },
    "canvas.kind_help.deployment_step": {
        "fi": "Hyväksyntä, koulutus, tietojärjestelmät, viestintä ja palautteen seuranta: "
              "kuka vastaa, missä vaiheessa, mihin mennessä.",
        "en": "Approval, training, information systems, communication and monitoring "
              "feedback: who owns it, its status and due date.",
    },
    "canvas.kind_help.resource": {
        "fi": "Henkilöstö, osaaminen, aika, järjestelmät ja rahoitus, joita malli vaatii.",
        "en": "Staff, skills, time, systems and funding the model needs.",
    },
    "canvas.kind_help.condition": {
        "fi": "Mikä edistää yhteistyötä ja mitä organisaation on varmistettava.",
        "en": "What helps collaboration and what the organisation must make sure of.",
    },
    "canvas.kind_help.follow_up": {
        "fi": "Milloin tilannetta seurataan (esim. 6 ja 12 kk palvelun jälkeen) ja "
              "säännölliset kokoontumiset.",
        "en": "When the situation is followed up (e.g. 6 and 12 months after the service) "
              "and regular meetings.",
    },
    "canvas.kind_help.quality_criterion": {
        "fi": "Mistä asiakas huomaa, että malli toimii? Kullekin kriteerille mittari, "
              "tavoitetaso ja seurannan vastuu.",
        "en": "How does the client notice the model works? For each criterion an indicator, "
              "a target and who follows it up.",
    },
    "canvas.kind_help.evaluation_method": {
        "fi": "Kyselyt, haastattelut ja arvioinnit, joilla muutosta seurataan.",
        "en": "Surveys, interviews and reviews that follow the change.",
    },
    "canvas.kind_help.waste_finding": {
        "fi": "Hukkatyöpajassa tunnistettu hukka tärkeysjärjestyksessä. Linkitä hukkatyöpajan "
              "tuotoksiin, kun toiminto on käytössä.",
        "en": "Waste found in the waste workshop, in order of priority. Link to the waste "
              "workshop's records once that feature is available.",
    },
    "canvas.kind_help.solution_step": {
        "fi": "Ideointi, idean valinta, idean testaus asiakkaalla ja ratkaisun testaus. "
              "Linkitä ratkaisujen kehittämisen tuotoksiin, kun toiminto on käytössä.",
        "en": "Ideation, choosing the idea, testing the idea with clients and testing the "
              "solution. Link to solution development records once that feature is available.",
    },
    "canvas.kind_help.sub_model": {
        "fi": "Kokonaisuuteen kuuluvat yhteistyömallit, esimerkiksi kahden toimijan välillä.",
        "en": "Collaboration models that belong to the whole, for example between two "
              "services.",
    },
    "canvas.kind_help.tip": {
        "fi": "Hyväksi todetut käytännöt, vinkit ja sudenkuopat mallin soveltajille.",
        "en": "Practices found good, tips and pitfalls for those who apply the model.",
    },
    "canvas.category.environment": {"fi": "Toimintaympäristö", "en": "Setting"},
    "canvas.category.starting_point": {"fi": "Lähtötilanne", "en": "Starting point"},
    "canvas.category.need": {"fi": "Kehittämisen tarve", "en": "Development need"},
    "canvas.category.strategy": {"fi": "Strateginen yhteys", "en": "Link to strategy"},
    "canvas.category.primary": {"fi": "Suora kohderyhmä", "en": "Direct target group"},
    "canvas.category.indirect": {"fi": "Välillinen kohderyhmä", "en": "Indirect target group"},
    "canvas.category.named_contact_person": {"fi": "Nimetty työntekijä",
                                             "en": "Named contact person"},
    "canvas.category.work_pair": {"fi": "Työpari", "en": "Work pair"},
    "canvas.category.shared_time": {"fi": "Yhteinen aika", "en": "Shared time"},
    "canvas.category.information_transfer": {"fi": "Tiedonsiirto ja tiedon jakaminen",
                                             "en": "Information transfer"},
    "canvas.category.consultation": {"fi": "Konsultaatio", "en": "Consultation"},
    "canvas.category.network_work": {"fi": "Verkostotyö", "en": "Network work"},
    "canvas.category.joint_meeting": {"fi": "Yhteistapaaminen", "en": "Joint meeting"},
    "canvas.category.other": {"fi": "Muu", "en": "Other"},
    "canvas.category.approval": {"fi": "Hyväksyntä", "en": "Approval"},
    "canvas.category.training": {"fi": "Koulutus ja perehdytys", "en": "Training"},
    "canvas.category.information_system": {"fi": "Tietojärjestelmät",
                                           "en": "Information systems"},
    "canvas.category.communication": {"fi": "Viestintä", "en": "Communication"},
    "canvas.category.monitoring_feedback": {"fi": "Palautteen seuranta",
                                            "en": "Monitoring feedback"},
    "canvas.category.staff": {"fi": "Henkilöstö", "en": "Staff"},
    "canvas.category.competence": {"fi": "Osaaminen", "en": "Competence"},
    "canvas.category.time": {"fi": "Aika", "en": "Time"},
    "canvas.category.funding": {"fi": "Rahoitus", "en": "Funding"},
    "canvas.category.premises": {"fi": "Tilat", "en": "Premises"},
    "canvas.category.enabler": {"fi": "Edistää yhteistyötä", "en": "Helps collaboration"},
    "canvas.category.organisation": {"fi": "Organisaation tasolla", "en": "At organisation level"},
    "canvas.category.success_factor": {"fi": "Onnistumisen edellytys", "en": "Success factor"},
    "canvas.category.tip": {"fi": "Vinkki", "en": "Tip"},
    "canvas.category.good_practice": {"fi": "Hyväksi todettu käytäntö", "en": "Proven practice"},
    "canvas.category.pitfall": {"fi": "Sudenkuoppa", "en": "Pitfall"},
    "canvas.category.ideation": {"fi": "Ideointi", "en": "Ideation"},
    "canvas.category.choosing": {"fi": "Idean valinta", "en": "Choosing the idea"},
    "canvas.category.testing_with_clients": {"fi": "Idean testaus asiakkaalla",
                                             "en": "Testing the idea with clients"},
    "canvas.category.testing_solution": {"fi": "Ratkaisun testaus", "en": "Testing the solution"},
    # --- traceability record types ---
    "trace.type.note": {"fi": "Muistiinpano", "en": "Note"},
    "trace.type.agenda_item": {"fi": "Ohjelmakohta", "en": "Agenda item"},
    "trace.type.persona": {"fi": "Persoona", "en": "Persona"},
    "trace.type.persona_comment": {"fi": "Persoonan kommentti", "en": "Comment on a persona"},
    "trace.type.topic": {"fi": "Aihe", "en": "Topic"},
    "trace.type.principle": {"fi": "Periaate", "en": "Principle"},
    "trace.type.concept": {"fi": "Käsite", "en": "Concept"},
    "trace.type.cafe_note": {"fi": "Kahvilan muistiinpano", "en": "Café note"},
    "trace.type.cafe_station": {"fi": "Kahvilan piste", "en": "Café station"},
    "trace.type.service_path": {"fi": "Palvelupolku", "en": "Service path"},
    "trace.type.path_step": {"fi": "Polun vaihe", "en": "Path step"},
    "trace.type.critical_point": {"fi": "Kriittinen kohta", "en": "Critical point"},
    "trace.type.causal_map": {"fi": "Kausaalikartta", "en": "Causal map"},
    "trace.type.causal_factor": {"fi": "Syy-seuraustekijä", "en": "Causal factor"},
    "trace.type.candidate": {"fi": "Ehdokas (ongelma tai ratkaisu)",
                             "en": "Candidate (problem or solution)"},
    "trace.type.vote": {"fi": "Äänestyksen tulos", "en": "Vote result"},
    "trace.type.waste_item": {"fi": "Hukka", "en": "Waste"},
    "trace.type.solution": {"fi": "Ratkaisu", "en": "Solution"},
    "trace.type.solution_step": {"fi": "Ratkaisun vaihe", "en": "Solution step"},
    "trace.type.service_model": {"fi": "Toimintamalli", "en": "Service model"},
    "trace.type.canvas_element": {"fi": "Toimintamallin osa", "en": "Part of a service model"},
    "trace.type.four_field_entry": {"fi": "Nelikenttäarvioinnin kirjaus",
                                    "en": "Four-field evaluation entry"},
    # --- evaluation page ---
    "evaluation.title": {"fi": "Toimintamallin arviointi", "en": "Evaluating the model"},
    "evaluation.no_models": {
        "fi": "Arviointi tehdään toimintamallille. Luo ensin toimintamalli.",
        "en": "Evaluation belongs to a service model. Create a model first.",
    },
    "evaluation.tab.outcomes": {"fi": "Asiakasvaikutukset", "en": "Client outcomes"},
    "evaluation.tab.nps": {"fi": "Suositteluindeksi (NPS)", "en": "Net Promoter Score"},
    "evaluation.tab.four_field": {"fi": "Nelikenttä", "en": "Four fields"},
    "evaluation.tab.break_even": {"fi": "Kustannukset", "en": "Costs"},
    "evaluation.tab.feedback": {"fi": "Tapaamisten palaute", "en": "Meeting feedback"},
    "evaluation.text_alternative": {"fi": "Kaavio tekstinä", "en": "The chart as text"},
    "evaluation.outcomes_help": {
        "fi": "Asiakkaat tunnisteella (esim. N-07), ei nimellä eikä henkilötunnuksella. "
              "Tilannetta verrataan alkutilanteeseen palvelun päättyessä ja seurannoissa.",
        "en": "Clients by a code (e.g. N-07), never by name or identity code. The situation "
              "is compared with the start when the service ends and at follow-ups.",
    },
    "evaluation.no_follow_ups": {"fi": "Seurantatietoja ei ole vielä.",
                                 "en": "No follow-ups recorded yet."},
    "evaluation.add_client": {"fi": "Lisää seurattava asiakas", "en": "Add a client to follow"},
    "evaluation.pseudonym_help": {
        "fi": "Tunniste, jonka avain on vain asiakastietojärjestelmässä.",
        "en": "A code whose key is kept only in the client record system.",
    },
    "evaluation.client_added": {"fi": "Asiakas lisättiin.", "en": "The client was added."},
    "evaluation.record_follow_up": {"fi": "Kirjaa seuranta", "en": "Record a follow-up"},
    "evaluation.months_help": {
        "fi": "0 = palvelun päättyessä; 6 ja 12 = kuukautta päättymisen jälkeen.",
        "en": "0 = when the service ends; 6 and 12 = months after it ended.",
    },
    "evaluation.follow_up_exists": {
        "fi": "Tälle ajankohdalle on jo kirjaus; tallentaminen korjaa sen.",
        "en": "There is already a record for this point; saving corrects it.",
    },
    "evaluation.follow_up_saved": {"fi": "Seuranta tallennettu.", "en": "Follow-up saved."},
    "evaluation.unknown": {"fi": "ei tiedossa", "en": "not known"},
    "evaluation.yes": {"fi": "kyllä", "en": "yes"},
    "evaluation.no": {"fi": "ei", "en": "no"},
    "evaluation.placed_short": {"fi": "sijoitettu", "en": "placed"},
    "evaluation.nps_help": {
        "fi": "Kuinka todennäköisesti suosittelisit palvelua (0–10)? Suosittelijat 9–10 "
              "miinus arvostelijat 0–6, prosentteina vastauksista. Ryhmän tulos näytetään "
              "vasta, kun vastauksia on vähintään {minimum}, jottei yksittäisiä vastaajia "
              "voi tunnistaa.",
        "en": "How likely would you recommend the service (0–10)? Promoters 9–10 minus "
              "detractors 0–6, as a percentage of answers. A group's result is shown only from "
              "{minimum} answers up, so individual respondents cannot be recognised.",
    },
    "evaluation.new_survey": {"fi": "Uusi kysely", "en": "New survey"},
    "evaluation.survey_created": {"fi": "Kysely luotiin.", "en": "The survey was created."},
    "evaluation.no_surveys": {"fi": "Kyselyitä ei ole vielä.", "en": "No surveys yet."},
    "evaluation.nps_metric_help": {"fi": "{answers} vastausta", "en": "{answers} answers"},
    "evaluation.answers": {"fi": "{count} vastausta", "en": "{count} answers"},
    "evaluation.scores_help": {
        "fi": "Pisteet 0–10 pilkuilla tai välilyönneillä erotettuina, esim. 9, 10, 7, 3.",
        "en": "Scores 0–10 separated by commas or spaces, e.g. 9, 10, 7, 3.",
    },
    "evaluation.add_answers": {"fi": "Lisää vastaukset", "en": "Add the answers"},
    "evaluation.answers_added": {"fi": "Lisättiin {count} vastausta.",
                                 "en": "{count} answers were added."},
    "evaluation.saved": {"fi": "Tallennettu.", "en": "Saved."},
    "evaluation.four_field_help": {
        "fi": "Neljä näkökulmaa: henkilöstökokemus ja työnantajakuva, asiakaskokemus ja "
              "saatavuus, vaikuttavuus sekä tuottavuus. Kirjaa kuhunkin mittarit, havainnot "
              "ja havaintojen perusteella tehdyt muutokset.",
        "en": "Four views: staff experience and employer image, customer experience and "
              "access, effectiveness, and productivity. Record the measures, the findings and "
              "the changes made because of the findings in each.",
    },
    "evaluation.field.staff": {"fi": "Henkilöstökokemus ja työnantajakuva",
                               "en": "Staff experience and employer image"},
    "evaluation.field.customer": {"fi": "Asiakaskokemus ja saatavuus",
                                  "en": "Customer experience and access"},
    "evaluation.field.effectiveness": {"fi": "Vaikuttavuus – miten muutos syntyy",
                                       "en": "Effectiveness – how the change comes about"},
    "evaluation.field.productivity": {"fi": "Tuottavuus", "en": "Productivity"},
    "evaluation.field.staff.short": {"fi": "Henkilöstö", "en": "Staff"},
    "evaluation.field.customer.short": {"fi": "Asiakas", "en": "Customer"},
    "evaluation.field.effectiveness.short": {"fi": "Vaikuttavuus", "en": "Effectiveness"},
    "evaluation.field.productivity.short": {"fi": "Tuottavuus", "en": "Productivity"},
    "evaluation.field_help.staff": {
        "fi": "Miten työ sujuu ja millaisena työpaikkana palvelu näyttäytyy?",
        "en": "How does the work go, and what kind of workplace does the service seem?",
    },
    "evaluation.field_help.customer": {
        "fi": "Mitä asiakkaat kertovat ja pääsevätkö he palveluun?",
        "en": "What do clients say, and do they get to the service?",
    },
    "evaluation.field_help.effectiveness": {
        "fi": "Mitkä työn osat saavat muutoksen aikaan asiakkaan tilanteessa?",
        "en": "Which parts of the work bring about the change in the client's situation?",
    },
    "evaluation.field_help.productivity": {
        "fi": "Miten resurssit kohdentuvat ja missä syntyy hukkaa?",
        "en": "How are resources used, and where is there waste?",
    },
    "evaluation.because_of": {"fi": "Havainnon perusteella: {finding}",
                              "en": "Because of the finding: {finding}"},
    "evaluation.add_entry": {"fi": "Lisää kirjaus", "en": "Add an entry"},
    "evaluation.no_finding": {"fi": "Ei kytketty havaintoon", "en": "Not tied to a finding"},
    "evaluation.because_help": {
        "fi": "Muutokselle: minkä havainnon vuoksi se tehtiin.",
        "en": "For a change: which finding it was made because of.",
    },
    "evaluation.break_even_help": {
        "fi": "Toimintamallin vuosikustannus verrattuna sen ehkäisemän tapauksen "
              "vuosikustannukseen (esim. vaativan tason laitossijoitus vuodeksi).",
        "en": "The model's yearly cost against the yearly cost of a case it prevents (e.g. a "
              "year of special-level institutional placement).",
    },
    "evaluation.break_even_cases": {"fi": "Kannattavuusraja ({label}/v)",
                                    "en": "Break-even ({label}/year)"},
    "evaluation.saving_at": {"fi": "Nettosäästö, kun ehkäistyjä on {count}",
                             "en": "Net saving at {count} prevented"},
    "evaluation.new_break_even": {"fi": "Uusi kustannuslaskelma", "en": "New cost calculation"},
    "evaluation.money_help": {"fi": "Euroina, esim. 1 000 000 tai 950000,50.",
                              "en": "In euros, e.g. 1 000 000 or 950000.50."},
    "evaluation.case_cost_help": {
        "fi": "Yhden ehkäistyn tapauksen kustannus vuodessa.",
        "en": "The yearly cost of one prevented case.",
    },
    "evaluation.no_feedback": {
        "fi": "Tapaamisista ei ole vielä palautetta, jonka voisi näyttää.",
        "en": "There is no meeting feedback to show yet.",
    },
    "evaluation.feedback_help": {
        "fi": "Palautteen 1–5-kysymysten keskiarvo tapaamisittain; asiakkaat, työntekijät ja "
              "muut erikseen. Liian pienen ryhmän tulosta ei näytetä.",
        "en": "Mean of the 1–5 feedback questions per meeting; clients, workers and others "
              "apart. Results of groups that are too small are not shown.",
    },
    "field.eval_pseudonym": {"fi": "Tunniste", "en": "Code"},
    "field.eval_client": {"fi": "Asiakas", "en": "Client"},
    "field.eval_intake": {"fi": "Mistä ohjautui", "en": "Referred from"},
    "field.eval_started_on": {"fi": "Palvelu alkoi", "en": "Service started"},
    "field.eval_ended_on": {"fi": "Palvelu päättyi", "en": "Service ended"},
    "field.eval_start_situation": {"fi": "Tilanne alussa", "en": "Situation at the start"},
    "field.eval_months": {"fi": "Kuukautta palvelun päättymisestä",
                          "en": "Months after the service ended"},
    "field.eval_rating": {"fi": "Tilanne alkuun verrattuna", "en": "Compared with the start"},
    "field.eval_placed": {"fi": "Sijoitettu kodin ulkopuolelle", "en": "Placed outside the home"},
    "field.eval_still_client": {"fi": "Edelleen raskaamman palvelun asiakas",
                                "en": "Still a client of the heavier service"},
    "field.eval_note": {"fi": "Huomio", "en": "Note"},
    "field.eval_recorded_on": {"fi": "Kirjattu", "en": "Recorded on"},
    "field.nps_title": {"fi": "Kyselyn nimi", "en": "Name of the survey"},
    "field.nps_period": {"fi": "Ajanjakso", "en": "Period"},
    "field.nps_note": {"fi": "Vastausaktiivisuus ja huomiot", "en": "Response rate and notes"},
    "field.nps_highlights": {"fi": "Nostot palautteista", "en": "Highlights of the feedback"},
    "field.nps_group": {"fi": "Vastaajat", "en": "Respondents"},
    "field.nps_score": {"fi": "Pisteet", "en": "Score"},
    "field.nps_scores": {"fi": "Vastaukset", "en": "Answers"},
    "field.four_field": {"fi": "Näkökulma", "en": "Field"},
    "field.four_field_kind": {"fi": "Kirjauksen laji", "en": "Kind of entry"},
    "field.four_field_text": {"fi": "Kirjaus", "en": "Entry"},
    "field.four_field_because": {"fi": "Havainto, jonka vuoksi", "en": "Because of finding"},
    "field.be_title": {"fi": "Laskelman nimi", "en": "Name of the calculation"},
    "field.be_yearly_cost": {"fi": "Mallin vuosikustannus (€)",
                             "en": "Yearly cost of the model (€)"},
    "field.be_case_cost": {"fi": "Ehkäistyn tapauksen vuosikustannus (€)",
                           "en": "Yearly cost of a prevented case (€)"},
    "field.be_case_label": {"fi": "Mitä ehkäistään (esim. sijoitusta)",
                            "en": "What is prevented (e.g. placements)"},
    "field.be_count": {"fi": "Ehkäistyjä tapauksia vuodessa", "en": "Prevented cases a year"},
    "field.be_clients": {"fi": "Asiakkaita vuodessa", "en": "Clients a year"},
    "field.be_note": {"fi": "Perustelut ja oletukset", "en": "Reasons and assumptions"},
    # --- charts ---
    "chart.percent": {"fi": "{value} %", "en": "{value}%"},
    "chart.rating.better": {"fi": "Parempi", "en": "Better"},
    "chart.rating.same": {"fi": "Ennallaan", "en": "Same"},
    "chart.rating.worse": {"fi": "Huonompi", "en": "Worse"},
    "chart.rating.unrated": {"fi": "Ei arvioitu", "en": "Not rated"},
    "chart.outcomes.title": {"fi": "Asiakkaiden tilanne alkuun verrattuna",
                             "en": "Clients' situation compared with the start"},
    "chart.outcomes.axis": {"fi": "Asiakkaita", "en": "Clients"},
    "chart.outcomes.at_end": {"fi": "Palvelun päättyessä", "en": "When the service ended"},
    "chart.outcomes.after_months": {"fi": "{months} kk päättymisestä",
                                    "en": "{months} months after"},
    "chart.outcomes.none": {"fi": "Seurantatietoja ei ole.", "en": "No follow-ups."},
    "chart.outcomes.part": {"fi": "{rating} {count} ({share})", "en": "{rating} {count} ({share})"},
    "chart.outcomes.line": {"fi": "{point}, {total} asiakasta: {parts}.",
                            "en": "{point}, {total} clients: {parts}."},
    "chart.outcomes.placed": {
        "fi": "Kodin ulkopuolelle sijoitettuja {count} ({share}).",
        "en": "Placed outside the home: {count} ({share}).",
    },
    "chart.outcomes.status": {
        "fi": "Kotona ja edelleen asiakkaana {still}, asiakkuus päättynyt {ended}.",
        "en": "At home and still a client: {still}; client relationship ended: {ended}.",
    },
    "chart.nps.title": {"fi": "Suositteluindeksi", "en": "Net Promoter Score"},
    "chart.nps.axis": {"fi": "Osuus vastauksista (%)", "en": "Share of answers (%)"},
    "chart.nps.group.client": {"fi": "Asiakkaat", "en": "Clients"},
    "chart.nps.group.family": {"fi": "Läheiset", "en": "Family members"},
    "chart.nps.detractors": {"fi": "Arvostelijat 0–6", "en": "Detractors 0–6"},
    "chart.nps.passives": {"fi": "Neutraalit 7–8", "en": "Passives 7–8"},
    "chart.nps.promoters": {"fi": "Suosittelijat 9–10", "en": "Promoters 9–10"},
    "chart.nps.score": {"fi": "NPS {score} (n = {answers})",
                        "en": "NPS {score} (n = {answers})"},
    "chart.nps.too_few": {
        "fi": "{answers} vastausta – tulos näytetään vasta {minimum} vastauksesta",
        "en": "{answers} answers – shown from {minimum} answers up",
    },
    "chart.nps.text": {
        "fi": "{group}: NPS {score}, {answers} vastausta; suosittelijoita {promoters} "
              "({promoters_share}), neutraaleja {passives}, arvostelijoita {detractors} "
              "({detractors_share}).",
        "en": "{group}: NPS {score}, {answers} answers; promoters {promoters} "
              "({promoters_share}), passives {passives}, detractors {detractors} "
              "({detractors_share}).",
    },
    "chart.nps.text_too_few": {
        "fi": "{group}: {answers} vastausta, liian vähän tuloksen näyttämiseen "
              "(vähintään {minimum}).",
        "en": "{group}: {answers} answers, too few to show a result (at least {minimum}).",
    },
    "chart.nps.none": {"fi": "Ei vastauksia.", "en": "No answers."},
    "chart.four_field.title": {"fi": "Nelikenttäarviointi", "en": "Four-field evaluation"},
    "chart.four_field.axis": {"fi": "Kirjauksia", "en": "Entries"},
    "chart.four_field.measure": {"fi": "Mittarit", "en": "Measures"},
    "chart.four_field.finding": {"fi": "Havainnot", "en": "Findings"},
    "chart.four_field.change": {"fi": "Tehdyt muutokset", "en": "Changes made"},
    "chart.four_field.text": {
        "fi": "{field}: mittareita {measures}, havaintoja {findings}, muutoksia {changes}.",
        "en": "{field}: measures {measures}, findings {findings}, changes {changes}.",
    },
    "chart.break_even.title": {"fi": "Milloin malli maksaa itsensä takaisin?",
                               "en": "When does the model pay for itself?"},
    "chart.break_even.cases": {"fi": "tapausta", "en": "cases"},
    "chart.break_even.saving": {"fi": "Nettosäästö vuodessa", "en": "Net saving a year"},
    "chart.break_even.bar_plus": {"fi": "säästö", "en": "saving"},
    "chart.break_even.bar_minus": {"fi": "kulu", "en": "cost"},
    "chart.break_even.bar_even": {"fi": "±0", "en": "±0"},
    "chart.break_even.line": {"fi": "Kannattavuusraja: {count} {label}",
                              "en": "Break-even: {count} {label}"},
    "chart.break_even.actual": {"fi": "Toteutunut {count}: {saving}",
                                "en": "Actual {count}: {saving}"},
    "chart.break_even.axis_x": {"fi": "Ehkäistyjä vuodessa ({label})",
                                "en": "Prevented a year ({label})"},
    "chart.break_even.axis_y": {"fi": "Nettosäästö (€)", "en": "Net saving (€)"},
    "chart.break_even.text": {
        "fi": "Mallin vuosikustannus on {cost} ja yhden ehkäistyn tapauksen vuosikustannus "
              "{case_cost} (suhde {ratio}). Malli maksaa itsensä takaisin, kun se ehkäisee "
              "vähintään {count} {label} vuodessa.",
        "en": "The model costs {cost} a year and one prevented case {case_cost} a year "
              "(ratio {ratio}). The model pays for itself when it prevents at least {count} "
              "{label} a year.",
    },
    "chart.break_even.text_saving": {
        "fi": "Kun ehkäistään {count} {label} vuodessa, vältetyt kustannukset ovat {gross} "
              "ja nettosäästö {net}.",
        "en": "At {count} {label} prevented a year, the avoided costs are {gross} and the "
              "net saving {net}.",
    },
    "chart.break_even.text_loss": {
        "fi": "Kun ehkäistään {count} {label} vuodessa, vältetyt kustannukset ovat {gross}; "
              "malli maksaa {net} enemmän kuin säästää.",
        "en": "At {count} {label} prevented a year, the avoided costs are {gross}; the model "
              "costs {net} more than it saves.",
    },
    "chart.break_even.text_per_client": {"fi": "Kustannus asiakasta kohden on {cost} vuodessa.",
                                         "en": "The cost per client is {cost} a year."},
    # --- errors ---
    "error.canvas.too_many_models": {
        "fi": "Työpajassa voi olla enintään {max} toimintamallia.",
        "en": "A workshop can have at most {max} service models.",
    },
    "error.canvas.too_many_elements": {
        "fi": "Mallissa voi olla enintään {max} osaa.",
        "en": "A model can have at most {max} parts.",
    },
    "error.canvas.field_not_in_kind": {
        "fi": "{field}: tällä osalla ei ole tätä kenttää.",
        "en": "{field}: this part has no such field.",
    },
    "error.canvas.needs_parent": {
        "fi": "Tämä lisätään jonkin osan alle.", "en": "This is added below another part.",
    },
    "error.canvas.wrong_parent": {
        "fi": "Tätä ei voi lisätä tuon osan alle.", "en": "This cannot be added below that part.",
    },
    "error.canvas.number_invalid": {"fi": "{field}: anna luku.", "en": "{field}: enter a number."},
    "error.canvas.number_places": {
        "fi": "{field}: enintään {places} desimaalia.",
        "en": "{field}: at most {places} decimals.",
    },
    "error.canvas.wrong_activity": {
        "fi": "Tämä ohjelmakohta ei ole toimintamallin käsittely.",
        "en": "This agenda item is not a service model activity.",
    },
    "error.canvas.comment_answered": {
        "fi": "Kommenttiin on jo vastattu, joten sitä ei voi enää muuttaa.",
        "en": "The comment has been answered and can no longer be changed.",
    },
    "error.canvas.response_published": {
        "fi": "Vastaus on jo julkaistu versiossa, eikä sitä voi enää muuttaa.",
        "en": "The response was published with a version and can no longer change.",
    },
    "error.trace.unknown_type": {"fi": "Tuntematon tuotoksen tyyppi.",
                                 "en": "Unknown kind of output."},
    "error.trace.type_unavailable": {
        "fi": "Tämän tyyppisiin tuotoksiin ei voi vielä linkittää.",
        "en": "Outputs of this kind cannot be linked yet.",
    },
    "error.trace.self_link": {"fi": "Osaa ei voi linkittää itseensä.",
                              "en": "A part cannot be linked to itself."},
    "error.trace.too_many": {"fi": "Enintään {max} linkkiä.", "en": "At most {max} links."},
    "error.evaluation.identity_code": {
        "fi": "{field}: tekstissä näyttää olevan henkilötunnus. Käytä vain tunnistetta.",
        "en": "{field}: the text seems to contain a personal identity code. Use a code only.",
    },
    "error.evaluation.pseudonym_taken": {
        "fi": "Tällä tunnisteella on jo asiakas.", "en": "A client with this code exists.",
    },
    "error.evaluation.ends_before_start": {
        "fi": "Palvelu ei voi päättyä ennen alkamistaan.",
        "en": "The service cannot end before it starts.",
    },
    "error.evaluation.bad_score": {
        "fi": "”{value}” ei ole pistemäärä 0–10.", "en": "“{value}” is not a score from 0 to 10.",
    },
    "error.evaluation.too_many_scores": {
        "fi": "Enintään {max} vastausta kerralla.", "en": "At most {max} answers at a time.",
    },
    "error.evaluation.because_only_for_changes": {
        "fi": "Vain muutoksen voi kytkeä havaintoon.",
        "en": "Only a change can be tied to a finding.",
    },
    "error.evaluation.because_not_finding": {
        "fi": "Muutoksen voi kytkeä vain havaintoon.", "en": "A change can only be tied to a "
                                                            "finding.",
    },
    "error.evaluation.money_range": {
        "fi": "{field}: anna positiivinen euromäärä.", "en": "{field}: enter a positive amount.",
    },
}
