"""review: frozen submissions, review comments (anchored spans, proposed replacements, replies),
approvals (who approved which version when; when it went out)

Revision ID: 7c3e9a1f5b42
Revises: 8a3f2b6c1d45
Create Date: 2026-12-02 14:20:00

"""
from alembic import op
import sqlalchemy as sa


revision = '7c3e9a1f5b42'
down_revision = '8a3f2b6c1d45'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'review_submissions',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('release_id', sa.Integer(), sa.ForeignKey('releases.id', ondelete='CASCADE'), nullable=False),
        sa.Column('number', sa.Integer(), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('title', sa.String(length=500), nullable=False),
        sa.Column('payload', sa.JSON(), nullable=False),
        sa.Column('payload_sha256', sa.String(length=64), nullable=False),
        sa.Column('submitted_by', sa.Integer(), nullable=True),
        sa.Column('submitted_at', sa.DateTime(), nullable=False),
        sa.Column('outcome', sa.String(length=24), nullable=True),
        sa.Column('decided_by', sa.Integer(), nullable=True),
        sa.Column('decided_at', sa.DateTime(), nullable=True),
        sa.Column('note', sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_review_submissions_release_id', 'review_submissions', ['release_id'])
    op.create_table(
        'review_comments',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('release_id', sa.Integer(), sa.ForeignKey('releases.id', ondelete='CASCADE'), nullable=False),
        sa.Column('submission_id', sa.Integer(), sa.ForeignKey('review_submissions.id', ondelete='CASCADE'), nullable=False),
        sa.Column('parent_id', sa.Integer(), sa.ForeignKey('review_comments.id', ondelete='CASCADE'), nullable=True),
        sa.Column('author_id', sa.Integer(), nullable=True),
        sa.Column('author_name', sa.String(length=200), nullable=False),
        sa.Column('field', sa.String(length=64), nullable=False),
        sa.Column('start', sa.Integer(), nullable=True),
        sa.Column('end', sa.Integer(), nullable=True),
        sa.Column('quote', sa.Text(), nullable=False),
        sa.Column('prefix', sa.String(length=64), nullable=False),
        sa.Column('suffix', sa.String(length=64), nullable=False),
        sa.Column('body', sa.Text(), nullable=False),
        sa.Column('replacement', sa.Text(), nullable=True),
        sa.Column('source', sa.String(length=16), nullable=False),
        sa.Column('status', sa.String(length=16), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('resolved_by', sa.Integer(), nullable=True),
        sa.Column('resolved_at', sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_review_comments_release_id', 'review_comments', ['release_id'])
    op.create_table(
        'review_approvals',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('release_id', sa.Integer(), sa.ForeignKey('releases.id', ondelete='CASCADE'), nullable=False),
        sa.Column('submission_id', sa.Integer(), sa.ForeignKey('review_submissions.id', ondelete='CASCADE'), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('payload_sha256', sa.String(length=64), nullable=False),
        sa.Column('approved_by', sa.Integer(), nullable=True),
        sa.Column('approved_by_name', sa.String(length=200), nullable=False),
        sa.Column('approved_at', sa.DateTime(), nullable=False),
        sa.Column('published_on', sa.Date(), nullable=True),
        sa.Column('published_by', sa.Integer(), nullable=True),
        sa.Column('published_at', sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_review_approvals_release_id', 'review_approvals', ['release_id'])


def downgrade():
    op.drop_index('ix_review_approvals_release_id', table_name='review_approvals')
    op.drop_table('review_approvals')
    op.drop_index('ix_review_comments_release_id', table_name='review_comments')
    op.drop_table('review_comments')
    op.drop_index('ix_review_submissions_release_id', table_name='review_submissions')
    op.drop_table('review_submissions')
