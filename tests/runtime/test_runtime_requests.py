from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from runtime_helpers import Mock, json_response

WIDGET = {"id": "w_1"}


def _parts(request: Any) -> list[tuple[dict[str, str], bytes]]:
    """Split a multipart body into (headers, content) per part."""
    content_type = request.headers["content-type"]
    assert content_type.startswith("multipart/form-data; boundary=")
    boundary = content_type.split("boundary=")[1].encode()
    body: bytes = request.content
    assert body.endswith(b"--" + boundary + b"--\r\n")
    out = []
    for chunk in body.split(b"--" + boundary)[1:-1]:
        head, _, data = chunk.strip(b"\r\n").partition(b"\r\n\r\n")
        headers = dict(line.split(": ", 1) for line in head.decode().split("\r\n"))
        out.append((headers, data))
    return out


def test_json_body_merges_extra_body_and_drops_not_given(client: Any, mock: Mock) -> None:
    mock.add(json_response(200, WIDGET))
    client.widgets.create(name="n", extra_body={"debug": None, "size": 3})
    req = mock.requests[0]
    assert req.method == "POST"
    assert req.headers["content-type"] == "application/json"
    assert json.loads(req.content) == {"name": "n", "size": 3, "debug": None}


def test_query_header_cookie_serialisation(client: Any, mock: Mock) -> None:
    mock.add(json_response(200, [WIDGET, {"id": "w_2"}]))
    result = client.widgets.search(ids=["a", "b"], active=False, trace="t-1", session="s1")
    assert [w.id for w in result] == ["w_1", "w_2"]
    req = mock.requests[0]
    assert req.url.params["ids"] == "a|b"
    assert req.url.params["active"] == "false"
    assert req.headers["x-trace"] == "t-1"
    assert req.headers["cookie"] == "session=s1"
    mock.add(json_response(200, []))
    client.widgets.search()
    req = mock.requests[1]
    assert str(req.url) == "https://api.acme.test/v1/widgets/search"
    assert "x-trace" not in req.headers and "cookie" not in req.headers


def test_encode_query_styles(sdk: Any) -> None:
    encode = __import__("acme_sdk._base_client", fromlist=["encode_query"]).encode_query
    NG = sdk.NOT_GIVEN
    assert encode({"a": [1, 2], "b": True, "c": NG, "d": None}) == [("a", "1"), ("a", "2"), ("b", "true")]
    styles = {
        "f": ("form", False),
        "s": ("spaceDelimited", False),
        "p": ("pipeDelimited", False),
        "o": ("deepObject", True),
        "m": ("form", True),
    }
    params = {"f": ["x", "y"], "s": ["x", "y"], "p": ["x", "y"], "o": {"k": "v", "n": {"z": 1}}, "m": {"u": 1}}
    assert encode(params, styles) == [
        ("f", "x,y"),
        ("s", "x y"),
        ("p", "x|y"),
        ("o[k]", "v"),
        ("o[n][z]", "1"),
        ("u", "1"),
    ]


def test_multipart_upload_forms(client: Any, mock: Mock, tmp_path: Path) -> None:
    path = tmp_path / "photo.png"
    path.write_bytes(b"\x89PNG-data")
    uploads: list[tuple[Any, str, str, bytes]] = [
        (b"raw-bytes", "file", "application/octet-stream", b"raw-bytes"),
        (path, "photo.png", "image/png", b"\x89PNG-data"),
        (io.BytesIO(b"from-io"), "file", "application/octet-stream", b"from-io"),
        (("notes.txt", b"hello"), "notes.txt", "text/plain", b"hello"),
        (("data.bin", b"\x00\x01", "application/x-custom"), "data.bin", "application/x-custom", b"\x00\x01"),
    ]
    with open(path, "rb") as handle:
        uploads.append((handle, "photo.png", "image/png", b"\x89PNG-data"))
        for value, filename, mime, content in uploads:
            mock.add(json_response(200, WIDGET))
            client.widgets.upload(file=value, purpose="vision", meta={"a": 1})
            parts = _parts(mock.requests[-1])
            fields = {h["Content-Disposition"]: d for h, d in parts}
            assert fields['form-data; name="purpose"'] == b"vision"
            assert fields['form-data; name="meta[a]"'] == b"1"
            file_headers, file_data = parts[-1]
            assert file_headers["Content-Disposition"] == f'form-data; name="file"; filename="{filename}"'
            assert file_headers["Content-Type"] == mime
            assert file_data == content


def test_multipart_wire_encoding(sdk: Any, client: Any, mock: Mock) -> None:
    """Undeclared fields use the bracket form (objects ``name[key]``, lists ``name[]``); declared styles and part
    types follow the spec; file lists are ``name[]`` parts; the exact parts, in order."""
    mock.add(json_response(200, WIDGET))
    client.widgets.submit(
        file=("a.txt", b"A", "text/plain"),
        attachments=[b"one", ("two.png", b"2")],
        cover={"url": "https://x.test/y.png", "detail": "high"},  # a file field given a non-file value
        meta={
            "anchor": "created_at",
            "seconds": 3600,
            "window": {"from": 1, "to": None},
            "flags": [True, False],
            "skip": sdk.NOT_GIVEN,
        },
        tags=["a", {"k": "v"}, 3],
        settings={"mode": "fast", "inner": {"x": 1}},
        labels=["x", "y"],
        config={"type": "realtime", "n": sdk.NOT_GIVEN},
        notes=["# one", "two"],
        extra_body={"extra": {"z": [1, 2]}},
    )
    parts = [
        (h["Content-Disposition"].removeprefix("form-data; "), h.get("Content-Type"), data)
        for h, data in _parts(mock.requests[0])
    ]
    assert parts == [
        ('name="cover[url]"', None, b"https://x.test/y.png"),
        ('name="cover[detail]"', None, b"high"),
        ('name="meta[anchor]"', None, b"created_at"),
        ('name="meta[seconds]"', None, b"3600"),
        ('name="meta[window][from]"', None, b"1"),
        ('name="meta[flags][]"', None, b"true"),
        ('name="meta[flags][]"', None, b"false"),
        ('name="tags[]"', None, b"a"),
        ('name="tags[][k]"', None, b"v"),
        ('name="tags[]"', None, b"3"),
        ('name="settings[mode]"', None, b"fast"),
        ('name="settings[inner][x]"', None, b"1"),
        ('name="labels"', None, b"x,y"),
        ('name="config"', "application/json", b'{"type": "realtime"}'),
        ('name="notes"', "text/markdown", b"# one"),
        ('name="notes"', "text/markdown", b"two"),
        ('name="extra[z][]"', None, b"1"),
        ('name="extra[z][]"', None, b"2"),
        ('name="file"; filename="a.txt"', "text/plain", b"A"),
        ('name="attachments[]"; filename="attachments"', "application/octet-stream", b"one"),
        ('name="attachments[]"; filename="two.png"', "image/png", b"2"),
    ]


def test_multipart_single_file_in_a_file_list_field(client: Any, mock: Mock) -> None:
    mock.add(json_response(200, WIDGET))
    client.widgets.submit(file=b"x", attachments=[], cover=("c.png", b"C"))
    names = [h["Content-Disposition"] for h, _ in _parts(mock.requests[0])]
    assert names == ['form-data; name="file"; filename="file"', 'form-data; name="cover"; filename="c.png"']


def test_multipart_file_object_resent_on_retry(client: Any, mock: Mock) -> None:
    mock.add(json_response(500, {}), json_response(200, WIDGET))
    client.widgets.upload(file=io.BytesIO(b"abc"), purpose="p")
    assert _parts(mock.requests[0])[-1][1] == b"abc"
    assert _parts(mock.requests[1])[-1][1] == b"abc"


def test_path_template_encoding(sdk: Any, client: Any, mock: Mock) -> None:
    path_template = __import__("acme_sdk._utils", fromlist=["path_template"]).path_template
    assert path_template("/files/{file_id}", file_id="a/b?c") == "/files/a%2Fb%3Fc"
    assert path_template("/a/{x}/b/{y}", x=12, y="é #") == "/a/12/b/%C3%A9%20%23"
    mock.add(json_response(200, WIDGET))
    client.widgets.retrieve("../admin")
    assert mock.requests[0].url.raw_path == b"/v1/widgets/..%2Fadmin"
    for bad in ["", ".", ".."]:
        with pytest.raises(ValueError):
            client.widgets.retrieve(bad)
    assert len(mock.requests) == 1


def test_timeout_per_request(client: Any, mock: Mock) -> None:
    mock.add(json_response(200, WIDGET))
    client.widgets.retrieve("w_1", timeout=3.5)
    assert mock.requests[0].extensions["timeout"] == {"connect": 3.5, "read": 3.5, "write": 3.5, "pool": 3.5}
    mock.add(json_response(200, WIDGET))
    client.widgets.retrieve("w_1")
    assert mock.requests[1].extensions["timeout"]["connect"] == 5.0
    assert mock.requests[1].extensions["timeout"]["read"] == 600.0
