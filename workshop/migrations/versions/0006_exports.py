"""exports: organisation Word templates per workshop

Revision ID: 0006_exports
Revises: 0001
Create Date: 2026-11-28
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import workshop.models

revision: str = '0006_exports'
down_revision: str | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('docx_templates',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('workshop_id', sa.Integer(), nullable=False),
    sa.Column('filename', sa.String(length=200), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('uploaded_at', workshop.models.UTCDateTime(timezone=True), nullable=False),
    sa.Column('uploaded_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['uploaded_by_id'], ['users.id'], name=op.f('fk_docx_templates_uploaded_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['workshop_id'], ['workshops.id'], name=op.f('fk_docx_templates_workshop_id_workshops'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_docx_templates')),
    sa.UniqueConstraint('workshop_id', name=op.f('uq_docx_templates_workshop_id'))
    )


def downgrade() -> None:
    op.drop_table('docx_templates')
