"""Sign-in, sign-out, the first-run page, invitations, API tokens and notifications (issue 15)."""
from __future__ import annotations

from flask import (Blueprint, abort, current_app, flash, g, jsonify, redirect, render_template, request, session,
                   url_for)
from flask_babel import gettext as _
from flask_login import login_user, logout_user
from sqlalchemy import select

from app.errors import InputError
from app.web import accounts
from app.web.access import audit, current
from app.web.extensions import db
from app.web.models import Notification, utcnow
from app.web.views.main import safe_next

bp = Blueprint("auth", __name__)


def _login_limit():
    return current_app.config["LOGIN_RATE_LIMIT"]


def _sign_in(user) -> None:
    session.clear()  # a new session id-less cookie: nothing from before the sign-in carries over
    login_user(user, remember=False)
    session.permanent = True
    user.last_login_at = utcnow()
    db.session.commit()


@bp.route("/login", methods=["GET", "POST"])
def login():
    if accounts.first_run():
        return redirect(url_for("auth.setup"))
    error = None
    username = ""
    status = 200
    if request.method == "POST":
        limiter = current_app.extensions["auth_limiter"]
        username = (request.form.get("username") or "").strip()[:64]
        from flask_limiter import RateLimitExceeded

        try:
            with limiter.limit(_login_limit, key_func=lambda: f"login:{request.remote_addr}"):
                pass
        except RateLimitExceeded:
            audit("login.throttled", target=username, detail="too many attempts", username=username)
            return render_template("login.html", error=_("Too many sign-in attempts from this address. Wait a minute and try again."),
                                   username=username), 429
        user = accounts.user_by_name(username)
        ok = accounts.verify_password(user, request.form.get("password") or "")
        if ok and user.active:
            _sign_in(user)
            audit("login", target=user.username, user=user)
            return redirect(safe_next(request.args.get("next") or request.form.get("next")), code=303)
        audit("login.failed", target=username, detail="disabled account" if ok else "wrong username or password",
              user=None, username=username, org_id=user.org_id if user else None)
        error = _("The username or the password is wrong (or the account is disabled).")
        status = 401
    return render_template("login.html", error=error, username=username), status


@bp.post("/logout")
def logout():
    user = current()
    if user is not None and user.id:
        audit("logout", target=user.username, user=user, commit=False)
    logout_user()
    session.clear()
    db.session.commit()
    return redirect(url_for("auth.login"), code=303)


@bp.route("/setup", methods=["GET", "POST"])
def setup():
    """First run: no account exists; create the first admin (of the default organisation)."""
    if not accounts.first_run():
        return redirect(url_for("auth.login"))
    error = None
    form = {"username": "", "email": "", "org": accounts.default_org().name}
    if request.method == "POST":
        form = {k: (request.form.get(k) or "").strip() for k in ("username", "email", "org")}
        password = request.form.get("password") or ""
        try:
            if password != (request.form.get("password2") or ""):
                raise InputError(_("The two passwords differ."))
            org = accounts.default_org()
            name = " ".join(form["org"].split())[:200]
            if name and name != org.name:
                org.name = name
            if not accounts.first_run():  # someone else was faster
                return redirect(url_for("auth.login"))
            user = accounts.create_user(form["username"], password, org, "admin", form["email"] or None)
        except InputError as e:
            db.session.rollback()
            error = str(e)
        else:
            audit("user.create", target=user.username, detail="first admin (first-run page)", user=user, commit=False)
            _sign_in(user)
            return redirect(url_for("admin.users"), code=303)
    return render_template("setup.html", error=error, form=form), (400 if error else 200)


@bp.route("/invite/<secret>", methods=["GET", "POST"])
def invitation(secret: str):
    inv = accounts.invitation_by_secret(secret)
    if inv is None:
        return render_template("error.html", status=404, title=_("Invitation not valid"),
                               message=_("This invitation link is not valid any more (used or expired): ask for a new one.")), 404
    error = None
    form = {"username": "", "email": inv.email or ""}
    if request.method == "POST":
        form = {k: (request.form.get(k) or "").strip() for k in ("username", "email")}
        password = request.form.get("password") or ""
        try:
            if password != (request.form.get("password2") or ""):
                raise InputError(_("The two passwords differ."))
            user = accounts.accept_invitation(secret, form["username"], password, form["email"] or None)
        except InputError as e:
            db.session.rollback()
            error = str(e)
        else:
            audit("invitation.accept", target=user.username, detail=f"role {user.role}", user=user, commit=False)
            logout_user()
            _sign_in(user)
            return redirect(url_for("main.index"), code=303)
    return render_template("invite.html", inv=inv, error=error, form=form), (400 if error else 200)


# ----- API tokens ----------------------------------------------------------------------------------
@bp.route("/account/tokens", methods=["GET", "POST"])
def tokens():
    user = current()
    if not user.id:
        abort(403)
    new_secret = None
    if request.method == "POST":
        rec, new_secret = accounts.create_token(user, request.form.get("name") or "")
        audit("token.create", target=rec.prefix, detail=rec.name, user=user)
    return render_template("tokens.html", tokens=accounts.tokens_of(user), new_secret=new_secret,
                           username=user.username)


@bp.post("/account/tokens/<public_id>/revoke")
def revoke_token(public_id: str):
    user = current()
    if not user.id:
        abort(403)
    rec = accounts.revoke_token(user, public_id)
    if rec is None:
        abort(404)
    audit("token.revoke", target=rec.prefix, detail=rec.name, user=user)
    return redirect(url_for("auth.tokens"), code=303)


@bp.post("/account/sessions/end")
def end_sessions():
    """Sign out everywhere (every browser), this one included."""
    user = current()
    if not user.id:
        abort(403)
    accounts.end_sessions(user)
    audit("logout.everywhere", target=user.username, user=user)
    logout_user()
    session.clear()
    return redirect(url_for("auth.login"), code=303)


# ----- notifications -------------------------------------------------------------------------------
@bp.get("/notifications")
def notifications():
    user = current()
    items = [] if not user.id else list(db.session.execute(
        select(Notification).where(Notification.user_id == user.id)
        .order_by(Notification.created_at.desc(), Notification.id.desc()).limit(200)).scalars())
    if request.accept_mimetypes.best == "application/json":
        return jsonify({"notifications": [{"id": n.id, "text": n.text, "link": n.link, "read": n.read_at is not None,
                                           "created_at": n.created_at.isoformat() + "Z"} for n in items]})
    return render_template("notifications.html", items=items)


@bp.post("/notifications/read")
def notifications_read():
    user = current()
    if user.id:
        for n in db.session.execute(select(Notification).where(Notification.user_id == user.id,
                                                                 Notification.read_at.is_(None))).scalars():
            n.read_at = utcnow()
        db.session.commit()
    return redirect(url_for("auth.notifications"), code=303)
