"""A cheap HTTP load generator for `make bench` (issue 13): one process, one thread, epoll.

    python bench/loadgen.py < spec.json > result.json

spec: {"host", "port", "path", "method", "headers": {..}, "bodies": [str, ...] or null,
       "clients", "seconds", "max_requests"}. With several bodies each request takes the next one
(in order, shared by all clients): the editor-like and new-document runs send a new text every
time. One connection per request (gunicorn's sync workers close it after the answer).

Each client is a small state machine on a non-blocking socket (connect, send the prepared bytes,
read to EOF, keep the status line) driven by ``selectors`` (epoll on Linux): no event loop
framework, no per-request objects beyond the socket, so a request costs the generator ~0.1 CPU-ms
and it leaves the cores to the server it measures. The answer: latencies (ms, sorted), status
counts, errors, requests per second and this process's own CPU seconds, so the report can say
how much of the 2 cores the generator took.

Only loopback addresses are accepted; a run stops after ``seconds`` (or ``max_requests``);
a request gets 30 s to connect and 120 s to be answered, else it counts as an error (status 0).
"""
from __future__ import annotations

import errno
import ipaddress
import json
import resource
import selectors
import socket
import sys
import time

CONNECT_TIMEOUT = 30.0
ANSWER_TIMEOUT = 120.0


def _request(spec: dict, body: bytes | None) -> bytes:
    head = [f"{spec.get('method', 'GET')} {spec['path']} HTTP/1.1", f"Host: {spec['host']}:{spec['port']}",
            "Connection: close"]
    head += [f"{k}: {v}" for k, v in (spec.get("headers") or {}).items()]
    if body is not None:
        head.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + (body or b"")


class _Conn:
    """One request on one connection: its socket, what is left to send, the first bytes read."""

    __slots__ = ("sock", "out", "head", "t0", "deadline", "connected")

    def __init__(self, sock: socket.socket, req: bytes, t0: float):
        self.sock, self.out, self.head, self.t0 = sock, memoryview(req), b"", t0
        self.deadline = t0 + CONNECT_TIMEOUT
        self.connected = False


def run(spec: dict) -> dict:
    if not ipaddress.ip_address(spec["host"]).is_loopback:
        raise SystemExit("loadgen: only loopback addresses")
    addr = (spec["host"], int(spec["port"]))
    bodies = spec.get("bodies")
    requests = [_request(spec, b.encode("utf-8")) for b in bodies] if bodies else [_request(spec, None)]
    limit = int(spec.get("max_requests") or 10 ** 9)
    clients = int(spec["clients"])
    sel = selectors.DefaultSelector()
    lat: list[float] = []
    statuses: dict[int, int] = {}
    sent = 0
    perf = time.perf_counter

    cpu0 = resource.getrusage(resource.RUSAGE_SELF)
    t_start = perf()
    stop = t_start + float(spec["seconds"])

    def finish(c: _Conn, status: int, now: float) -> None:
        sel.unregister(c.sock)
        c.sock.close()
        lat.append(now - c.t0)
        statuses[status] = statuses.get(status, 0) + 1

    def start(now: float) -> bool:
        """The next request of a client: True once its socket waits in the selector, False when
        the run is over (a connection refused at once counts as an error, and the client tries again)."""
        nonlocal sent
        while now < stop and sent < limit:
            req = requests[sent % len(requests)]
            sent += 1
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.setblocking(False)
            err = s.connect_ex(addr)
            if err in (0, errno.EINPROGRESS):
                sel.register(s, selectors.EVENT_WRITE, _Conn(s, req, now))
                return True
            s.close()
            lat.append(perf() - now)
            statuses[0] = statuses.get(0, 0) + 1
            now = perf()
        return False

    active = 0
    for _ in range(clients):
        if start(perf()):
            active += 1
    while active:
        events = sel.select(1.0)
        now = perf()
        done = 0
        for key, mask in events:
            c: _Conn = key.data
            s = c.sock
            try:
                if mask & selectors.EVENT_WRITE:
                    if not c.connected:
                        err = s.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
                        if err:
                            raise OSError(err, "connect")
                        c.connected = True
                        c.deadline = c.t0 + ANSWER_TIMEOUT
                    n = s.send(c.out)
                    c.out = c.out[n:]
                    if not c.out:
                        sel.modify(s, selectors.EVENT_READ, c)
                    continue
                data = s.recv(65536)
                if data:
                    if len(c.head) < 12:
                        c.head += data[:12]
                    continue
                head = c.head
                status = int(head[9:12]) if head.startswith(b"HTTP/1.") and head[9:12].isdigit() else 0
                finish(c, status, now)
                done += 1
            except (BlockingIOError, InterruptedError):
                continue
            except OSError:
                finish(c, 0, now)
                done += 1
        if not events or done:
            for key in list(sel.get_map().values()):  # timeouts (rare: checked only when idle or after answers)
                c = key.data
                if now > c.deadline:
                    finish(c, 0, now)
                    done += 1
        for _ in range(done):  # each finished client starts its next request at once
            if not start(now):
                active -= 1
    span = perf() - t_start
    cpu1 = resource.getrusage(resource.RUSAGE_SELF)
    sel.close()
    lat_ms = sorted(1000 * x for x in lat)
    errors = sum(n for s, n in statuses.items() if s == 0 or s >= 400)
    return {"requests": len(lat_ms), "errors": errors, "status": {str(k): v for k, v in statuses.items()},
            "rps": len(lat_ms) / span, "seconds": span, "distinct_bodies": len(requests),
            "wrapped": sent > len(requests) > 1,
            "generator_cpu_s": (cpu1.ru_utime - cpu0.ru_utime) + (cpu1.ru_stime - cpu0.ru_stime),
            "latencies_ms": lat_ms}


def quantile(lat: list[float], q: float) -> float | None:
    return lat[min(len(lat) - 1, int(q * len(lat)))] if lat else None


if __name__ == "__main__":
    json.dump(run(json.load(sys.stdin)), sys.stdout)
