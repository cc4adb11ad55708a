"""The default picture-card deck (kuvakortit) for the warm-up meeting.

Each card is a hand-drawn SVG in ``cards/`` with a short title and an alternative text in
Finnish and English. The pictures are metaphors on purpose: they invite participants to say
something about their expectations or mood without needing the right words first.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True)
class Card:
    key: str
    filename: str


# key: (Finnish title, English title, Finnish alt text, English alt text)
_TEXTS: dict[str, tuple[str, str, str, str]] = {
    "bridge": (
        "Silta",
        "Bridge",
        "Kaksi ihmistä kävelee puisella kaarisillalla joen yli aurinkoisena päivänä.",
        "Two people walk across an arched wooden bridge over a river on a sunny day.",
    ),
    "forest_path": (
        "Polku haarautuu",
        "Forking path",
        "Metsäpolku jakautuu kahteen suuntaan kuusten keskellä, ja kaukana paistaa aurinko.",
        "A forest path splits in two directions among spruce trees, with the sun shining "
        "in the distance.",
    ),
    "lighthouse": (
        "Majakka",
        "Lighthouse",
        "Punavalkoinen majakka kalliolla valaisee yöistä merta, ja lähellä purjehtii pieni vene.",
        "A red and white lighthouse on a rock lights up the night sea while a small boat "
        "sails nearby.",
    ),
    "seedlings": (
        "Taimet",
        "Seedlings",
        "Kolme erikokoista vihreää tainta nousee ruskeasta mullasta auringon lämmössä.",
        "Three green seedlings of different sizes rise from brown soil in the warm sun.",
    ),
    "puzzle": (
        "Palapeli",
        "Jigsaw puzzle",
        "Kolme palapelin palaa on jo paikoillaan, ja neljäs leijuu kohti tyhjää kohtaa.",
        "Three jigsaw pieces already fit together while a fourth floats towards the empty gap.",
    ),
    "open_door": (
        "Avoin ovi",
        "Open door",
        "Hämärästä huoneesta avautuu ovi valoisaan maisemaan, ja valo lankeaa lattialle.",
        "A door opens from a dim room onto a bright landscape, and light falls across the floor.",
    ),
    "compass": (
        "Kompassi",
        "Compass",
        "Messinkinen kompassi, jonka punainen neula osoittaa vinosti ylöspäin.",
        "A brass compass whose red needle points diagonally upwards.",
    ),
    "umbrella": (
        "Sateenvarjo",
        "Umbrella",
        "Kaksi ihmistä seisoo yhteisen keltaisen sateenvarjon alla, kun ympärillä sataa.",
        "Two people share one yellow umbrella while rain falls all around them.",
    ),
    "summit": (
        "Huipulla",
        "Summit",
        "Lumihuippuisen vuoren laella liehuu punainen lippu, ja rinnettä ylös kiemurtelee polku.",
        "A red flag flies on top of a snow-capped mountain, and a winding trail leads up the "
        "slope.",
    ),
    "bus_stop": (
        "Bussipysäkki",
        "Bus stop",
        "Ihminen istuu pysäkkikatoksen penkillä laukku vierellään ja odottaa bussia.",
        "A person sits on the bench of a bus shelter with a bag beside them, waiting for the bus.",
    ),
    "key": (
        "Avain",
        "Key",
        "Suuri kultainen avain on vinossa asennossa, ja sen ympärillä välkkyy pieniä tähtiä.",
        "A large golden key lies at an angle, with small stars sparkling around it.",
    ),
    "campfire": (
        "Nuotio",
        "Campfire",
        "Neljä ihmistä istuu nuotion ympärillä tähtitaivaan alla.",
        "Four people sit around a campfire under a starry sky.",
    ),
    "boat": (
        "Purjevene",
        "Sailing boat",
        "Purjevene seilaa aalloilla aurinkoisessa säässä, ja taivaalla lentää lokkeja.",
        "A sailing boat glides over the waves in sunny weather as gulls fly overhead.",
    ),
    "ladder": (
        "Tikkaat",
        "Ladder",
        "Puiset tikkaat nousevat nurmikolta korkealle pilven sisään.",
        "A wooden ladder rises from the grass high up into a cloud.",
    ),
    "labyrinth": (
        "Labyrintti",
        "Labyrinth",
        "Pyöreä labyrintti, jonka keskellä on kultainen piste ja sisäänkäynti alareunassa.",
        "A round labyrinth with a golden dot in the middle and its entrance at the bottom.",
    ),
    "yarn": (
        "Lankasotku",
        "Tangled yarn",
        "Punaisesta lankakerästä irronnut lanka on kiertynyt sotkuisiksi silmukoiksi.",
        "The loose end of a red ball of yarn has twisted into tangled loops.",
    ),
    "hands": (
        "Kädenpuristus",
        "Handshake",
        "Kahden ihmisen kädet tarttuvat toisiinsa lämpimässä kädenpuristuksessa.",
        "The hands of two people meet in a warm handshake.",
    ),
    "sunrise": (
        "Auringonnousu",
        "Sunrise",
        "Aurinko nousee meren takaa, ja sen valo heijastuu veteen kultaisina juovina.",
        "The sun rises over the sea, and its light shimmers on the water in golden stripes.",
    ),
    "map": (
        "Kartta",
        "Map",
        "Taitellussa kartassa pisteviiva kulkee joen yli punaiselle sijaintimerkille.",
        "On a folded map, a dotted line crosses a river to a red location pin.",
    ),
    "kite": (
        "Leija",
        "Kite",
        "Oranssinkeltainen leija lentää sinisellä taivaalla pilvien välissä, ja sen naru "
        "jatkuu kuvan ulkopuolelle.",
        "An orange and yellow kite flies in a blue sky among clouds, its string leading out "
        "of the picture.",
    ),
    "bench": (
        "Penkki kahdelle",
        "Bench for two",
        "Puistonpenkillä puun vieressä on kaksi höyryävää mukia kuin odottamassa istujia.",
        "Two steaming mugs stand on a park bench beside a tree, as if waiting for two people.",
    ),
    "lantern": (
        "Lyhty",
        "Lantern",
        "Lämpimästi hehkuva lyhty valaisee pimeää metsää, ja sen ympärillä lentää tulikärpäsiä.",
        "A warmly glowing lantern lights up a dark forest, with fireflies drifting around it.",
    ),
    "stepping_stones": (
        "Kivet joen yli",
        "Stepping stones",
        "Neljä kiveä muodostaa askelpolun virtaavan joen yli rannalta toiselle.",
        "Four stones make a stepping path across a flowing river from one bank to the other.",
    ),
    "tree_roots": (
        "Juuret",
        "Roots",
        "Lehtevä puu seisoo nurmella, ja sen laajat juuret näkyvät maan alla.",
        "A leafy tree stands on the grass, with its wide roots visible underground.",
    ),
    "knot": (
        "Solmu",
        "Knot",
        "Vaaleaan köyteen on sidottu löysä solmu, jonka päät roikkuvat alas.",
        "A pale rope is tied in a loose knot with both ends hanging down.",
    ),
    "traffic_light": (
        "Liikennevalot",
        "Traffic light",
        "Liikennevalot kaupungin keskellä, ja alimpana vihreä valo palaa.",
        "A traffic light in the city with the green light at the bottom switched on.",
    ),
    "window": (
        "Valaistu ikkuna",
        "Lit window",
        "Ikkunasta loistaa lämmin valo tähtikirkkaaseen yöhön, ja ikkunalaudalla on viherkasvi.",
        "Warm light shines from a window into a starry night, with a green plant on the sill.",
    ),
    "telephone": (
        "Puhelin",
        "Phone",
        "Älypuhelimen näytöllä näkyy keskustelu värikkäinä puhekuplina.",
        "A smartphone screen shows a conversation in colourful speech bubbles.",
    ),
    "snail": (
        "Etana",
        "Snail",
        "Etana etenee hitaasti nurmikolla kierteinen kuori selässään, ja sen perässä näkyy "
        "pisteviiva.",
        "A snail moves slowly across the grass with a spiral shell on its back, leaving a "
        "dotted trail.",
    ),
    "birds": (
        "Lintuparvi",
        "Flock of birds",
        "Lintuparvi lentää vaaleanpunaisella taivaalla laskevan auringon yllä.",
        "A flock of birds flies across a pink sky above a setting sun.",
    ),
    "weather": (
        "Aurinkoa ja sadetta",
        "Sun and rain",
        "Aurinko kurkistaa valkoisen pilven takaa, ja pilvestä sataa sinisiä pisaroita.",
        "The sun peeks out from behind a white cloud while blue raindrops fall from it.",
    ),
}

DEFAULT_DECK: tuple[Card, ...] = tuple(Card(key, f"{key}.svg") for key in _TEXTS)
_BY_KEY: dict[str, Card] = {card.key: card for card in DEFAULT_DECK}

MESSAGES: dict[str, dict[str, str]] = {
    message_key: texts
    for key, (fi_title, en_title, fi_alt, en_alt) in _TEXTS.items()
    for message_key, texts in (
        (f"card.{key}.title", {"fi": fi_title, "en": en_title}),
        (f"card.{key}.alt", {"fi": fi_alt, "en": en_alt}),
    )
}


def card_svg(key: str) -> bytes:
    """The card's SVG, read as package data so it also works from an installed wheel."""
    try:
        card = _BY_KEY[key]
    except KeyError:
        raise KeyError(f"no card {key!r} in the default deck") from None
    return (resources.files(__package__) / "cards" / card.filename).read_bytes()
