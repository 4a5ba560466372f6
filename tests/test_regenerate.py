"""Regenerating after a spec edit: only affected files change, stale files go, hand-written files stay, hand edits
stop the run, and `sdkforge diff` classifies the same edit."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "specs" / "openai-videos.yaml"


def sdkforge(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "generator", *args]
    return subprocess.run(command, check=False, cwd=cwd, capture_output=True, text=True, timeout=300)


def snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    return {
        str(p.relative_to(folder)): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }


def test_spec_edit_regenerates_only_what_changed(tmp_path: Path) -> None:
    old_spec, new_spec, out = tmp_path / "old.json", tmp_path / "new.json", tmp_path / "sdk"
    spec = yaml.safe_load(SPEC.read_text())
    old_spec.write_text(json.dumps(spec))
    args = ("-o", str(out), "--package-name", "vids")
    assert sdkforge("generate", str(old_spec), *args, cwd=tmp_path).returncode == 0
    (out / "vids" / "_custom.py").write_text("HAND_WRITTEN = True\n")
    before = snapshot(out)

    # the edit: Video gains a field, the delete operation (and its response schema) goes away
    spec["components"]["schemas"]["Video"]["properties"]["thumbnail_url"] = {"type": "string", "description": "x"}
    del spec["paths"]["/videos/{video_id}"]["delete"]
    del spec["components"]["schemas"]["DeletedVideo"]
    new_spec.write_text(json.dumps(spec))
    result = sdkforge("generate", str(new_spec), *args, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    after = snapshot(out)

    changed = {p for p in before.keys() & after.keys() if before[p][0] != after[p][0]}
    unchanged_but_rewritten = {p for p in before.keys() & after.keys() if before[p] != after[p] and p not in changed}
    assert unchanged_but_rewritten == set()  # untouched files keep their mtime
    assert set(before) - set(after) == {"vids/types/deleted_video.py"}  # the stale file is gone
    assert "vids/types/video.py" in changed and "vids/resources/videos.py" in changed
    assert "vids/types/video_status.py" not in changed and "vids/_base_client.py" not in changed
    assert (out / "vids" / "_custom.py").read_text() == "HAND_WRITTEN = True\n"

    # a hand-edited generated file stops the next run, which then writes nothing
    edited = out / "vids" / "types" / "video.py"
    edited.write_text(edited.read_text() + "# local fix\n")
    spec_path_3 = tmp_path / "third.json"
    spec["info"]["description"] = "changed again"
    spec_path_3.write_text(json.dumps(spec))
    frozen = snapshot(out)
    refused = sdkforge("generate", str(spec_path_3), *args, cwd=tmp_path)
    assert refused.returncode == 3 and "vids/types/video.py" in refused.stderr
    assert snapshot(out) == frozen

    # the same edit, seen as an SDK surface diff
    report = sdkforge("diff", str(old_spec), str(new_spec), "--format", "json", cwd=tmp_path)
    changes = {(c["where"], c["kind"]): c["breaking"] for c in json.loads(report.stdout)["changes"]}
    assert changes[("videos.delete", "method_removed")] is True
    assert changes[("types.Video.thumbnail_url", "field_added")] is False
    assert sdkforge("diff", str(old_spec), str(new_spec), "--fail-on-breaking", cwd=tmp_path).returncode == 1


def test_manifest_entries_outside_the_folder_are_never_ours(tmp_path: Path) -> None:
    """A tampered manifest cannot make a run read, refuse over or delete a file outside the output folder."""
    from generator.write.files import MANIFEST, write

    out, outside = tmp_path / "sdk", tmp_path / "outside.txt"
    outside.write_text("not generated\n")
    write(out, {"pkg/a.py": "a = 1\n"})
    manifest = json.loads((out / MANIFEST).read_text())
    manifest["files"]["../outside.txt"] = "0" * 64  # a stale digest: would read as a hand edit, then be deleted
    (out / MANIFEST).write_text(json.dumps(manifest))
    report = write(out, {"pkg/a.py": "a = 2\n"})
    assert report.written == ["pkg/a.py"] and not report.removed
    assert outside.read_text() == "not generated\n"
