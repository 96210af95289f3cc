"""`pressroom users create|list|disable|enable|reset-password`: accounts of the web app (issue 15).

A thin shell over app.web.accounts, on the database the web app uses (DATABASE_URL, or the
instance folder's SQLite file: PRESSROOM_INSTANCE). Passwords are read from a prompt or, with
--password-stdin, from the first line of standard input; never from the command line.
"""
from __future__ import annotations

import getpass
import sys

from app.errors import InputError


def register(sub) -> None:
    p = sub.add_parser("users", help="manage the web app's accounts (create, list, disable, reset-password)")
    s = p.add_subparsers(dest="users_command", metavar="ACTION")
    c = s.add_parser("create", help="create an account")
    c.add_argument("username")
    c.add_argument("--role", choices=("author", "reviewer", "admin"), default="author")
    c.add_argument("--org", metavar="NAME", help="organisation (default: the default organisation)")
    c.add_argument("--create-org", choices=("partner", "delegation"), metavar="KIND",
                   help="create the organisation --org as a partner or delegation if it does not exist")
    c.add_argument("--email")
    c.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    c.set_defaults(func=create)
    ls = s.add_parser("list", help="list the accounts")
    ls.set_defaults(func=list_)
    for name, func, text in (("disable", disable, "disable an account (its sessions and tokens stop working)"),
                             ("enable", enable, "enable a disabled account")):
        d = s.add_parser(name, help=text)
        d.add_argument("username")
        d.set_defaults(func=func)
    r = s.add_parser("reset-password", help="set a new password (every session of the user ends)")
    r.add_argument("username")
    r.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    r.set_defaults(func=reset_password)


def web_app():
    """The web app on its configured database, schema brought up to date."""
    import logging

    from app.web import create_app, upgrade_database

    app = create_app()
    logging.getLogger("alembic").setLevel(logging.WARNING)
    with app.app_context():
        upgrade_database()
    return app


def read_password(args) -> str:
    if args.password_stdin:
        line = sys.stdin.readline()
        if not line:
            raise InputError("no password on standard input")
        return line.rstrip("\r\n")
    if not sys.stdin.isatty():
        raise InputError("no terminal to ask for the password: pass it on standard input with --password-stdin")
    first = getpass.getpass("Password: ")
    if first != getpass.getpass("Password again: "):
        raise InputError("the two passwords differ")
    return first


def _user(username: str):
    from app.web import accounts

    user = accounts.user_by_name(username)
    if user is None:
        raise InputError(f"no account named {username!r}")
    return user


def create(args) -> int:
    from app.web import accounts
    from app.web.access import audit

    app = web_app()
    with app.app_context():
        if args.org:
            try:
                org = accounts.org_by_name(args.org)
            except InputError:
                if not args.create_org:
                    raise
                org = accounts.create_org(args.org, args.create_org)
        else:
            org = accounts.default_org()
        if accounts.user_by_name(args.username) is not None:  # before asking for a password
            raise InputError(f"the username {args.username!r} is taken")
        password = read_password(args)
        user = accounts.create_user(args.username, password, org, args.role, args.email)
        audit("user.create", target=user.username, detail=f"role {user.role}, command line", user=None,
              username="(command line)", org_id=org.id)
        print(f"created {user.username} ({user.role}, {org.name})")
    return 0


def list_(args) -> int:
    from app.web import accounts

    app = web_app()
    with app.app_context():
        users = accounts.list_users()
        if not users:
            print("no accounts yet (open the web app's first-run page, or run `pressroom users create NAME --role admin`)")
        for u in users:
            last = u.last_login_at.strftime("%Y-%m-%d %H:%M") if u.last_login_at else "never"
            print(f"{u.username}\t{u.role}\t{u.org.name}\t{'active' if u.active else 'disabled'}\tlast sign-in {last}")
    return 0


def _set_active(args, active: bool) -> int:
    from app.web import accounts
    from app.web.access import audit

    app = web_app()
    with app.app_context():
        user = _user(args.username)
        accounts.set_active(user, active)
        audit("user.enable" if active else "user.disable", target=user.username, detail="command line",
              user=None, username="(command line)", org_id=user.org_id)
        print(f"{user.username} is {'enabled' if active else 'disabled'}")
    return 0


def disable(args) -> int:
    return _set_active(args, False)


def enable(args) -> int:
    return _set_active(args, True)


def reset_password(args) -> int:
    from app.web import accounts
    from app.web.access import audit

    app = web_app()
    with app.app_context():
        user = _user(args.username)
        accounts.set_password(user, read_password(args))
        audit("user.reset-password", target=user.username, detail="command line", user=None,
              username="(command line)", org_id=user.org_id)
        print(f"new password set for {user.username}; their sessions have ended")
    return 0
