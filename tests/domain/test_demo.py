"""The demo a newcomer sees: idempotent, and every phase has something to look at."""

from collections import Counter

from sqlalchemy import func, select

from workshop import causal_maps, db, demo
from workshop.access import FacilitatorActor
from workshop.model_cafe_feedback import CafeNote, FeedbackResponse
from workshop.model_canvas import ServiceModel
from workshop.model_maps import CausalMapRecord
from workshop.model_paths import ServicePath
from workshop.model_personas import Persona
from workshop.model_prioritising import TuplatiimiRound
from workshop.model_warmup import CardPick, Topic
from workshop.models import ROLES, Meeting, Participant, User


def _count(s, model, **where):
    query = select(func.count()).select_from(model)
    for name, value in where.items():
        query = query.where(getattr(model, name) == value)
    return s.scalar(query)


def test_demo_is_idempotent_and_fills_every_phase(engine):
    with db.transaction(engine) as s:
        first = demo.seed_demo(s, "demo password 1")
    with db.transaction(engine) as s:
        again = demo.seed_demo(s)
        assert again.workshop_id == first.workshop_id and not again.created
        wid = first.workshop_id
        assert _count(s, Meeting, workshop_id=wid) == 10  # the full PAKU template
        assert _count(s, Meeting, workshop_id=wid, status="open") == 1
        roles = Counter(s.scalars(select(Participant.role).where(
            Participant.workshop_id == wid)))
        assert all(roles[role] >= 2 for role in ROLES), roles
        assert _count(s, CardPick, workshop_id=wid) >= 4
        assert _count(s, Topic, workshop_id=wid) >= 4
        assert _count(s, CafeNote, workshop_id=wid) >= 1
        assert _count(s, FeedbackResponse, workshop_id=wid) >= 6
        assert _count(s, Persona, workshop_id=wid) >= 2
        assert _count(s, ServicePath, workshop_id=wid) >= 2
        assert _count(s, TuplatiimiRound) == 1
        assert s.scalar(select(TuplatiimiRound.step)) == "done"
        assert _count(s, ServiceModel) >= 4
        user_id = s.scalar(select(User.id))
        map_id = s.scalar(select(CausalMapRecord.id).where(CausalMapRecord.workshop_id == wid))
        result = causal_maps.analyze(s, FacilitatorActor(user_id), map_id)
        kinds = {loop.kind for loop in result.loops}
        assert kinds == {"R", "B"}
    assert not db.is_empty(engine)
