"""Causal maps in the database: from critical points, factors and links with the analysis
rules, stable positions, participants' proposals, import/export, and analysis on a stored map."""

from __future__ import annotations

import pytest
from builders import join, world
from sqlalchemy import func, select

from exports.map_png import map_png
from workshop import causal_maps, meetings, paths
from workshop.analysis.causal import weight_from
from workshop.analysis.mapfiles import MapFileError
from workshop.causal_maps import LinkRow
from workshop.charts.causal import map_figure, scenario_figure
from workshop.errors import InvalidInput, NotFound, StaleEdit
from workshop.model_maps import CausalMapRecord, MapFactor, MapLink
from workshop.paths import StepInput

UP, DOWN = weight_from(1, "medium"), weight_from(-1, "strong")


def _map_with(session, w, labels, links, title="Kartta"):
    """A map with factors ``labels`` and ``links`` as (source, target, weight)."""
    me = w.facilitator
    cmap = causal_maps.create_map(session, me, w.workshop_id, title)
    ids = {label: causal_maps.add_factor(session, me, cmap.id, label).id for label in labels}
    for source, target, weight in links:
        causal_maps.add_link(session, me, cmap.id, ids[source], ids[target], weight)
    return cmap.id, ids


def _counts(session) -> tuple[int, int, int]:
    return tuple(session.scalar(select(func.count()).select_from(model))
                 for model in (CausalMapRecord, MapFactor, MapLink))


def test_critical_points_become_factors_linked_to_their_steps(session):
    w = world(session)
    me = w.facilitator
    first = paths.create_path(session, me, w.workshop_id, "Polku 1")
    paths.add_step(session, me, first.id, StepInput("Hakemus"))
    jono = paths.add_step(session, me, first.id, StepInput("Jono", critical=True,
                                                           critical_note="Pitkä odotus"))
    second = paths.create_path(session, me, w.workshop_id, "Polku 2")
    kirje = paths.add_step(session, me, second.id, StepInput("Kirje tuli myöhään\nkoska",
                                                             critical=True))
    sama = paths.add_step(session, me, second.id, StepInput("Toinen", critical=True,
                                                            critical_note="pitkä odotus"))
    cmap = causal_maps.create_map(session, me, w.workshop_id, "Purku",
                                  path_ids=[first.id, second.id])
    assert [(f.label, f.kind, f.step_id) for f in cmap.factors] == [
        ("Pitkä odotus", "problem", jono.id),
        ("Kirje tuli myöhään", "problem", kirje.id),  # the first line of what happened
        ("pitkä odotus (2)", "problem", sama.id),  # labels stay unique
    ]
    again = causal_maps.add_critical_points(session, me, cmap.id, [first.id])
    assert again == []  # steps already on the map are not added twice
    other = world(session, "toinen")
    foreign = paths.create_path(session, other.facilitator, other.workshop_id, "Vieras")
    with pytest.raises(NotFound):
        causal_maps.create_map(session, me, w.workshop_id, "x", path_ids=[foreign.id])


def test_duplicates_and_self_links_are_refused_with_the_analysis_keys(session):
    w = world(session)
    me = w.facilitator
    map_id, ids = _map_with(session, w, ["Jono", "Uupumus"], [("Jono", "Uupumus", UP)])
    cases = [
        (lambda: causal_maps.add_factor(session, me, map_id, "jono"),
         "map.error.duplicate_factor", {"factor": "jono"}),
        (lambda: causal_maps.add_link(session, me, map_id, ids["Jono"], ids["Jono"], UP),
         "map.error.self_link", {"factor": "Jono"}),
        (lambda: causal_maps.add_link(session, me, map_id, ids["Jono"], ids["Uupumus"], DOWN),
         "map.error.duplicate_link", {"source": "Jono", "target": "Uupumus"}),
        (lambda: causal_maps.add_link(session, me, map_id, ids["Uupumus"], ids["Jono"], 0.0),
         "map.error.bad_weight", {}),
        (lambda: causal_maps.add_link(session, me, map_id, ids["Uupumus"], ids["Jono"], 1.5),
         "map.error.bad_weight", {}),
        (lambda: causal_maps.add_factor(session, me, map_id, "Uusi", "villain"),
         "error.choice", {}),
    ]
    for action, key, params in cases:
        with pytest.raises(InvalidInput) as caught:
            action()
        assert caught.value.key == key
        assert params.items() <= caught.value.params.items()
    factor = causal_maps.get_map(session, me, map_id).factor(ids["Uupumus"])
    with pytest.raises(InvalidInput):
        causal_maps.edit_factor(session, me, factor.id, factor.version, label="JONO",
                                kind="effect")
    back = causal_maps.add_link(session, me, map_id, ids["Uupumus"], ids["Jono"], DOWN)
    assert back.polarity == -1 and back.strength == "strong"  # the other direction is fine
    assert _counts(session) == (1, 2, 2)


def test_analysis_of_a_stored_map_finds_the_r_and_b_loops(session):
    w = world(session)
    map_id, ids = _map_with(session, w, ["Jono", "Uupumus", "Avun haku", "Takaisinsoitto"], [
        ("Jono", "Uupumus", UP), ("Uupumus", "Avun haku", UP), ("Avun haku", "Jono", UP),
        ("Avun haku", "Takaisinsoitto", UP), ("Takaisinsoitto", "Jono", DOWN),
    ])
    result = causal_maps.analyze(session, w.facilitator, map_id)
    loops = {(loop.kind, frozenset(loop.labels)) for loop in result.loops}
    assert loops == {("R", frozenset({"Jono", "Uupumus", "Avun haku"})),
                     ("B", frozenset({"Jono", "Uupumus", "Avun haku", "Takaisinsoitto"}))}
    for loop in result.loops:
        assert [ids[label] for label in loop.labels] == list(loop.factor_ids)
    assert not result.truncated
    assert {s.factor_id for s in result.leverage} == set(ids.values())
    top = result.leverage[0]
    assert top.loop_count == 2 and top.reasons
    scenario = causal_maps.run_scenario(session, w.facilitator, map_id,
                                        {ids["Takaisinsoitto"]: 1.0})
    change = {c.label: c.change for c in scenario.changes}
    assert change["Jono"] < 0 and scenario.converged  # call-backs shorten the queue
    with pytest.raises(InvalidInput):
        causal_maps.run_scenario(session, w.facilitator, map_id, {ids["Jono"]: 2.0})
    # Hidden factors and their links stay out of the analysis.
    causal_maps.set_factor_hidden(session, w.facilitator, ids["Takaisinsoitto"], True)
    kinds = [loop.kind for loop in causal_maps.analyze(session, w.facilitator, map_id).loops]
    assert kinds == ["R"]


def test_positions_are_stored_and_old_factors_do_not_move(session):
    w = world(session)
    me = w.facilitator
    map_id, ids = _map_with(session, w, ["A", "B", "C"], [("A", "B", UP), ("B", "C", UP)])
    before = {f.id: (f.x, f.y) for f in causal_maps.get_map(session, me, map_id).factors}
    assert len(set(before.values())) == 3  # three different places
    new = causal_maps.add_factor(session, me, map_id, "D")
    after = {f.id: (f.x, f.y) for f in causal_maps.get_map(session, me, map_id).factors}
    assert {k: after[k] for k in before} == before
    assert after[new.id] not in before.values()
    assert causal_maps.get_map(session, me, map_id) == causal_maps.get_map(session, me, map_id)
    causal_maps.relayout(session, me, map_id)
    versions = {f.id: f.version for f in causal_maps.get_map(session, me, map_id).factors}
    assert set(versions.values()) == {1}  # moving does not make edit forms stale


def test_participants_propose_and_the_facilitator_moderates(session):
    w = world(session)
    item = meetings.add_agenda_item(session, w.facilitator, w.meeting_id, title="Kartta",
                                    activity_type="causal_map")
    meetings.set_item_flags(session, w.facilitator, item.id, contributions_open=True)
    p = join(session, w)
    assert causal_maps.map_for_item(session, p, item.id) is None
    map_id, ids = _map_with(session, w, ["Jono"], [])
    cmap = causal_maps.map_for_item(session, p, item.id)
    assert cmap is not None and cmap.id == map_id
    before = meetings.revision(session, w.meeting_id)
    mine = causal_maps.add_factor(session, p, map_id, "Uupumus", "effect", item_id=item.id,
                                  client_key="factor-key-1")
    assert causal_maps.add_factor(session, p, map_id, "Uupumus", "effect", item_id=item.id,
                                  client_key="factor-key-1").id == mine.id
    link = causal_maps.add_link(session, p, map_id, ids["Jono"], mine.id, UP, item_id=item.id)
    assert meetings.revision(session, w.meeting_id) > before  # live screens update
    seen = causal_maps.get_map(session, w.facilitator, map_id)
    assert seen.factor(mine.id).proposed and seen.links[0].proposed
    with pytest.raises(NotFound):  # editing is the facilitator's
        causal_maps.edit_link(session, p, link.id, link.version, weight=DOWN)
    with pytest.raises(InvalidInput):  # outside the activity
        causal_maps.add_factor(session, p, map_id, "X")
    causal_maps.set_link_hidden(session, w.facilitator, link.id, True)
    assert causal_maps.get_map(session, p, map_id).links == ()
    causal_maps.delete_factor(session, w.facilitator, mine.id, mine.version)
    assert [f.label for f in causal_maps.get_map(session, w.facilitator, map_id).factors] \
        == ["Jono"]
    assert causal_maps.get_map(session, w.facilitator, map_id).links == ()
    again = causal_maps.add_factor(session, p, map_id, "Uupumus", item_id=item.id)
    assert again.id != mine.id  # a removed label may be used again


def test_maps_are_not_reachable_from_another_workshop(session):
    w = world(session)
    other = world(session, "toinen")
    outsider = join(session, other)
    map_id, ids = _map_with(session, w, ["A", "B"], [("A", "B", UP)])
    link_id = causal_maps.get_map(session, w.facilitator, map_id).links[0].id
    for actor in (other.facilitator, outsider):
        for action in (
            lambda a=actor: causal_maps.get_map(session, a, map_id),
            lambda a=actor: causal_maps.analyze(session, a, map_id),
            lambda a=actor: causal_maps.list_maps(session, a, w.workshop_id),
            lambda a=actor: causal_maps.add_factor(session, a, map_id, "X"),
            lambda a=actor: causal_maps.edit_factor(session, a, ids["A"], 1, label="X",
                                                    kind="cause"),
            lambda a=actor: causal_maps.delete_link(session, a, link_id, 1),
            lambda a=actor: causal_maps.save_link_table(session, a, map_id, [], {}),
        ):
            with pytest.raises(NotFound):
                action()
    assert _counts(session) == (1, 2, 1)


def test_link_table_saves_all_or_nothing(session):
    w = world(session)
    me = w.facilitator
    map_id, ids = _map_with(session, w, ["A", "B", "C"], [("A", "B", UP), ("B", "C", UP)])
    view = causal_maps.get_map(session, me, map_id)
    shown = {ln.id: ln.version for ln in view.links}
    ab, bc = view.links
    rows = [LinkRow(ab.id, ab.source_id, ab.target_id, DOWN, True),  # changed
            LinkRow(None, ids["C"], ids["A"], UP)]  # new; B->C removed
    assert causal_maps.save_link_table(session, me, map_id, rows, shown) == 3
    after = causal_maps.get_map(session, me, map_id)
    assert [(ln.source_id, ln.target_id, ln.weight, ln.delay) for ln in after.links] == [
        (ids["A"], ids["B"], DOWN, True), (ids["C"], ids["A"], UP, False)]
    shown = {ln.id: ln.version for ln in after.links}
    bad = [*(LinkRow(ln.id, ln.source_id, ln.target_id, ln.weight, ln.delay)
             for ln in after.links), LinkRow(None, ids["B"], ids["B"], UP)]
    with pytest.raises(InvalidInput) as caught:
        causal_maps.save_link_table(session, me, map_id, bad, shown)
    assert caught.value.key == "map.error.self_link" and caught.value.params["factor"] == "B"
    with pytest.raises(StaleEdit):
        causal_maps.save_link_table(session, me, map_id, [], {ln.id: 99 for ln in after.links})
    assert causal_maps.get_map(session, me, map_id).links == after.links


def test_bad_csv_import_writes_nothing_and_names_the_row(session):
    w = world(session)
    before = _counts(session)
    links = "source;target;polarity;weight\nJono;Uupumus;+;vahva\nUupumus;Jono;?;0,5\n"
    with pytest.raises(MapFileError) as caught:
        causal_maps.import_map(session, w.facilitator, w.workshop_id, "Tuotu", links.encode(),
                               filename="kartta.csv")
    assert caught.value.key == "mapfile.error.bad_polarity"
    assert caught.value.params["row"] == 3
    assert causal_maps.describe_file_error(caught.value, "en") == \
        "Row 3 (links): Polarity “?” not recognised; use + or −."
    assert _counts(session) == before
    duplicate = "source,target\nA,B\nB,A\nA,B\n"
    with pytest.raises(MapFileError) as caught:
        causal_maps.import_map(session, w.facilitator, w.workshop_id, "Tuotu",
                               duplicate.encode(), filename="x.csv")
    assert caught.value.key == "map.error.duplicate_link" and caught.value.params["row"] == 4
    factors = "key;label\na;Sama\nb;sama\n"
    with pytest.raises(MapFileError) as caught:
        causal_maps.import_map(session, w.facilitator, w.workshop_id, "Tuotu",
                               b"source;target\na;b\n", filename="l.csv",
                               factors_data=factors.encode())
    assert caught.value.key == "map.error.duplicate_factor"
    assert _counts(session) == before


def test_graphml_and_csv_round_trip_through_the_database(session):
    w = world(session)
    me = w.facilitator
    map_id, ids = _map_with(session, w, ["Jono", "Uupumus", "=Kaava", "Yksin"], [
        ("Jono", "Uupumus", 1.0), ("Uupumus", "Jono", -0.25), ("=Kaava", "Jono", 0.5)])
    causal_maps.edit_link(session, me, causal_maps.get_map(session, me, map_id).links[0].id, 1,
                          weight=1.0, delay=True)
    original = causal_maps.get_map(session, me, map_id)
    graphml = causal_maps.export_graphml(original)
    imported = causal_maps.import_map(session, me, w.workshop_id, "Kopio", graphml,
                                      filename="kartta.graphml")
    assert imported.to_causal_map() == original.to_causal_map()
    assert imported.id != original.id and len(imported.factors) == 4
    links_csv, factors_csv = causal_maps.export_csv(original)
    assert links_csv.startswith(b"\xef\xbb\xbf")  # Excel sees UTF-8
    from_csv = causal_maps.import_map(session, me, w.workshop_id, "CSV", links_csv,
                                      filename="links.csv", factors_data=factors_csv)
    assert from_csv.to_causal_map() == original.to_causal_map()
    assert len(causal_maps.list_maps(session, me, w.workshop_id)) == 3


def test_map_pictures(session):
    w = world(session)
    map_id, ids = _map_with(session, w, ["Jono", "<b>Uupumus</b>", "Tuki"], [
        ("Jono", "<b>Uupumus</b>", UP), ("<b>Uupumus</b>", "Jono", DOWN),
        ("Tuki", "<b>Uupumus</b>", weight_from(-1, "weak"))])
    causal_maps.add_factor(session, w.facilitator, map_id, "Ratkaisu", "solution")
    view = causal_maps.get_map(session, w.facilitator, map_id)
    fig = map_figure(view, "fi")
    arrows = [a for a in fig.layout.annotations if a.showarrow]
    signs = [a.text for a in fig.layout.annotations if not a.showarrow]
    assert len(arrows) == 3
    assert sorted(signs) == sorted(["<b>+</b>", "<b>−</b>", "<b>−</b>"])
    colours = {a.arrowcolor for a in arrows}
    assert colours == {"#0072B2", "#D55E00"}  # colour as well as the sign
    widths = sorted(a.arrowwidth for a in arrows)
    assert widths == [1.5, 3.0, 5.0]  # strength by width
    kinds = {trace.name: trace.marker.symbol for trace in fig.data if trace.mode != "lines"}
    assert kinds == {"Syy": "circle", "Ratkaisu": "star"}
    texts = [text for trace in fig.data if trace.text for text in trace.text]
    assert "&lt;b&gt;Uupumus&lt;/b&gt;" in texts  # user text never becomes markup
    stored = {f.label: (f.x, f.y) for f in view.factors}
    jono = next(trace for trace in fig.data if trace.name == "Syy")
    assert (jono.x[0], jono.y[0]) == stored["Jono"]  # the stored positions
    loop = causal_maps.analyze_view(view).loops[0]
    lit = map_figure(view, "fi", highlight=loop.factor_ids)
    bold = [a for a in lit.layout.annotations if a.showarrow and a.opacity == 1.0]
    faded = [a for a in lit.layout.annotations if a.showarrow and a.opacity < 1.0]
    assert len(bold) == 2 and len(faded) == 1
    png = map_png(view, "en", width=800, height=500)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert int.from_bytes(png[16:20], "big") == 800 and int.from_bytes(png[20:24], "big") == 500
    scenario = causal_maps.run_scenario(session, w.facilitator, map_id, {ids["Tuki"]: 1.0})
    bars = scenario_figure(scenario, "en").data[0]
    assert any(text.startswith("▼") for text in bars.text)


def test_demo_paths_and_map(session):
    from workshop.demo_paths import seed_paths_and_maps

    w = world(session)
    seeded = seed_paths_and_maps(session, w.facilitator, w.workshop_id)
    listed = paths.list_paths(session, w.facilitator, w.workshop_id)
    assert [(p.id, p.variant, p.persona_id) for p in listed] == [
        (seeded.as_is_id, "as_is", seeded.persona_id),
        (seeded.to_be_id, "to_be", seeded.persona_id)]
    as_is, to_be = listed
    assert len(as_is.critical_steps) == 2 and len(to_be.critical_steps) == 0
    analysis = causal_maps.analyze(session, w.facilitator, seeded.map_id)
    assert {"R", "B"} <= {loop.kind for loop in analysis.loops}
    view = causal_maps.get_map(session, w.facilitator, seeded.map_id)
    assert {f.step_id for f in view.factors if f.step_id} == \
        {s.id for s in as_is.critical_steps}
