"""Texts of the causal-map analysis and map files (errors, loop and leverage explanations)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "map.error.duplicate_factor": {"fi": "Tekijä {factor} on kartalla kahdesti.",
                                   "en": "Factor {factor} appears twice."},
    "map.error.unknown_factor": {"fi": "Tekijää {factor} ei ole kartalla.",
                                 "en": "Factor {factor} is not on the map."},
    "map.error.self_link": {"fi": "Tekijä {factor} ei voi vaikuttaa suoraan itseensä.",
                            "en": "Factor {factor} cannot affect itself directly."},
    "map.error.duplicate_link": {"fi": "Yhteys {source} → {target} on jo olemassa.",
                                 "en": "The link {source} → {target} already exists."},
    "map.error.bad_weight": {"fi": "Vaikutuksen voimakkuuden pitää olla väliltä −1…1 eikä 0.",
                             "en": "Link strength must be between −1 and 1 and not 0."},
    "map.error.bad_kind": {"fi": "Tuntematon tekijän tyyppi: {kind}.",
                           "en": "Unknown factor type: {kind}."},
    "map.error.empty_key": {"fi": "Tekijän tunniste puuttuu.", "en": "A factor has no key."},
    "map.error.bad_clamp": {"fi": "Tekijän {factor} skenaarioarvon pitää olla väliltä −1…1.",
                            "en": "The scenario value of {factor} must be between −1 and 1."},
    "mapfile.location.row": {"fi": "Rivi {row}", "en": "Row {row}"},
    "mapfile.location.element": {"fi": "Kohta {element}", "en": "Element {element}"},
    "mapfile.error.missing_column": {"fi": "Sarake {column} puuttuu.",
                                     "en": "Column {column} is missing."},
    "mapfile.error.missing_value": {"fi": "Solu on tyhjä (sarake {column}).",
                                    "en": "Empty cell (column {column})."},
    "mapfile.error.bad_polarity": {"fi": "Suuntaa ”{value}” ei tunnisteta; käytä + tai −.",
                                   "en": "Polarity “{value}” not recognised; use + or −."},
    "mapfile.error.bad_weight": {
        "fi": "Voimakkuus ”{value}” ei kelpaa: anna luku −1…1 (ei 0) tai heikko, keskivahva "
              "tai vahva.",
        "en": "Strength “{value}” is not valid: a number from −1 to 1 (not 0) or weak, medium "
              "or strong.",
    },
    "mapfile.error.bad_delay": {"fi": "Viive ”{value}” ei kelpaa; käytä 1/0 tai kyllä/ei.",
                                "en": "Delay “{value}” is not valid; use 1/0 or yes/no."},
    "mapfile.error.not_graphml": {"fi": "Tiedosto ei ole kelvollinen GraphML-tiedosto.",
                                  "en": "The file is not valid GraphML."},
    "mapfile.error.too_large": {"fi": "Tiedosto on liian suuri (enintään {limit_mb} Mt).",
                                "en": "The file is too large (at most {limit_mb} MB)."},
    "mapfile.error.unsafe_xml": {
        "fi": "Tiedostossa on XML-määrittelyjä (DOCTYPE tai ENTITY), joita ei turvallisuussyistä "
              "lueta.",
        "en": "The file contains XML declarations (DOCTYPE or ENTITY) that are refused for "
              "safety.",
    },
    "mapfile.error.empty": {"fi": "Tiedosto on tyhjä.", "en": "The file is empty."},
    "mapfile.error.encoding": {
        "fi": "Tiedoston merkistöä ei tunnistettu; tallenna se UTF-8-muodossa.",
        "en": "The text encoding was not recognised; save the file as UTF-8.",
    },
    "loops.truncated.max_loops": {"fi": "Silmukoita on paljon; näytetään lyhimmät.",
                                  "en": "There are many loops; the shortest are shown."},
    "loops.truncated.max_length": {"fi": "Hyvin pitkiä silmukoita ei haettu.",
                                   "en": "Very long loops were not searched."},
    "leverage.reason.driver": {
        "fi": "Käynnistäjä: vaikuttaa muihin, mutta mikään ei vaikuta siihen.",
        "en": "Driver: affects others, nothing affects it.",
    },
    "leverage.reason.high_out_influence": {"fi": "Vahvat vaikutukset muihin tekijöihin.",
                                           "en": "Strong influence on other factors."},
    "leverage.reason.wide_reach": {"fi": "Vaikutus ulottuu suureen osaan karttaa.",
                                   "en": "Its effects reach much of the map."},
    "leverage.reason.high_betweenness": {"fi": "Monen vaikutusketjun solmukohta.",
                                         "en": "A hub on many causal paths."},
    "leverage.reason.in_many_loops": {"fi": "Mukana monessa takaisinkytkennässä.",
                                      "en": "Part of many feedback loops."},
}
