"""The report: rows with targets from the measurements, the markdown tables, the chart, and the README block."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from harness import BENCH, ROOT
from peers import SCOPE

README_BEGIN = "<!-- benchmarks:begin (written by `python benchmarks/run.py --update-readme`) -->"
README_END = "<!-- benchmarks:end -->"


def fmt_s(x: float | None) -> str:
    if x is None:
        return "n/a"
    if x >= 1:
        return f"{x:.2f} s"
    if x >= 1e-3:
        return f"{x * 1e3:.1f} ms"
    return f"{x * 1e6:.1f} µs"


def fmt_mb(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.0f} MB"


def fmt_spm(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.2f} s/MB"


class Rows:
    """Builds the table: each row is ours against a baseline of the same run (ratio), or against a fixed limit."""

    def __init__(self) -> None:
        self.rows: list[dict[str, Any]] = []

    def ratio(self, metric: str, ours: float | None, base_label: str, base: float | None, target: float | None,
              unit: Callable[[float | None], str] = fmt_s, why: str | None = None, base_why: str | None = None) -> None:
        ratio = ours / base if ours is not None and base else None
        self.rows.append({
            "metric": metric,
            "ours": unit(ours) if ours is not None else f"failed ({why or 'not measured'})",
            "baseline": f"{base_label}: " + (unit(base) if base is not None else f"failed ({base_why or 'n/a'})"),
            "ratio": ratio,
            "target": None if target is None else f"≤ {target:.2f}",
            "met": None if target is None or ratio is None else ratio <= target,
            "chart": None if target is None or ratio is None else (ratio, target),
        })

    def absolute(self, metric: str, ours: float | None, limit: float, why: str | None = None) -> None:
        self.rows.append({
            "metric": metric,
            "ours": fmt_s(ours) if ours is not None else f"failed ({why or 'not measured'})",
            "baseline": "—",
            "ratio": None,
            "target": f"≤ {fmt_s(limit)}",
            "met": None if ours is None else ours <= limit,
            "chart": None if ours is None else (ours / limit, 1.0),
        })


def _best(d: dict[str, Any], key: str) -> float | None:
    return (d.get(key) or {}).get("best")


def _why(d: dict[str, Any], *keys: str) -> str | None:
    for key in keys:
        if (d.get(key) or {}).get("error"):
            return d[key]["error"]
    return None


def build_rows(res: dict[str, Any]) -> list[dict[str, Any]]:
    t = Rows()
    generator_rows(t, res.get("generator") or {})
    scaling_rows(t, res.get("scaling") or [], res.get("generator") or {})
    client_rows(t, res)
    peer_rows(t, res.get("generator") or {})
    lint_rows(t, res.get("lint") or {})
    return t.rows


def generator_rows(t: Rows, g: dict[str, Any]) -> None:
    info = g.get("info") or {}
    floor, floor_why = _best(g, "parse_proc"), _why(g, "parse_proc")
    floor_label = "load+parse floor (process)"
    cold, cold_why = _best(g, "cold"), _why(g, "cold")
    t.ratio("Cold generation, Python (black-clean) vs load+parse floor", cold, floor_label, floor, 1.5,
            why=cold_why, base_why=floor_why)
    t.ratio("Cold generation, Python vs openapi-python-client (ruff hooks on)", cold,
            "openapi-python-client", _best(g, "opc"), 0.25, why=cold_why, base_why=_why(g, "opc"))
    biome = {True: "written biome-clean, biome not run", False: "not biome-clean: `biome format --write` included",
             None: "biome not checked"}[info.get("biome_clean")]
    t.ratio(f"Cold generation, TypeScript ({biome}) vs load+parse floor", _best(g, "cold_ts"),
            floor_label, floor, 1.5, why=_why(g, "cold_ts"), base_why=floor_why)
    t.ratio(f"Regeneration after a one-schema change ({info.get('changed_schema')}: "
            f"{info.get('rewritten') or 'files rewritten: n/a'}) vs load+parse floor", _best(g, "regen_one"),
            floor_label, floor, 1.0, why=_why(g, "regen_one", "cold"), base_why=floor_why)
    t.ratio(f"Regeneration after a one-schema change, TypeScript ({info.get('changed_schema')}) vs load+parse floor",
            _best(g, "regen_one_ts"), floor_label, floor, 1.0, why=_why(g, "regen_one_ts", "cold_ts"),
            base_why=floor_why)
    t.ratio("Regeneration, nothing changed vs load+parse floor", _best(g, "regen"), floor_label, floor, 0.3,
            why=_why(g, "regen", "cold"), base_why=floor_why)
    t.ratio("`sdkforge validate` (process) vs a C-loader load (process)", _best(g, "validate_proc"),
            "`yaml.load(..., CSafeLoader)` process", _best(g, "load_proc"), 1.0, why=_why(g, "validate_proc"),
            base_why=_why(g, "load_proc"))
    stale = " (output was stale: exit 1)" if info.get("check_stale") else ""
    t.absolute(f"`sdkforge check` on this repository (process, cache warm){stale}", _best(g, "check"), 0.5,
               why=_why(g, "check"))


def per_mb(row: dict[str, Any] | None) -> float | None:
    return row["best"] / row["mb"] if row and row.get("best") else None


def overhead(d: dict[str, float], call: str, bare: str) -> float | None:
    """Seconds per call of ``call`` above ``bare`` (the same HTTP library without the SDK)."""
    return d[call] - d[bare] if call in d and bare in d else None


def scaling_rows(t: Rows, scaling: list[dict[str, Any]], g: dict[str, Any]) -> None:
    ok = {r["spec"]: r for r in scaling if r.get("best")}
    synthetic = [r for r in scaling if r["spec"].startswith("synthetic")]
    big = max(synthetic, key=lambda r: r["mb"]) if synthetic else None
    label = big["spec"].split()[-1] if big else "Nx"
    t.ratio(f"Scaling: cold time per MB at {label} the spec (synthetic) vs at 1x", per_mb(big), "1x",
            per_mb(ok.get("1x") or ok.get("full")), 1.2, unit=fmt_spm, why=(big or {}).get("error") or "no synthetic spec")
    t.ratio("Peak memory (RSS), cold generation at 1x vs openapi-python-client", (g.get("cold") or {}).get("peak_mb"),
            "openapi-python-client", (g.get("opc") or {}).get("peak_mb"), 1.0, unit=fmt_mb, why=_why(g, "cold"),
            base_why=_why(g, "opc"))


def client_rows(t: Rows, res: dict[str, Any]) -> None:
    loc, mock, ts = res.get("local") or {}, res.get("mock") or {}, res.get("ts_client") or {}
    ls, la = loc.get("sync") or {}, loc.get("async") or {}
    lib = loc.get("library", "?")
    t.ratio(f"Python client: videos.remix against a 127.0.0.1 server vs a bare post on {lib} (+ json.loads)",
            ls.get("ours"), f"bare {lib} post", ls.get("bare"), 1.05, why=loc.get("error"))
    ma = mock.get("async") or {}
    t.ratio("Python client: 100 concurrent async videos.remix, per-call overhead above the bare HTTP client "
            "(MockTransport) vs the official SDK", overhead(ma, "ours", "bare_httpx"),
            f"openai {mock.get('openai_version', '?')}", overhead(ma, "openai", "bare_openai_http"), 0.5,
            why=mock.get("error"))
    t.ratio("TypeScript client: per videos.remix call on an injected fetch vs a bare `fetch` + `JSON.parse`",
            ts.get("ours"), "bare fetch + JSON.parse", ts.get("bare"), 1.5, why=ts.get("error"))
    ms = mock.get("sync") or {}
    t.ratio("Python client: sync videos.remix, per-call overhead above the bare HTTP client (MockTransport) vs the "
            "official SDK", overhead(ms, "ours", "bare_httpx"), "openai",
            overhead(ms, "openai", "bare_openai_http"), 0.5,
            why=mock.get("error"))
    t.ratio("(info) 100 concurrent async videos.remix against the 127.0.0.1 server, wall time per call, each SDK on "
            f"its default HTTP client ({lib} / {loc.get('openai_http', '?')})", la.get("ours"), "openai",
            la.get("openai"), None, why=loc.get("error"))
    t.ratio("(info) official SDK videos.remix against the 127.0.0.1 server", ls.get("openai"), f"bare {lib} post",
            ls.get("bare"), None, why=loc.get("error"))
    import_rows(t, res.get("imports") or {})
    p = res.get("parse") or {}
    t.ratio("Parse a list of 1,000 Video objects", p.get("ours"), "openai construct_type", p.get("openai"), 1.0,
            why=p.get("error"))


def import_rows(t: Rows, imp: dict[str, Any]) -> None:
    start = _best(imp, "startup")

    def cost(name: str) -> float | None:
        b = _best(imp, name)
        return None if b is None or start is None else max(b - start, 0.0)

    t.ratio("Import `openai_videos` (minus interpreter start)", cost("openai_videos"), "import openai",
            cost("openai"), 0.5, why=_why(imp, "openai_videos"))
    t.ratio("Import `openai_full` + first `client.videos`", cost("openai_full_videos"),
            "import openai + client.videos", cost("openai_client_videos"), 0.5,
            why=_why(imp, "openai_full_videos") or "full SDK not generated")


def peer_rows(t: Rows, g: dict[str, Any]) -> None:
    cold, cold_ts = _best(g, "cold"), _best(g, "cold_ts")
    for key in ("opc_nofmt", "datamodel_codegen", "openapi_generator"):
        t.ratio(f"(peer) cold generation, Python, vs {SCOPE[key]}", cold, key.replace("_", "-"),
                _best(g, key), None, why=_why(g, "cold"), base_why=_why(g, key))
    for key in ("hey_api", "openapi_typescript"):
        t.ratio(f"(peer) cold generation, TypeScript, vs {SCOPE[key]}", cold_ts, key.replace("_", "-"),
                _best(g, key), None, why=_why(g, "cold_ts"), base_why=_why(g, key))


def lint_rows(t: Rows, lint: dict[str, Any]) -> None:
    """`sdkforge validate --ruleset recommended` against the linters a team would otherwise keep (benchmarks/lint.py)."""
    when = f"{lint.get('started', '?')} UTC"
    for kind in ("split", "single"):
        row = lint.get(kind)
        if row is None:
            continue
        label, why = row.get("label", kind), row.get("error")
        ours, ours_why = _best(row, "sdkforge"), why or _why(row, "sdkforge")
        t.ratio(f"`sdkforge validate --ruleset recommended` (process) vs `redocly lint` (recommended), {label}; best "
                f"of {lint.get('runs', '?')} interleaved, {when}", ours, "redocly lint", _best(row, "redocly"), 0.5,
                why=ours_why, base_why=why or _why(row, "redocly"))
        t.ratio(f"`sdkforge validate --ruleset recommended` (process) vs `spectral lint` (spectral:oas), {label}; "
                f"Spectral run once, {when}", ours, "spectral lint", _best(row, "spectral"), None, why=ours_why,
                base_why=why or _why(row, "spectral"))


def render_table(rows: list[dict[str, Any]]) -> str:
    lines = ["| metric | ours | baseline | ratio | target | met? |", "| --- | ---: | ---: | ---: | ---: | :---: |"]
    for r in rows:
        ratio = "—" if r["ratio"] is None and r["baseline"] == "—" else (
            "n/a" if r["ratio"] is None else f"{r['ratio']:.2f}")
        met = "—" if r["target"] is None else ("n/a" if r["met"] is None else ("yes" if r["met"] else "**no**"))
        lines.append(f"| {r['metric']} | {r['ours']} | {r['baseline']} | {ratio} | {r['target'] or '—'} | {met} |")
    return "\n".join(lines)


def render_scaling(rows: list[dict[str, Any]]) -> str:
    lines = ["| spec | size | cold generation | s/MB |", "| --- | ---: | ---: | ---: |"]
    for r in rows:
        t = r.get("best")
        cell = fmt_s(t) if t else f"failed ({r.get('error')})"
        spm = "" if not t else f"{t / r['mb']:.2f}"
        lines.append(f"| {r['spec']} | {r['mb']:.2f} MB | {cell} | {spm} |")
    return "\n".join(lines)


def readme_block(header: str, rows: list[dict[str, Any]], scaling: list[dict[str, Any]]) -> str:
    parts = [README_BEGIN, "", header, "", render_table(rows), ""]
    if scaling:
        title = "Scaling (sdkforge cold generation, Python, fresh cache and output):"
        parts += [title, "", render_scaling(scaling), ""]
    return "\n".join(parts + [README_END])


def update_readme(readme: Path, block: str) -> bool:
    """Replace the text between the markers; False when the README has no markers."""
    text = readme.read_text(encoding="utf-8")
    pattern = re.compile(re.escape(README_BEGIN) + r".*?" + re.escape(README_END), re.DOTALL)
    if not pattern.search(text):
        return False
    readme.write_text(pattern.sub(lambda _: block, text, count=1), encoding="utf-8")
    return True


def draw_chart(rows: list[dict[str, Any]], scaling: list[dict[str, Any]], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plotted = [r for r in rows if r["chart"]]
    fig, (ax, ax2) = plt.subplots(1, 2, figsize=(15, 0.45 * max(len(plotted), 6) + 1.5),
                                  gridspec_kw={"width_ratios": [2.2, 1]})
    ys = list(range(len(plotted)))
    ax.barh(ys, [r["chart"][0] for r in plotted], color=["tab:green" if r["met"] else "tab:red" for r in plotted])
    ax.scatter([r["chart"][1] for r in plotted], ys, marker="|", s=400, color="black", label="target", zorder=3)
    ax.set_yticks(ys, [r["metric"][:64] for r in plotted], fontsize=8)
    ax.invert_yaxis()
    ax.set_xscale("log")
    ax.set_xlabel("ratio ours / baseline (log; lower is better; `check`: seconds / 0.5 s)")
    ax.legend(loc="lower right")
    ax.set_title("sdkforge vs baselines (same run)")
    ok = [r for r in scaling if r.get("best")]
    if ok:
        ax2.plot([r["mb"] for r in ok], [r["best"] for r in ok], "o-")
        for r in ok:
            ax2.annotate(r["spec"], (r["mb"], r["best"]), fontsize=8, textcoords="offset points", xytext=(4, -10))
    ax2.set_xlabel("spec size (MB)")
    ax2.set_ylabel("cold generation (s)")
    ax2.set_title("scaling")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def header(res: dict[str, Any]) -> str:
    mock = res.get("mock") or {}
    return (
        f"Spec: `{Path(res['spec']).name}` ({res['spec_mb']:.2f} MB); {res['cpus']} CPUs; "
        f"{'--quick' if res['quick'] else 'full'} run of {res['elapsed']:.0f} s on {res['started']} UTC; best of "
        f"N interleaved runs (generator N={res.get('gen_runs', '?')}); openai {mock.get('openai_version', '?')} "
        f"(on {mock.get('openai_http', '?')})."
    )


def write_report(res: dict[str, Any], to_readme: bool) -> None:
    """results.md, results.json and the chart from the figures ``res``; the README's table too if asked."""
    rows = build_rows(res)
    res["rows"] = rows
    block = readme_block(header(res), rows, res.get("scaling") or [])
    text = "# sdkforge benchmarks\n\n" + block + "\n"
    print(text)
    (BENCH / "results.md").write_text(text, encoding="utf-8")
    (BENCH / "results.json").write_text(json.dumps(res, indent=2, default=str), encoding="utf-8")
    try:
        draw_chart(rows, res.get("scaling") or [], BENCH / "results.png")
    except Exception as exc:  # noqa: BLE001 - the tables are written already
        print(f"chart failed: {exc!r}", file=sys.stderr)
    if to_readme and not update_readme(ROOT / "README.md", block):
        print("README.md has no benchmark markers: not updated", file=sys.stderr)
