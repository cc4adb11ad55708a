"""Co-design methods of the PAKU process as pure data: guides, phases, roles and templates.

Every text a user sees lives in :data:`MESSAGES` (message key -> ``{"fi": ..., "en": ...}``);
the structures below only hold message keys. The process follows the regional "Palvelupolut
kuntoon" way of working: warm-up, personas, service paths, analysing the paths (causal maps)
and building the service model. No Streamlit or database imports here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# --------------------------------------------------------------------------- vocabularies

PHASES: tuple[str, ...] = ("warmup", "personas", "paths", "causal", "model")

ACTIVITY_TYPES: tuple[str, ...] = (
    "info",
    "notes",
    "principles",
    "picture_cards",
    "glossary",
    "topics",
    "learning_cafe",
    "feedback",
    "personas",
    "service_path",
    "causal_map",
    "prioritising",
    "waste_workshop",
    "tuplatiimi",
    "solution_steps",
    "model_canvas",
)

ROLES: tuple[str, ...] = (
    "client_rep",
    "professional",
    "ngo_parish",
    "expert_by_experience",
    "other",
)

MESSAGES: dict[str, dict[str, str]] = {}


def _msg(key: str, fi: str, en: str) -> str:
    """Register one message in :data:`MESSAGES` and return its key."""
    if key in MESSAGES:
        raise ValueError(f"message key defined twice: {key}")
    MESSAGES[key] = {"fi": fi, "en": en}
    return key


# --------------------------------------------------------------------------- data types

_Text = tuple[str, str]  # (Finnish, English)


@dataclass(frozen=True)
class ActivityGuide:
    """Facilitator's guide to one activity type; every text field is a message key."""

    activity_type: str
    name: str
    purpose: str
    steps: tuple[str, ...]
    typical_minutes: tuple[int, int]  # (shortest, longest) usual duration
    group_size: str
    prepare: str
    pitfalls: tuple[str, ...]
    participant_hint: str  # one short line shown on a participant's phone


@dataclass(frozen=True)
class PhaseInfo:
    key: str
    name_key: str
    description_key: str
    activity_types: tuple[str, ...]  # activities that typically belong to the phase


@dataclass(frozen=True)
class RoleInfo:
    key: str
    name_key: str
    description_key: str


@dataclass(frozen=True)
class TemplateAgendaItem:
    title_key: str
    activity_type: str
    minutes: int


@dataclass(frozen=True)
class TemplateMeeting:
    phase: str
    title_key: str
    duration_minutes: int
    agenda: tuple[TemplateAgendaItem, ...]


@dataclass(frozen=True)
class MeetingTemplate:
    key: str
    name_key: str
    meetings: tuple[TemplateMeeting, ...]
    description_key: str = ""


@dataclass(frozen=True)
class Concept:
    """A glossary concept with a starting definition the group can rewrite."""

    key: str
    term_key: str
    definition_key: str


@dataclass(frozen=True)
class FeedbackItem:
    key: str
    kind: Literal["scale", "text"]
    text_key: str


@dataclass(frozen=True)
class NamedItem:
    """A named thing with a short explanation (waste types, value parts, solution steps)."""

    key: str
    name_key: str
    explanation_key: str


# --------------------------------------------------------------------------- activity guides


def _guide(
    activity_type: str,
    *,
    name: _Text,
    purpose: _Text,
    steps: list[_Text],
    minutes: tuple[int, int],
    group_size: _Text,
    prepare: _Text,
    pitfalls: list[_Text],
    hint: _Text,
) -> ActivityGuide:
    p = f"activity.{activity_type}"
    return ActivityGuide(
        activity_type=activity_type,
        name=_msg(f"{p}.name", *name),
        purpose=_msg(f"{p}.purpose", *purpose),
        steps=tuple(_msg(f"{p}.step.{i}", *s) for i, s in enumerate(steps, start=1)),
        typical_minutes=minutes,
        group_size=_msg(f"{p}.group_size", *group_size),
        prepare=_msg(f"{p}.prepare", *prepare),
        pitfalls=tuple(_msg(f"{p}.pitfall.{i}", *s) for i, s in enumerate(pitfalls, start=1)),
        participant_hint=_msg(f"{p}.hint", *hint),
    )


_WHOLE_GROUP: _Text = ("Koko ryhmä", "Whole group")
_INDIVIDUALLY: _Text = ("Jokainen yksin", "Everyone on their own")

_GUIDE_LIST: tuple[ActivityGuide, ...] = (
    _guide(
        "info",
        name=("Alustus", "Briefing"),
        purpose=(
            "Kerrotaan lyhyesti, mitä tänään tehdään ja miksi. Kun kaikki tietävät tavoitteen, "
            "mukaan on helpompi tulla.",
            "Briefly explain what we will do today and why. When everyone knows the goal, "
            "it is easier to join in.",
        ),
        steps=[
            (
                "Toivota jokainen tervetulleeksi nimeltä. Kerro käytännön asiat: tauot, "
                "tarjoilu, wc ja matkakulujen korvaus.",
                "Welcome everyone by name. Cover the practical things: breaks, refreshments, "
                "toilets and how travel costs are paid back.",
            ),
            (
                "Kerro päivän tavoite yhdellä lauseella ja näytä ohjelma.",
                "State today's goal in one sentence and show the agenda.",
            ),
            (
                "Kerro, mitä tuotoksille tapahtuu: kuka kokoaa ne ja missä ne näytetään "
                "seuraavaksi.",
                "Explain what happens to the results: who puts them together and where they "
                "will be shown next.",
            ),
            (
                "Kysy, onko jotain epäselvää, ja odota hetki vastauksia.",
                "Ask whether anything is unclear, and wait a moment for answers.",
            ),
        ],
        minutes=(5, 15),
        group_size=_WHOLE_GROUP,
        prepare=(
            "Ohjelma selkokielellä yhdellä sivulla tai dialla. Osallistujien nimet ja tieto "
            "matkakulujen korvaamisesta.",
            "A one-page or one-slide agenda in plain language. Participants' names and "
            "information on paying back travel costs.",
        ),
        pitfalls=[
            (
                "Alustus venyy luennoksi. Pidä se alle kymmenessä minuutissa.",
                "The briefing turns into a lecture. Keep it under ten minutes.",
            ),
            (
                "Lyhenteet ja ammattisanat jäävät selittämättä. Puhu niin, että kuka tahansa "
                "ymmärtää.",
                "Abbreviations and jargon go unexplained. Speak so that anyone can understand.",
            ),
            (
                "Osallistujat eivät tiedä, mihin heidän työtään käytetään. Kerro se joka kerta.",
                "Participants do not know how their work will be used. Tell them every time.",
            ),
        ],
        hint=(
            "Kuuntele ja kysy heti, jos jokin jää epäselväksi.",
            "Listen, and ask straight away if anything is unclear.",
        ),
    ),
    _guide(
        "notes",
        name=("Muistiinpanot ja kommentit", "Notes and comments"),
        purpose=(
            "Ajatukset kerätään talteen, ja edellisen kerran tiivistystä kommentoidaan "
            "yhdessä. Osallistujat näkevät, että heitä on kuultu, ja voivat korjata tulkintoja.",
            "Capture thoughts and comment together on the summary of the previous meeting. "
            "Participants see that they were heard and can correct how they were understood.",
        ),
        steps=[
            (
                "Näytä tiivistys edellisestä kerrasta: mitä teimme ja mitä nousi esiin. Pidä "
                "se lyhyenä.",
                "Show the summary of the last meeting: what we did and what came up. Keep it "
                "short.",
            ),
            (
                "Anna jokaiselle muutama minuutti aikaa kirjoittaa kommentit omaan tahtiin.",
                "Give everyone a few minutes to write their comments at their own pace.",
            ),
            (
                "Käykää kommentit läpi. Mikä meni oikein, mikä puuttuu ja mikä pitää korjata?",
                "Go through the comments. What is right, what is missing and what needs fixing?",
            ),
            (
                "Korjaa tiivistys niin kuin yhdessä sovitaan, ja kerro, mitä muutit.",
                "Correct the summary as agreed together, and say what you changed.",
            ),
            (
                "Kerro, miten kommentit näkyvät seuraavassa vaiheessa.",
                "Explain how the comments will show in the next phase.",
            ),
        ],
        minutes=(10, 20),
        group_size=(
            "Koko ryhmä, kommentit kirjoitetaan yksin",
            "Whole group, comments written individually",
        ),
        prepare=(
            "Lyhyt tiivistys edellisen kerran tuotoksista, esimerkiksi yksi sivu tai kuva. "
            "Kirjoita se niin, että asiakasedustajat ymmärtävät sen.",
            "A short summary of the previous outputs, for example one page or one picture. "
            "Write it so that client representatives can understand it.",
        ),
        pitfalls=[
            (
                "Tiivistys on niin pitkä, ettei kukaan jaksa lukea sitä. Nosta esiin vain "
                "tärkeimmät asiat.",
                "The summary is too long for anyone to read. Bring out only the key points.",
            ),
            (
                "Fasilitaattori puolustaa omaa tulkintaansa. Kuuntele ja korjaa.",
                "The facilitator defends their own interpretation. Listen and correct it.",
            ),
            (
                "Vain äänekkäimmät kommentoivat. Kun kaikki kirjoittavat ensin, jokainen saa "
                "vuoron.",
                "Only the loudest comment. When everyone writes first, everyone gets a turn.",
            ),
        ],
        hint=(
            "Kirjoita lyhyesti, mitä ajattelet. Yksi ajatus yhteen muistiinpanoon.",
            "Write briefly what you think. One thought per note.",
        ),
    ),
    _guide(
        "principles",
        name=("Yhteiskehittämisen periaatteet", "Co-design ground rules"),
        purpose=(
            "Sovitaan yhdessä, miten toimimme. Yhteiset pelisäännöt tekevät ilmapiiristä "
            "turvallisen, niin että jokainen uskaltaa puhua ja olla eri mieltä.",
            "Agree together how we work. Shared ground rules make the atmosphere safe, so "
            "that everyone dares to speak up and to disagree.",
        ),
        steps=[
            (
                "Näytä periaatteiden luonnos ja lue se ääneen.",
                "Show the draft ground rules and read them aloud.",
            ),
            (
                "Kysy: mitä tämä tarkoittaa käytännössä? Puuttuuko jotain tärkeää?",
                "Ask: what does this mean in practice? Is something important missing?",
            ),
            (
                "Lisää tai muokkaa periaatteita ryhmän ehdotusten mukaan.",
                "Add or edit the rules based on the group's suggestions.",
            ),
            (
                "Sopikaa, mitä tehdään, jos periaatetta ei noudateta. Esimerkiksi kuka "
                "tahansa saa pysäyttää keskustelun.",
                "Agree what happens if a rule is broken. For example, anyone may pause the "
                "discussion.",
            ),
            (
                "Hyväksykää periaatteet yhdessä ja pitäkää ne esillä joka kerta.",
                "Agree on the rules together and keep them on display at every meeting.",
            ),
        ],
        minutes=(10, 20),
        group_size=_WHOLE_GROUP,
        prepare=(
            "Periaatteiden luonnos isolla fontilla paperilla tai näytöllä. Paikka, johon "
            "lisäykset voi kirjata.",
            "A draft of the rules in large print on paper or on screen. A place to write "
            "down additions.",
        ),
        pitfalls=[
            (
                "Periaatteet annetaan valmiina, eikä niistä keskustella. Silloin ne eivät ole "
                "ryhmän omia.",
                "The rules are handed out ready-made and not discussed. Then they do not "
                "belong to the group.",
            ),
            (
                "Periaatteet sovitaan kerran, eikä niihin palata. Kertaa ne tapaamisten alussa.",
                "The rules are agreed once and never revisited. Recap them at the start of "
                "meetings.",
            ),
            (
                "Periaatteita on liikaa. Alle kymmenen on helpompi muistaa.",
                "There are too many rules. Fewer than ten are easier to remember.",
            ),
        ],
        hint=(
            "Lue periaatteet. Voit ehdottaa lisäyksiä.",
            "Read the ground rules. You can suggest additions.",
        ),
    ),
    _guide(
        "picture_cards",
        name=("Kuvakortit", "Picture cards"),
        purpose=(
            "Tutustutaan toisiimme ihmisinä, ei organisaatioiden edustajina. Kuva auttaa "
            "aloittamaan, eikä kenenkään tarvitse keksiä sanottavaa tyhjästä.",
            "Get to know each other as people, not as representatives of organisations. A "
            "picture makes it easier to start, so nobody has to find words out of nowhere.",
        ),
        steps=[
            (
                "Levitä kortit pöydälle tai lattialle. Kortteja pitää olla selvästi enemmän "
                "kuin osallistujia, mieluiten ainakin kaksi kertaa enemmän.",
                "Spread the cards on a table or the floor. There should be clearly more cards "
                "than people, ideally at least twice as many.",
            ),
            (
                "Esitä kysymys, esimerkiksi: Mikä kortti kertoo, miltä sinusta tänään tuntuu?",
                "Ask a question, for example: Which card shows how you feel today?",
            ),
            (
                "Pyydä kaikkia valitsemaan kortti ensin hiljaa, ilman keskustelua.",
                "Ask everyone to choose a card silently first, without discussion.",
            ),
            (
                "Aloita kierros itse ja näytä mallia lyhyellä vastauksella.",
                "Start the round yourself and give a short answer as an example.",
            ),
            (
                "Jokainen kertoo nimensä ja miksi valitsi kortin. Titteleitä tai "
                "organisaatioita ei tarvitse kertoa.",
                "Everyone says their name and why they chose the card. Job titles and "
                "organisations are not needed.",
            ),
            (
                "Muistuta, ettei kenenkään tarvitse kertoa enempää kuin haluaa. Älä "
                "kommentoi toisten valintoja.",
                "Remind people that nobody has to say more than they want. Do not comment on "
                "other people's choices.",
            ),
        ],
        minutes=(15, 30),
        group_size=(
            "Koko ryhmä, enintään noin 12 henkeä. Isompi ryhmä kannattaa jakaa 5–6 hengen "
            "porukoihin.",
            "Whole group, up to about 12 people. Split a bigger group into groups of 5–6.",
        ),
        prepare=(
            "Kuvakorttipakka, jossa on monenlaisia kuvia ilman tekstiä. Kysymys näkyvillä ja "
            "niin paljon tilaa, että kaikki näkevät kortit.",
            "A deck of varied picture cards without text. The question on display, and enough "
            "room for everyone to see the cards.",
        ),
        pitfalls=[
            (
                "Kortteja on liian vähän, ja viimeiset joutuvat ottamaan sen, mitä jää.",
                "There are too few cards, and the last to choose have to take what is left.",
            ),
            (
                "Kierroksesta tulee työnimikkeiden esittely. Ohjaa takaisin kuvaan ja ihmiseen.",
                "The round turns into a list of job titles. Steer back to the picture and the "
                "person.",
            ),
            (
                "Joku tuntee painetta kertoa henkilökohtaisia asioita. Sano etukäteen, että "
                "lyhyt vastaus tai ohittaminen on ihan hyvä.",
                "Someone feels pressure to share personal things. Say beforehand that a short "
                "answer or passing is perfectly fine.",
            ),
            (
                "Iso ryhmä ja pitkät puheenvuorot venyttävät kierrosta. Sovi, kuinka pitkä "
                "yksi puheenvuoro voi olla.",
                "A big group and long turns stretch the round. Agree how long one turn can be.",
            ),
        ],
        hint=(
            "Valitse kortti rauhassa. Kerro siitä vain sen verran kuin haluat.",
            "Choose a card in your own time. Say only as much about it as you want.",
        ),
    ),
    _guide(
        "glossary",
        name=("Yhteiset käsitteet", "Shared concepts"),
        purpose=(
            "Varmistetaan, että sanat tarkoittavat kaikille samaa. Ammattilaisten "
            "käyttämät sanat avataan, jotta jokainen voi osallistua keskusteluun.",
            "Make sure words mean the same to everyone. Professional vocabulary is opened up "
            "so that everyone can join the discussion.",
        ),
        steps=[
            (
                "Näytä käsitteet ja niiden alustavat määritelmät.",
                "Show the concepts and their draft definitions.",
            ),
            (
                "Pyydä pareja tai pienryhmiä valitsemaan 2–3 käsitettä. Mitä sana tarkoittaa "
                "omin sanoin? Keksikää esimerkki arjesta.",
                "Ask pairs or small groups to choose 2–3 concepts. What does the word mean in "
                "your own words? Think of an everyday example.",
            ),
            (
                "Kuunnelkaa ryhmien versiot ja kirjatkaa yhteinen määritelmä.",
                "Listen to each group's version and write down a shared definition.",
            ),
            (
                "Avaa sanaseinä, johon voi koko prosessin ajan lisätä vaikeita tai epäselviä "
                "sanoja.",
                "Start a word wall where anyone can add difficult or unclear words throughout "
                "the process.",
            ),
            (
                "Päivitä sanasto tapaamisen jälkeen ja näytä se seuraavalla kerralla.",
                "Update the glossary after the meeting and show it next time.",
            ),
        ],
        minutes=(20, 40),
        group_size=(
            "Parit tai 3–4 hengen ryhmät, joissa on sekä asiakkaita että ammattilaisia",
            "Pairs or groups of 3–4 with both clients and professionals",
        ),
        prepare=(
            "Käsitelista, jossa on alustavat määritelmät selkeällä kielellä. Tyhjä paikka "
            "uusille sanoille.",
            "A list of concepts with draft definitions in plain language. An empty space for "
            "new words.",
        ),
        pitfalls=[
            (
                "Ammattilaiset luennoivat käsitteistä. Anna asiakkaiden kertoa ensin, mitä "
                "sanat heille tarkoittavat.",
                "Professionals lecture about the concepts. Let clients say first what the words "
                "mean to them.",
            ),
            (
                "Yritetään löytää täydellinen määritelmä. Riittää, että kaikki ymmärtävät sen "
                "samalla tavalla.",
                "Trying to find the perfect definition. It is enough that everyone understands "
                "it the same way.",
            ),
            (
                "Lyhenteet jäävät selittämättä. Kirjaa ne sanaseinälle heti, kun joku käyttää "
                "niitä.",
                "Abbreviations are left unexplained. Add them to the word wall as soon as "
                "someone uses them.",
            ),
        ],
        hint=(
            "Kerro omin sanoin, mitä sana sinulle tarkoittaa.",
            "Say in your own words what the word means to you.",
        ),
    ),
    _guide(
        "topics",
        name=("Aiheet etukäteen", "Topics in advance"),
        purpose=(
            "Osallistujat kirjaavat etukäteen aiheita, joista haluavat puhua. Kun on voinut "
            "valmistautua, keskusteluun on helpompi tulla mukaan.",
            "Participants write down topics they want to discuss before the meeting. Having "
            "had time to prepare makes it easier to join the discussion.",
        ),
        steps=[
            (
                "Kerro seuraavan tapaamisen teema yhdellä lauseella.",
                "State the theme of the next meeting in one sentence.",
            ),
            (
                "Pyydä jokaista kirjaamaan 1–3 aihetta tai kysymystä. Sen voi tehdä nyt tai "
                "puhelimella ennen seuraavaa kertaa.",
                "Ask everyone to write 1–3 topics or questions. They can do it now or on their "
                "phone before next time.",
            ),
            (
                "Ryhmittele samankaltaiset aiheet yhteen.",
                "Group similar topics together.",
            ),
            (
                "Kerro, missä kohdassa mikin aihe käsitellään. Ne aiheet, jotka eivät mahdu "
                "ohjelmaan, kirjataan parkkipaikalle, ja niihin palataan myöhemmin.",
                "Say when each topic will be handled. Topics that do not fit the agenda go to a "
                "parking lot and are returned to later.",
            ),
        ],
        minutes=(5, 15),
        group_size=_INDIVIDUALLY,
        prepare=(
            "Seuraavan kerran teema lyhyesti. Tapa lähettää aiheita tapaamisten välillä, "
            "esimerkiksi puhelimella.",
            "A short description of the next theme. A way to send topics between meetings, "
            "for example by phone.",
        ),
        pitfalls=[
            (
                "Aiheet kerätään, mutta niitä ei käsitellä. Näytä aina, mihin kukin aihe päätyi.",
                "Topics are collected but never discussed. Always show where each topic ended up.",
            ),
            (
                "Teema on niin epämääräinen, ettei aiheita keksi. Anna esimerkki.",
                "The theme is so vague that nobody can think of topics. Give an example.",
            ),
            (
                "Kirjoittaminen voi olla jollekin vaikeaa. Aiheen saa kertoa myös ääneen.",
                "Writing can be hard for some people. Topics may also be said out loud.",
            ),
        ],
        hint=(
            "Kirjoita 1–3 asiaa, joista haluat puhua ensi kerralla.",
            "Write 1–3 things you would like to talk about next time.",
        ),
    ),
    _guide(
        "learning_cafe",
        name=("Learning café -työskentely", "Learning café"),
        purpose=(
            "Kartoitetaan alueen palveluja, verkostoja ja kehittämistarpeita. Jokainen pääsee "
            "kommentoimaan jokaista kysymystä, ja ajatukset kasvavat kierros kierrokselta.",
            "Map the area's services, networks and development needs. Everyone gets to "
            "comment on every question, and the ideas grow round by round.",
        ),
        steps=[
            (
                "Järjestä tilaan 3–4 pistettä. Jokaisella pisteellä on yksi kysymys ja oma vetäjä, "
                "joka pysyy pisteellä koko ajan.",
                "Set up 3–4 stations. Each station has one question and its own host, who "
                "stays at the station the whole time.",
            ),
            (
                "Jaa osallistujat ryhmiin niin, että jokaisessa on sekä asiakkaita että "
                "ammattilaisia. Jokainen ryhmä aloittaa eri pisteeltä.",
                "Divide people into groups that mix clients and professionals. Each group "
                "starts at a different station.",
            ),
            (
                "Ryhmä keskustelee pisteen kysymyksestä noin 15 minuuttia ja kirjaa ajatuksensa.",
                "The group discusses the station's question for about 15 minutes and writes down "
                "its thoughts.",
            ),
            (
                "Anna merkki, ja ryhmät siirtyvät seuraavalle pisteelle. Vetäjä kertoo uudelle "
                "ryhmälle lyhyesti, mitä aiemmat ryhmät sanoivat.",
                "Give a signal and the groups move on to the next station. The host briefly "
                "tells the new group what the earlier groups said.",
            ),
            (
                "Uusi ryhmä jatkaa siitä, täydentää ja saa olla eri mieltä. Jatkakaa, kunnes "
                "kaikki ovat käyneet kaikilla pisteillä.",
                "The new group carries on from there, adds to it and may disagree. Keep going "
                "until everyone has visited every station.",
            ),
            (
                "Lopuksi vetäjät kertovat koko ryhmälle pisteensä tärkeimmät asiat.",
                "Finally, the hosts share the main points of their station with the whole group.",
            ),
            (
                "Kokoa pisteiden tulokset yhdeksi kokonaisuudeksi tapaamisen jälkeen ja näytä "
                "se seuraavalla kerralla.",
                "After the meeting, combine the results of all stations into one whole and "
                "show it next time.",
            ),
        ],
        minutes=(45, 90),
        group_size=(
            "3–5 hengen ryhmät ja yksi vetäjä jokaisella pisteellä",
            "Groups of 3–5 and one host at each station",
        ),
        prepare=(
            "Kysymykset valmiina. Vetäjät perehdytetty etukäteen: he tiivistävät, rohkaisevat "
            "ja kirjaavat. Fläppitaulut tai sovellus, ajastin ja tilaa liikkua.",
            "Questions ready. Hosts briefed beforehand: they summarise, encourage and take "
            "notes. Flip charts or the app, a timer and room to move around.",
        ),
        pitfalls=[
            (
                "Vetäjä puhuu itse eikä kuuntele. Vetäjän tehtävä on tiivistää ja kysyä, ei "
                "kertoa omia mielipiteitään.",
                "The host talks instead of listening. The host's job is to summarise and ask, "
                "not to give their own opinions.",
            ),
            (
                "Kierrokset ovat liian lyhyitä tai liian pitkiä. Seuraa keskustelua ja muuta "
                "aikaa tarvittaessa.",
                "Rounds are too short or too long. Follow the discussion and change the timing "
                "if needed.",
            ),
            (
                "Kaikki vetäjät ovat ammattilaisia. Harkitse asiakasedustajaa vetäjän pariksi.",
                "All hosts are professionals. Consider a client representative as a co-host.",
            ),
            (
                "Loppuyhteenvedosta tulee pitkä luettelo. Pyydä jokaiselta pisteeltä vain 2–3 "
                "tärkeintä asiaa.",
                "The final summary becomes a long list. Ask each station for only its 2–3 most "
                "important points.",
            ),
        ],
        hint=(
            "Keskustele pisteen kysymyksestä ja kirjaa ajatukset. Kun aika loppuu, siirry "
            "seuraavalle pisteelle.",
            "Discuss the station's question and write down your thoughts. When time is up, "
            "move on to the next station.",
        ),
    ),
    _guide(
        "feedback",
        name=("Palaute", "Feedback"),
        purpose=(
            "Selvitetään, miltä osallistuminen tuntui, ja parannetaan seuraavaa kertaa. "
            "Asiakkaiden ja työntekijöiden vastaukset katsotaan erikseen, jotta erot näkyvät.",
            "Find out how taking part felt and improve the next meeting. Clients' and "
            "workers' answers are looked at separately so that differences show.",
        ),
        steps=[
            (
                "Kerro, miksi palautetta kerätään ja että vastaukset ovat nimettömiä.",
                "Explain why feedback is collected and that the answers are anonymous.",
            ),
            (
                "Varaa vastaamiseen noin viisi minuuttia ennen lopetusta.",
                "Set aside about five minutes for answering before the end.",
            ),
            (
                "Näytä yhteenveto niin, että asiakkaiden ja työntekijöiden vastaukset ovat "
                "erikseen.",
                "Show the summary with clients' and workers' answers apart.",
            ),
            (
                "Älä näytä tuloksia ryhmästä, jossa on alle kolme vastaajaa. Muuten vastaaja "
                "voi tunnistua.",
                "Do not show results for a group with fewer than three respondents. Otherwise "
                "someone could be identified.",
            ),
            (
                "Kerro seuraavalla kerralla, mitä muutit palautteen perusteella.",
                "Next time, tell the group what you changed because of the feedback.",
            ),
        ],
        minutes=(5, 15),
        group_size=_INDIVIDUALLY,
        prepare=(
            "Tarkistetut kysymykset ja paperilomakkeita niille, jotka eivät halua käyttää "
            "puhelinta.",
            "Checked questions, and paper forms for those who do not want to use a phone.",
        ),
        pitfalls=[
            (
                "Palautetta kerätään, mutta mikään ei muutu. Kerro aina, mitä palautteelle "
                "tehtiin.",
                "Feedback is collected but nothing changes. Always tell what was done with it.",
            ),
            (
                "Pienen ryhmän tuloksista voi päätellä, kuka vastasi. Siksi alle kolmen "
                "vastaajan tuloksia ei näytetä.",
                "Results from a small group can reveal who answered. That is why results with "
                "fewer than three respondents are not shown.",
            ),
            (
                "Palaute jätetään viime minuuteille, kun ihmiset ovat jo lähdössä. Varaa sille "
                "oma aika.",
                "Feedback is left to the last minutes when people are already leaving. Give it "
                "its own slot.",
            ),
        ],
        hint=(
            "Vastaa nimettömästi. Palautteesi auttaa tekemään seuraavasta kerrasta paremman.",
            "Answer anonymously. Your feedback helps make the next meeting better.",
        ),
    ),
    _guide(
        "personas",
        name=("Käyttäjäpersoonat", "Personas"),
        purpose=(
            "Rakennetaan yhteinen käsitys siitä, kuka asiakas on ja millaisessa tilanteessa "
            "hän elää. Persoona on keksitty henkilö, joka kootaan todellisista kokemuksista.",
            "Build a shared picture of who the client is and what situation they live in. A "
            "persona is an imagined person put together from real experiences.",
        ),
        steps=[
            (
                "Kerro, mikä persoona on. Se perustuu todellisiin kokemuksiin, mutta ketään ei "
                "saa voida tunnistaa.",
                "Explain what a persona is. It is based on real experiences, but nobody must be "
                "recognisable.",
            ),
            (
                "Jaa osallistujat 3–4 hengen ryhmiin, joissa on sekä asiakkaita että "
                "ammattilaisia.",
                "Divide people into groups of 3–4 with both clients and professionals.",
            ),
            (
                "Jokainen ryhmä kirjoittaa 1–3 persoonaa: nimi, ikä, elämäntilanne ja mikä "
                "hänelle on tärkeää.",
                "Each group writes 1–3 personas: name, age, life situation and what matters to "
                "them.",
            ),
            (
                "Syventäkää persoonaa kohdennetuilla kysymyksillä. Mitä muutosta hän toivoo, ja "
                "mikä auttaisi?",
                "Deepen the persona with targeted questions. What change do they hope for, and "
                "what would help?",
            ),
            (
                "Pohtikaa asiakasarvoa. Mitä toiminnallista, sosiaalista ja tunteisiin "
                "liittyvää hyötyä hän saisi?",
                "Think about customer value. What functional, social and emotional benefit "
                "would they get?",
            ),
            (
                "Ryhmät esittelevät persoonansa lyhyesti, ja muut saavat kysyä.",
                "Groups briefly present their personas, and others may ask questions.",
            ),
            (
                "Tiivistä persoonat tapaamisen jälkeen ja tuo ne kommentoitaviksi seuraavalla "
                "kerralla.",
                "Condense the personas after the meeting and bring them back for comments next "
                "time.",
            ),
        ],
        minutes=(60, 90),
        group_size=("3–4 hengen ryhmät", "Groups of 3–4"),
        prepare=(
            "Persoonapohja, kohdennetut kysymykset ja yksi valmis esimerkkipersoona mallina.",
            "A persona template, the targeted questions and one finished example persona as "
            "a model.",
        ),
        pitfalls=[
            (
                "Persoona muistuttaa liikaa oikeaa, tunnistettavaa ihmistä. Muuta yksityiskohtia.",
                "The persona is too close to a real, recognisable person. Change the details.",
            ),
            (
                "Persoonasta tulee stereotypia, esimerkiksi hankala asiakas. Kysy, mitä hän "
                "itse ajattelee ja mitä hän osaa.",
                "The persona becomes a stereotype, such as the difficult client. Ask what they "
                "think themselves and what they are good at.",
            ),
            (
                "Ammattilaiset kirjoittavat, ja asiakkaat katsovat vierestä. Anna kynä "
                "asiakasedustajalle.",
                "Professionals write while clients watch. Hand the pen to a client representative.",
            ),
            (
                "Persoonia tehdään liikaa. Yksi hyvin mietitty on parempi kuin monta ohutta.",
                "Too many personas are made. One well thought-out persona beats many thin ones.",
            ),
        ],
        hint=(
            "Keksikää ihminen, jonka tilanne on tuttu monelle. Älkää kuvatko ketään "
            "tunnistettavaa.",
            "Invent a person whose situation is true for many. Do not describe anyone who "
            "could be recognised.",
        ),
    ),
    _guide(
        "service_path",
        name=("Palvelupolku", "Service path"),
        purpose=(
            "Kuvataan vaihe vaiheelta, mitä persoonalle tapahtuu palveluissa. Näin nähdään, "
            "mikä auttaa ja missä kohdassa polku katkeaa.",
            "Describe step by step what happens to the persona in services. This shows what "
            "helps and where the path breaks.",
        ),
        steps=[
            (
                "Jokainen ryhmä valitsee yhden persoonan edelliseltä kerralta.",
                "Each group picks one persona from last time.",
            ),
            (
                "Kirjatkaa polun vaiheet järjestyksessä: mistä kaikki alkaa ja mitä sitten "
                "tapahtuu. Ottakaa mukaan myös koti, läheiset ja järjestöt.",
                "Write down the steps in order: where it all starts and what happens next. "
                "Include home, loved ones and NGOs too.",
            ),
            (
                "Kysykää jokaisesta vaiheesta: mitä tapahtui, mikä oli merkityksellistä ja mikä "
                "oli vaikeaa?",
                "For each step, ask: what happened, what was meaningful and what was difficult?",
            ),
            (
                "Merkitkää kohdat, joissa polku katkeaa tai ihminen putoaa palvelujen väliin.",
                "Mark the points where the path breaks or the person falls between services.",
            ),
            (
                "Ryhmät esittelevät polkunsa, ja muut täydentävät.",
                "Groups present their paths, and the others add to them.",
            ),
            (
                "Tallenna polut seuraavaa kertaa varten, esimerkiksi valokuvina.",
                "Save the paths for next time, for example as photos.",
            ),
        ],
        minutes=(60, 90),
        group_size=(
            "3–4 hengen ryhmät, mieluiten samat kuin persoonatyössä",
            "Groups of 3–4, preferably the same as for the personas",
        ),
        prepare=(
            "Edellisen kerran persoonat tulostettuina, pitkä paperi tai sovellus sekä laput "
            "kolmessa eri värissä: tapahtui, merkityksellistä, vaikeaa.",
            "Last meeting's personas printed, a long sheet of paper or the app, and notes in "
            "three colours: happened, meaningful, difficult.",
        ),
        pitfalls=[
            (
                "Polku kuvataan organisaation prosessina. Pysykää persoonan näkökulmassa: mitä "
                "hän kokee?",
                "The path is described as the organisation's process. Stay with the persona's "
                "point of view: what do they experience?",
            ),
            (
                "Kirjataan vain ongelmat. Kirjatkaa myös se, mikä auttoi.",
                "Only problems are recorded. Record what helped as well.",
            ),
            (
                "Polku loppuu ensimmäiseen palveluun. Kysykää: entä sen jälkeen?",
                "The path stops at the first service. Ask: and what happened after that?",
            ),
        ],
        hint=(
            "Kirjaa polun vaiheet järjestyksessä: mitä tapahtui, mikä oli tärkeää ja mikä vaikeaa.",
            "Write the steps of the path in order: what happened, what mattered and what was "
            "difficult.",
        ),
    ),
    _guide(
        "causal_map",
        name=("Kausaalikartta", "Causal map"),
        purpose=(
            "Selvitetään kriittisten kohtien syyt ja seuraukset. Kun syyt näkyvät, löytyy "
            "kohta, jossa muutos auttaa eniten.",
            "Work out the causes and effects behind critical points. When the causes are "
            "visible, you can find where a change would help most.",
        ),
        steps=[
            (
                "Valitkaa palvelupoluilta yksi kriittinen kohta ja kirjoittakaa se keskelle.",
                "Choose one critical point from the service paths and write it in the middle.",
            ),
            (
                "Kysykää: miksi näin käy? Kirjatkaa syyt ja kysykää jokaisesta syystä vielä "
                "kerran, miksi.",
                "Ask: why does this happen? Write down the causes and ask why once more for "
                "each of them.",
            ),
            (
                "Kysykää: mitä tästä seuraa asiakkaalle, läheisille ja palveluille? Kirjatkaa "
                "seuraukset.",
                "Ask: what follows from this for the client, their loved ones and the "
                "services? Write down the effects.",
            ),
            (
                "Piirtäkää nuolet syistä seurauksiin. Merkitkää syyt, joihin voimme itse "
                "vaikuttaa.",
                "Draw arrows from causes to effects. Mark the causes we can influence ourselves.",
            ),
            (
                "Etsikää kohdat, joissa yksi muutos katkaisisi monta ketjua, ja kirjatkaa "
                "ratkaisuideat.",
                "Look for points where one change would break several chains, and write down "
                "solution ideas.",
            ),
            (
                "Kirjaa kartta ja keskustelu muistioksi seuraavaa kertaa varten.",
                "Record the map and the discussion as a memo for next time.",
            ),
        ],
        minutes=(45, 75),
        group_size=(
            "4–6 hengen ryhmät, yksi kartta ryhmää kohden",
            "Groups of 4–6, one map per group",
        ),
        prepare=(
            "Lista edellisten kertojen kriittisistä kohdista, iso paperi tai sovellus ja "
            "tusseja nuolia varten.",
            "A list of critical points from earlier meetings, a large sheet of paper or the "
            "app, and markers for drawing arrows.",
        ),
        pitfalls=[
            (
                "Hypätään suoraan ratkaisuihin. Ymmärtäkää syyt ensin.",
                "Jumping straight to solutions. Understand the causes first.",
            ),
            (
                "Etsitään syyllistä. Puhukaa tilanteista ja rakenteista, ei yksittäisistä "
                "ihmisistä.",
                "Looking for someone to blame. Talk about situations and structures, not "
                "individual people.",
            ),
            (
                "Kartasta tulee liian laaja. Yksi kriittinen kohta yhteen karttaan riittää.",
                "The map grows too big. One critical point per map is enough.",
            ),
        ],
        hint=(
            "Kysy ”miksi?” ja ”mitä siitä seuraa?”. Piirrä nuoli syystä seuraukseen.",
            "Ask “why?” and “what follows?”. Draw an arrow from cause to effect.",
        ),
    ),
    _guide(
        "prioritising",
        name=("Priorisointi", "Prioritising"),
        purpose=(
            "Valitaan yhdessä tärkeimmät asiat, joihin työ keskitetään. Kaikkea ei voi tehdä "
            "kerralla.",
            "Choose together the most important issues to focus on. Not everything can be "
            "done at once.",
        ),
        steps=[
            (
                "Näytä kaikki vaihtoehdot ja varmista, että jokainen ymmärtää ne.",
                "Show all the options and make sure everyone understands them.",
            ),
            (
                "Sopikaa valinnan perusteet, esimerkiksi merkitys asiakkaalle ja se, voimmeko "
                "vaikuttaa asiaan.",
                "Agree on the criteria, for example how much it matters to clients and whether "
                "we can influence it.",
            ),
            (
                "Jokainen saa muutaman merkin ja sijoittaa ne ensin hiljaa itsekseen.",
                "Everyone gets a few marks and first places them silently on their own.",
            ),
            (
                "Laskekaa merkit. Katsokaa myös erikseen, mitä asiakkaat ja mitä työntekijät "
                "valitsivat.",
                "Count the marks. Also look separately at what clients and what workers chose.",
            ),
            (
                "Keskustelkaa tuloksesta. Jäikö jotain tärkeää pois? Tehkää päätös vasta sitten.",
                "Discuss the result. Was something important left out? Only then decide.",
            ),
        ],
        minutes=(15, 30),
        group_size=(
            "Koko ryhmä, merkit jokainen yksin",
            "Whole group, each person places their marks alone",
        ),
        prepare=(
            "Vaihtoehdot näkyvillä selkeästi ja samankokoisina. Merkit tai tarrat, esimerkiksi "
            "3–5 jokaiselle.",
            "The options on display, clearly and at the same size. Marks or stickers, for "
            "example 3–5 per person.",
        ),
        pitfalls=[
            (
                "Merkit laitetaan näkyvästi yksi kerrallaan, ja muut seuraavat ensimmäisten "
                "valintoja. "
                "Pyydä valitsemaan ensin hiljaa.",
                "Marks are placed openly one at a time, and others follow the first ones. Ask "
                "people to choose silently first.",
            ),
            (
                "Vaihtoehdot ovat epäselviä tai menevät päällekkäin. Yhdistä ja selkeytä ne "
                "ennen äänestystä.",
                "The options are unclear or overlap. Merge and clarify them before voting.",
            ),
            (
                "Tulos julistetaan ilman keskustelua. Kuuntele myös vähemmistön perustelut.",
                "The result is announced without discussion. Listen to the minority's reasons too.",
            ),
        ],
        hint=(
            "Merkitse ne asiat, jotka ovat sinusta tärkeimpiä.",
            "Mark the issues that matter most to you.",
        ),
    ),
    _guide(
        "waste_workshop",
        name=("Hukkatyöpaja", "Waste workshop"),
        purpose=(
            "Etsitään kohdat, joissa aikaa, vaivaa tai osaamista menee hukkaan asiakkaan tai "
            "työntekijän kannalta. Valitaan, mitä hukkaa vähennetään ensin.",
            "Find the points where time, effort or skills are wasted, for the client or for "
            "the worker. Choose which waste to reduce first.",
        ),
        steps=[
            (
                "Kerro, mitä hukka tarkoittaa, ja käy läpi kahdeksan hukkatyyppiä esimerkkien "
                "avulla.",
                "Explain what waste means and go through the eight types of waste with examples.",
            ),
            (
                "Pienryhmät käyvät läpi palvelupolun tai oman työn ja kirjaavat havaitsemansa "
                "hukat, yksi hukka lappua kohden.",
                "Small groups go through a service path or their own work and write down the "
                "waste they notice, one per note.",
            ),
            (
                "Sijoittakaa laput hukkatyyppien alle. Jos tyyppi on epäselvä, valitkaa lähin.",
                "Place the notes under the waste types. If the type is unclear, pick the "
                "closest one.",
            ),
            (
                "Esitelkää havainnot ja yhdistäkää samanlaiset.",
                "Present your findings and merge similar ones.",
            ),
            (
                "Kirjatkaa myös, mikä toimii jo hyvin ja mistä halutaan pitää kiinni.",
                "Also write down what already works well and should be kept.",
            ),
            (
                "Priorisoikaa, mihin hukkaan tartutaan ensimmäisenä.",
                "Prioritise which waste to tackle first.",
            ),
        ],
        minutes=(45, 90),
        group_size=(
            "3–5 hengen ryhmät, joissa on sekä asiakkaita että työntekijöitä",
            "Groups of 3–5 with both clients and workers",
        ),
        prepare=(
            "Hukkatyypit esimerkkeineen, aiemmat palvelupolut ja lappuja.",
            "The types of waste with examples, earlier service paths and sticky notes.",
        ),
        pitfalls=[
            (
                "Työpaja muuttuu valittamiseksi tai kollegoiden syyttelyksi. Puhukaa "
                "toimintatavoista, ei ihmisistä.",
                "The workshop turns into complaining or blaming colleagues. Talk about ways of "
                "working, not people.",
            ),
            (
                "Katsotaan vain työntekijöiden hukkaa. Kysykää: missä asiakkaan aika ja voimat "
                "menevät hukkaan?",
                "Only the workers' waste is considered. Ask: where are the client's time and "
                "energy wasted?",
            ),
            (
                "Unohdetaan se, mikä toimii. Kirjatkaa hyvät käytännöt, jotta niitä ei "
                "korjata rikki.",
                "What works is forgotten. Write down good practices so that they are not "
                "broken while fixing other things.",
            ),
        ],
        hint=(
            "Mieti, missä kohdassa aikaa, vaivaa tai osaamista menee hukkaan.",
            "Think about where time, effort or skills go to waste.",
        ),
    ),
    _guide(
        "tuplatiimi",
        name=("Tuplatiimi", "Double Team (Tuplatiimi)"),
        purpose=(
            "Tuotetaan nopeasti paljon ideoita ja päädytään konkreettiseen "
            "toimintasuunnitelmaan. Jokaisen ääni kuuluu, koska kaikki miettivät ensin yksin.",
            "Produce many ideas quickly and end up with a concrete action plan. Every voice "
            "is heard because everyone thinks alone first.",
        ),
        steps=[
            (
                "Esitä kysymys, esimerkiksi: Miten asiakas saisi apua ilman, että hänen pitää "
                "kertoa tarinansa monta kertaa?",
                "Present the question, for example: How could a client get help without "
                "having to tell their story many times?",
            ),
            (
                "Jokainen miettii ensin yksin ja hiljaa ja kirjoittaa ideansa ylös, noin 5–10 "
                "minuuttia.",
                "Everyone first thinks alone and in silence and writes their ideas down, for "
                "about 5–10 minutes.",
            ),
            (
                "Muodostakaa parit, mieluiten asiakas ja ammattilainen yhdessä. Parit kertovat "
                "ideansa toisilleen ja kirjoittavat parhaat selkeästi.",
                "Form pairs, ideally a client and a professional together. Partners share their "
                "ideas and write the best ones down clearly.",
            ),
            (
                "Ideat kootaan seinälle. Jokaisella parilla on viisi merkkiä, ja niistä "
                "enintään kaksi saa laittaa omiin ideoihin.",
                "All ideas go up on the wall. Each pair has five marks, and at most two of them "
                "may go on their own ideas.",
            ),
            (
                "Ryhmitelkää ideat yhdessä teemoiksi ja laskekaa merkit.",
                "Group the ideas into themes together and count the marks.",
            ),
            (
                "Tehkää suosituimmista teemoista toimintasuunnitelma: mitä tehdään, kuka tekee "
                "ja mihin mennessä.",
                "Make an action plan for the most popular themes: what will be done, who does "
                "it and by when.",
            ),
        ],
        minutes=(60, 90),
        group_size=(
            "Ensin parit, sitten koko ryhmä (noin 8–24 henkeä)",
            "Pairs first, then the whole group (about 8–24 people)",
        ),
        prepare=(
            "Kysymys valmiiksi muotoiltuna, lappuja, viisi merkkiä jokaiselle parille ja "
            "toimintasuunnitelman pohja.",
            "The question worded in advance, sticky notes, five marks per pair and an action "
            "plan template.",
        ),
        pitfalls=[
            (
                "Hiljainen vaihe ohitetaan, ja äänekkäimmät vievät keskustelun. Pidä hiljainen "
                "hetki joka kerta.",
                "The silent phase is skipped and the loudest take over. Always keep the silent "
                "moment.",
            ),
            (
                "Parit muodostuvat tuttujen kesken, esimerkiksi kaksi saman yksikön "
                "työntekijää. Sekoita parit.",
                "Pairs form among people who already know each other, such as two workers from "
                "the same unit. Mix the pairs.",
            ),
            (
                "Toimintasuunnitelmasta puuttuu nimi tai päivämäärä. Silloin mitään ei tapahdu.",
                "The action plan has no name or date. Then nothing happens.",
            ),
        ],
        hint=(
            "Mieti ensin yksin ja hiljaa. Sitten jaa ideasi parisi kanssa.",
            "Think alone and in silence first. Then share your ideas with your partner.",
        ),
    ),
    _guide(
        "solution_steps",
        name=("Ratkaisun kehittäminen askel kerrallaan", "Developing a solution step by step"),
        purpose=(
            "Idea viedään käytäntöön neljässä askeleessa: ideointi, idean valinta, idean "
            "testaus asiakkailla ja ratkaisun testaus. Näin varmistetaan, että valmis malli "
            "toimii myös asiakkaille.",
            "An idea is taken into practice in four steps: ideation, choosing the idea, "
            "testing the idea with clients and testing the solution. This way the finished "
            "model works for clients too.",
        ),
        steps=[
            (
                "Tarkistakaa, missä askeleessa olette ja mitä on jo tehty.",
                "Check which step you are at and what has already been done.",
            ),
            (
                "Ideointi: kerätkää ideoita laajasti ja arvostelematta.",
                "Ideation: collect ideas widely and without judging them.",
            ),
            (
                "Idean valinta: verratkaa ideoita sovittuihin perusteisiin ja valitkaa yksi "
                "kokeiltava.",
                "Choosing: compare the ideas with the agreed criteria and pick one to try.",
            ),
            (
                "Idean testaus: kysykää asiakkailta, mitä mieltä he ovat ideasta, ja muokatkaa "
                "sitä.",
                "Testing the idea: ask clients what they think of it, and adjust it.",
            ),
            (
                "Ratkaisun testaus: kokeilkaa ratkaisua oikeassa työssä rajatun ajan. Sopikaa "
                "etukäteen, mistä huomaatte, toimiiko se.",
                "Testing the solution: try it in real work for a limited time. Agree beforehand "
                "how you will tell whether it works.",
            ),
            (
                "Sopikaa seuraava askel ja se, kuka vie sitä eteenpäin.",
                "Agree the next step and who will take it forward.",
            ),
        ],
        minutes=(30, 60),
        group_size=("Koko ryhmä tai pienryhmät", "Whole group or small groups"),
        prepare=(
            "Edellisen kerran ideat ja yksinkertainen kokeilusuunnitelman pohja.",
            "The ideas from last time and a simple template for a trial plan.",
        ),
        pitfalls=[
            (
                "Idea valitaan liian aikaisin, ennen kuin vaihtoehtoja on tarpeeksi.",
                "An idea is chosen too early, before there are enough options.",
            ),
            (
                "Ideaa testataan vain työntekijöillä. Kysykää asiakkaiden mielipide aina ennen "
                "kokeilua.",
                "The idea is only tested with staff. Always ask clients what they think before "
                "the trial.",
            ),
            (
                "Kokeilu on liian iso. Aloittakaa pienestä, esimerkiksi yhdessä yksikössä "
                "muutaman viikon ajan.",
                "The trial is too big. Start small, for example in one unit for a few weeks.",
            ),
        ],
        hint=(
            "Mieti, miten ideaa voisi kokeilla pienesti ja kenen kanssa.",
            "Think how the idea could be tried out on a small scale, and with whom.",
        ),
    ),
    _guide(
        "model_canvas",
        name=("Toimintamallin pohja", "Service model canvas"),
        purpose=(
            "Opittu kootaan toimintamallin kuvaukseksi: kenelle malli on, mitä tehdään, kuka "
            "tekee ja miten asiakas pääsee mukaan. Lisäksi sovitaan laatukriteerit.",
            "Bring what has been learned together into a description of the service model: "
            "who it is for, what is done, who does it and how the client gets in. Quality "
            "criteria are agreed too.",
        ),
        steps=[
            (
                "Näytä pohjan osat ja luonnos, jonka olet koonnut aiemmista tuotoksista.",
                "Show the parts of the canvas and the draft you have put together from earlier "
                "outputs.",
            ),
            (
                "Käykää pohja läpi osa kerrallaan. Onko tämä oikein, ja puuttuuko jotain?",
                "Go through the canvas one part at a time. Is this right, and is anything missing?",
            ),
            (
                "Kirjatkaa laatukriteerit: mistä asiakas huomaa, että malli toimii?",
                "Write down quality criteria: how will the client notice that the model works?",
            ),
            (
                "Merkitkää avoimet kysymykset ja sopikaa, kuka selvittää ne.",
                "Mark the open questions and agree who will find out the answers.",
            ),
            (
                "Sopikaa, miten malli tarkistetaan asiakkaiden kanssa ja otetaan käyttöön.",
                "Agree how the model will be checked with clients and put into use.",
            ),
        ],
        minutes=(60, 90),
        group_size=(
            "Pienryhmät pohjan eri osiin, sitten koko ryhmä",
            "Small groups for different parts of the canvas, then the whole group",
        ),
        prepare=(
            "Pohjan luonnos, johon on koottu aiempien tapaamisten tulokset. Aiemmat tuotokset "
            "näkyvillä.",
            "A draft canvas filled in with the results of earlier meetings. Earlier outputs "
            "on display.",
        ),
        pitfalls=[
            (
                "Malli kirjoitetaan ammattikielellä. Asiakasedustajien pitää ymmärtää jokainen "
                "kohta.",
                "The model is written in professional jargon. Client representatives must "
                "understand every part.",
            ),
            (
                "Aloitetaan tyhjältä paperilta. Käyttäkää persoonia, polkuja ja ideoita, jotka "
                "on jo tehty.",
                "Starting from a blank sheet. Use the personas, paths and ideas you already have.",
            ),
            (
                "Mallille ei nimetä omistajaa. Sopikaa, kuka vastaa mallin käyttöönotosta ja "
                "päivittämisestä.",
                "Nobody is named as the owner of the model. Agree who is responsible for "
                "putting it into use and keeping it up to date.",
            ),
        ],
        hint=(
            "Tarkista, onko mallissa kaikki, mikä asiakkaalle on tärkeää.",
            "Check that the model includes everything that matters to the client.",
        ),
    ),
)

GUIDES: dict[str, ActivityGuide] = {g.activity_type: g for g in _GUIDE_LIST}

#: Headings for showing a guide; keys are ActivityGuide field names.
GUIDE_LABELS: dict[str, str] = {
    "purpose": _msg("guide.purpose", "Tarkoitus", "Purpose"),
    "steps": _msg("guide.steps", "Näin toimit", "How to run it"),
    "typical_minutes": _msg(
        "guide.typical_minutes", "Tavallinen kesto (min)", "Usual length (min)"
    ),
    "group_size": _msg("guide.group_size", "Ryhmän koko", "Group size"),
    "prepare": _msg("guide.prepare", "Valmistele", "Prepare"),
    "pitfalls": _msg("guide.pitfalls", "Sudenkuopat", "Pitfalls"),
    "participant_hint": _msg(
        "guide.participant_hint",
        "Osallistuja näkee puhelimessaan",
        "What participants see on their phones",
    ),
}


def get_guide(activity_type: str) -> ActivityGuide:
    """The guide of an activity type; ``KeyError`` for an unknown type."""
    try:
        return GUIDES[activity_type]
    except KeyError:
        raise KeyError(f"unknown activity type: {activity_type}") from None


# --------------------------------------------------------------------------- phases and roles


def _phase(key: str, name: _Text, description: _Text, activity_types: tuple[str, ...]) -> PhaseInfo:
    return PhaseInfo(
        key=key,
        name_key=_msg(f"phase.{key}.name", *name),
        description_key=_msg(f"phase.{key}.description", *description),
        activity_types=activity_types,
    )


PHASE_INFO: dict[str, PhaseInfo] = {
    p.key: p
    for p in (
        _phase(
            "warmup",
            ("Alkuvalmennus", "Warm-up"),
            (
                "Tutustutaan toisiimme ja sovitaan yhteiset pelisäännöt. Sovitaan, mitä "
                "tärkeät sanat tarkoittavat, ja kartoitetaan alueen palvelut ja "
                "kehittämistarpeet.",
                "We get to know each other and agree shared ground rules. We agree what the key "
                "words mean and map the area's services and development needs.",
            ),
            (
                "info",
                "principles",
                "picture_cards",
                "glossary",
                "learning_cafe",
                "topics",
                "feedback",
            ),
        ),
        _phase(
            "personas",
            ("Asiakasymmärrys", "Understanding clients"),
            (
                "Kuvataan pienryhmissä keksittyjä mutta todentuntuisia asiakkaita eli "
                "käyttäjäpersoonia. Pohditaan, millaista muutosta he toivovat ja mitä hyötyä "
                "palveluista on heille ja heidän läheisilleen.",
                "In small groups we describe imagined but realistic clients, called personas. "
                "We think about what change they hope for and what good services do for them "
                "and their loved ones.",
            ),
            ("notes", "personas", "topics"),
        ),
        _phase(
            "paths",
            ("Palvelupolut", "Service paths"),
            (
                "Kuvataan persoonien polut palveluissa vaihe vaiheelta. Jokaisesta vaiheesta "
                "kysytään, mitä tapahtui, mikä oli merkityksellistä ja mikä vaikeaa.",
                "We describe the personas' journeys through services step by step. For each "
                "step we ask what happened, what was meaningful and what was difficult.",
            ),
            ("notes", "service_path", "topics"),
        ),
        _phase(
            "causal",
            ("Polkujen purku", "Analysing the paths"),
            (
                "Käydään polut yhdessä läpi ja nostetaan esiin kriittiset kohdat. "
                "Kausaalikartalla selvitetään syyt ja seuraukset ja etsitään ratkaisuja.",
                "We go through the paths together and bring out the critical points. A causal "
                "map helps us work out causes and effects and look for solutions.",
            ),
            ("notes", "prioritising", "causal_map", "topics"),
        ),
        _phase(
            "model",
            ("Mallin rakentaminen", "Building the model"),
            (
                "Valitaan tärkeimmät kehittämiskohteet, ideoidaan ratkaisuja ja testataan niitä "
                "asiakkaiden kanssa. Lopuksi kootaan alueen toimintamalli ja sen laatukriteerit.",
                "We choose the most important things to improve, come up with solutions and "
                "test them with clients. Finally we put together the regional service model "
                "and its quality criteria.",
            ),
            (
                "notes",
                "prioritising",
                "waste_workshop",
                "tuplatiimi",
                "solution_steps",
                "model_canvas",
                "feedback",
            ),
        ),
    )
}


def _role(key: str, name: _Text, description: _Text) -> RoleInfo:
    return RoleInfo(
        key=key,
        name_key=_msg(f"role.{key}.name", *name),
        description_key=_msg(f"role.{key}.description", *description),
    )


ROLE_INFO: dict[str, RoleInfo] = {
    r.key: r
    for r in (
        _role(
            "client_rep",
            ("Kehittäjäasiakas", "Client developer"),
            (
                "Ihminen, jolla on omaa kokemusta palveluista ja joka kehittää niitä yhdessä "
                "ammattilaisten kanssa.",
                "Someone with lived experience of the services who develops them together with "
                "professionals.",
            ),
        ),
        _role(
            "professional",
            ("Ammattilainen", "Professional"),
            (
                "Työskentelee sosiaali-, terveys-, työllisyys-, perhe- tai nuorisopalveluissa.",
                "Works in social, health, employment, family or youth services.",
            ),
        ),
        _role(
            "ngo_parish",
            ("Järjestö tai seurakunta", "NGO or parish"),
            (
                "Toimii järjestössä, yhdistyksessä tai seurakunnassa työntekijänä tai "
                "vapaaehtoisena.",
                "Works or volunteers in a non-governmental organisation, association or parish.",
            ),
        ),
        _role(
            "expert_by_experience",
            ("Kokemusasiantuntija", "Expert by experience"),
            (
                "On koulutettu käyttämään omaa tai läheisen kokemustaan palvelujen kehittämisessä.",
                "Trained to use their own or a loved one's experience to improve services.",
            ),
        ),
        _role(
            "other",
            ("Muu osallistuja", "Other participant"),
            (
                "Esimerkiksi opiskelija, tutkija tai päättäjä.",
                "For example a student, researcher or decision-maker.",
            ),
        ),
    )
}


# --------------------------------------------------------------------------- principles

DEFAULT_PRINCIPLES: tuple[str, ...] = tuple(
    _msg(f"principle.{i}", fi, en)
    for i, (fi, en) in enumerate(
        [
            (
                "Jokainen on täällä asiantuntija. Olemme tasavertaisia asemasta riippumatta.",
                "Everyone here is an expert. We are equals, whatever our position.",
            ),
            (
                "Kokemukseen perustuva tieto on yhtä arvokasta kuin ammattilaisen tieto.",
                "Knowledge from lived experience is as valuable as professional knowledge.",
            ),
            (
                "Kuuntelemme toisiamme ja annamme jokaisen puhua loppuun.",
                "We listen to each other and let everyone finish what they are saying.",
            ),
            (
                "Saa olla eri mieltä. Erilaiset näkemykset auttavat näkemään asian monelta "
                "puolelta.",
                "It is fine to disagree. Different views help us see things from many sides.",
            ),
            (
                "Henkilökohtaiset asiat jäävät tähän huoneeseen. Eteenpäin viedään vain "
                "yhteiset havainnot ilman nimiä.",
                "Personal stories stay in this room. Only shared findings go forward, without "
                "names.",
            ),
            (
                "Puhumme selkeää kieltä. Kysy, jos sana on vieras.",
                "We use plain language. Ask if a word is unfamiliar.",
            ),
            (
                "Kenenkään ei tarvitse kertoa enempää kuin haluaa. Voit aina sanoa ”ohi”.",
                "Nobody has to share more than they want. You can always say “pass”.",
            ),
            (
                "Kaikki ideat ovat tervetulleita, myös keskeneräiset.",
                "All ideas are welcome, including unfinished ones.",
            ),
        ],
        start=1,
    )
)


# --------------------------------------------------------------------------- glossary


def _concept(key: str, term: _Text, definition: _Text) -> Concept:
    return Concept(
        key=key,
        term_key=_msg(f"concept.{key}.term", *term),
        definition_key=_msg(f"concept.{key}.definition", *definition),
    )


SEED_CONCEPTS: tuple[Concept, ...] = (
    _concept(
        "service_coordination",
        ("Palveluohjaus", "Service coordination"),
        (
            "Asiakasta autetaan löytämään ja saamaan hänelle sopivat palvelut ja tuki. "
            "Tarvittaessa työntekijä kulkee rinnalla ja sovittaa palvelut yhteen.",
            "Helping a client find and get the services and support that suit them. When "
            "needed, a worker walks alongside and fits the services together.",
        ),
    ),
    _concept(
        "service_path",
        ("Palvelupolku", "Service path"),
        (
            "Reitti, jonka ihminen kulkee palveluissa ensimmäisestä yhteydenotosta siihen, "
            "että asia on hoidossa. Polku kuvataan asiakkaan näkökulmasta.",
            "The route a person takes through services, from the first contact until the "
            "matter is taken care of. The path is described from the client's point of view.",
        ),
    ),
    _concept(
        "early_support",
        ("Varhainen tuki", "Early support"),
        (
            "Apua annetaan heti, kun huoli herää, eikä vasta sitten, kun tilanne on jo vaikea.",
            "Help is given as soon as there is a concern, not only once the situation has "
            "become difficult.",
        ),
    ),
    _concept(
        "prevention",
        ("Ennaltaehkäisy", "Prevention"),
        (
            "Toimia, joilla estetään ongelmien syntyminen tai paheneminen. Esimerkiksi "
            "neuvonta ja paikat, joihin on helppo tulla.",
            "Actions that stop problems from arising or getting worse. For example advice and "
            "places that are easy to drop in to.",
        ),
    ),
    _concept(
        "multi_agency",
        ("Monialaisuus", "Multi-agency work"),
        (
            "Eri alojen ammattilaiset, esimerkiksi sosiaali-, terveys- ja työllisyyspalveluista, "
            "tekevät työtä yhdessä saman asiakkaan kanssa. Myös järjestöt ja seurakunnat "
            "voivat olla mukana.",
            "Professionals from different fields, such as social, health and employment "
            "services, work together with the same client. NGOs and parishes can take part "
            "too.",
        ),
    ),
    _concept(
        "intensity",
        ("Intensiivisyys", "Intensity of support"),
        (
            "Kuinka tiivistä ja tiheää tuki on. Intensiivinen tuki voi tarkoittaa esimerkiksi "
            "tapaamisia monta kertaa viikossa.",
            "How close and frequent the support is. Intensive support can mean, for example, "
            "meeting several times a week.",
        ),
    ),
    _concept(
        "client_centredness",
        ("Asiakaslähtöisyys", "Client-centredness"),
        (
            "Palvelut suunnitellaan asiakkaan tarpeista ja elämäntilanteesta käsin, ei "
            "organisaation rakenteiden mukaan.",
            "Services are planned around the client's needs and life situation, not around "
            "how the organisation is built.",
        ),
    ),
    _concept(
        "participation",
        ("Osallisuus", "Participation"),
        (
            "Kokemus siitä, että kuuluu joukkoon ja voi vaikuttaa omaan elämäänsä ja yhteisiin "
            "asioihin.",
            "The feeling of belonging and of being able to influence one's own life and "
            "shared matters.",
        ),
    ),
    _concept(
        "co_design",
        ("Yhteiskehittäminen", "Co-design"),
        (
            "Asiakkaat, ammattilaiset ja muut toimijat kehittävät palveluja yhdessä ja "
            "tasavertaisina alusta loppuun.",
            "Clients, professionals and other partners develop services together, as equals, "
            "from start to finish.",
        ),
    ),
    _concept(
        "client_developer",
        ("Kehittäjäasiakas", "Client developer"),
        (
            "Palvelujen käyttäjä, joka tuo kehittämiseen oman kokemuksensa. Hän on ryhmän "
            "tasavertainen jäsen eikä vain haastateltava.",
            "A service user who brings their own experience into development work. They are "
            "an equal member of the group, not just someone who is interviewed.",
        ),
    ),
    _concept(
        "customer_value",
        ("Asiakasarvo", "Customer value"),
        (
            "Hyöty, jonka asiakas ja hänen läheisensä saavat palvelusta. Siinä on "
            "toiminnallinen, sosiaalinen ja tunteisiin liittyvä osa.",
            "The benefit the client and their loved ones get from a service. It has a "
            "functional, a social and an emotional part.",
        ),
    ),
    _concept(
        "service_model",
        ("Toimintamalli", "Service model"),
        (
            "Sovittu ja kirjoitettu tapa tehdä työtä: kenelle, mitä, kuka ja miten. Hyvän "
            "mallin voi ottaa käyttöön muuallakin.",
            "An agreed and written-down way of working: for whom, what, who and how. A good "
            "model can be taken up elsewhere too.",
        ),
    ),
    _concept(
        "critical_point",
        ("Kriittinen kohta", "Critical point"),
        (
            "Kohta palvelupolulla, jossa asiakas helposti putoaa pois, jää odottamaan tai ei "
            "saa apua. Ne ovat tärkeimpiä korjattavia asioita.",
            "A point on the service path where the client easily drops out, is left waiting "
            "or gets no help. These are the most important things to fix.",
        ),
    ),
)


# --------------------------------------------------------------------------- feedback

FEEDBACK_SCALE: tuple[int, int] = (1, 5)
#: Results are not shown for a respondent group smaller than this (anonymity).
FEEDBACK_MIN_RESPONDENTS = 3

FEEDBACK_SCALE_LABEL_KEYS: tuple[str, str] = (
    _msg("feedback.scale_label.low", "Täysin eri mieltä", "Strongly disagree"),
    _msg("feedback.scale_label.high", "Täysin samaa mieltä", "Strongly agree"),
)


def _feedback(key: str, kind: Literal["scale", "text"], text: _Text) -> FeedbackItem:
    return FeedbackItem(key=key, kind=kind, text_key=_msg(f"feedback.item.{key}", *text))


DEFAULT_FEEDBACK_ITEMS: tuple[FeedbackItem, ...] = (
    _feedback(
        "could_say",
        "scale",
        ("Sain sanoa sen, mitä halusin.", "I was able to say what I wanted to."),
    ),
    _feedback(
        "valued",
        "scale",
        ("Kokemustani ja osaamistani arvostettiin.", "My experience and knowledge were valued."),
    ),
    _feedback(
        "understood",
        "scale",
        ("Ymmärsin, mitä teimme ja miksi.", "I understood what we did and why."),
    ),
    _feedback("safe", "scale", ("Ilmapiiri oli turvallinen.", "The atmosphere felt safe.")),
    _feedback(
        "again",
        "scale",
        ("Haluan osallistua uudelleen.", "I would like to take part again."),
    ),
    _feedback("good", "text", ("Mikä tänään oli hyvää?", "What was good today?")),
    _feedback(
        "change",
        "text",
        ("Mitä pitäisi muuttaa ensi kerralla?", "What should we change next time?"),
    ),
)

#: Feedback is summarised per group so that clients' and workers' answers are told apart.
FEEDBACK_GROUPS: dict[str, str] = {
    "clients": _msg("feedback.group.clients", "Asiakkaat", "Clients"),
    "workers": _msg("feedback.group.workers", "Työntekijät", "Workers"),
    "others": _msg("feedback.group.others", "Muut", "Others"),
}

ROLE_FEEDBACK_GROUP: dict[str, str] = {
    "client_rep": "clients",
    "expert_by_experience": "clients",
    "professional": "workers",
    "ngo_parish": "workers",
    "other": "others",
}


# --------------------------------------------------------------------------- waste


def _named(prefix: str, key: str, name: _Text, explanation: _Text) -> NamedItem:
    return NamedItem(
        key=key,
        name_key=_msg(f"{prefix}.{key}.name", *name),
        explanation_key=_msg(f"{prefix}.{key}.explanation", *explanation),
    )


WASTE_CATEGORIES: tuple[NamedItem, ...] = (
    _named(
        "waste",
        "defects",
        ("Virheet", "Defects"),
        (
            "Työ tehdään väärin tai puutteellisesti, ja se pitää korjata. Esimerkiksi "
            "päätöksessä on virhe, ja asiakas joutuu pyytämään sen korjaamista.",
            "Work is done wrongly or incompletely and has to be redone. For example, a "
            "decision contains a mistake and the client has to ask for it to be corrected.",
        ),
    ),
    _named(
        "waste",
        "overproduction",
        ("Ylituotanto", "Overproduction"),
        (
            "Tehdään enemmän kuin kukaan tarvitsee. Esimerkiksi jokainen palvelu tekee "
            "asiakkaalle oman suunnitelman, vaikka yksi yhteinen riittäisi.",
            "More is produced than anyone needs. For example, each service writes its own "
            "plan for the client when one shared plan would do.",
        ),
    ),
    _named(
        "waste",
        "waiting",
        ("Odottaminen", "Waiting"),
        (
            "Asiakas tai työntekijä joutuu odottamaan. Esimerkiksi asiakas odottaa viikkoja "
            "takaisinsoittoa tai päätöstä.",
            "The client or the worker has to wait. For example, a client waits weeks for a "
            "call back or a decision.",
        ),
    ),
    _named(
        "waste",
        "unused_skills",
        ("Käyttämätön osaaminen", "Unused skills"),
        (
            "Ihmisten tietoa ja taitoja jää käyttämättä. Esimerkiksi asiakkaalta ei kysytä, "
            "mitä hän itse tietää tilanteestaan, tai järjestöjen osaamista ei tunneta.",
            "People's knowledge and skills are left unused. For example, nobody asks the "
            "client what they already know about their situation, or the know-how of local "
            "NGOs is unknown.",
        ),
    ),
    _named(
        "waste",
        "transfers",
        ("Siirrot", "Transfers"),
        (
            "Asiakas tai tieto siirtyy paikasta toiseen, mutta asia ei etene. Esimerkiksi "
            "asiakas ohjataan eteenpäin, ja hän joutuu kertomaan tarinansa taas alusta.",
            "The client or information moves from place to place without the matter moving "
            "forward. For example, the client is referred onwards and has to tell their story "
            "again from the start.",
        ),
    ),
    _named(
        "waste",
        "inventory",
        ("Varastot ja jonot", "Inventory and queues"),
        (
            "Asioita kasautuu odottamaan käsittelyä. Esimerkiksi hakemuksia on pinossa tai "
            "lähetteitä jonossa.",
            "Work piles up waiting to be handled. For example, applications sit in a pile or "
            "referrals in a queue.",
        ),
    ),
    _named(
        "waste",
        "motion",
        ("Turha liikkuminen", "Unnecessary motion"),
        (
            "Liikutaan tai etsitään turhaan. Esimerkiksi asiakas matkustaa toimistolle vain "
            "tuodakseen yhden paperin, tai työntekijä etsii tietoa monesta järjestelmästä.",
            "Needless travelling or searching. For example, a client travels to an office "
            "just to hand in one paper, or a worker looks for information in several systems.",
        ),
    ),
    _named(
        "waste",
        "over_processing",
        ("Ylikäsittely", "Over-processing"),
        (
            "Tehdään työvaiheita, joista ei ole asiakkaalle hyötyä. Esimerkiksi samat tiedot "
            "kirjataan kahteen järjestelmään, tai sama asia käsitellään monessa palaverissa.",
            "Work steps that bring the client nothing. For example, the same details are "
            "recorded in two systems, or one matter is discussed in many meetings.",
        ),
    ),
)


# --------------------------------------------------------------------------- questions

CAFE_DEFAULT_QUESTIONS: tuple[str, ...] = (
    _msg(
        "cafe.question.1",
        "Mistä alueella saa apua ja tukea? Mitkä paikat ja ihmiset tunnet?",
        "Where can people get help and support in our area? Which places and people do you know?",
    ),
    _msg(
        "cafe.question.2",
        "Mikä palveluissa toimii jo hyvin?",
        "What already works well in the services?",
    ),
    _msg(
        "cafe.question.3",
        "Missä kohdissa ihminen jää ilman apua tai putoaa palvelujen väliin?",
        "Where do people go without help or fall between services?",
    ),
    _msg(
        "cafe.question.4",
        "Mitä pitäisi kehittää ensimmäisenä?",
        "What should be improved first?",
    ),
)

#: Targeted questions for deepening a persona (answer field -> message key).
PERSONA_QUESTIONS: dict[str, str] = {
    field: _msg(f"persona.question.{field}", fi, en)
    for field, fi, en in (
        (
            "situation_now",
            "Millainen hänen tilanteensa on nyt?",
            "What is their situation like now?",
        ),
        (
            "change_wanted",
            "Millaista muutosta hän itse toivoo?",
            "What change do they hope for themselves?",
        ),
        (
            "what_helps",
            "Mikä auttaisi häntä pääsemään sinne?",
            "What would help them get there?",
        ),
        (
            "who_around",
            "Keitä hänen ympärillään on? Kuka tukee, kuka kuormittaa?",
            "Who is around them? Who supports them, and who adds to the load?",
        ),
        (
            "asking_hard",
            "Mikä tekee avun pyytämisestä hänelle vaikeaa?",
            "What makes it hard for them to ask for help?",
        ),
        (
            "strengths",
            "Mitä hän osaa, ja mistä hän saa voimaa?",
            "What are they good at, and what gives them strength?",
        ),
    )
}

#: Questions asked about every step of a service path (answer field -> message key).
PATH_STEP_QUESTIONS: dict[str, str] = {
    "happened": _msg("path.question.happened", "Mitä tapahtui?", "What happened?"),
    "meaningful": _msg(
        "path.question.meaningful",
        "Mikä oli merkityksellistä tai auttoi?",
        "What was meaningful or helped?",
    ),
    "difficult": _msg("path.question.difficult", "Mikä oli vaikeaa?", "What was difficult?"),
}

VALUE_PARTS: tuple[NamedItem, ...] = (
    _named(
        "value",
        "functional",
        ("Toiminnallinen hyöty", "Functional value"),
        (
            "Mitä asiakas saa konkreettisesti hoidettua. Esimerkiksi asunto järjestyy tai rahat "
            "riittävät kuun loppuun.",
            "What the client concretely gets sorted out. For example, housing is arranged or "
            "the money lasts until the end of the month.",
        ),
    ),
    _named(
        "value",
        "social",
        ("Sosiaalinen hyöty", "Social value"),
        (
            "Miten palvelu vaikuttaa ihmissuhteisiin ja joukkoon kuulumiseen. Esimerkiksi "
            "välit läheisiin paranevat tai löytyy porukka, johon kuulua.",
            "How the service affects relationships and belonging. For example, relations with "
            "loved ones improve or the client finds a group to belong to.",
        ),
    ),
    _named(
        "value",
        "emotional",
        ("Tunteisiin liittyvä hyöty", "Emotional value"),
        (
            "Miltä asiakkaasta tuntuu. Esimerkiksi huoli helpottaa, hän tulee kuulluksi tai "
            "usko tulevaan vahvistuu.",
            "How the client feels. For example, worry eases, they feel heard or their hope for "
            "the future grows.",
        ),
    ),
)

SOLUTION_STEPS: tuple[NamedItem, ...] = (
    _named(
        "solution",
        "ideation",
        ("Ideointi", "Ideation"),
        (
            "Kerätään paljon ideoita arvostelematta. Tässä vaiheessa määrä on tärkeämpää kuin "
            "laatu.",
            "Collect lots of ideas without judging them. At this stage quantity matters more "
            "than quality.",
        ),
    ),
    _named(
        "solution",
        "choosing",
        ("Idean valinta", "Choosing the idea"),
        (
            "Ideoita verrataan yhdessä sovittuihin perusteisiin, ja niistä valitaan yksi "
            "kokeiltava.",
            "The ideas are compared with criteria agreed together, and one is chosen to try.",
        ),
    ),
    _named(
        "solution",
        "testing_with_clients",
        ("Idean testaus asiakkailla", "Testing the idea with clients"),
        (
            "Asiakkailta kysytään, mitä mieltä he ovat ideasta, ennen kuin mitään rakennetaan. "
            "Ideaa muokataan heidän palautteensa perusteella.",
            "Clients are asked what they think of the idea before anything is built. The idea "
            "is adjusted based on their feedback.",
        ),
    ),
    _named(
        "solution",
        "testing_solution",
        ("Ratkaisun testaus", "Testing the solution"),
        (
            "Ratkaisua kokeillaan oikeassa työssä rajatun ajan. Etukäteen sovitaan, mistä "
            "nähdään, toimiiko se.",
            "The solution is tried in real work for a limited time. It is agreed beforehand "
            "how to tell whether it works.",
        ),
    ),
)


# --------------------------------------------------------------------------- meeting templates

#: Every template meeting leaves at least this many unplanned minutes for a break and moves.
MIN_BREAK_MINUTES = 10


def _agenda(key: str, fi: str, en: str) -> str:
    return _msg(f"template.agenda.{key}", fi, en)


def _meeting_title(key: str, fi: str, en: str) -> str:
    return _msg(f"template.meeting.{key}.title", fi, en)


_A_WELCOME = _agenda("welcome", "Tervetuloa ja päivän kulku", "Welcome and today's plan")
_A_PRINCIPLES = _agenda("principles", "Yhteiset pelisäännöt", "Our ground rules")
_A_CARDS = _agenda(
    "picture_cards",
    "Tutustuminen kuvakorttien avulla",
    "Getting to know each other with picture cards",
)
_A_GLOSSARY = _agenda("glossary", "Mitä sanat tarkoittavat?", "What do the words mean?")
_A_CAFE = _agenda(
    "learning_cafe",
    "Learning café: alueen palvelut ja kehittämistarpeet",
    "Learning café: local services and development needs",
)
_A_TOPICS = _agenda("topics", "Aiheet ensi kertaa varten", "Topics for next time")
_A_FEEDBACK = _agenda("feedback", "Palautekysely", "Feedback survey")
_A_MID_FEEDBACK = _agenda(
    "mid_feedback",
    "Väliarviointi: miten työskentely on sujunut?",
    "Mid-point review: how is the work going?",
)
_A_COMMENTS = _agenda(
    "comment_round",
    "Kommentit edellisen kerran tuloksiin",
    "Comments on the results of the last meeting",
)
_A_PERSONA_INTRO = _agenda("persona_intro", "Mikä on käyttäjäpersoona?", "What is a persona?")
_A_PERSONAS = _agenda(
    "personas_write",
    "Persoonien kirjoittaminen pienryhmissä",
    "Writing personas in small groups",
)
_A_PERSONA_QUESTIONS = _agenda(
    "persona_questions",
    "Kohdennetut kysymykset: mitä muutosta toivotaan?",
    "Targeted questions: what change is hoped for?",
)
_A_VALUE = _agenda(
    "customer_value",
    "Asiakasarvo: mitä hyötyä palvelusta on?",
    "Customer value: what good does the service do?",
)
_A_PATHS = _agenda(
    "paths_build",
    "Palvelupolkujen kuvaaminen pienryhmissä",
    "Describing service paths in small groups",
)
_A_PATHS_SHARE = _agenda(
    "paths_share", "Polkujen esittely ja täydentäminen", "Presenting and completing the paths"
)
_A_OBSERVATIONS = _agenda(
    "path_observations",
    "Huomiot poluista: missä polku katkeaa?",
    "Observations: where does the path break?",
)
_A_CRITICAL = _agenda(
    "critical_points",
    "Tärkeimpien kriittisten kohtien valinta",
    "Choosing the most important critical points",
)
_A_CAUSAL = _agenda(
    "causal_map", "Kausaalikartta: syyt ja seuraukset", "Causal map: causes and effects"
)
_A_PRIORITIES = _agenda("priorities", "Kehittämiskohteiden valinta", "Choosing what to improve")
_A_WASTE = _agenda(
    "waste",
    "Hukkatyöpaja: missä aikaa ja vaivaa menee hukkaan?",
    "Waste workshop: where are time and effort wasted?",
)
_A_TUPLATIIMI = _agenda(
    "tuplatiimi",
    "Ratkaisujen ideointi Tuplatiimi-menetelmällä",
    "Generating solutions with the Double Team method",
)
_A_CHOOSE = _agenda(
    "choose_idea", "Idean valinta ja kokeilun suunnittelu", "Choosing an idea and planning a trial"
)
_A_PLAN_CLIENT_TEST = _agenda(
    "plan_client_test",
    "Miten testaamme ideaa asiakkailla?",
    "How will we test the idea with clients?",
)
_A_TEST_RESULTS = _agenda(
    "test_results", "Mitä asiakkaat sanoivat ideasta?", "What did clients say about the idea?"
)
_A_MODEL_DRAFT = _agenda("model_draft", "Toimintamallin luonnos", "Drafting the service model")
_A_MODEL_COMPLETE = _agenda(
    "model_complete",
    "Mallin täydentäminen ja avoimet kysymykset",
    "Completing the model and open questions",
)
_A_QUALITY = _agenda(
    "quality_criteria",
    "Laatukriteerit: mistä tiedämme, että malli toimii?",
    "Quality criteria: how do we know the model works?",
)
_A_QUALITY_CHOOSE = _agenda(
    "quality_choose", "Tärkeimpien laatukriteerien valinta", "Choosing the key quality criteria"
)
_A_MODEL_REVIEW = _agenda(
    "model_final_review", "Valmiin mallin läpikäynti", "Reviewing the finished model"
)
_A_TRIAL = _agenda(
    "trial_plan",
    "Ratkaisun kokeilu käytännössä: mitä, kuka ja milloin",
    "Trying the solution in practice: what, who and when",
)
_A_CLOSING = _agenda(
    "closing", "Mitä seuraavaksi? Kiitokset ja lopetus", "What happens next? Thanks and goodbye"
)

_M_WARMUP = _meeting_title(
    "warmup",
    "Alkuvalmennus: tutustutaan ja sovitaan pelisäännöt",
    "Warm-up: getting to know each other and agreeing ground rules",
)
_M_PERSONAS = _meeting_title(
    "personas", "Asiakasymmärrys: käyttäjäpersoonat", "Understanding clients: personas"
)
_M_PATHS = _meeting_title("paths", "Persoonien palvelupolut", "The personas' service paths")
_M_CAUSAL = _meeting_title(
    "causal",
    "Polkujen purku: kriittiset kohdat, syyt ja seuraukset",
    "Analysing the paths: critical points, causes and effects",
)
_M_WASTE_IDEAS = _meeting_title(
    "waste_and_ideas", "Hukat ja ratkaisuideat", "Waste and solution ideas"
)
_M_MODEL = _meeting_title(
    "model_final",
    "Toimintamallin kokoaminen ja palaute",
    "Putting the service model together, and feedback",
)
_M_TARGETS = _meeting_title(
    "targets", "Kehittämiskohteet ja hukkatyöpaja", "What to improve, and the waste workshop"
)
_M_IDEAS = _meeting_title("ideas", "Ratkaisujen ideointi", "Generating solution ideas")
_M_CHOOSE = _meeting_title(
    "choose", "Idean valinta ja testauksen suunnittelu", "Choosing an idea and planning the test"
)
_M_TEST_RESULTS = _meeting_title(
    "test_results", "Testauksen tulokset ja mallin luonnos", "Test results and a draft model"
)
_M_QUALITY = _meeting_title(
    "quality",
    "Mallin täydentäminen ja laatukriteerit",
    "Completing the model and the quality criteria",
)
_M_FINAL = _meeting_title(
    "final", "Valmis toimintamalli ja palaute", "The finished service model, and feedback"
)


def _i(title_key: str, activity_type: str, minutes: int) -> TemplateAgendaItem:
    return TemplateAgendaItem(title_key=title_key, activity_type=activity_type, minutes=minutes)


def _m(phase: str, title_key: str, duration: int, *agenda: TemplateAgendaItem) -> TemplateMeeting:
    return TemplateMeeting(
        phase=phase, title_key=title_key, duration_minutes=duration, agenda=tuple(agenda)
    )


_WARMUP_MEETING = _m(
    "warmup",
    _M_WARMUP,
    180,
    _i(_A_WELCOME, "info", 15),
    _i(_A_PRINCIPLES, "principles", 15),
    _i(_A_CARDS, "picture_cards", 25),
    _i(_A_GLOSSARY, "glossary", 25),
    _i(_A_CAFE, "learning_cafe", 60),
    _i(_A_TOPICS, "topics", 10),
    _i(_A_FEEDBACK, "feedback", 10),
)
_PERSONAS_MEETING = _m(
    "personas",
    _M_PERSONAS,
    150,
    _i(_A_COMMENTS, "notes", 15),
    _i(_A_PERSONA_INTRO, "info", 10),
    _i(_A_PERSONAS, "personas", 45),
    _i(_A_PERSONA_QUESTIONS, "personas", 30),
    _i(_A_VALUE, "personas", 20),
    _i(_A_TOPICS, "topics", 10),
)
_PATHS_MEETING = _m(
    "paths",
    _M_PATHS,
    150,
    _i(_A_COMMENTS, "notes", 15),
    _i(_A_PATHS, "service_path", 70),
    _i(_A_PATHS_SHARE, "notes", 25),
    _i(_A_TOPICS, "topics", 10),
)
_CAUSAL_MEETING = _m(
    "causal",
    _M_CAUSAL,
    150,
    _i(_A_COMMENTS, "notes", 15),
    _i(_A_OBSERVATIONS, "notes", 20),
    _i(_A_CRITICAL, "prioritising", 15),
    _i(_A_CAUSAL, "causal_map", 60),
    _i(_A_TOPICS, "topics", 10),
)

PAKU_TEMPLATES: tuple[MeetingTemplate, ...] = (
    MeetingTemplate(
        key="paku_compact",
        name_key=_msg(
            "template.paku_compact.name",
            "Tiivis prosessi: 6 tapaamista",
            "Compact process: 6 meetings",
        ),
        description_key=_msg(
            "template.paku_compact.description",
            "Alkuvalmennus, persoonat, palvelupolut, polkujen purku ja kaksi kertaa mallin "
            "rakentamista. Sopii, kun aikaa on vähän.",
            "Warm-up, personas, service paths, analysing the paths and two meetings for "
            "building the model. Suits a tight schedule.",
        ),
        meetings=(
            _WARMUP_MEETING,
            _PERSONAS_MEETING,
            _PATHS_MEETING,
            _CAUSAL_MEETING,
            _m(
                "model",
                _M_WASTE_IDEAS,
                180,
                _i(_A_COMMENTS, "notes", 15),
                _i(_A_WASTE, "waste_workshop", 50),
                _i(_A_TUPLATIIMI, "tuplatiimi", 70),
                _i(_A_CHOOSE, "solution_steps", 20),
                _i(_A_TOPICS, "topics", 10),
            ),
            _m(
                "model",
                _M_MODEL,
                180,
                _i(_A_COMMENTS, "notes", 15),
                _i(_A_MODEL_DRAFT, "model_canvas", 70),
                _i(_A_QUALITY_CHOOSE, "prioritising", 20),
                _i(_A_TRIAL, "solution_steps", 25),
                _i(_A_FEEDBACK, "feedback", 15),
                _i(_A_CLOSING, "info", 10),
            ),
        ),
    ),
    MeetingTemplate(
        key="paku_full",
        name_key=_msg(
            "template.paku_full.name",
            "Laaja prosessi: 10 tapaamista",
            "Full process: 10 meetings",
        ),
        description_key=_msg(
            "template.paku_full.description",
            "Mallin rakentamiseen on kuusi tapaamista. Ratkaisuja ehditään testata asiakkailla "
            "ennen kuin malli on valmis.",
            "Six of the meetings are for building the model. There is time to test solutions "
            "with clients before the model is finished.",
        ),
        meetings=(
            _WARMUP_MEETING,
            _PERSONAS_MEETING,
            _PATHS_MEETING,
            _CAUSAL_MEETING,
            _m(
                "model",
                _M_TARGETS,
                150,
                _i(_A_COMMENTS, "notes", 15),
                _i(_A_PRIORITIES, "prioritising", 25),
                _i(_A_WASTE, "waste_workshop", 60),
                _i(_A_TOPICS, "topics", 10),
            ),
            _m(
                "model",
                _M_IDEAS,
                150,
                _i(_A_COMMENTS, "notes", 15),
                _i(_A_TUPLATIIMI, "tuplatiimi", 80),
                _i(_A_MID_FEEDBACK, "feedback", 15),
                _i(_A_TOPICS, "topics", 10),
            ),
            _m(
                "model",
                _M_CHOOSE,
                120,
                _i(_A_COMMENTS, "notes", 15),
                _i(_A_CHOOSE, "solution_steps", 40),
                _i(_A_PLAN_CLIENT_TEST, "solution_steps", 35),
                _i(_A_TOPICS, "topics", 10),
            ),
            _m(
                "model",
                _M_TEST_RESULTS,
                150,
                _i(_A_COMMENTS, "notes", 15),
                _i(_A_TEST_RESULTS, "solution_steps", 35),
                _i(_A_MODEL_DRAFT, "model_canvas", 75),
                _i(_A_TOPICS, "topics", 10),
            ),
            _m(
                "model",
                _M_QUALITY,
                150,
                _i(_A_COMMENTS, "notes", 15),
                _i(_A_MODEL_COMPLETE, "model_canvas", 45),
                _i(_A_QUALITY, "model_canvas", 40),
                _i(_A_QUALITY_CHOOSE, "prioritising", 20),
                _i(_A_TOPICS, "topics", 10),
            ),
            _m(
                "model",
                _M_FINAL,
                180,
                _i(_A_COMMENTS, "notes", 15),
                _i(_A_MODEL_REVIEW, "model_canvas", 60),
                _i(_A_TRIAL, "solution_steps", 30),
                _i(_A_FEEDBACK, "feedback", 15),
                _i(_A_CLOSING, "info", 20),
            ),
        ),
    ),
)

_TEMPLATES_BY_KEY: dict[str, MeetingTemplate] = {t.key: t for t in PAKU_TEMPLATES}


def template_total_minutes(template_meeting: TemplateMeeting) -> int:
    """Minutes planned on the meeting's agenda (the meeting itself may be longer)."""
    return sum(item.minutes for item in template_meeting.agenda)


def get_template(key: str) -> MeetingTemplate:
    """The meeting-plan template with ``key``; ``KeyError`` if there is none."""
    try:
        return _TEMPLATES_BY_KEY[key]
    except KeyError:
        raise KeyError(f"unknown meeting template: {key}") from None
