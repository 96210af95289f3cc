"""`make bench` (issue 13): Pressroom against the tools a user would pick instead, in one run.

    .venv/bin/python bench/run.py                 every part, then bench/report.md + report.json
    .venv/bin/python bench/run.py cold scaling    only these parts (the others' last figures stay)
    BENCH_QUICK=1 ...                             small sizes and short load runs (development)

Parts: throughput, cold, scaling, annotate, render, languagetool, web, scripts (the bench_*.py of other issues). Each writes its figures into
bench/report.json; bench/report.py turns them into bench/report.md and bench/plots/*.png.
The machine is shared and noisy: every comparison is made in the same run, interleaved, and ratios
are computed on CPU time (user + system of the measured process), with wall time beside it.
Every measured process is new, and every text it lints is seen for the first time in it.
"""
from __future__ import annotations

import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))
import textgen  # noqa: E402

BIN = Path(sys.executable).parent
PRESSROOM = str(BIN / "pressroom")
SEED = ROOT / "examples" / "000_87413283a02d3cbb.txt"
REPORT_JSON = HERE / "report.json"
QUICK = os.environ.get("BENCH_QUICK") == "1"
CORPUS = textgen.CORPUS


# ----- measuring one process -------------------------------------------------------------------
def measure(cmd: list[str], env: dict | None = None, cwd: Path | None = None) -> dict:
    """Run cmd to the end: wall seconds, CPU seconds (user+sys), peak RSS in MB, exit code."""
    t = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=cwd)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t
    err = p.stderr.read().decode("utf-8", "replace")
    p.stderr.close()
    p.returncode = os.waitstatus_to_exitcode(status)
    return {"wall": wall, "cpu": ru.ru_utime + ru.ru_stime, "rss_mb": ru.ru_maxrss / 1024, "code": p.returncode,
            "stderr": err[-300:]}


def interleaved(cmds: dict[str, list[str]], runs: int) -> dict[str, dict]:
    """Each command ``runs`` times, alternating, so the machine's load hits all alike: medians."""
    got: dict[str, list[dict]] = {k: [] for k in cmds}
    for _ in range(runs):
        for k, c in cmds.items():
            got[k].append(measure(c))
    out = {}
    for k, ms in got.items():
        out[k] = {f: statistics.median(m[f] for m in ms) for f in ("wall", "cpu", "rss_mb")}
        out[k]["runs"] = len(ms)
        out[k]["code"] = ms[-1]["code"]
    return out


# ----- the persistent caches (issue 13) ---------------------------------------------------------
# Pressroom keeps derived data between processes (app.diskcache, app.recache: compiled regular
# expressions, parsed rule and data files, word lists, Zipf tables). Every measured pressroom
# process gets its own PRESSROOM_CACHE_DIR, either
#   cold: an empty folder (the first run ever after an install), or
#   warm: a copy of a folder filled by linting OTHER texts (tests/drafts/ and the corpus folders the
#         measured run does not read), never the measured ones;
# a fresh copy for every run, so no run sees what an earlier run of the same text left behind.
WARM_TEXTS = sorted((ROOT / "tests" / "drafts").glob("*.txt"))


def _warm_source(tmp: Path, others: list[Path]) -> Path:
    import hashlib

    d = tmp / ("cache-warm-source-" + hashlib.sha1(repr(others).encode()).hexdigest()[:8])
    if not d.exists():
        d.mkdir()
        env = dict(os.environ, PRESSROOM_CACHE_DIR=str(d))
        for paths in ([*WARM_TEXTS], *[[o] for o in others]):
            subprocess.run([PRESSROOM, "lint", *map(str, paths), "-q"], env=env, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
    return d


def cache_env(tmp: Path, kind: str, others: list[Path] = ()) -> dict:
    """The environment of one measured pressroom process with a new cold or warm cache folder
    (warm: filled by tests/drafts and ``others``, texts the measured process does not read)."""
    d = Path(tempfile.mkdtemp(prefix=f"cache-{kind}-", dir=tmp))
    if kind == "warm":
        shutil.rmtree(d)
        shutil.copytree(_warm_source(tmp, list(others)), d)
    return dict(os.environ, PRESSROOM_CACHE_DIR=str(d))


def interleaved_caches(cmds: dict[str, list[str]], runs: int, tmp: Path, others: list[Path] = ()) -> dict[str, dict]:
    """Like ``interleaved``; a name ending in ``@warm`` / ``@cold`` runs with such a cache folder."""
    got: dict[str, list[dict]] = {k: [] for k in cmds}
    for _ in range(runs):
        for k, c in cmds.items():
            kind = k.rsplit("@", 1)[1] if "@" in k else None
            got[k].append(measure(c, env=cache_env(tmp, kind, others) if kind else None))
    out = {}
    for k, ms in got.items():
        name = k.replace("@warm", "").replace("@cold", "_cold_cache")
        out[name] = {f: statistics.median(m[f] for m in ms) for f in ("wall", "cpu", "rss_mb")}
        out[name]["runs"] = len(ms)
        out[name]["code"] = ms[-1]["code"]
    return out


def words_in(paths: list[Path]) -> int:
    return sum(len(p.read_text(encoding="utf-8", errors="replace").split()) for p in paths)


def corpus_dir(lang: str, tmp: Path) -> Path:
    """The real corpus folder for ``lang``, or (where it is absent) 40 generated one-page texts."""
    d = CORPUS / lang
    if d.is_dir():
        return d
    d = tmp / f"corpus-{lang}"
    d.mkdir(exist_ok=True)
    for i in range(40):
        textgen.write_txt(d / f"{i:03d}.txt", 1, lang, seed=100 + i)
    return d


# ----- parts -------------------------------------------------------------------------------------
def part_throughput(tmp: Path) -> dict:
    """Whole processes over a folder: pressroom lint vs proselint (en) and hunspell -l (ru)."""
    runs = 2 if QUICK else 3
    out = {}
    en = corpus_dir("en", tmp)
    ru = corpus_dir("ru", tmp)
    en_files = sorted(en.glob("*.txt"))
    ru_files = sorted(ru.glob("*.txt"))
    res = interleaved_caches({
        "pressroom@warm": [PRESSROOM, "lint", str(en), "-q", "--lang", "en"],
        "pressroom@cold": [PRESSROOM, "lint", str(en), "-q", "--lang", "en"],
        "proselint": [str(BIN / "proselint"), "check", str(en)],
    }, runs, tmp, [ru])
    w = words_in(en_files)
    out["en"] = {"words": w, "files": len(en_files), "source": str(en.relative_to(ROOT.parent)) if en.is_relative_to(ROOT.parent) else "generated", **res}
    hun = shutil.which("hunspell")
    cmds = {"pressroom@warm": [PRESSROOM, "lint", str(ru), "-q", "--lang", "ru"],
            "pressroom@cold": [PRESSROOM, "lint", str(ru), "-q", "--lang", "ru"]}
    if hun:
        cmds["hunspell"] = ["bash", "-c", f"{hun} -d ru_RU -l {' '.join(str(p) for p in ru_files)} >/dev/null"]
    res = interleaved_caches(cmds, runs, tmp, [en])
    w = words_in(ru_files)
    out["ru"] = {"words": w, "files": len(ru_files), **res}
    for lang, anchor in (("en", "proselint"), ("ru", "hunspell")):
        r = out[lang]
        for k in list(r):
            if isinstance(r[k], dict) and "cpu" in r[k]:
                r[k]["words_per_s_cpu"] = r["words"] / r[k]["cpu"]
                r[k]["words_per_s_wall"] = r["words"] / r[k]["wall"]
        if anchor in r:
            r["ratio_cpu"] = r["pressroom"]["words_per_s_cpu"] / r[anchor]["words_per_s_cpu"]
            r["ratio_wall"] = r["pressroom"]["words_per_s_wall"] / r[anchor]["words_per_s_wall"]
            r["ratio_cpu_cold_cache"] = r["pressroom_cold_cache"]["words_per_s_cpu"] / r[anchor]["words_per_s_cpu"]
            r["ratio_wall_cold_cache"] = r["pressroom_cold_cache"]["words_per_s_wall"] / r[anchor]["words_per_s_wall"]
    out["cache"] = {"warm": "a copy of a cache folder that linted tests/drafts/*.txt and the other language's corpus "
                            "(other texts), new for every run",
                    "cold": "an empty cache folder (the first run ever), new for every run"}
    out["in_process"] = in_process_throughput(en_files, ru_files, cache_env(tmp, "warm"))  # drafts only
    return out


def in_process_throughput(en_files, ru_files, env: dict | None = None) -> dict:
    """Words per second in one warmed-up process, on texts it has not seen (child process)."""
    code = r"""
import json, sys, time
from app.core.readers import read_path
from app.engine.linter import lint
from app.engine.rules import load_rules
from app.language.spelling import speller
load_rules(); speller(None, "ru"); speller(None, "en")
lint(read_path(sys.argv[1]))
out = {}
for lang, paths in (("en", sys.argv[2].split("\n")), ("ru", sys.argv[3].split("\n"))):
    words = 0; t = time.process_time()
    for p in paths:
        doc = read_path(p, lang); words += len(doc.text.split()); lint(doc)
    out[lang] = words / (time.process_time() - t)
try:
    import proselint.tools as pt
    t = time.process_time(); words = 0
    for p in sys.argv[2].split("\n"):
        s = open(p, encoding="utf-8").read(); words += len(s.split()); pt.lint(s) if hasattr(pt, "lint") else None
    out["proselint_en"] = words / (time.process_time() - t) if hasattr(pt, "lint") else None
except Exception as e:
    out["proselint_en"] = None
print(json.dumps(out))
"""
    p = subprocess.run([sys.executable, "-c", code, str(SEED), "\n".join(map(str, en_files)), "\n".join(map(str, ru_files))],
                       capture_output=True, text=True, cwd=ROOT, env=env)
    try:
        return json.loads(p.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        return {"error": p.stderr[-500:]}


def part_cold(tmp: Path) -> dict:
    res = interleaved_caches({
        "pressroom@warm": [PRESSROOM, "lint", str(SEED), "-q"],
        "pressroom@cold": [PRESSROOM, "lint", str(SEED), "-q"],
        "proselint": [str(BIN / "proselint"), "check", str(SEED)],
    }, 3 if QUICK else 7, tmp, [corpus_dir("ru", tmp), corpus_dir("en", tmp)])
    res["ratio_cpu"] = res["pressroom"]["cpu"] / res["proselint"]["cpu"]
    res["ratio_wall"] = res["pressroom"]["wall"] / res["proselint"]["wall"]
    res["ratio_cpu_cold_cache"] = res["pressroom_cold_cache"]["cpu"] / res["proselint"]["cpu"]
    res["ratio_wall_cold_cache"] = res["pressroom_cold_cache"]["wall"] / res["proselint"]["wall"]
    res["cache"] = {"warm": "a copy of a cache folder that linted tests/drafts/*.txt and both corpus folders (not the "
                            "seed), new for every run",
                    "cold": "an empty cache folder (the first run ever), new for every run"}
    return res


def _fit(xs, ys) -> float:
    """Least-squares slope of log y over log x: the growth exponent."""
    import math

    lx = [math.log(x) for x in xs]
    ly = [math.log(max(y, 1e-6)) for y in ys]
    mx, my = statistics.mean(lx), statistics.mean(ly)
    return sum((a - mx) * (b - my) for a, b in zip(lx, ly)) / sum((a - mx) ** 2 for a in lx)


SIZES = [1, 10, 100] if QUICK else [1, 10, 100, 1000]


def _docs(tmp: Path, fmt: str) -> dict[int, Path]:
    out = {}
    for n in SIZES:
        p = tmp / f"pages-{n}.{fmt}"
        if not p.exists():
            (textgen.write_docx if fmt == "docx" else textgen.write_txt)(p, n, "ru", seed=13)
        out[n] = p
    return out


_LINTED: dict[str, dict] = {}  # plain `pressroom lint` of a generated file in this run: annotate reuses it


def part_scaling(tmp: Path) -> dict:
    out = {}
    empty = tmp / "empty.txt"
    empty.write_text("Пресс-релиз.\n", encoding="utf-8")
    base = measure([PRESSROOM, "lint", str(empty), "-q"])
    out["startup"] = base
    for fmt in ("txt", "docx"):
        rows = []
        for n, p in _docs(tmp, fmt).items():
            m = _LINTED[str(p)] = measure([PRESSROOM, "lint", str(p), "-q"])
            m.update(pages=n, words=len(textgen.text(n).split()) if fmt == "txt" else None)
            rows.append(m)
        xs = [r["pages"] for r in rows if r["pages"] >= 10]
        ys = [r["cpu"] - base["cpu"] for r in rows if r["pages"] >= 10]
        big = rows[-1]
        out[fmt] = {"rows": rows, "exponent": _fit(xs, ys),
                    "exponent_raw": _fit([r["pages"] for r in rows], [r["cpu"] for r in rows]),
                    "mb_per_page": (big["rss_mb"] - rows[0]["rss_mb"]) / (big["pages"] - rows[0]["pages"]),
                    "cpu_ms_per_page": 1000 * (big["cpu"] - base["cpu"]) / big["pages"]}
    return out


def part_annotate(tmp: Path) -> dict:
    rows = []
    for n, p in _docs(tmp, "docx").items():
        if n < 10:
            continue
        # the plain lint of the same file in the same run (scaling part) when there is one
        lint = _LINTED.get(str(p)) or measure([PRESSROOM, "lint", str(p), "-q"])
        ann = measure([PRESSROOM, "lint", str(p), "-q", "--annotate", str(tmp / f"annotated-{n}.docx")])
        fix = measure([PRESSROOM, "lint", str(p), "-q", "--fix", "--output", str(tmp / f"fixed-{n}.docx")])
        rows.append({"pages": n, "lint": lint, "annotate": ann, "fix": fix,
                     "annotate_ratio_cpu": ann["cpu"] / lint["cpu"], "fix_ratio_cpu": fix["cpu"] / lint["cpu"]})
    return {"rows": rows,
            "annotate_exponent": _fit([r["pages"] for r in rows], [r["annotate"]["cpu"] - r["lint"]["cpu"] for r in rows])}


def part_render(tmp: Path) -> dict:
    code = r"""
import io, json, statistics, sys, time
from pathlib import Path
import docx
from app.release import load_release
from app.release.render import render_release
out = {}
for yml in sorted(Path("examples").glob("*.yml")):
    rel = load_release(yml)
    data = render_release(rel); render_release(rel)
    src = docx.Document(io.BytesIO(data))
    paras = [(p.text, p.style.name) for p in src.paragraphs]
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in src.tables]
    pics = [r.target_part.blob for r in src.part.rels.values() if "image" in r.reltype]
    def plain():
        d = docx.Document()
        for text, style in paras:
            d.add_paragraph(text, style=style if style in ("Normal", "Title", "Heading 1", "Heading 2") else None)
        for t in tables:
            tb = d.add_table(rows=len(t), cols=max(len(r) for r in t))
            for i, row in enumerate(t):
                for j, v in enumerate(row):
                    tb.cell(i, j).text = v
        for b in pics[:1]:
            d.add_picture(io.BytesIO(b))
        buf = io.BytesIO(); d.save(buf); return buf.getvalue()
    plain(); plain()
    a, b = [], []
    for _ in range(int(sys.argv[1])):
        t = time.process_time(); render_release(rel); a.append(time.process_time() - t)
        t = time.process_time(); plain(); b.append(time.process_time() - t)
    out[yml.stem] = {"pressroom_ms": 1000 * statistics.median(a), "python_docx_ms": 1000 * statistics.median(b),
                     "paragraphs": len(paras)}
    out[yml.stem]["ratio"] = out[yml.stem]["pressroom_ms"] / out[yml.stem]["python_docx_ms"]
print(json.dumps(out))
"""
    p = subprocess.run([sys.executable, "-c", code, "10" if QUICK else "30"], capture_output=True, text=True, cwd=ROOT)
    try:
        res = json.loads(p.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        return {"error": p.stderr[-800:]}
    res["worst_ratio"] = max(v["ratio"] for v in res.values())
    return res


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _post(url: str, data: bytes, ctype: str = "application/x-www-form-urlencoded", timeout: float = 120) -> tuple[float, bytes]:
    import urllib.request

    req = urllib.request.Request(url, data=data, headers={"Content-Type": ctype})
    t = time.perf_counter()
    body = urllib.request.urlopen(req, timeout=timeout).read()
    return time.perf_counter() - t, body


LT_DEFAULT_OPTS = "-XX:+UseSerialGC -XX:+TieredCompilation"  # scripts/languagetool.sh's default LT_JAVA_OPTS
LT_C1_OPTS = "-XX:+UseSerialGC -XX:TieredStopAtLevel=1"  # the flags before issue 13 (C1 JIT only)
LT_ISSUE_SENTENCES = {  # the one-line sentences of issue 13
    "ru": "Проект финансируется Европейским Союзом и реализуется в Казахстане в течении двух лет.",
    "en": "The project are funded by the European Union and runs for two years in Kazakhstan."}


def _lt_sentences(lang: str, n: int) -> list[str]:
    """n distinct one-line sentences (8-25 words) of the corpus and the test drafts, shuffled."""
    import random

    pool = [x for x in dict.fromkeys(textgen.sentences(lang)) if 8 <= len(x.split()) <= 25 and x != LT_ISSUE_SENTENCES[lang]]
    random.Random(f"lt-{lang}").shuffle(pool)
    return pool[:n]


def _lt_latency(lat_s: list[float], sentences: list[str]) -> dict:
    ms = sorted(1000 * x for x in lat_s)
    words = sum(len(x.split()) for x in sentences)
    return {"n": len(ms), "median_ms": statistics.median(ms), "p90_ms": ms[min(len(ms) - 1, int(0.9 * len(ms)))],
            "mean_ms": statistics.mean(ms), "max_ms": ms[-1], "words": words, "words_per_s": words / sum(lat_s),
            "mean_words": words / len(ms)}


def _lt_rule_times(tmp: Path, lib: Path, opts: str, code: str, warm: list[str], measured: list[str]) -> dict:
    """bench/LtRuleTimes.java in its own JVM (the server's flags): time per active rule on the
    measured sentences after a warm-up on others, plus analysis and whole-check time per sentence."""
    f = tmp / f"lt-rules-{code}.txt"
    f.write_text("\n".join(warm + measured) + "\n", encoding="utf-8")
    cmd = ["java", f"-Xmx{os.environ.get('LT_HEAP', '512m')}", *opts.split(), "-cp", f"{lib}/*",
           str(HERE / "LtRuleTimes.java"), code, str(len(warm)), str(f)]
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    try:
        r = json.loads(p.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        return {"error": (p.stderr or p.stdout)[-500:]}
    n = max(1, r["sentences"])
    rules = sorted(r.pop("rules"), key=lambda x: -x["ms"])
    r.update(check_ms_per_sentence=r["check_ms_total"] / n, analyse_ms_per_sentence=r["analyse_ms_total"] / n,
             rules_ms_per_sentence=sum(x["ms"] for x in rules) / n,
             slowest=[{"id": x["id"], "ms_per_sentence": x["ms"] / n, "matches": x["matches"],
                       "text_level": x["text_level"]} for x in rules[:8]],
             rules_over_0_1_ms=sum(1 for x in rules if x["ms"] / n >= 0.1))
    return r


def part_languagetool(tmp: Path) -> dict:
    """LanguageTool as scripts/languagetool.sh starts it: start time, first request, then, after a
    warm-up of distinct sentences, the latency of sentences it has never seen (median, p90) and
    words per second, for ru and en; the old C1-only JIT flags measured side by side (the two
    servers get the same sentences, alternately); documents (words/s, alone and with Pressroom);
    time per rule in one JLanguageTool (bench/LtRuleTimes.java)."""
    import urllib.parse

    if not (shutil.which("java") and shutil.which("mvn")):
        return {"error": "java/mvn missing"}
    subprocess.run(["bash", "scripts/languagetool.sh", "fetch"], cwd=ROOT, check=True, capture_output=True)
    lib = Path(os.environ.get("LT_HOME", ROOT / ".cache" / "languagetool")) / f"lib-{os.environ.get('LT_VERSION', '6.7')}"
    n_warm, n_meas = (20, 20) if QUICK else (int(os.environ.get("BENCH_LT_WARMUP", "60")), int(os.environ.get("BENCH_LT_SENTENCES", "60")))
    sents = {lang: _lt_sentences(lang, n_warm + n_meas) for lang in ("ru", "en")}
    codes = {"ru": "ru-RU", "en": "en-GB"}
    configs = {"default": os.environ.get("LT_JAVA_OPTS", LT_DEFAULT_OPTS)}
    if os.environ.get("BENCH_LT_COMPARE", "1") != "0":
        configs["c1_only"] = LT_C1_OPTS
    out: dict = {"warmup_sentences": n_warm, "measured_sentences": n_meas,
                 "sentences": "distinct one-line sentences (8-25 words) of the corpus and tests/drafts; the measured ones "
                              "never sent before; servers measured alternately, sentence by sentence",
                 "configs": {}}
    servers: dict[str, dict] = {}
    try:
        for name, opts in configs.items():
            port = _free_port()
            run = tmp / f"lt-{name}"
            run.mkdir(exist_ok=True)
            env = dict(os.environ, LT_RUN=str(run), LT_JAVA_OPTS=opts)
            t = time.perf_counter()
            p = subprocess.run(["bash", "scripts/languagetool.sh", "start", str(port)], cwd=ROOT, env=env, capture_output=True, text=True)
            if p.returncode:
                out["configs"][name] = {"error": p.stderr[-500:]}
                continue
            r: dict = {"jvm_flags": opts, "start_s": time.perf_counter() - t}
            url = f"http://127.0.0.1:{port}/v2/check"
            servers[name] = {"env": env, "url": url, "run": run, "r": r}
            ask = lambda text, lang, url=url: _post(url, urllib.parse.urlencode({"text": text, "language": codes[lang]}).encode())[0]  # noqa: E731
            servers[name]["ask"] = ask
            # first requests, before anything else reaches this server (its own start is over)
            r["first_ru_s"] = ask(LT_ISSUE_SENTENCES["ru"], "ru")
            r["first_en_s"] = ask(LT_ISSUE_SENTENCES["en"], "en")
        for lang in ("ru", "en"):
            warm, meas = sents[lang][:n_warm], sents[lang][n_warm:]
            lat: dict[str, list[float]] = {k: [] for k in servers}
            for i, s in enumerate(warm + meas):
                order = list(servers) if i % 2 == 0 else list(reversed(servers))
                for name in order:
                    x = servers[name]["ask"](s, lang)
                    if i >= n_warm:
                        lat[name].append(x)
            for name, sv in servers.items():
                r = sv["r"]
                r[f"warm_{lang}"] = _lt_latency(lat[name], meas)
                r[f"warm_{lang}_ms"] = r[f"warm_{lang}"]["median_ms"]
                # the issue's own sentence, now that the server is warm (sent once before, as the first request)
                r[f"issue_sentence_{lang}_ms"] = 1000 * statistics.median(sv["ask"](LT_ISSUE_SENTENCES[lang] + f" {i}.", lang) for i in range(5))
        for name, sv in servers.items():
            try:
                sv["r"]["rss_mb"] = _rss_mb(int((sv["run"] / "server.pid").read_text()))
            except (OSError, ValueError):
                pass
        if "c1_only" in servers:  # the documents and the JVM-flags comparison are done: one JVM at a time
            subprocess.run(["bash", "scripts/languagetool.sh", "stop"], cwd=ROOT, env=servers["c1_only"]["env"], capture_output=True)
        if "default" in servers:
            port = int(servers["default"]["url"].split(":")[2].split("/")[0])
            servers["default"]["r"].update(_lt_documents(tmp, port))
    finally:
        for sv in servers.values():
            subprocess.run(["bash", "scripts/languagetool.sh", "stop"], cwd=ROOT, env=sv["env"], capture_output=True)
    for name, sv in servers.items():
        out["configs"][name] = sv["r"]
    rt_warm, rt_meas = (20, 20) if QUICK else (n_warm, n_meas)
    out["rule_times"] = {lang: _lt_rule_times(tmp, lib, configs["default"], codes[lang], sents[lang][:rt_warm],
                                              sents[lang][n_warm:n_warm + rt_meas]) for lang in ("ru", "en")}
    d = out["configs"].get("default", {})
    if "warm_ru" in d:  # the issue's target: a warm Russian sentence under 50 ms
        out["warm_ru_ms"] = d["warm_ru_ms"]
        out["warm_ru_p90_ms"] = d["warm_ru"]["p90_ms"]
        out["warm_en_ms"] = d["warm_en_ms"]
    return out


def _lt_documents(tmp: Path, port: int) -> dict:
    """Words per second of LanguageTool alone (the documents one after another and 2 at a time) and
    of `pressroom lint --languagetool` (LT plus every offline check) on the same documents."""
    import urllib.parse
    from concurrent.futures import ThreadPoolExecutor

    out = {}
    url = f"http://127.0.0.1:{port}/v2/check"
    for lang, code in (("ru", "ru-RU"), ("en", "en-GB")):
        d = tmp / f"lt-docs-{lang}"
        d.mkdir(exist_ok=True)
        n = 4 if QUICK else 6  # 3 000 words a language: words per second within a few per cent of 10 files
        files = [textgen.write_txt(d / f"{i:02d}.txt", 1, lang, seed=500 + i) for i in range(n)]
        texts = [f.read_text(encoding="utf-8") for f in files]
        words = sum(len(t.split()) for t in texts)
        t = time.perf_counter()
        for s in texts:
            _post(url, urllib.parse.urlencode({"text": s, "language": code}).encode())
        alone = time.perf_counter() - t
        t = time.perf_counter()
        with ThreadPoolExecutor(2) as pool:
            list(pool.map(lambda s: _post(url, urllib.parse.urlencode({"text": s, "language": code}).encode()), texts))
        alone2 = time.perf_counter() - t
        # new texts for Pressroom (LanguageTool caches results of texts it has seen)
        files2 = [textgen.write_txt(d / f"p{i:02d}.txt", 1, lang, seed=900 + i) for i in range(n)]
        env = dict(os.environ, PRESSROOM_LANGUAGETOOL_URL=f"http://127.0.0.1:{port}")
        # once, on another text: the server builds its pipeline for Pressroom's disabled rules
        # (rules/lt.yml) on the first such request, as a running deployment already has
        first = d.parent / f"lt-first-{lang}.txt"
        textgen.write_txt(first, 1, lang, seed=990)
        subprocess.run([PRESSROOM, "lint", str(first), "-q", "--languagetool", "--lang", lang, "--select", "lt"],
                       env=env, capture_output=True)
        t = time.perf_counter()
        m = subprocess.run([PRESSROOM, "lint", str(d), "-q", "--languagetool", "--lang", lang, "--format", "json"]
                           + ["--select", "lt"], env=env, capture_output=True, text=True)
        del m
        # the folder holds both sets: count both
        with_pr = time.perf_counter() - t
        words2 = words + sum(len(f.read_text(encoding="utf-8").split()) for f in files2)
        out[f"lt_{lang}"] = {"words": words, "lt_alone_words_per_s": words / alone,
                             "lt_alone_2_parallel_words_per_s": words / alone2,
                             "pressroom_lt_only_words_per_s": words2 / with_pr}
        for f in files2:
            f.unlink()
    return out


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _children(pid: int) -> list[int]:
    out = []
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                if int((d / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    out.append(int(d.name))
            except (OSError, IndexError, ValueError):
                pass
    return out


def _cpu_s(pids: list[int]) -> float:
    """User + system CPU seconds of these processes so far (/proc/PID/stat)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        try:
            f = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(f[11]) + int(f[12])
        except (OSError, IndexError, ValueError):
            pass
    return total / tick


def _machine_busy_s() -> float:
    """CPU seconds every process of the machine has spent so far (/proc/stat: all but idle and iowait)."""
    f = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    v = [int(x) for x in f]
    return (sum(v[:8]) - v[3] - v[4]) / os.sysconf("SC_CLK_TCK")


def load(port: int, path: str, bodies: list[str] | None, clients: int, seconds: float, workers: list[int] = (),
         headers: dict | None = None, once: bool = False, keep_latencies: bool = False) -> dict:
    """bench/loadgen.py (selectors/epoll, one process) against 127.0.0.1:port for ``seconds``:
    latencies, errors, and the CPU the workers and the generator itself spent. ``once``: every body
    at most once (the editor-like and new-document runs must never send a text twice).
    ``keep_latencies``: the sorted latencies stay in the answer (``latencies_ms``), for merging slices."""
    spec = {"host": "127.0.0.1", "port": port, "path": path, "method": "POST" if bodies else "GET",
            "headers": dict(headers or {}, **({"Content-Type": "application/json"} if bodies else {})),
            "bodies": bodies, "clients": clients, "seconds": seconds,
            "max_requests": len(bodies) if (once and bodies) else None}
    cpu0 = _cpu_s(workers)
    busy0 = _machine_busy_s()
    la = os.getloadavg()[0]
    p = subprocess.run([sys.executable, str(HERE / "loadgen.py")], input=json.dumps(spec), capture_output=True,
                       text=True, timeout=seconds + 300)
    cpu1 = _cpu_s(workers)
    busy = _machine_busy_s() - busy0
    r = json.loads(p.stdout)
    lat = r["latencies_ms"] if keep_latencies else r.pop("latencies_ms")
    q = lambda f: lat[min(len(lat) - 1, int(f * len(lat)))] if lat else None  # noqa: E731
    n = max(1, r["requests"])
    r.update(p50_ms=q(0.5), p95_ms=q(0.95), p99_ms=q(0.99), worker_cpu_s=cpu1 - cpu0,
             worker_cpu_ms_per_request=1000 * (cpu1 - cpu0) / n,
             generator_cpu_ms_per_request=1000 * r["generator_cpu_s"] / n,
             worker_cores=(cpu1 - cpu0) / r["seconds"], generator_cores=r["generator_cpu_s"] / r["seconds"],
             load_average=la, machine_busy_s=busy,
             other_cores=max(0.0, busy - (cpu1 - cpu0) - r["generator_cpu_s"]) / r["seconds"])
    return r


def _start_postgres(tmp: Path):
    import glob
    import pwd

    bins = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not bins:
        return None, None
    bindir = os.path.dirname(bins[-1])
    base = Path(tempfile.mkdtemp(prefix="pressroom-bench-pg-"))
    data, sock = base / "data", base / "sock"
    sock.mkdir()
    prefix: list[str] = []
    if os.geteuid() == 0:
        pw = pwd.getpwnam("postgres")
        os.chown(base, pw.pw_uid, pw.pw_gid)
        os.chown(sock, pw.pw_uid, pw.pw_gid)
        os.chmod(base, 0o755)
        prefix = ["runuser", "-u", "postgres", "--"]
    port = _free_port()
    subprocess.run(prefix + [f"{bindir}/initdb", "-D", str(data), "-A", "trust", "-U", "pressroom", "-E", "UTF8", "--locale=C"],
                   check=True, capture_output=True)
    subprocess.run(prefix + [f"{bindir}/pg_ctl", "-D", str(data), "-l", str(base / "log"), "-w", "-t", "60", "-o",
                             f"-p {port} -k {sock} -c listen_addresses=127.0.0.1", "start"], check=True, capture_output=True)
    subprocess.run(["psql", "-h", "127.0.0.1", "-p", str(port), "-U", "pressroom", "-d", "postgres", "-c",
                    "CREATE DATABASE bench"], check=True, capture_output=True)

    def stop():
        subprocess.run(prefix + [f"{bindir}/pg_ctl", "-D", str(data), "-m", "fast", "-w", "stop"], capture_output=True)
        shutil.rmtree(base, ignore_errors=True)
    return f"postgresql://pressroom@127.0.0.1:{port}/bench", stop


def _populate(env: dict, n: int) -> None:
    """n releases of the default organisation (the one a PRESSROOM_API_TOKENS script acts for)."""
    code = r"""
import sys
from app.web import create_app, upgrade_database
from app.web import store
from app.web.accounts import default_org
from app.web.extensions import db
app = create_app()
with app.app_context():
    upgrade_database()
    from sqlalchemy import text
    from app.web.models import Release
    # test data of a throw-away database: no flush to disk per release (10 000 commits)
    if db.engine.dialect.name == "sqlite":
        db.session.execute(text("PRAGMA synchronous=OFF"))
    elif db.engine.dialect.name == "postgresql":
        db.session.execute(text("SET synchronous_commit TO OFF"))
    org = default_org().id
    have = db.session.query(Release).count()
    for i in range(have, int(sys.argv[1])):
        store.create({"language": "en" if i % 2 else "ru", "headline": f"Release {i}: project news number {i}",
                      "lead": f"Lead paragraph {i} of a release about the project's activities."}, org_id=org)
"""
    subprocess.run([sys.executable, "-c", code, str(n)], env=env, cwd=ROOT, check=True, capture_output=True)


def editor_texts(seed: str, start: int, n: int) -> list[str]:
    """n versions of the seed, each with one paragraph changed (a word typed into it) and no two
    alike: what an editor sends while someone types. ``start`` picks another series."""
    lines = seed.split("\n")
    paras = [i for i, line in enumerate(lines) if len(line.split()) >= 4]
    words = [w for w in seed.split() if w.isalpha() and len(w) > 3]
    out, seen, k = [], set(), start
    while len(out) < n:
        ls = list(lines)
        i = paras[k % len(paras)]
        ws = ls[i].split(" ")
        ws.insert((k // len(paras)) % (len(ws) + 1), words[(k * 7919) % len(words)])
        ls[i] = " ".join(ws)
        text = "\n".join(ls)
        k += 1
        if text not in seen:
            seen.add(text)
            out.append(text)
    return out


def _slices(seconds: float, longest: float) -> tuple[int, float]:
    """A run of ``seconds`` per configuration cut into slices of at most ``longest`` seconds."""
    n = max(1, -int(-seconds // longest))
    return n, seconds / n


def _merge(rows: list[dict]) -> dict:
    """Slices of one configuration summed: requests, errors, seconds and CPU added, latencies
    merged (quantiles of all the requests), rates over the summed seconds."""
    lat = sorted(x for r in rows for x in r.pop("latencies_ms"))
    q = lambda f: lat[min(len(lat) - 1, int(f * len(lat)))] if lat else None  # noqa: E731
    secs = sum(r["seconds"] for r in rows)
    n = sum(r["requests"] for r in rows)
    wcpu = sum(r["worker_cpu_s"] for r in rows)
    gcpu = sum(r["generator_cpu_s"] for r in rows)
    status: dict = {}
    for r in rows:
        for k, v in r["status"].items():
            status[k] = status.get(k, 0) + v
    return {"requests": n, "errors": sum(r["errors"] for r in rows), "status": status, "seconds": secs,
            "rps": n / secs if secs else 0.0, "slices": len(rows), "slice_rps": [r["rps"] for r in rows],
            "p50_ms": q(0.5), "p95_ms": q(0.95), "p99_ms": q(0.99),
            "worker_cpu_s": wcpu, "worker_cpu_ms_per_request": 1000 * wcpu / max(1, n),
            "generator_cpu_s": gcpu, "generator_cpu_ms_per_request": 1000 * gcpu / max(1, n),
            "worker_cores": wcpu / secs if secs else 0.0, "generator_cores": gcpu / secs if secs else 0.0,
            "load_average": statistics.mean(r["load_average"] for r in rows),
            "other_cores": sum(r["other_cores"] * r["seconds"] for r in rows) / secs if secs else 0.0,
            "slice_worker_cores": [r["worker_cores"] for r in rows],
            "slice_other_cores": [r["other_cores"] for r in rows],
            "wrapped": any(r.get("wrapped") for r in rows)}


def _start_gunicorn(env: dict, workers: int) -> tuple[subprocess.Popen, int, list[int]]:
    port = _free_port()
    g = subprocess.Popen([PRESSROOM, "serve", "--no-languagetool", "--no-migrate", "--workers", str(workers),
                          "--port", str(port)], env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(600):  # the port answers and every worker is forked
        try:
            socket.create_connection(("127.0.0.1", port), 1).close()
            if len(_children(g.pid)) >= workers:
                break
        except OSError:
            pass
        time.sleep(0.2)
    return g, port, _children(g.pid)


def part_web(tmp: Path) -> dict:
    import yaml

    # `pressroom serve` as deployed (gunicorn sync workers, the app preloaded and warmed in the
    # master). The 1-worker and the 2-worker server are started once per database and measured
    # side by side: every run is cut into slices of at most BENCH_WEB_SLICE seconds (5), sent to
    # the two servers alternately (1, 2, 2, 1, 1, 2, ...), and each configuration's slices are
    # summed. The other sessions on this shared machine change what the two cores give within
    # minutes; slices a few seconds apart get the same share, so the 2-workers / 1-worker ratio
    # measures the server, not the neighbours. 30 s per configuration for the runs the issue's
    # targets are read from (the seed at 8 clients), shorter ones for the rest.
    seconds = float(os.environ.get("BENCH_WEB_SECONDS", "3" if QUICK else "30"))
    other = float(os.environ.get("BENCH_WEB_OTHER_SECONDS", "3" if QUICK else "8"))
    slice_s = float(os.environ.get("BENCH_WEB_SLICE", "1.5" if QUICK else "5"))
    n_releases = 500 if QUICK else 10_000
    seed = SEED.read_text(encoding="utf-8")
    lint_body = json.dumps({"text": seed, "language": "ru"})
    payload = yaml.safe_load((ROOT / "examples" / "rural-schools-en.yml").read_text(encoding="utf-8"))
    render_body = json.dumps({"payload": payload}, default=str)
    token = "bench-" + os.urandom(8).hex()
    auth = {"Authorization": f"Bearer {token}"}
    pg_url, pg_stop = _start_postgres(tmp)
    dbs = {"sqlite": None}
    if pg_url:
        dbs["postgresql"] = pg_url
    out: dict = {"seconds_per_run": seconds, "seconds_per_other_run": other, "slice_seconds": slice_s,
                 "releases": n_releases, "runs": [],
                 "server": "pressroom serve (gunicorn sync workers, preload_app, warmed up)",
                 "generator": "bench/loadgen.py (selectors/epoll, one process, one connection per request)",
                 "method": "1-worker and 2-worker servers started once, measured in alternating slices "
                           f"of at most {slice_s:g} s (1, 2, 2, 1, ...), slices summed per configuration"}

    sent_texts: set[str] = set()

    def bodies(kind: str, series: int, n: int) -> list[str]:
        """n texts no server has been sent yet (both servers get the same list)."""
        if kind == "editor":
            texts = editor_texts(seed, 100_000 * series, n + n // 4)
        else:
            texts = ["\n\n".join(p) + "\n" for p in textgen.pages(n + n // 4, "ru", seed=5000 + series)]
        texts = [t for t in dict.fromkeys(texts) if t not in sent_texts][:n]
        sent_texts.update(texts)
        return [json.dumps({"text": t, "language": "ru"}) for t in texts]

    series = 0
    try:
        for db_name, url in dbs.items():
            inst = tmp / f"web-{db_name}"
            inst.mkdir(exist_ok=True)
            env = dict(os.environ, PRESSROOM_INSTANCE=str(inst), PRESSROOM_SECRET_KEY="bench", PRESSROOM_API_TOKENS=token,
                       PRESSROOM_LANGUAGETOOL="off")
            if url:
                env["DATABASE_URL"] = url
            t = time.perf_counter()
            _populate(env, n_releases)
            out.setdefault("populate_s", {})[db_name] = time.perf_counter() - t
            servers: dict[int, tuple] = {}
            try:
                for workers in (1, 2):
                    servers[workers] = _start_gunicorn(env, workers)
                rss_before = {}
                for workers, (_, port, pids) in servers.items():
                    # every worker answers each endpoint at least once before anything is measured
                    load(port, "/api/lint", [lint_body], workers * 2, 1.5, pids, auth)
                    rss_before[workers] = sum(_rss_mb(c) for c in pids)
                    if db_name == "sqlite":
                        load(port, "/api/render", [render_body], workers * 2, 1.5, pids, auth)
                    load(port, "/api/releases", None, workers * 2, 1.5, pids, auth)
                plan = []
                if db_name == "sqlite":
                    plan += [("lint", "seed", c, seconds if c == 8 else other) for c in (1, 8, 32)]
                    plan += [("lint", kind, c, other if c == 1 else other * 1.5) for kind in ("editor", "new") for c in (1, 8)]
                    plan += [("render", "", c, other) for c in (1, 8, 32)]
                plan += [("releases", "", c, other) for c in (1, 8, 32)]
                for name, kind, clients, secs in plan:
                    n_slices, each = _slices(secs, slice_s)
                    got: dict[int, list[dict]] = {1: [], 2: []}
                    for i in range(n_slices):
                        series += 1  # the same new texts for both servers in a slice (each sees them once)
                        bs = None
                        if name == "lint" and kind != "seed":
                            bs = bodies(kind, series, int(each * (150 if kind == "editor" else 90)) + 30)
                        for workers in ((1, 2) if i % 2 == 0 else (2, 1)):
                            _, port, pids = servers[workers]
                            if name == "lint":
                                r = load(port, "/api/lint", bs or [lint_body], clients, each, pids, auth,
                                         once=kind != "seed", keep_latencies=True)
                            elif name == "render":
                                r = load(port, "/api/render", [render_body], clients, each, pids, auth, keep_latencies=True)
                            else:
                                r = load(port, "/api/releases", None, clients, each, pids, auth, keep_latencies=True)
                            got[workers].append(r)
                    for workers in (1, 2):
                        r = _merge(got[workers])
                        r.update(db=db_name, workers=workers, endpoint=name, traffic=kind, clients=clients)
                        out["runs"].append(r)
                        print(f"   web {db_name} w{workers} {name} {kind} c{clients}: {r['requests']} req {r['rps']:.1f} rps "
                              f"p95 {r['p95_ms']:.0f} ms, {r['worker_cpu_ms_per_request']:.1f} worker CPU-ms/req, "
                              f"workers {r['worker_cores']:.2f} cores, generator {r['generator_cores']:.2f} cores, "
                              f"errors {r['errors']}" + (" (ran out of distinct texts)" if r.get("wrapped") else ""), flush=True)
                for workers, (_, _, pids) in servers.items():
                    out.setdefault("rss", []).append({"db": db_name, "workers": workers, "before_mb": rss_before[workers],
                                                      "after_mb": sum(_rss_mb(c) for c in pids)})
            finally:
                for g, _, _ in servers.values():
                    g.terminate()
                for g, _, _ in servers.values():
                    g.wait(30)
    finally:
        if pg_stop:
            pg_stop()
    runs = out["runs"]

    def pick(**kw):
        return next((r for r in runs if all(r.get(k) == v for k, v in kw.items())), None)
    for kind in ("seed", "editor", "new"):
        l1 = pick(db="sqlite", workers=1, endpoint="lint", traffic=kind, clients=8)
        l2 = pick(db="sqlite", workers=2, endpoint="lint", traffic=kind, clients=8)
        if l1 and l2:
            pairs = [b / a for a, b in zip(l1["slice_rps"], l2["slice_rps"]) if a]
            out[f"lint_{kind}"] = {"p95_8_clients_2_workers_ms": l2["p95_ms"], "two_workers_speedup": l2["rps"] / l1["rps"],
                                   "slice_speedups": [min(pairs), max(pairs)] if pairs else None,
                                   "worker_cpu_ms_per_request": l2["worker_cpu_ms_per_request"],
                                   "rps_1_worker": l1["rps"], "rps_2_workers": l2["rps"],
                                   "cores_1_worker": l1["worker_cores"], "cores_2_workers": l2["worker_cores"],
                                   "generator_cores_2_workers": l2["generator_cores"]}
    if "lint_seed" in out:  # the issue's figures (the seed sent again and again)
        out["lint_p95_8_clients_2_workers_ms"] = out["lint_seed"]["p95_8_clients_2_workers_ms"]
        out["two_workers_speedup"] = out["lint_seed"]["two_workers_speedup"]
        out["cpu_ms_per_lint"] = out["lint_seed"]["worker_cpu_ms_per_request"]
    out["total_requests"] = sum(r["requests"] for r in runs)
    out["total_errors"] = sum(r["errors"] for r in runs)
    return out


def part_scripts(tmp: Path) -> dict:
    """The other benchmarks in bench/ (bench_*.py, from other issues): their report lines and exit code."""
    out = {}
    for script in sorted(HERE.glob("bench_*.py")):
        p = subprocess.run([sys.executable, str(script)], cwd=ROOT, capture_output=True, text=True, timeout=600)
        out[script.stem] = {"code": p.returncode, "output": (p.stdout or p.stderr).strip().splitlines()[-8:]}
    return out


PARTS = {"throughput": part_throughput, "cold": part_cold, "scaling": part_scaling, "annotate": part_annotate,
         "render": part_render, "languagetool": part_languagetool, "web": part_web, "scripts": part_scripts}


def main() -> int:
    wanted = [a for a in sys.argv[1:] if not a.startswith("-")] or list(PARTS)
    unknown = [w for w in wanted if w not in PARTS and w != "report"]
    if unknown:
        print(f"bench: unknown part(s) {', '.join(unknown)}; parts: {', '.join(PARTS)}", file=sys.stderr)
        return 2
    report = json.loads(REPORT_JSON.read_text()) if REPORT_JSON.exists() else {}
    started = time.time()
    # Measured as installed: pip compiles an installed package's bytecode (proselint's is), an
    # editable install writes it on first import unless PYTHONDONTWRITEBYTECODE is set (then every
    # process compiled all of app/ again, ~0.2 s). And the offline checks only: a LanguageTool
    # server someone runs on the default port must not join the throughput runs (the languagetool
    # part asks for it explicitly).
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "app")], capture_output=True)
    os.environ.setdefault("PRESSROOM_LANGUAGETOOL", "off")
    with tempfile.TemporaryDirectory(prefix="pressroom-bench-") as tmp:
        for name in wanted:
            if name == "report":
                continue
            t = time.perf_counter()
            print(f"== {name}", flush=True)
            try:
                res = PARTS[name](Path(tmp))
            except Exception as e:  # a broken part is reported, the others still run
                import traceback

                traceback.print_exc()
                res = {"error": f"{type(e).__name__}: {e}"}
            res["seconds"] = time.perf_counter() - t
            res["at"] = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
            report[name] = res
            if name == "languagetool":  # the JVM-flags comparison is part of it now (was a separate run)
                report.pop("languagetool_jvm_flags", None)
            REPORT_JSON.write_text(json.dumps(report, indent=1, ensure_ascii=False, default=str) + "\n")
            print(f"   {name}: {res['seconds']:.0f} s", flush=True)
    if len(wanted) == len(PARTS) or "machine" not in report:  # a partial run keeps the full run's figures
        report["machine"] = {"cores": os.cpu_count(), "load_average": os.getloadavg(), "quick": QUICK,
                             "total_seconds": time.time() - started}
    REPORT_JSON.write_text(json.dumps(report, indent=1, ensure_ascii=False, default=str) + "\n")
    import report as rep

    rep.write(report)
    print(f"bench: wrote {HERE / 'report.md'} and {REPORT_JSON}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
