"""Long types laid out as biome lays them out (generator/targets/typescript/layout.py), in every place the target
writes one: a return type, a property, a parameter and a type alias; one biome run over all of them."""

from __future__ import annotations

from pathlib import Path

from generator.targets.typescript.layout import annotation, assignment
from generator.targets.typescript.syntax import string

ROOT = Path(__file__).resolve().parents[2]

A, B, C, D = ("ScheduledMaintenanceWindowJob", "ContinuousReplicationMonitorJob", "IncrementalSnapshotExportJob",
              "CrossRegionFailoverRehearsalJob")
LONG = A * 4
FOUR = f"{A} | {B} | {C} | {D}"
TYPES = [
    f"Array<{FOUR}>", f"{FOUR} | null", f"Array<{FOUR}> | null", f"Array<Array<{FOUR}>> | null", f"Array<{LONG}> | null",
    f"Array<{FOUR}> | string | null", f"Array<{A} | {B} | {C}> | null", f"{{ [key: string]: {FOUR} }} | null",
    f"{{ [key: string]: Array<{FOUR}> }}", f"Array<{{ [key: string]: {FOUR} }}>", f"[{A}, {B}, {C}, {D}] | null",
    f"{{ [key: string]: {{ [key: string]: {FOUR} }} }}", f"Array<{FOUR} | null>", f"Array<{A}> | Array<{B}> | Array<{C}>",
    "(string & {}) | " + " | ".join(string(text) for text in (f"it's {A}", f'a "{B}"', C, f"{D} | {A}")),
    f"{LONG}{B}", f"{A} | {B}", "string",
    f"Array<{A} | {B}> | Stream<{C} | {D}>",
]
RETURNS = [f"APIPromise<{t}>" for t in TYPES] + [f"PagePromise<CursorPage<{FOUR}>, {FOUR}>"]
HEAD = ["type APIPromise<T> = Promise<T>;", "type Stream<T> = T[];", "type PagePromise<P, T> = Promise<[P, T]>;",
        "type CursorPage<T> = T[];", *(f"interface {name} {{}}" for name in (A, B, C, D, LONG, LONG + B))]
PARAM = "  " + "environmentIdentifier" * 5 + ": string,"  # no signature fits on one line


def _source() -> str:
    lines = list(HEAD)
    for index, text in enumerate(TYPES):
        lines += [f"export interface Props{index} {{", *annotation(f"  property{index}?: ", text, ";", "  "), "}"]
        lines += assignment(f"export type Alias{index} = ", text, ";", "")
        lines += [f"export function param{index}(", PARAM, *annotation(f"  value{index}: ", text, ",", "  "), ") {}"]
    lines.append("export class Methods {")
    for index, text in enumerate(RETURNS):
        for tail in (";", " {"):  # an overload, then the implementation
            lines += [f"  method{index}(", f"  {PARAM}", "    options?: object,", *annotation("  ): ", text, tail, "  ")]
        lines += ["    return null!;", "  }"]
    return "\n".join(lines + ["}"]) + "\n"


def test_long_types_are_laid_out_as_biome_formats_them(ts, tmp_path: Path) -> None:
    template = ROOT / "generator" / "targets" / "typescript" / "templates" / "biome.json"  # what every SDK carries
    (tmp_path / "biome.json").write_text(template.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "layout.ts").write_text(_source(), encoding="utf-8")
    ts.check_format(tmp_path, "src")
