"""Accounts: organisations, users, passwords (argon2id), API tokens, invitations.

Plain functions over the database (an application context is needed); the web views and the
``pressroom users`` command call these, so both behave alike. Failures a user can fix raise
``app.errors.InputError`` with a one-line message.
"""
from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import func, select

from app.errors import InputError
from app.web.extensions import db
from app.web.models import (ORG_KINDS, ROLES, ApiToken, Invitation, Organisation, OrgReview, User, utcnow)

MIN_PASSWORD = 10
TOKEN_PREFIX = "prt_"  # every user API token starts with it (easy to spot in a leaked log)
INVITATION_DAYS = 7
_USERNAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{1,62}$")
_hasher = PasswordHasher()  # argon2id, the library's current recommended parameters
# A hash of a random password: verifying against it when the user does not exist takes as long
# as for a real user (no timing oracle for which usernames exist).
_DUMMY_HASH: str | None = None


# ----- passwords ---------------------------------------------------------------------------------
def check_password_strength(password: str, username: str = "") -> None:
    if not isinstance(password, str) or len(password) < MIN_PASSWORD:
        raise InputError(f"the password must have at least {MIN_PASSWORD} characters")
    if len(password) > 1024:
        raise InputError("the password is longer than 1024 characters")
    if username and password.casefold() == username.casefold():
        raise InputError("the password must not be the username")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(user: User | None, password: str) -> bool:
    global _DUMMY_HASH
    if user is None or not user.password_hash:
        if _DUMMY_HASH is None:
            _DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))
        try:
            _hasher.verify(_DUMMY_HASH, password or "")
        except VerificationError:
            pass
        return False
    try:
        _hasher.verify(user.password_hash, password or "")
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    return True


# ----- organisations -------------------------------------------------------------------------------
def default_org() -> Organisation:
    """The first organisation (the migration creates it: everything made before accounts is its)."""
    org = db.session.execute(select(Organisation).order_by(Organisation.id).limit(1)).scalar_one_or_none()
    if org is None:
        org = Organisation(name="Default organisation", kind="partner")
        db.session.add(org)
        db.session.commit()
    return org


def org_by_name(name: str) -> Organisation:
    org = db.session.execute(select(Organisation).where(Organisation.name == name)).scalar_one_or_none()
    if org is None:
        names = ", ".join(db.session.execute(select(Organisation.name).order_by(Organisation.name)).scalars())
        raise InputError(f"no organisation named {name!r} (there are: {names or 'none'})")
    return org


def org_by_public_id(public_id: str) -> Organisation | None:
    return db.session.execute(select(Organisation).where(Organisation.public_id == public_id)).scalar_one_or_none()


def create_org(name: str, kind: str = "partner", requires_approval: bool = False) -> Organisation:
    name = " ".join((name or "").split())
    if not name or len(name) > 200:
        raise InputError("an organisation needs a name of 1 to 200 characters")
    if kind not in ORG_KINDS:
        raise InputError(f"the kind of an organisation is one of: {', '.join(ORG_KINDS)}")
    if db.session.execute(select(Organisation).where(Organisation.name == name)).first():
        raise InputError(f"an organisation named {name!r} exists already")
    org = Organisation(name=name, kind=kind, requires_approval=bool(requires_approval))
    db.session.add(org)
    db.session.commit()
    return org


def set_reviews(delegation: Organisation, partner_ids: list[int]) -> None:
    """The partner organisations ``delegation`` reviews (replaces the list)."""
    if delegation.kind != "delegation":
        raise InputError("only a delegation reviews other organisations")
    db.session.execute(OrgReview.__table__.delete().where(OrgReview.reviewer_org_id == delegation.id))
    for pid in sorted(set(partner_ids)):
        if pid != delegation.id:
            db.session.add(OrgReview(reviewer_org_id=delegation.id, partner_org_id=pid))
    db.session.commit()


def reviewed_org_ids(org_id: int) -> list[int]:
    return list(db.session.execute(select(OrgReview.partner_org_id).where(OrgReview.reviewer_org_id == org_id)).scalars())


def reviewing_org_ids(partner_org_id: int) -> list[int]:
    return list(db.session.execute(select(OrgReview.reviewer_org_id).where(OrgReview.partner_org_id == partner_org_id)).scalars())


# ----- users ---------------------------------------------------------------------------------------
def user_count() -> int:
    return db.session.execute(select(func.count(User.id))).scalar_one()


def first_run() -> bool:
    """No account exists yet: the first-run page may create the first admin."""
    return user_count() == 0


def user_by_name(username: str) -> User | None:
    return db.session.execute(select(User).where(func.lower(User.username) == (username or "").strip().lower())).scalar_one_or_none()


def user_by_public_id(public_id: str) -> User | None:
    return db.session.execute(select(User).where(User.public_id == public_id)).scalar_one_or_none()


def create_user(username: str, password: str | None, org: Organisation, role: str = "author",
                email: str | None = None) -> User:
    username = (username or "").strip()
    if not _USERNAME.fullmatch(username):
        raise InputError("a username has 2 to 63 letters, digits or . _ @ - (starting with a letter or digit)")
    if role not in ROLES:
        raise InputError(f"the role is one of: {', '.join(ROLES)}")
    if role == "reviewer" and org.kind != "delegation":
        raise InputError(f"a reviewer belongs to a delegation; {org.name!r} is a partner organisation")
    if user_by_name(username) is not None:
        raise InputError(f"the username {username!r} is taken")
    email = (email or "").strip() or None
    if email:
        from email_validator import EmailNotValidError, validate_email

        try:
            email = validate_email(email, check_deliverability=False).normalized
        except EmailNotValidError as e:
            raise InputError(f"not a valid e-mail address: {e}") from None
    if password is not None:
        check_password_strength(password, username)
    user = User(username=username, email=email, org_id=org.id, role=role, active=True,
                password_hash=hash_password(password) if password is not None else None)
    db.session.add(user)
    db.session.commit()
    return user


def set_password(user: User, password: str) -> None:
    """A new password; every session of the user ends (the epoch moves on)."""
    check_password_strength(password, user.username)
    user.password_hash = hash_password(password)
    user.session_epoch = (user.session_epoch or 1) + 1
    db.session.commit()


def set_active(user: User, active: bool) -> None:
    """Disable (sessions end, tokens stop working) or enable an account."""
    user.active = bool(active)
    if not active:
        user.session_epoch = (user.session_epoch or 1) + 1
    db.session.commit()


def end_sessions(user: User) -> None:
    user.session_epoch = (user.session_epoch or 1) + 1
    db.session.commit()


def list_users(org_id: int | None = None) -> list[User]:
    stmt = select(User).order_by(User.username)
    if org_id is not None:
        stmt = stmt.where(User.org_id == org_id)
    return list(db.session.execute(stmt).scalars())


# ----- API tokens ----------------------------------------------------------------------------------
def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def create_token(user: User, name: str = "") -> tuple[ApiToken, str]:
    """A new token: (record, the token itself). The token is shown once; only its SHA-256 is kept."""
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    rec = ApiToken(user_id=user.id, name=" ".join((name or "").split())[:100] or "token",
                   prefix=secret[:len(TOKEN_PREFIX) + 6], token_hash=_sha256(secret))
    db.session.add(rec)
    db.session.commit()
    return rec, secret


def user_by_token(secret: str, username: str | None = None) -> User | None:
    """The active user whose unrevoked token this is (and, given, whose username matches)."""
    if not secret or len(secret) > 200 or not secret.startswith(TOKEN_PREFIX):
        return None
    rec = db.session.execute(select(ApiToken).where(ApiToken.token_hash == _sha256(secret))).scalar_one_or_none()
    if rec is None or rec.revoked_at is not None or not hmac.compare_digest(rec.token_hash, _sha256(secret)):
        return None
    user = db.session.get(User, rec.user_id)
    if user is None or not user.active:
        return None
    if username is not None and user.username.lower() != username.strip().lower():
        return None
    now = utcnow()
    if rec.last_used_at is None or now - rec.last_used_at > timedelta(minutes=1):  # not a write per request
        rec.last_used_at = now
        db.session.commit()
    return user


def tokens_of(user: User) -> list[ApiToken]:
    return list(db.session.execute(select(ApiToken).where(ApiToken.user_id == user.id)
                                   .order_by(ApiToken.created_at.desc(), ApiToken.id.desc())).scalars())


def revoke_token(user: User, public_id: str) -> ApiToken | None:
    rec = db.session.execute(select(ApiToken).where(ApiToken.public_id == public_id,
                                                    ApiToken.user_id == user.id)).scalar_one_or_none()
    if rec is not None and rec.revoked_at is None:
        rec.revoked_at = utcnow()
        db.session.commit()
    return rec


# ----- invitations ---------------------------------------------------------------------------------
def create_invitation(org: Organisation, role: str, created_by: User | None = None, email: str | None = None,
                      days: int = INVITATION_DAYS) -> tuple[Invitation, str]:
    """A new invitation: (record, the secret for the link). Only the secret's SHA-256 is stored."""
    if role not in ROLES:
        raise InputError(f"the role is one of: {', '.join(ROLES)}")
    if role == "reviewer" and org.kind != "delegation":
        raise InputError(f"a reviewer belongs to a delegation; {org.name!r} is a partner organisation")
    secret = secrets.token_urlsafe(32)
    inv = Invitation(token_hash=_sha256(secret), org_id=org.id, role=role, email=(email or "").strip() or None,
                     created_by_id=created_by.id if created_by else None,
                     expires_at=utcnow() + timedelta(days=days))
    db.session.add(inv)
    db.session.commit()
    return inv, secret


def invitation_by_secret(secret: str) -> Invitation | None:
    """The invitation if it is still usable (not used, not expired), else None."""
    if not secret or len(secret) > 100:
        return None
    inv = db.session.execute(select(Invitation).where(Invitation.token_hash == _sha256(secret))).scalar_one_or_none()
    if inv is None or inv.used_at is not None or inv.expires_at < utcnow():
        return None
    return inv


def accept_invitation(secret: str, username: str, password: str, email: str | None = None) -> User:
    inv = invitation_by_secret(secret)
    if inv is None:
        raise InputError("this invitation link is not valid any more (used or expired): ask for a new one")
    user = create_user(username, password, inv.org, inv.role, email or inv.email)
    inv.used_at = utcnow()
    inv.used_by_id = user.id
    db.session.commit()
    return user


def send_mail(to: str, subject: str, body: str, config) -> bool:
    """Send one plain-text e-mail when PRESSROOM_SMTP_HOST is configured; False when it is not.
    smtplib's errors (OSError subclasses) reach the caller."""
    host = config.get("SMTP_HOST")
    if not host or not to:
        return False
    import smtplib
    from email.message import EmailMessage

    msg = EmailMessage()
    msg["Subject"] = subject
    msg["From"] = config.get("SMTP_FROM") or "pressroom@localhost"
    msg["To"] = to
    msg.set_content(body)
    port = int(config.get("SMTP_PORT") or 587)
    with smtplib.SMTP(host, port, timeout=20) as smtp:
        if config.get("SMTP_STARTTLS", True):
            smtp.starttls()
        if config.get("SMTP_USER"):
            smtp.login(config["SMTP_USER"], config.get("SMTP_PASSWORD") or "")
        smtp.send_message(msg)
    return True


def send_invitation_mail(to: str, link: str, org_name: str, config) -> bool:
    """Send the invitation link by e-mail when PRESSROOM_SMTP_HOST is configured."""
    return send_mail(to, f"Pressroom: invitation to {org_name}",
                     f"You are invited to {org_name} on Pressroom.\n\nOpen this link to create your account "
                     f"(valid for {INVITATION_DAYS} days, once):\n{link}\n", config)
