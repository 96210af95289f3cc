"""Administration (role admin): users, invitations, organisations and reviews, the audit log."""
from __future__ import annotations

import csv
import io
from datetime import datetime

from flask import Blueprint, abort, current_app, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy import select

from app.errors import InputError
from app.web import accounts
from app.web.access import audit, current, require_role
from app.web.extensions import db
from app.web.models import ORG_KINDS, ROLES, AuditEvent, Invitation, Organisation, OrgReview, User, utcnow

bp = Blueprint("admin", __name__, url_prefix="/admin")


@bp.before_request
@require_role("admin")
def _admins_only():
    return None


def _orgs() -> list[Organisation]:
    return list(db.session.execute(select(Organisation).order_by(Organisation.name)).scalars())


@bp.get("/users")
def users():
    invitations = list(db.session.execute(select(Invitation).where(Invitation.used_at.is_(None),
                                                                   Invitation.expires_at > utcnow())
                                          .order_by(Invitation.created_at.desc())).scalars())
    return render_template("admin_users.html", users=accounts.list_users(), orgs=_orgs(), roles=ROLES,
                           invitations=invitations, link=request.args.get("link"), message=request.args.get("msg"),
                           error=request.args.get("error"))


@bp.post("/users/<public_id>/active")
def set_active(public_id: str):
    user = accounts.user_by_public_id(public_id)
    if user is None:
        abort(404)
    active = request.form.get("active") == "1"
    if not active and user.id == current().id:
        return redirect(url_for("admin.users", error=_("You cannot disable your own account.")), code=303)
    accounts.set_active(user, active)
    audit("user.enable" if active else "user.disable", target=user.username)
    return redirect(url_for("admin.users"), code=303)


@bp.post("/invitations")
def invite():
    org = accounts.org_by_public_id(request.form.get("org") or "")
    if org is None:
        abort(400)
    try:
        inv, secret = accounts.create_invitation(org, request.form.get("role") or "author", current(),
                                                 request.form.get("email") or None)
    except InputError as e:
        return redirect(url_for("admin.users", error=str(e)), code=303)
    link = url_for("auth.invitation", secret=secret, _external=True)
    sent = False
    if inv.email:
        try:
            sent = accounts.send_invitation_mail(inv.email, link, org.name, current_app.config)
        except OSError as e:  # smtplib errors are OSErrors: the link is still shown to copy
            current_app.logger.warning("invitation e-mail not sent: %s", e)
    audit("invitation.create", target=org.name, detail=f"role {inv.role}" + (f", mailed to {inv.email}" if sent else ""))
    return render_template("admin_invited.html", link=link, inv=inv, org=org, sent=sent)


@bp.post("/invitations/<public_id>/revoke")
def revoke_invitation(public_id: str):
    inv = db.session.execute(select(Invitation).where(Invitation.public_id == public_id)).scalar_one_or_none()
    if inv is None:
        abort(404)
    inv.expires_at = utcnow()
    db.session.commit()
    audit("invitation.revoke", target=inv.org.name, detail=f"role {inv.role}")
    return redirect(url_for("admin.users"), code=303)


@bp.route("/organisations", methods=["GET", "POST"])
def organisations():
    error = None
    if request.method == "POST":
        try:
            org = accounts.create_org(request.form.get("name") or "", request.form.get("kind") or "partner",
                                      request.form.get("requires_approval") == "1")
        except InputError as e:
            error = str(e)
        else:
            audit("org.create", target=org.name, detail=org.kind)
            return redirect(url_for("admin.organisations"), code=303)
    orgs = _orgs()
    reviews = {}
    for r in db.session.execute(select(OrgReview)).scalars():
        reviews.setdefault(r.reviewer_org_id, set()).add(r.partner_org_id)
    return render_template("admin_orgs.html", orgs=orgs, kinds=ORG_KINDS, reviews=reviews, error=error), (400 if error else 200)


@bp.post("/organisations/<public_id>")
def organisation_settings(public_id: str):
    org = accounts.org_by_public_id(public_id)
    if org is None:
        abort(404)
    org.requires_approval = request.form.get("requires_approval") == "1"
    db.session.commit()
    detail = f"requires_approval={org.requires_approval}"
    if org.kind == "delegation":
        wanted = set(request.form.getlist("reviews"))
        ids = [o.id for o in _orgs() if o.public_id in wanted and o.kind == "partner"]
        accounts.set_reviews(org, ids)
        detail += f", reviews {len(ids)} organisation(s)"
    audit("org.settings", target=org.name, detail=detail)
    return redirect(url_for("admin.organisations"), code=303)


# ----- audit log -----------------------------------------------------------------------------------
def _audit_query():
    stmt = select(AuditEvent)
    a = request.args
    if a.get("action"):
        stmt = stmt.where(AuditEvent.action.like(a["action"].strip()[:64].replace("%", "") + "%"))
    if a.get("user"):
        stmt = stmt.where(AuditEvent.username == a["user"].strip()[:64])
    for key, op in (("from", "ge"), ("to", "le")):
        if a.get(key):
            try:
                day = datetime.strptime(a[key].strip()[:10], "%Y-%m-%d")
            except ValueError:
                continue
            if op == "ge":
                stmt = stmt.where(AuditEvent.at >= day)
            else:
                stmt = stmt.where(AuditEvent.at < day.replace(hour=23, minute=59, second=59))
    return stmt.order_by(AuditEvent.at.desc(), AuditEvent.id.desc())


@bp.get("/audit")
def audit_log():
    events = list(db.session.execute(_audit_query().limit(500)).scalars())
    return render_template("admin_audit.html", events=events, args=request.args)


@bp.get("/audit.csv")
def audit_csv():
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(["time (UTC)", "user", "action", "target", "detail", "address"])
    for e in db.session.execute(_audit_query().limit(100_000)).scalars():
        # a leading = + - @ would be a formula in a spreadsheet: quote it away
        w.writerow([e.at.isoformat(timespec="seconds") + "Z"] +
                   [("'" + v if v[:1] in ("=", "+", "-", "@") else v) for v in (e.username, e.action, e.target, e.detail, e.ip)])
    audit("audit.export", target="audit.csv")
    resp = current_app.response_class(out.getvalue(), mimetype="text/csv")
    resp.headers["Content-Disposition"] = "attachment; filename=pressroom-audit.csv"
    return resp
