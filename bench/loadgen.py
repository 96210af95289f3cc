"""A cheap HTTP load generator for `make bench` (issue 13): asyncio on raw sockets, one process.

    python bench/loadgen.py < spec.json > result.json

spec: {"host", "port", "path", "method", "headers": {..}, "bodies": [str, ...] or null,
       "clients", "seconds", "max_requests"}. With several bodies each request takes the next one
(in order, shared by all clients): the editor-like and new-document runs send a new text every
time. One connection per request (gunicorn's sync workers close it after the answer). The answer:
latencies (ms, sorted), status counts, errors, requests per second and this process's own CPU
seconds, so the report can say how much of the 2 cores the generator took.

Only loopback addresses are accepted; a run stops after ``seconds`` (or ``max_requests``).
"""
from __future__ import annotations

import asyncio
import ipaddress
import json
import resource
import sys
import time


def _request(spec: dict, body: bytes | None) -> bytes:
    head = [f"{spec.get('method', 'GET')} {spec['path']} HTTP/1.1", f"Host: {spec['host']}:{spec['port']}",
            "Connection: close"]
    head += [f"{k}: {v}" for k, v in (spec.get("headers") or {}).items()]
    if body is not None:
        head.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + (body or b"")


class _Exchange(asyncio.Protocol):
    """One request on one connection: send it, read to EOF (the server closes), keep the status."""

    def __init__(self, req: bytes, done: asyncio.Future):
        self.req, self.done, self.head = req, done, b""

    def connection_made(self, transport) -> None:
        transport.write(self.req)

    def data_received(self, data: bytes) -> None:
        if len(self.head) < 12:
            self.head += data[:12]

    def connection_lost(self, exc) -> None:
        if not self.done.done():
            self.done.set_result(self.head)


async def _client(spec: dict, requests: list[bytes], state: dict, stop: float) -> None:
    loop = asyncio.get_running_loop()
    lat, statuses = state["lat"], state["status"]
    while time.perf_counter() < stop and state["sent"] < state["max"]:
        i = state["sent"]
        state["sent"] += 1
        req = requests[i % len(requests)]
        t = time.perf_counter()
        done = loop.create_future()
        try:
            transport, _ = await asyncio.wait_for(
                loop.create_connection(lambda: _Exchange(req, done), spec["host"], spec["port"]), 30)
            try:
                head = await asyncio.wait_for(done, 120)
            finally:
                transport.close()
            status = int(head[9:12]) if head.startswith(b"HTTP/1.") else 0
        except (OSError, asyncio.TimeoutError, ValueError):
            status = 0
        lat.append(time.perf_counter() - t)
        statuses[status] = statuses.get(status, 0) + 1


async def run(spec: dict) -> dict:
    if not ipaddress.ip_address(spec["host"]).is_loopback:
        raise SystemExit("loadgen: only loopback addresses")
    bodies = spec.get("bodies")
    requests = [_request(spec, b.encode("utf-8")) for b in bodies] if bodies else [_request(spec, None)]
    state = {"lat": [], "status": {}, "sent": 0, "max": int(spec.get("max_requests") or 10 ** 9)}
    cpu0 = resource.getrusage(resource.RUSAGE_SELF)
    t0 = time.perf_counter()
    stop = t0 + float(spec["seconds"])
    await asyncio.gather(*(_client(spec, requests, state, stop) for _ in range(int(spec["clients"]))))
    span = time.perf_counter() - t0
    cpu1 = resource.getrusage(resource.RUSAGE_SELF)
    lat = sorted(1000 * x for x in state["lat"])
    errors = sum(n for s, n in state["status"].items() if s == 0 or s >= 400)
    return {"requests": len(lat), "errors": errors, "status": {str(k): v for k, v in state["status"].items()},
            "rps": len(lat) / span, "seconds": span, "distinct_bodies": len(requests),
            "wrapped": state["sent"] > len(requests) > 1,
            "generator_cpu_s": (cpu1.ru_utime - cpu0.ru_utime) + (cpu1.ru_stime - cpu0.ru_stime),
            "latencies_ms": lat}


def quantile(lat: list[float], q: float) -> float | None:
    return lat[min(len(lat) - 1, int(q * len(lat)))] if lat else None


if __name__ == "__main__":
    out = asyncio.run(run(json.load(sys.stdin)))
    json.dump(out, sys.stdout)
