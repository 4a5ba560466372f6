"""The JUnit XML report (GitLab's test report, Jenkins, Azure Pipelines, GitHub test-report actions).

A ``<testsuite>`` per spec file and a ``<testcase>`` per finding, named by rule id, rule name and JSON pointer, with
``file`` and ``line`` attributes: CI UIs list failed test cases one by one with their message, so a case per finding
shows each problem where it is (a case per rule would bury all but the first behind one entry). An error is a
``<failure>``; a warning is ``<skipped>`` (shown, not failing) unless ``--strict`` makes warnings fail. A checked
spec without findings is one passing case, so the report says what was checked.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence

from generator.diagnostics import ERROR, Diagnostic
from generator.validate.report import Report, rule_name


def render_junit(report: Report) -> str:
    by_file: dict[str, list[Diagnostic]] = {spec: [] for spec in report.specs}
    for d in report.diagnostics:
        by_file.setdefault(d.file, []).append(d)
    root = ET.Element("testsuites", name="sdkforge validate")
    totals = [0, 0, 0]
    for file, found in by_file.items():
        counts = _suite(root, file, found, report.strict)
        totals = [a + b for a, b in zip(totals, counts)]
    root.set("tests", str(totals[0]))
    root.set("failures", str(totals[1]))
    root.set("skipped", str(totals[2]))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _suite(root: ET.Element, file: str, found: Sequence[Diagnostic], strict: bool) -> tuple[int, int, int]:
    """One file's suite; its (tests, failures, skipped)."""
    suite = ET.SubElement(root, "testsuite", name=file or "<input>", errors="0")
    failures = skipped = 0
    for d in found:
        case = ET.SubElement(suite, "testcase", classname=file or "<input>",
                             name=f"{d.rule} {rule_name(d.rule)} at {d.pointer or '/'}", file=file)
        if d.line:
            case.set("line", str(d.line))
        body = f"{d.where()}: {d.severity} {d.rule} {d.message} (at {d.pointer or '/'})"
        if d.hint:
            body += f"\nhint: {d.hint}"
        if d.severity == ERROR or strict:
            failures += 1
            ET.SubElement(case, "failure", type=d.rule, message=d.message).text = body
        else:
            skipped += 1
            ET.SubElement(case, "skipped", message=f"warning: {d.message}").text = body
    if not found:
        ET.SubElement(suite, "testcase", classname=file, name="valid", file=file)
    tests = max(len(found), 1)
    suite.set("tests", str(tests))
    suite.set("failures", str(failures))
    suite.set("skipped", str(skipped))
    return tests, failures, skipped
