"""TypeScript naming and literal rules (no Node needed): safe names, escaped strings, comments that stay closed."""

from __future__ import annotations

from generator.targets.typescript import naming
from generator.targets.typescript.syntax import jsdoc, string


def test_names_are_cased_and_never_reserved() -> None:
    assert naming.camel("video_id") == "videoId" and naming.camel("DownloadContent") == "downloadContent"
    assert naming.pascal("video-resource") == "VideoResource" and naming.pascal("OpenAIVideos") == "OpenAIVideos"
    assert naming.local_name("class") == "class_" and naming.local_name("options") == "options_"
    assert naming.method_name("constructor") == "constructor_" and naming.method_name("delete") == "delete"
    assert naming.resource_name("then") == "then_" and naming.resource_name("request") == "request_"
    assert naming.type_name("Promise") == "Promise_" and naming.type_name("1st") == "N1st"


def test_collisions_get_numeric_suffixes_in_order() -> None:
    taken: set[str] = set()
    assert [naming.unique(n, taken) for n in ("Video", "Video", "Video")] == ["Video", "Video2", "Video3"]


def test_property_keys_are_bare_only_when_identifiers() -> None:
    assert naming.property_key("remixed_from_video_id") == "remixed_from_video_id"
    assert naming.property_key("a-b") == "'a-b'" and naming.property_key("1x") == "'1x'"


def test_strings_are_escaped_and_quoted_as_biome_writes_them() -> None:
    assert string("plain") == "'plain'" and string("it's") == '"it\'s"' and string("say \"hi\" it's") == "'say \"hi\" it\\'s'"
    assert string("`${x}`\\\n\u2028") == "'`${x}`\\\\\\n\\u2028'"


def test_jsdoc_cannot_be_closed_early() -> None:
    lines = jsdoc("ends */ here\n\nsecond", "  ", deprecated=True)
    assert lines == ["  /**", "   * ends *\\/ here", "   *", "   * second", "   *", "   * @deprecated", "   */"]
