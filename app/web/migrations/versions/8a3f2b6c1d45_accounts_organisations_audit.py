"""accounts (issue 15): organisations, users, API tokens, invitations, audit log, notifications;
releases, logos, checked drafts and dictionary words belong to an organisation. Everything that
existed before goes to one default organisation created here (nothing is lost).

Columns are added with ALTER TABLE ADD COLUMN (no table rebuild): on SQLite a rebuild of
``releases`` would drop the old table, and with foreign keys on that cascades into its history.

Revision ID: 8a3f2b6c1d45
Revises: 5e1d7c0a9b21
Create Date: 2026-12-02 14:30:00

"""
import secrets
from datetime import datetime, timezone

import sqlalchemy as sa
from alembic import op

revision = '8a3f2b6c1d45'
down_revision = '5e1d7c0a9b21'
branch_labels = None
depends_on = None

DEFAULT_ORG_NAME = "Default organisation"


def _now():
    return datetime.now(timezone.utc).replace(tzinfo=None)


def upgrade():
    bind = op.get_bind()
    pg = bind.dialect.name == "postgresql"
    op.create_table(
        'organisations',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('public_id', sa.String(length=32), nullable=False),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('kind', sa.String(length=16), nullable=False),
        sa.Column('requires_approval', sa.Boolean(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('public_id'),
    )
    op.create_table(
        'org_reviews',
        sa.Column('reviewer_org_id', sa.Integer(), sa.ForeignKey('organisations.id', ondelete='CASCADE'), nullable=False),
        sa.Column('partner_org_id', sa.Integer(), sa.ForeignKey('organisations.id', ondelete='CASCADE'), nullable=False),
        sa.PrimaryKeyConstraint('reviewer_org_id', 'partner_org_id'),
    )
    op.create_table(
        'users',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('public_id', sa.String(length=32), nullable=False),
        sa.Column('username', sa.String(length=64), nullable=False),
        sa.Column('email', sa.String(length=254), nullable=True),
        sa.Column('password_hash', sa.String(length=255), nullable=True),
        sa.Column('org_id', sa.Integer(), sa.ForeignKey('organisations.id'), nullable=False),
        sa.Column('role', sa.String(length=16), nullable=False),
        sa.Column('active', sa.Boolean(), nullable=False),
        sa.Column('session_epoch', sa.Integer(), nullable=False),
        sa.Column('external_issuer', sa.String(length=255), nullable=True),
        sa.Column('external_subject', sa.String(length=255), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('last_login_at', sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('public_id'),
        sa.UniqueConstraint('username'),
    )
    op.create_index('ix_users_org_id', 'users', ['org_id'])
    op.create_table(
        'api_tokens',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('public_id', sa.String(length=32), nullable=False),
        sa.Column('user_id', sa.Integer(), sa.ForeignKey('users.id', ondelete='CASCADE'), nullable=False),
        sa.Column('name', sa.String(length=100), nullable=False),
        sa.Column('prefix', sa.String(length=16), nullable=False),
        sa.Column('token_hash', sa.String(length=64), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('last_used_at', sa.DateTime(), nullable=True),
        sa.Column('revoked_at', sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('public_id'),
        sa.UniqueConstraint('token_hash'),
    )
    op.create_index('ix_api_tokens_user_id', 'api_tokens', ['user_id'])
    op.create_table(
        'invitations',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('public_id', sa.String(length=32), nullable=False),
        sa.Column('token_hash', sa.String(length=64), nullable=False),
        sa.Column('org_id', sa.Integer(), sa.ForeignKey('organisations.id', ondelete='CASCADE'), nullable=False),
        sa.Column('role', sa.String(length=16), nullable=False),
        sa.Column('email', sa.String(length=254), nullable=True),
        sa.Column('created_by_id', sa.Integer(), sa.ForeignKey('users.id', ondelete='SET NULL'), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('expires_at', sa.DateTime(), nullable=False),
        sa.Column('used_at', sa.DateTime(), nullable=True),
        sa.Column('used_by_id', sa.Integer(), sa.ForeignKey('users.id', ondelete='SET NULL'), nullable=True),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('public_id'),
        sa.UniqueConstraint('token_hash'),
    )
    op.create_table(
        'audit_events',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('at', sa.DateTime(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=True),
        sa.Column('username', sa.String(length=64), nullable=False),
        sa.Column('org_id', sa.Integer(), nullable=True),
        sa.Column('action', sa.String(length=64), nullable=False),
        sa.Column('target', sa.String(length=200), nullable=False),
        sa.Column('detail', sa.Text(), nullable=False),
        sa.Column('ip', sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_audit_events_at', 'audit_events', ['at'])
    op.create_index('ix_audit_events_org_id', 'audit_events', ['org_id'])
    op.create_table(
        'notifications',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), sa.ForeignKey('users.id', ondelete='CASCADE'), nullable=False),
        sa.Column('text', sa.String(length=500), nullable=False),
        sa.Column('link', sa.String(length=500), nullable=False),
        sa.Column('read_at', sa.DateTime(), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_notifications_user_id', 'notifications', ['user_id'])
    op.create_table(
        'logo_owners',
        sa.Column('logo_id', sa.String(length=64), sa.ForeignKey('logo_images.id', ondelete='CASCADE'), nullable=False),
        sa.Column('org_id', sa.Integer(), sa.ForeignKey('organisations.id', ondelete='CASCADE'), nullable=False),
        sa.PrimaryKeyConstraint('logo_id', 'org_id'),
    )

    # releases and checked drafts: new columns (plain ADD COLUMN, see the docstring)
    op.add_column('releases', sa.Column('org_id', sa.Integer(), nullable=True))
    op.add_column('releases', sa.Column('public_id', sa.String(length=32), nullable=True))
    op.add_column('releases', sa.Column('state', sa.String(length=32), nullable=False, server_default='draft'))
    op.add_column('releases', sa.Column('created_by_id', sa.Integer(), nullable=True))
    op.add_column('checked_drafts', sa.Column('org_id', sa.Integer(), nullable=True))
    op.add_column('checked_drafts', sa.Column('user_id', sa.Integer(), nullable=True))

    # the default organisation: everything that exists belongs to it
    orgs = sa.table('organisations', sa.column('id', sa.Integer), sa.column('public_id', sa.String),
                    sa.column('name', sa.String), sa.column('kind', sa.String),
                    sa.column('requires_approval', sa.Boolean), sa.column('created_at', sa.DateTime))
    op.bulk_insert(orgs, [{"public_id": secrets.token_urlsafe(16), "name": DEFAULT_ORG_NAME, "kind": "partner",
                           "requires_approval": False, "created_at": _now()}])
    org_id = bind.execute(sa.text("SELECT min(id) FROM organisations")).scalar_one()
    bind.execute(sa.text("UPDATE releases SET org_id = :o"), {"o": org_id})
    bind.execute(sa.text("UPDATE checked_drafts SET org_id = :o"), {"o": org_id})
    bind.execute(sa.text("UPDATE dictionary_words SET organisation_id = :o WHERE organisation_id IS NULL"), {"o": org_id})
    bind.execute(sa.text("INSERT INTO logo_owners (logo_id, org_id) SELECT id, :o FROM logo_images"), {"o": org_id})
    ids = [row[0] for row in bind.execute(sa.text("SELECT id FROM releases"))]
    for rid in ids:
        bind.execute(sa.text("UPDATE releases SET public_id = :p WHERE id = :i"),
                     {"p": secrets.token_urlsafe(16), "i": rid})
    op.create_index('ix_releases_public_id', 'releases', ['public_id'], unique=True)
    op.create_index('ix_releases_org_id', 'releases', ['org_id'])
    if pg:  # SQLite cannot add constraints to a table without rebuilding it
        op.alter_column('releases', 'public_id', nullable=False)
        op.create_foreign_key('fk_releases_org_id', 'releases', 'organisations', ['org_id'], ['id'])
        op.create_foreign_key('fk_releases_created_by_id', 'releases', 'users', ['created_by_id'], ['id'],
                              ondelete='SET NULL')
        op.create_foreign_key('fk_checked_drafts_org_id', 'checked_drafts', 'organisations', ['org_id'], ['id'],
                              ondelete='CASCADE')
        op.create_foreign_key('fk_checked_drafts_user_id', 'checked_drafts', 'users', ['user_id'], ['id'],
                              ondelete='CASCADE')
        op.create_foreign_key('fk_dictionary_words_org', 'dictionary_words', 'organisations', ['organisation_id'],
                              ['id'], ondelete='CASCADE')


def downgrade():
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        for name, table in (('fk_dictionary_words_org', 'dictionary_words'), ('fk_checked_drafts_user_id', 'checked_drafts'),
                            ('fk_checked_drafts_org_id', 'checked_drafts'), ('fk_releases_created_by_id', 'releases'),
                            ('fk_releases_org_id', 'releases')):
            op.drop_constraint(name, table, type_='foreignkey')
    op.drop_index('ix_releases_org_id', table_name='releases')
    op.drop_index('ix_releases_public_id', table_name='releases')
    for table, col in (('checked_drafts', 'user_id'), ('checked_drafts', 'org_id'), ('releases', 'created_by_id'),
                       ('releases', 'state'), ('releases', 'public_id'), ('releases', 'org_id')):
        op.drop_column(table, col)
    bind.execute(sa.text("UPDATE dictionary_words SET organisation_id = NULL"))
    for t in ('logo_owners', 'notifications', 'audit_events', 'invitations', 'api_tokens', 'users', 'org_reviews',
              'organisations'):
        op.drop_table(t)
