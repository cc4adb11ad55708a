"""Demo personas for the "Varhaisen tuen sosiaaliohjaus" workshop: two working-age people
who need a lot of support, with customer value, a few comments and one agreed version.

The lead wires :func:`seed_personas` into ``workshop/demo.py``; the texts are invented for
the demo and describe nobody real.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from workshop import personas
from workshop.access import FacilitatorActor, require_facilitator
from workshop.errors import InvalidInput
from workshop.model_groups import WorkGroup
from workshop.model_personas import PersonaComment, PersonaReaction
from workshop.models import AgendaItem, Participant

_TIINA = {
    "name": "Tiina",
    "age_group": "35_44",
    "life_situation": (
        "Yksinhuoltaja, jolla on kaksi alakouluikäistä lasta. Osa-aikainen työ kaupassa "
        "loppui keväällä, ja vuokra on kaksi kuukautta rästissä."
    ),
    "background": (
        "Muutti paikkakunnalle eron jälkeen kolme vuotta sitten. Sukulaiset asuvat kaukana, "
        "eikä uusia tuttavuuksia ole ehtinyt syntyä."
    ),
    "strengths": (
        "Järjestelmällinen ja sinnikäs. Lapset ovat hänelle kaikki kaikessa. Ompelee ja "
        "korjaa vaatteita myös naapureille."
    ),
    "needs": (
        "Yksi tuttu työntekijä, joka auttaa hakemusten kanssa ja soittaa takaisin. Lapsille "
        "edullinen harrastus."
    ),
    "hard_now": (
        "Kirjeitä tulee monesta paikasta, eikä hän tiedä, mikä on kiireellisintä. Yöunet "
        "ovat jääneet lyhyiksi."
    ),
    "who_around": (
        "Naapurin mummo hakee lapset koulusta joskus. Lasten isä maksaa elatusmaksut "
        "myöhässä, ja yhteydenpito kuormittaa."
    ),
    "asking_hard": (
        "Hän pelkää, että avun pyytäminen tulkitaan niin, ettei hän pärjää lastensa kanssa."
    ),
    "change_wanted": (
        "Haluaa saada talouden tasapainoon ja päästä takaisin töihin, kun lapset ovat koulussa."
    ),
    "how_to_get_there": (
        "Sosiaaliohjaaja, joka kokoaa laskut ja hakemukset yhteen suunnitelmaan. "
        "Yhteistapaaminen työllisyyspalvelujen kanssa samalla kertaa."
    ),
    "value_functional": "Vuokra on maksussa ja hakemukset vireillä oikeissa paikoissa.",
    "value_social": (
        "Lapset pääsevät harrastukseen, ja Tiina löytää vertaisryhmän muista yksinhuoltajista."
    ),
    "value_emotional": "Huoli helpottaa, ja hän luottaa siihen, että apua saa ilman leimaa.",
}

_MARKKU = {
    "name": "Markku",
    "age_group": "55_64",
    "life_situation": (
        "Asuu yksin kerrostaloyksiössä. Ollut työttömänä kahdeksan vuotta, ja selkä on "
        "kipeä. Alkoholia kuluu enemmän kuin ennen."
    ),
    "background": (
        "Teki rakennustöitä parikymmentä vuotta, kunnes työnantaja meni konkurssiin. "
        "Avioero samoihin aikoihin."
    ),
    "strengths": (
        "Kätevä käsistään ja auttaa mielellään naapureita pikkuremonteissa. Hyvä "
        "huumorintaju."
    ),
    "needs": (
        "Terveydentilan ja työkyvyn selvitys, apua sähköiseen asiointiin ja päiviin "
        "jotain mielekästä tekemistä."
    ),
    "hard_now": (
        "Lomakkeet ovat verkossa, eikä hänellä ole pankkitunnuksia. Etuusasia on ollut "
        "jumissa kuukausia, ja yksinäisyys painaa."
    ),
    "who_around": (
        "Aikuinen poika soittaa silloin tällöin. Kaveriporukka kapakassa on tuttu, mutta "
        "vetää juomaan."
    ),
    "asking_hard": (
        "Ajattelee, että mies hoitaa asiansa itse. Aiemmilla käynneillä hän koki, ettei "
        "häntä kuunneltu."
    ),
    "change_wanted": "Haluaa tuntea olevansa taas hyödyksi, ehkä osa-aikatyössä.",
    "how_to_get_there": (
        "Työntekijä, joka tulee tapaamaan kotiin tai kirjastoon. Järjestön puutyöpaja ja "
        "apu pankkitunnusten hankkimiseen."
    ),
    "value_functional": "Työkyky on selvitetty, ja toimeentulo on turvattu.",
    "value_social": "Hän kuuluu puutyöpajan porukkaan, ja välit poikaan lähenevät.",
    "value_emotional": "Hän kokee olevansa arvostettu ja kuultu.",
}

_EDITS = (
    {"needs": _TIINA["needs"] + " Iltaisin tavoitettava neuvonta."},
    {"asking_hard": _MARKKU["asking_hard"] + " Jonottaminen puhelimessa turhauttaa."},
)
_COMMENTS = (
    (
        "Tämä on tuttu tilanne. Lisäisin, että koulun kuraattori voisi olla ensimmäinen, "
        "joka huomaa tilanteen.",
        "Miten Tiina saisi tiedon harrastusten tuesta?",
    ),
    (
        "Kotikäynti on hyvä ajatus, moni ei lähde virastoon.",
        "Pitäisikö kokemusasiantuntija ottaa mukaan jo ensimmäiseen tapaamiseen?",
    ),
)
_SUMMARIES = (
    "Kommenteissa toivottiin, että koulu ja sosiaaliohjaus tekisivät yhteistyötä jo "
    "varhain, ja että harrastusten tuesta kerrottaisiin selvemmin.",
    "Kotikäynnit ja kokemusasiantuntijan mukanaolo saivat kannatusta.",
)


def seed_personas(session: Session, actor: FacilitatorActor, workshop_id: int,
                  meeting_id: int, item_id: int) -> list[int]:
    """Two personas written at ``item_id`` (a ``personas`` item of ``meeting_id``), each edited
    once, commented on by the workshop's participants and summarised; Tiina's second version
    is agreed. Returns the persona ids."""
    require_facilitator(session, actor, workshop_id)
    item = session.get(AgendaItem, item_id)
    if item is None or item.meeting_id != meeting_id or item.meeting.workshop_id != workshop_id:
        raise InvalidInput("error.invalid_input")
    group_ids = list(session.scalars(select(WorkGroup.id).where(
        WorkGroup.agenda_item_id == item_id).order_by(WorkGroup.position)))
    people = list(session.scalars(select(Participant).where(
        Participant.workshop_id == workshop_id, Participant.erased_at.is_(None),
    ).order_by(Participant.id).limit(4)))
    created: list[int] = []
    for index, content in enumerate((_TIINA, _MARKKU)):
        group_id = group_ids[index % len(group_ids)] if group_ids else None
        pid, _ = personas.add_persona(session, actor, item_id, group_id=group_id, **content)
        version = personas.edit_persona(session, actor, pid, 1, **_EDITS[index])
        for number, text in enumerate(_COMMENTS[index]):
            author = people[(index + number) % len(people)] if people else None
            session.add(PersonaComment(
                workshop_id=workshop_id, meeting_id=meeting_id, agenda_item_id=item_id,
                author_id=author.id if author else None,
                author_user_id=None if author else actor.user_id,
                persona_id=pid, text=text,
            ))
        for number, person in enumerate(people):
            session.add(PersonaReaction(persona_id=pid, participant_id=person.id,
                                        agenda_item_id=item_id,
                                        kind="question" if number == index else "agree"))
        session.flush()
        personas.save_summary(session, actor, pid, 0, _SUMMARIES[index])
        if index == 0:
            personas.mark_agreed(session, actor, pid, version)
        created.append(pid)
    return created
