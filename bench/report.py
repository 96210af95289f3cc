"""bench/report.json -> bench/report.md and bench/plots/*.png (matplotlib). `python bench/report.py` redraws."""
from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PLOTS = HERE / "plots"


def _f(x, nd=2):
    if x is None:
        return "–"
    if isinstance(x, (int,)) or (isinstance(x, float) and abs(x) >= 100):
        return f"{x:,.0f}".replace(",", " ")
    return f"{x:.{nd}f}"


def _ok(v, target, higher=True):
    if v is None:
        return "–"
    return "met" if (v >= target if higher else v <= target) else "**missed**"


def _plots(r: dict) -> list[str]:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return []
    PLOTS.mkdir(exist_ok=True)
    made = []
    t = r.get("throughput", {})
    if "en" in t and "ru" in t:
        fig, ax = plt.subplots(figsize=(6, 3))
        names, vals = [], []
        for lang, anchor in (("en", "proselint"), ("ru", "hunspell")):
            for k in ("pressroom", anchor):
                if k in t[lang]:
                    names.append(f"{k}\n{lang}")
                    vals.append(t[lang][k]["words_per_s_cpu"])
        ax.bar(names, vals, color=["#1f4e9c", "#999", "#1f4e9c", "#999"][:len(vals)])
        ax.set_ylabel("words per CPU-second")
        ax.set_title("Throughput, whole process over the corpus folder")
        fig.tight_layout()
        fig.savefig(PLOTS / "throughput.png", dpi=90)
        plt.close(fig)
        made.append("throughput.png")
    s = r.get("scaling", {})
    if "txt" in s:
        fig, ax = plt.subplots(figsize=(6, 3.2))
        for fmt in ("txt", "docx"):
            rows = s.get(fmt, {}).get("rows", [])
            ax.loglog([x["pages"] for x in rows], [x["cpu"] for x in rows], "o-", label=f"lint {fmt}")
        a = r.get("annotate", {}).get("rows", [])
        if a:
            ax.loglog([x["pages"] for x in a], [x["annotate"]["cpu"] for x in a], "s--", label="lint --annotate docx")
            ax.loglog([x["pages"] for x in a], [x["fix"]["cpu"] for x in a], "^--", label="lint --fix docx")
        ax.set_xlabel("pages (different text on every page)")
        ax.set_ylabel("CPU seconds")
        ax.legend()
        ax.set_title("Scaling")
        fig.tight_layout()
        fig.savefig(PLOTS / "scaling.png", dpi=90)
        plt.close(fig)
        made.append("scaling.png")
    w = r.get("web", {}).get("runs", [])
    if w:
        fig, ax = plt.subplots(figsize=(7, 3.4))
        labels, p50, p95, p99 = [], [], [], []
        for x in w:
            labels.append(f"{x['endpoint'][:4]} {(x.get('traffic') or '')[:4]} {x['db'][:2]} w{x['workers']} c{x['clients']}")
            p50.append(x["p50_ms"] or 0)
            p95.append(x["p95_ms"] or 0)
            p99.append(x["p99_ms"] or 0)
        xs = range(len(labels))
        ax.bar(xs, p99, color="#ddd", label="p99")
        ax.bar(xs, p95, color="#999", label="p95")
        ax.bar(xs, p50, color="#1f4e9c", label="p50")
        ax.set_xticks(list(xs), labels, rotation=70, fontsize=6)
        ax.set_yscale("log")
        ax.set_ylabel("ms")
        ax.legend(fontsize=7)
        ax.set_title("Web latency under load (gunicorn)")
        fig.tight_layout()
        fig.savefig(PLOTS / "web_latency.png", dpi=90)
        plt.close(fig)
        made.append("web_latency.png")
    return made


def write(r: dict) -> None:
    made = _plots(r)
    L = ["# Pressroom benchmark report (`make bench`, issue 13)", ""]
    m = r.get("machine", {})
    L += [f"One run on this machine: {m.get('cores')} cores, shared (load average at the end "
          f"{', '.join(f'{x:.1f}' for x in m.get('load_average', []))}); total {_f(m.get('total_seconds'), 0)} s."
          " Ratios compare CPU time (user + system) of processes measured in the same run, interleaved; wall"
          " time is beside it but depends on the other sessions sharing the cores. Every process is new and every"
          " text it lints is new to it. How to read and re-run: docs/bench.md.", ""]
    when = [f"{k} {v['at']} ({_f(v.get('seconds'), 0)} s)" for k, v in r.items()
            if isinstance(v, dict) and v.get("at")]
    if when:
        L += ["Parts measured at: " + "; ".join(when) + ".", ""]
    t = r.get("throughput", {})
    if "en" in t:
        L += ["## Throughput (whole processes over a folder)", "",
              "| corpus | words | Pressroom words/CPU-s | anchor | anchor words/CPU-s | ratio (CPU) | ratio (wall) | target |",
              "|---|---|---|---|---|---|---|---|"]
        for lang, anchor, target in (("en", "proselint", 2.0), ("ru", "hunspell", 0.5)):
            x = t.get(lang, {})
            if anchor not in x:
                continue
            warm = " (warm cache)" if "pressroom_cold_cache" in x else ""
            L.append(f"| {lang} ({x['files']} files){warm} | {_f(x['words'])} | {_f(x['pressroom']['words_per_s_cpu'])} | "
                     f"{anchor} | {_f(x[anchor]['words_per_s_cpu'])} | {_f(x['ratio_cpu'])}× | {_f(x['ratio_wall'])}× | "
                     f"≥ {target}×: {_ok(x['ratio_cpu'], target)} |")
            if "pressroom_cold_cache" in x:
                c = x["pressroom_cold_cache"]
                L.append(f"| {lang} ({x['files']} files) (cold cache) | {_f(x['words'])} | {_f(c['words_per_s_cpu'])} | "
                         f"{anchor} | {_f(x[anchor]['words_per_s_cpu'])} | {_f(x['ratio_cpu_cold_cache'])}× | "
                         f"{_f(x['ratio_wall_cold_cache'])}× | ≥ {target}×: {_ok(x['ratio_cpu_cold_cache'], target)} |")
        if t.get("cache"):
            L += ["", f"Persistent cache (`PRESSROOM_CACHE_DIR`, a new folder for every run): warm = {t['cache']['warm']}; "
                      f"cold = {t['cache']['cold']}."]
        ip = t.get("in_process", {})
        if ip and "en" in ip:
            L += ["", f"In one warmed-up process on texts it has not seen: {_f(ip.get('en'))} words/CPU-s (en), "
                      f"{_f(ip.get('ru'))} (ru)."]
        L.append("")
    c = r.get("cold", {})
    if "pressroom" in c:
        L += ["## Cold start: `pressroom lint` of the seed vs `proselint check` of it", "",
              "| | CPU s | wall s | peak RSS MB |", "|---|---|---|---|",
              f"| pressroom{' (warm cache)' if 'pressroom_cold_cache' in c else ''} | {_f(c['pressroom']['cpu'])} | {_f(c['pressroom']['wall'])} | {_f(c['pressroom']['rss_mb'], 0)} |"]
        if "pressroom_cold_cache" in c:
            cc = c["pressroom_cold_cache"]
            L.append(f"| pressroom (cold cache) | {_f(cc['cpu'])} | {_f(cc['wall'])} | {_f(cc['rss_mb'], 0)} |")
        L += [f"| proselint | {_f(c['proselint']['cpu'])} | {_f(c['proselint']['wall'])} | {_f(c['proselint']['rss_mb'], 0)} |",
              "", f"Ratio {_f(c['ratio_cpu'])}× CPU ({_f(c['ratio_wall'])}× wall){' with a warm cache' if 'pressroom_cold_cache' in c else ''}; "
              f"target ≤ 2×: {_ok(c['ratio_cpu'], 2.0, False)}; peak under 150 MB: {_ok(c['pressroom']['rss_mb'], 150, False)}."]
        if "pressroom_cold_cache" in c:
            L[-1] += (f" With a cold cache (first run ever): {_f(c['ratio_cpu_cold_cache'])}× CPU, "
                      f"{_f(c['pressroom_cold_cache']['rss_mb'], 0)} MB: {_ok(c['ratio_cpu_cold_cache'], 2.0, False)}.")
        if c.get("cache"):
            L += ["", f"Persistent cache: warm = {c['cache']['warm']}; cold = {c['cache']['cold']}."]
        L.append("")
    s = r.get("scaling", {})
    if "txt" in s:
        L += ["## Scaling (Russian pages of different text: shuffled sentences of several sources, mutated)", "",
              "| format | pages | CPU s | wall s | peak RSS MB |", "|---|---|---|---|---|"]
        for fmt in ("txt", "docx"):
            for row in s[fmt]["rows"]:
                L.append(f"| {fmt} | {row['pages']} | {_f(row['cpu'])} | {_f(row['wall'])} | {_f(row['rss_mb'], 0)} |")
        for fmt in ("txt", "docx"):
            x = s[fmt]
            L.append("")
            L.append(f"- {fmt}: growth exponent {_f(x['exponent'])} (10–{x['rows'][-1]['pages']} pages, start-up subtracted; "
                     f"{_f(x['exponent_raw'])} raw), target ≤ 1.05: {_ok(x['exponent'], 1.05, False)}; "
                     f"{_f(x['cpu_ms_per_page'], 0)} CPU-ms and {_f(x['mb_per_page'])} MB peak memory per page.")
        L.append("")
    a = r.get("annotate", {})
    if a.get("rows"):
        L += ["## Annotate and fix (DOCX)", "", "| pages | lint CPU s | --annotate CPU s | ratio | --fix CPU s | ratio |",
              "|---|---|---|---|---|---|"]
        for row in a["rows"]:
            L.append(f"| {row['pages']} | {_f(row['lint']['cpu'])} | {_f(row['annotate']['cpu'])} | {_f(row['annotate_ratio_cpu'])}× | "
                     f"{_f(row['fix']['cpu'])} | {_f(row['fix_ratio_cpu'])}× |")
        big = a["rows"][-1]
        L += ["", f"Annotating {big['pages']} pages costs {_f(big['annotate_ratio_cpu'])}× its plain lint (target ≤ 1.5×: "
                  f"{_ok(big['annotate_ratio_cpu'], 1.5, False)}); the annotate overhead grows with exponent "
                  f"{_f(a.get('annotate_exponent'))}.", ""]
    rd = r.get("render", {})
    if "worst_ratio" in rd:
        L += ["## Render (in-process, median of repeated renders)", "", "| release | paragraphs | Pressroom ms | python-docx, same content, ms | ratio |",
              "|---|---|---|---|---|"]
        for k, v in rd.items():
            if isinstance(v, dict) and "ratio" in v:
                L.append(f"| {k} | {v['paragraphs']} | {_f(v['pressroom_ms'], 1)} | {_f(v['python_docx_ms'], 1)} | {_f(v['ratio'])}× |")
        L += ["", f"Worst ratio {_f(rd['worst_ratio'])}×, target ≤ 2×: {_ok(rd['worst_ratio'], 2.0, False)}.", ""]
    lt = r.get("languagetool", {})
    cfgs = {k: v for k, v in (lt.get("configs") or {}).items() if isinstance(v, dict) and "start_s" in v}
    if cfgs.get("default") and "warm_ru" in cfgs["default"]:
        L += ["## LanguageTool", "",
              f"LanguageTool's server as `scripts/languagetool.sh start` runs it (pipelines kept), one row per set of JVM "
              f"flags. Start = until the server answers; first request = the issue's one-line sentence sent first; warm = "
              f"{lt.get('measured_sentences')} one-line sentences (8-25 words of the corpus and the test drafts) the server "
              f"has never seen, after a warm-up of {lt.get('warmup_sentences')} other distinct sentences; the servers got "
              "the same sentences alternately. words/s = the sentences' words over the sum of their latencies (one at a time).", "",
              "| JVM flags | start s | first request ru s | first request en s | warm ru median ms | ru p90 ms | warm en median ms | en p90 ms | ru words/s | en words/s | RSS MB |",
              "|---|---|---|---|---|---|---|---|---|---|---|"]
        names = {"default": "default", "c1_only": "C1 JIT only (before issue 13)"}
        for k, v in cfgs.items():
            if "warm_ru" not in v:
                continue
            L.append(f"| {names.get(k, k)} (`{v.get('jvm_flags', '')}`) | {_f(v['start_s'])} | {_f(v['first_ru_s'])} | "
                     f"{_f(v['first_en_s'])} | {_f(v['warm_ru']['median_ms'], 1)} | {_f(v['warm_ru']['p90_ms'], 1)} | "
                     f"{_f(v['warm_en']['median_ms'], 1)} | {_f(v['warm_en']['p90_ms'], 1)} | {_f(v['warm_ru']['words_per_s'])} | "
                     f"{_f(v['warm_en']['words_per_s'])} | {_f(v.get('rss_mb'), 0)} |")
        d = cfgs["default"]
        L += ["", f"The issue's own sentences, warm (median of 5): ru {_f(d.get('issue_sentence_ru_ms'), 1)} ms, "
                  f"en {_f(d.get('issue_sentence_en_ms'), 1)} ms (issue 13 measured ~500 ms and ~30 ms before)."]
        for lang in ("ru", "en"):
            x = d.get(f"lt_{lang}")
            if x:
                L.append("")
                L.append(f"- {lang} documents ({_f(x['words'])} words of one-page texts): LanguageTool alone "
                         f"{_f(x['lt_alone_words_per_s'])} words/s one document at a time, "
                         f"{_f(x['lt_alone_2_parallel_words_per_s'])} with 2 in parallel; `pressroom lint --languagetool --select lt` "
                         f"{_f(x['pressroom_lt_only_words_per_s'])} words/s (whole process, new texts, two documents in flight: "
                         f"{_f(x['lt_alone_2_parallel_words_per_s'] / x['pressroom_lt_only_words_per_s'])}× the time of "
                         "LanguageTool alone two at a time; one run of each).")
        rt = lt.get("rule_times") or {}
        if any("slowest" in v for v in rt.values()):
            L += ["", "Time per rule (bench/LtRuleTimes.java: one JLanguageTool in a JVM with the default flags, warmed up "
                      "on the same warm-up sentences, then each active rule timed on the measured sentences, each analysed once):", "",
                  "| language | active rules | whole check ms/sentence | analysis ms | all rules ms | rules ≥ 0.1 ms | slowest rules (ms per sentence) |",
                  "|---|---|---|---|---|---|---|"]
            for lang, v in rt.items():
                if "slowest" not in v:
                    continue
                top = ", ".join(f"`{x['id']}` {x['ms_per_sentence']:.2f}" for x in v["slowest"][:5])
                L.append(f"| {lang} ({v['sentences']} sentences) | {v['active_rules']} | {_f(v['check_ms_per_sentence'])} | "
                         f"{_f(v['analyse_ms_per_sentence'])} | {_f(v['rules_ms_per_sentence'])} | {v['rules_over_0_1_ms']} | {top} |")
        L += ["", f"Warm Russian sentence under 50 ms: {_ok(d['warm_ru']['median_ms'], 50, False)} (median "
                  f"{_f(d['warm_ru']['median_ms'], 1)} ms, p90 {_f(d['warm_ru']['p90_ms'], 1)} ms, slowest "
                  f"{_f(d['warm_ru']['max_ms'], 1)} ms of {d['warm_ru']['n']} new sentences).", ""]
    w = r.get("web", {})
    if w.get("runs"):
        L += [f"## Web under load ({w.get('server', 'gunicorn')}; {w['seconds_per_run']:.0f} s per configuration for the seed at 8 clients"
              + (f", {w['seconds_per_other_run']:.0f}-{1.5 * w['seconds_per_other_run']:.0f} s for the other runs" if w.get('seconds_per_other_run') else "")
              + f", {_f(w['releases'])} releases in the database; load generator: {w.get('generator', 'threads')})", ""]
        if w.get("method"):
            L += [f"Side by side: {w['method']}. The other sessions on this machine change what its 2 cores give "
                  "within minutes; slices seconds apart get the same share, so the ratio of the two configurations is "
                  "read from the same moments.", ""]
        L += ["Traffic for `/api/lint`: **seed** = the seed sent again and again (what the issue measures); **editor** = the seed "
              "with one paragraph changed in every request (a word typed into it, never the same text twice); **new** = a new "
              "one-page document every request. CPU-ms per request are the workers' own (user + system from /proc); "
              "\"cores\" is CPU seconds per second of the run, of the 2 this machine has: the workers', the generator's, and "
              "everything else the machine ran meanwhile (other sessions; from /proc/stat).", "",
              "| db | workers | endpoint | traffic | clients | requests | rps | p50 ms | p95 ms | p99 ms | errors | worker CPU-ms/req | worker cores | generator cores | other cores |",
              "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
        for x in w["runs"]:
            L.append(f"| {x['db']} | {x['workers']} | {x['endpoint']} | {x.get('traffic') or ''} | {x['clients']} | {x['requests']} | "
                     f"{_f(x['rps'], 1)} | {_f(x['p50_ms'], 1)} | {_f(x['p95_ms'], 1)} | {_f(x['p99_ms'], 1)} | {x['errors']} | "
                     f"{_f(x.get('worker_cpu_ms_per_request'), 1)} | {_f(x.get('worker_cores'))} | {_f(x.get('generator_cores'))} | "
                     f"{_f(x.get('other_cores'))} |")
        L.append("")
        for x in w.get("rss", []):
            L.append(f"- worker RSS ({x['db']}, {x['workers']} worker(s), summed): {_f(x['before_mb'], 0)} MB before, {_f(x['after_mb'], 0)} MB after")
        L.append("")
        for kind, what in (("seed", "the seed repeated"), ("editor", "editor-like (one paragraph changed per request)"),
                           ("new", "new documents")):
            k = w.get(f"lint_{kind}")
            if k:
                rng = k.get("slice_speedups")
                L.append(f"- `/api/lint`, {what}: p95 at 8 clients on 2 workers {_f(k['p95_8_clients_2_workers_ms'], 1)} ms, "
                         f"{_f(k['rps_2_workers'], 0)} requests/s, 2 workers / 1 worker {_f(k['two_workers_speedup'])}×"
                         + (f" (slice by slice {_f(rng[0])}–{_f(rng[1])}×)" if rng else "")
                         + f", {_f(k['worker_cpu_ms_per_request'], 1)} worker CPU-ms per request")
        seed8 = [x for x in w["runs"] if x["db"] == "sqlite" and x["endpoint"] == "lint" and x.get("traffic") == "seed" and x["clients"] == 8]
        L += ["", f"Targets (the seed repeated): p95 at 8 clients on 2 workers {_f(w.get('lint_p95_8_clients_2_workers_ms'), 1)} ms "
                  f"(< 50: {_ok(w.get('lint_p95_8_clients_2_workers_ms'), 50, False)}); 2 workers / 1 worker {_f(w.get('two_workers_speedup'))}× "
                  f"(≥ 1.8: {_ok(w.get('two_workers_speedup'), 1.8)}); errors {w.get('total_errors')} in {_f(w.get('total_requests'))} requests "
                  f"(0 in ≥ 10 000: {'met' if not w.get('total_errors') and (w.get('total_requests') or 0) >= 10_000 else '**missed**'})."]
        if len(seed8) == 2 and "other_cores" in seed8[0]:
            L[-1] += (" During the seed's 8-client slices the rest of the machine took "
                      + " and ".join(f"{_f(x['other_cores'])} cores ({x['workers']} worker{'s' if x['workers'] > 1 else ''})" for x in seed8)
                      + f" on average, the generator {_f(seed8[1]['generator_cores'])}.")
            if max(x["other_cores"] for x in seed8) > 0.5:
                L[-1] += (" With that much of the machine taken, these two figures say how the cores were shared "
                          "with the neighbours more than what the server does with two cores (bench/profiles.md).")
        L.append("")
    sc = r.get("scripts", {})
    if any(isinstance(v, dict) and "output" in v for v in sc.values()):
        L += ["## Other benchmarks (bench/bench_*.py)", ""]
        for k, v in sc.items():
            if isinstance(v, dict) and "output" in v:
                L += [f"- `{k}` (exit {v['code']}): " + " / ".join(v["output"][-3:])]
        L.append("")
    for name in made:
        L.append(f"![{name}](plots/{name})")
    prof = HERE / "profiles.md"
    if prof.exists():
        L += ["", prof.read_text(encoding="utf-8").strip()]
    errs = [f"- {k}: {v['error']}" for k, v in r.items() if isinstance(v, dict) and "error" in v]
    if errs:
        L += ["", "## Parts that failed", ""] + errs
    (HERE / "report.md").write_text("\n".join(L) + "\n", encoding="utf-8")


if __name__ == "__main__":
    write(json.loads((HERE / "report.json").read_text(encoding="utf-8")))
    sys.exit(0)
