"""The string and number formats Spectral's examples are checked for (ajv-formats' full set); other formats pass."""

from __future__ import annotations

import calendar
import ipaddress
import re
from collections.abc import Callable
from typing import Any

_DATE = re.compile(r"(\d{4})-(\d\d)-(\d\d)")
_TIME = re.compile(r"(\d\d):(\d\d):(\d\d)(\.\d+)?([zZ]|[+-]\d\d(?::?\d\d)?)?")
_URI_CHARS = r"[A-Za-z0-9\-._~!$&'()*+,;=:@/?#\[\]%]"
_URI = re.compile(rf"[A-Za-z][A-Za-z0-9+\-.]*:{_URI_CHARS}*")
_URL = re.compile(r"(?:https?|ftp)://(?:\S+@)?(?:[^\s/:?#.]+\.)+[^\s/:?#.]{2,}(?::\d{2,5})?(?:[/?#]\S*)?", re.IGNORECASE)
_EMAIL = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?")
_HOSTNAME = re.compile(r"(?=.{1,253}\.?$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                       r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?")
_BYTE = re.compile(r"(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?", re.MULTILINE)
_DURATION = re.compile(r"P(?!$)((\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?|(\d+W)?)")
_UUID = re.compile(r"(?:urn:uuid:)?[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}")
_JS_ONLY_NOT = re.compile(r"\(\?[aiLmsux-]+[:)]|\(\?P|\\[AZz]|\(\?#")  # inline flags, named (?P...), \A \Z: not JS


def _date(text: str) -> bool:
    m = _DATE.fullmatch(text)
    if not m:
        return False
    year, month, day = map(int, m.groups())
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year or 4, month)[1]


def _time(text: str) -> bool:
    """ajv-formats' time: the zone is optional (its date-time means to require one, but does not)."""
    m = _TIME.fullmatch(text)
    if not m:
        return False
    hour, minute, second = int(m[1]), int(m[2]), int(m[3])
    return (hour <= 23 and minute <= 59 and second <= 59) or (hour, minute, second) == (23, 59, 60)


def _date_time(text: str) -> bool:
    parts = re.split(r"[tT\s]", text)
    return len(parts) == 2 and _date(parts[0]) and _time(parts[1])


def _ip(version: int) -> Callable[[str], bool]:
    def check(text: str) -> bool:
        try:
            return ipaddress.ip_address(text).version == version and "%" not in text
        except ValueError:
            return False
    return check


def js_regex(pattern: str) -> bool:
    """Whether ``pattern`` compiles as a JavaScript regular expression (approximately: Python's, without the
    Python-only syntax)."""
    if _JS_ONLY_NOT.search(pattern):
        return False
    try:
        re.compile(pattern)
    except (re.error, RecursionError, OverflowError):
        return False
    return True


_STRING: dict[str, Callable[[str], bool]] = {
    "date": _date,
    "time": _time,
    "date-time": _date_time,
    "duration": lambda t: bool(_DURATION.fullmatch(t)),
    "uri": lambda t: bool(re.search(r"[/:]", t)) and bool(_URI.fullmatch(t)),
    "url": lambda t: bool(_URL.fullmatch(t)),
    "email": lambda t: bool(_EMAIL.fullmatch(t)),
    "hostname": lambda t: bool(_HOSTNAME.fullmatch(t)),
    "ipv4": _ip(4),
    "ipv6": _ip(6),
    "regex": js_regex,
    "uuid": lambda t: bool(_UUID.fullmatch(t)),
    "byte": lambda t: bool(_BYTE.fullmatch(t)),
}
_INT_RANGES = {"int32": 2**31, "int64": 2**63}


def check_format(fmt: str, value: Any) -> bool:
    """True unless ``value`` breaks a format ajv-formats knows (strings; int32/int64 for numbers)."""
    if isinstance(value, str):
        check = _STRING.get(fmt)
        return check is None or check(value)
    if fmt in _INT_RANGES:
        bound = _INT_RANGES[fmt]
        return float(value).is_integer() and -bound <= value < bound
    return True
