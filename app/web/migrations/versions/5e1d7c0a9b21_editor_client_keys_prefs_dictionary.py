"""editor: client keys (idempotent creation, same-writer saves), per-release check preferences,
the organisation dictionary

Revision ID: 5e1d7c0a9b21
Revises: 239f0d5c7a6e
Create Date: 2026-12-02 08:45:00

"""
from alembic import op
import sqlalchemy as sa


revision = '5e1d7c0a9b21'
down_revision = '239f0d5c7a6e'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('releases') as batch:
        batch.add_column(sa.Column('client_key', sa.String(length=64), nullable=True))
        batch.add_column(sa.Column('written_by', sa.String(length=64), nullable=True))
        batch.add_column(sa.Column('prefs', sa.JSON(), nullable=True))
        batch.create_index('ix_releases_client_key', ['client_key'], unique=True)
    op.create_table(
        'dictionary_words',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('organisation_id', sa.Integer(), nullable=True),  # no FK yet: organisations come with accounts
        sa.Column('word', sa.String(length=100), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('organisation_id', 'word', name='uq_dictionary_words_org_word'),
    )
    op.create_index('ix_dictionary_words_organisation_id', 'dictionary_words', ['organisation_id'])


def downgrade():
    op.drop_index('ix_dictionary_words_organisation_id', table_name='dictionary_words')
    op.drop_table('dictionary_words')
    with op.batch_alter_table('releases') as batch:
        batch.drop_index('ix_releases_client_key')
        batch.drop_column('prefs')
        batch.drop_column('written_by')
        batch.drop_column('client_key')
