"""Every rule's examples (generator/validate/examples/): the failing document reports the rule, the passing one does
not; docs/rules.md is what the renderer makes of them. In-process: a handful of milliseconds per document."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.config import Target
from generator.load.document import load_spec
from generator.pipeline import parse
from generator.targets.python.checks import NAMES
from generator.validate import checks, ruledocs
from generator.validate.rules import RULES
from generator.validate.rulesets import with_rulesets

ROOT = Path(__file__).resolve().parents[2]
GENERATE_ONLY = {"SF025"}  # reported while the model is built (a default the generated field cannot hold)


UNREADABLE = ("SF000", "SF001")  # an example is an OpenAPI document unless it shows one of these


def reported(rule_id: str, text: str, files: dict[str, str], where: Path) -> list[str]:
    """The messages ``rule_id`` gives on ``text`` (with ``files`` beside it), its ruleset on (and the rule, if off);
    the document must be readable OpenAPI unless the rule is about that."""
    where.mkdir()
    for name, content in files.items():
        (where / name).parent.mkdir(parents=True, exist_ok=True)
        (where / name).write_text(content, encoding="utf-8")
    spec = where / "spec.yaml"
    spec.write_text(text, encoding="utf-8")
    levels = with_rulesets({}, [RULES[rule_id].ruleset])
    if levels.get(rule_id, RULES[rule_id].severity) == "off":
        levels[rule_id] = "warning"
    if rule_id in GENERATE_ONLY:
        from generator.parse import parse_api

        doc = load_spec(spec)
        api = parse_api(parse(doc), Target(spec=str(spec), output="o", package="pets"), source=str(spec), raw=doc.data)
        return [w for w in api.warnings if f" {rule_id} " in f" {w} "]
    found = checks.validate_paths([spec], levels, names=NAMES)
    assert not [d for d in found if d.rule in UNREADABLE and d.rule != rule_id], f"{rule_id}: not an OpenAPI document"
    return [d.message for d in found if d.rule == rule_id]


def test_every_rule_has_an_example():
    on_disk = {path.stem for path in ruledocs.EXAMPLES.glob("*.yaml")}
    assert set(RULES) <= on_disk, sorted(set(RULES) - on_disk)
    assert on_disk <= set(RULES), sorted(on_disk - set(RULES))  # no example of a rule that does not exist


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_example(rule_id, tmp_path):
    example = ruledocs.example(rule_id)
    assert reported(rule_id, example.fail, example.files, tmp_path / "fail"), f"{rule_id}: the failing example passes"
    assert reported(rule_id, example.passing, example.files, tmp_path / "pass") == []


def test_docs_are_current():
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == ruledocs.render(), \
        "docs/rules.md is stale: run `python -m generator.validate.ruledocs`"
