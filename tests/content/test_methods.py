"""Checks for the co-design method content: guides, templates, glossary, feedback and texts."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

import pytest

from workshop.content import methods as m

KEY_RE = re.compile(r"^[a-z_]+(\.[a-z0-9_]+)+$")
HTML_RE = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>|&[a-zA-Z]+;|&#\d+;")
EXPECTED_ACTIVITY_TYPES = (
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
WARMUP_SEQUENCE = (
    "info",
    "principles",
    "picture_cards",
    "glossary",
    "learning_cafe",
    "topics",
    "feedback",
)


def _walk(value: object) -> Iterator[str]:
    """Every string inside a structure (dataclass fields, tuples, lists, dict keys/values)."""
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from _walk(getattr(value, f.name))
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _walk(k)
            yield from _walk(v)
    elif isinstance(value, (tuple, list, set, frozenset)):
        for v in value:
            yield from _walk(v)


def _public_structures() -> dict[str, object]:
    return {
        name: value
        for name, value in vars(m).items()
        if name.isupper() and name != "MESSAGES" and not name.startswith("_")
    }


def _referenced_keys() -> set[str]:
    keys: set[str] = set()
    for value in _public_structures().values():
        keys.update(s for s in _walk(value) if KEY_RE.match(s))
    return keys


# --------------------------------------------------------------------------- vocabularies


def test_vocabularies_are_the_fixed_ones() -> None:
    assert m.PHASES == ("warmup", "personas", "paths", "causal", "model")
    assert m.ACTIVITY_TYPES == EXPECTED_ACTIVITY_TYPES
    assert m.ROLES == ("client_rep", "professional", "ngo_parish", "expert_by_experience", "other")


def test_vocabularies_match_the_database_models() -> None:
    models = pytest.importorskip("workshop.models")
    assert m.PHASES == models.PHASES
    assert m.ROLES == models.ROLES


def test_phase_and_role_info_cover_the_vocabularies() -> None:
    assert tuple(m.PHASE_INFO) == m.PHASES
    for key, info in m.PHASE_INFO.items():
        assert info.key == key
        assert info.name_key == f"phase.{key}.name"
        assert info.description_key == f"phase.{key}.description"
        assert info.activity_types
        assert set(info.activity_types) <= set(m.ACTIVITY_TYPES)
    assert tuple(m.ROLE_INFO) == m.ROLES
    for key, info in m.ROLE_INFO.items():
        assert info.key == key
        assert info.name_key == f"role.{key}.name"
        assert info.description_key == f"role.{key}.description"


# --------------------------------------------------------------------------- guides


def test_every_activity_type_has_a_guide() -> None:
    assert set(m.GUIDES) == set(m.ACTIVITY_TYPES)
    for activity_type, guide in m.GUIDES.items():
        assert guide.activity_type == activity_type
        assert guide.name == f"activity.{activity_type}.name"
        assert guide.participant_hint == f"activity.{activity_type}.hint"
        assert m.get_guide(activity_type) is guide
    with pytest.raises(KeyError):
        m.get_guide("brainstorm")


@pytest.mark.parametrize("activity_type", EXPECTED_ACTIVITY_TYPES)
def test_guide_shape(activity_type: str) -> None:
    guide = m.GUIDES[activity_type]
    assert 3 <= len(guide.steps) <= 7
    assert 2 <= len(guide.pitfalls) <= 4
    assert len(set(guide.steps)) == len(guide.steps)
    assert len(set(guide.pitfalls)) == len(guide.pitfalls)
    shortest, longest = guide.typical_minutes
    assert isinstance(shortest, int) and isinstance(longest, int)
    assert 0 < shortest <= longest <= 180
    for key in (guide.purpose, guide.group_size, guide.prepare, *guide.steps, *guide.pitfalls):
        assert key.startswith(f"activity.{activity_type}.")


def test_participant_hints_fit_on_a_phone() -> None:
    for guide in m.GUIDES.values():
        for lang, text in m.MESSAGES[guide.participant_hint].items():
            assert "\n" not in text
            assert len(text) <= 110, (guide.activity_type, lang, text)


def test_guide_labels_name_guide_fields() -> None:
    fields = {f.name for f in dataclasses.fields(m.ActivityGuide)}
    assert set(m.GUIDE_LABELS) <= fields
    assert {"purpose", "steps", "pitfalls", "participant_hint"} <= set(m.GUIDE_LABELS)


def _guide_text(activity_type: str, lang: str) -> str:
    guide = m.GUIDES[activity_type]
    keys = [k for k in _walk(guide) if KEY_RE.match(k)]
    return " ".join(m.MESSAGES[k][lang] for k in keys)


def test_guides_keep_the_key_facilitation_rules() -> None:
    cards = _guide_text("picture_cards", "fi")
    assert "enemmän kuin osallistujia" in cards
    assert "hiljaa" in cards
    assert "enempää kuin haluaa" in cards
    cafe = _guide_text("learning_cafe", "fi")
    assert "pysyy pisteellä" in cafe
    assert "aiemmat ryhmät" in cafe
    tupla = _guide_text("tuplatiimi", "fi")
    assert "yksin ja hiljaa" in tupla
    assert "viisi merkkiä" in tupla and "enintään kaksi" in tupla
    assert "asiakas ja ammattilainen" in tupla
    assert "teemoiksi" in tupla
    assert "mitä tehdään, kuka tekee ja mihin mennessä" in tupla
    feedback = _guide_text("feedback", "fi")
    assert "erikseen" in feedback and "alle kolme" in feedback
    assert m.FEEDBACK_MIN_RESPONDENTS == 3
    personas = _guide_text("personas", "fi")
    assert "3–4" in personas and "1–3" in personas


# --------------------------------------------------------------------------- messages


def test_every_referenced_key_exists_in_both_languages() -> None:
    referenced = _referenced_keys()
    assert referenced
    missing = sorted(referenced - set(m.MESSAGES))
    assert not missing, missing


def test_no_unused_messages() -> None:
    unused = sorted(set(m.MESSAGES) - _referenced_keys())
    assert not unused, unused


def test_messages_are_well_formed() -> None:
    for key, texts in m.MESSAGES.items():
        assert KEY_RE.match(key), key
        assert set(texts) == {"fi", "en"}, key
        for lang, text in texts.items():
            assert isinstance(text, str) and text.strip(), (key, lang)
            assert text == text.strip(), (key, lang)
            assert "  " not in text, (key, lang)
            assert not re.search(r"[.!?,:;](?=[^\s”“\"')])", text), (key, lang, text)
            assert "{" not in text and "}" not in text, (key, lang)  # t() would format them


def test_no_html_in_texts() -> None:
    for key, texts in m.MESSAGES.items():
        for lang, text in texts.items():
            assert not HTML_RE.search(text), (key, lang, text)


def test_finnish_and_english_are_really_translated() -> None:
    english_words = re.compile(r"\b(the|and|with|what|you|your|is|are)\b", re.IGNORECASE)
    for key, texts in m.MESSAGES.items():
        assert texts["fi"] != texts["en"], key
        assert not re.search(r"[äöåÄÖÅ]", texts["en"]), (key, texts["en"])
        assert not english_words.search(texts["fi"]), (key, texts["fi"])


def test_finnish_uses_short_sentences() -> None:
    for key, texts in m.MESSAGES.items():
        for sentence in re.split(r"(?<=[.!?])\s+", texts["fi"]):
            assert len(sentence.split()) <= 18, (key, sentence)


def test_sentences_end_with_punctuation_and_names_do_not() -> None:
    sentence_suffixes = (
        ".purpose",
        ".prepare",
        ".description",
        ".definition",
        ".explanation",
        ".hint",
    )
    for key, texts in m.MESSAGES.items():
        if key.startswith("guide."):  # section headings
            continue
        is_sentence = key.endswith(sentence_suffixes) or re.search(r"\.(step|pitfall)\.\d+$", key)
        for text in texts.values():
            if is_sentence:
                assert text[-1] in ".?!", (key, text)
            if key.endswith((".name", ".term")):
                assert not text.endswith("."), (key, text)


# --------------------------------------------------------------------------- templates


def test_two_templates_with_six_and_ten_meetings() -> None:
    assert {t.key: len(t.meetings) for t in m.PAKU_TEMPLATES} == {
        "paku_compact": 6,
        "paku_full": 10,
    }
    assert m.get_template("paku_compact").key == "paku_compact"
    assert len(m.get_template("paku_full").meetings) == 10
    with pytest.raises(KeyError):
        m.get_template("nope")


@pytest.mark.parametrize("template", m.PAKU_TEMPLATES, ids=lambda t: t.key)
def test_template_phases_run_in_order(template: m.MeetingTemplate) -> None:
    phases = [meeting.phase for meeting in template.meetings]
    assert phases[0] == "warmup"
    assert phases[-1] == "model"
    assert set(phases) == set(m.PHASES)
    order = [m.PHASES.index(p) for p in phases]
    assert order == sorted(order)


@pytest.mark.parametrize("template", m.PAKU_TEMPLATES, ids=lambda t: t.key)
def test_template_meetings_fit_their_time(template: m.MeetingTemplate) -> None:
    for meeting in template.meetings:
        assert 120 <= meeting.duration_minutes <= 180
        planned = m.template_total_minutes(meeting)
        assert planned == sum(item.minutes for item in meeting.agenda)
        assert planned <= meeting.duration_minutes
        assert meeting.duration_minutes - planned >= m.MIN_BREAK_MINUTES
        for item in meeting.agenda:
            assert item.activity_type in m.ACTIVITY_TYPES
            assert item.minutes > 0


@pytest.mark.parametrize("template", m.PAKU_TEMPLATES, ids=lambda t: t.key)
def test_template_follows_the_method(template: m.MeetingTemplate) -> None:
    first, *later = template.meetings
    assert tuple(i.activity_type for i in first.agenda) == WARMUP_SEQUENCE
    for meeting in later:
        opener = meeting.agenda[0]
        assert opener.activity_type == "notes"
        assert opener.title_key == "template.agenda.comment_round"
    for meeting in template.meetings[:-1]:
        assert "topics" in {i.activity_type for i in meeting.agenda}
    assert "feedback" in {i.activity_type for i in template.meetings[-1].agenda}
    model_types = {
        i.activity_type for mt in template.meetings if mt.phase == "model" for i in mt.agenda
    }
    assert {"waste_workshop", "tuplatiimi", "solution_steps", "model_canvas"} <= model_types


def test_full_template_uses_every_activity_type() -> None:
    used = {i.activity_type for mt in m.get_template("paku_full").meetings for i in mt.agenda}
    assert used == set(m.ACTIVITY_TYPES)


def test_template_titles_fit_the_database_columns() -> None:
    for template in m.PAKU_TEMPLATES:
        for meeting in template.meetings:
            for key in (meeting.title_key, *(i.title_key for i in meeting.agenda)):
                assert all(len(text) <= 200 for text in m.MESSAGES[key].values())


def test_template_total_minutes_sums_the_agenda() -> None:
    meeting = m.TemplateMeeting(
        phase="model",
        title_key="template.meeting.final.title",
        duration_minutes=60,
        agenda=(
            m.TemplateAgendaItem("template.agenda.welcome", "info", 7),
            m.TemplateAgendaItem("template.agenda.feedback", "feedback", 11),
        ),
    )
    assert m.template_total_minutes(meeting) == 18
    assert m.template_total_minutes(dataclasses.replace(meeting, agenda=())) == 0


def test_structures_are_immutable() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        m.GUIDES["info"].name = "x"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        m.PAKU_TEMPLATES[0].meetings[0].duration_minutes = 999  # type: ignore[misc]


# --------------------------------------------------------------------------- other content


def test_default_principles() -> None:
    assert 6 <= len(m.DEFAULT_PRINCIPLES) <= 8
    expected = tuple(f"principle.{n}" for n in range(1, len(m.DEFAULT_PRINCIPLES) + 1))
    assert expected == m.DEFAULT_PRINCIPLES


def test_seed_concepts() -> None:
    assert 8 <= len(m.SEED_CONCEPTS) <= 14
    terms = {m.MESSAGES[c.term_key]["fi"].lower() for c in m.SEED_CONCEPTS}
    required = {
        "palveluohjaus",
        "palvelupolku",
        "varhainen tuki",
        "ennaltaehkäisy",
        "monialaisuus",
        "intensiivisyys",
        "asiakaslähtöisyys",
        "osallisuus",
        "yhteiskehittäminen",
        "kehittäjäasiakas",
        "asiakasarvo",
        "toimintamalli",
        "kriittinen kohta",
    }
    assert required <= terms
    keys = [c.key for c in m.SEED_CONCEPTS]
    assert len(set(keys)) == len(keys)
    for concept in m.SEED_CONCEPTS:
        assert concept.term_key == f"concept.{concept.key}.term"
        assert concept.definition_key == f"concept.{concept.key}.definition"
        for text in m.MESSAGES[concept.definition_key].values():
            sentences = [s for s in re.split(r"(?<=[.!?])\s+", text) if s]
            assert 1 <= len(sentences) <= 2, (concept.key, text)


def test_feedback_items() -> None:
    items = m.DEFAULT_FEEDBACK_ITEMS
    assert 5 <= len(items) <= 7
    assert len({i.key for i in items}) == len(items)
    kinds = [i.kind for i in items]
    assert set(kinds) == {"scale", "text"}
    assert kinds.count("text") == 2
    assert kinds.count("scale") >= 3
    assert m.FEEDBACK_SCALE == (1, 5)
    assert len(m.FEEDBACK_SCALE_LABEL_KEYS) == 2


def test_feedback_groups_tell_clients_and_workers_apart() -> None:
    assert set(m.ROLE_FEEDBACK_GROUP) == set(m.ROLES)
    assert set(m.ROLE_FEEDBACK_GROUP.values()) <= set(m.FEEDBACK_GROUPS)
    assert m.ROLE_FEEDBACK_GROUP["client_rep"] == "clients"
    assert m.ROLE_FEEDBACK_GROUP["expert_by_experience"] == "clients"
    assert m.ROLE_FEEDBACK_GROUP["professional"] == "workers"


def test_waste_categories_are_the_classic_eight() -> None:
    assert [w.key for w in m.WASTE_CATEGORIES] == [
        "defects",
        "overproduction",
        "waiting",
        "unused_skills",
        "transfers",
        "inventory",
        "motion",
        "over_processing",
    ]
    for waste in m.WASTE_CATEGORIES:
        assert waste.name_key == f"waste.{waste.key}.name"
        assert waste.explanation_key == f"waste.{waste.key}.explanation"
        assert "Esimerkiksi" in m.MESSAGES[waste.explanation_key]["fi"]
        assert "For example" in m.MESSAGES[waste.explanation_key]["en"]


def test_question_sets() -> None:
    assert 3 <= len(m.CAFE_DEFAULT_QUESTIONS) <= 4
    assert {"situation_now", "change_wanted", "what_helps", "who_around", "asking_hard"} <= set(
        m.PERSONA_QUESTIONS
    )
    assert tuple(m.PATH_STEP_QUESTIONS) == ("happened", "meaningful", "difficult")
    for key in (
        *m.CAFE_DEFAULT_QUESTIONS,
        *m.PERSONA_QUESTIONS.values(),
        *m.PATH_STEP_QUESTIONS.values(),
    ):
        assert all(text.endswith("?") for text in m.MESSAGES[key].values()), key


def test_value_parts_and_solution_steps() -> None:
    assert [v.key for v in m.VALUE_PARTS] == ["functional", "social", "emotional"]
    assert [s.key for s in m.SOLUTION_STEPS] == [
        "ideation",
        "choosing",
        "testing_with_clients",
        "testing_solution",
    ]
    for item in (*m.VALUE_PARTS, *m.SOLUTION_STEPS):
        assert item.name_key.endswith(f".{item.key}.name")
        assert item.explanation_key.endswith(f".{item.key}.explanation")
