"""A neutral model recorded as separately pickled pieces (each schema, each operation, the rest): a later model is
compared piece by piece, equal bytes meaning an equal piece, so only the pieces that differ are loaded and compared.

A one-schema change loads and compares one schema, not the whole recorded model. Equal pieces can pickle to different
bytes (a set's order, shared objects): those are loaded and compared by value, which is slower but as correct.
"""

from __future__ import annotations

import dataclasses
import pickle
from collections.abc import Callable
from typing import Any

from generator.diff.wording import same_but_wording

Pieces = tuple[bytes, tuple[bytes, ...], tuple[bytes, ...]]  # the rest, the schemas, the operations
Loads = Callable[[bytes], Any]  # how a recorded piece is read back (the cache's restricted unpickler)

_PROTOCOL = pickle.HIGHEST_PROTOCOL


def pieces(api: Any) -> Pieces:
    """``api`` (a model.Api) as pieces: each schema, each operation, and the Api without them."""
    dumps = pickle.dumps
    rest = dataclasses.replace(api, schemas=(), operations=())
    return (dumps(rest, _PROTOCOL), tuple(dumps(s, _PROTOCOL) for s in api.schemas),
            tuple(dumps(o, _PROTOCOL) for o in api.operations))


def joined(recorded: Pieces, loads: Loads) -> Any:
    """The model.Api the pieces were made from."""
    rest, schemas, operations = recorded
    return dataclasses.replace(loads(rest), schemas=tuple(loads(s) for s in schemas),
                               operations=tuple(loads(o) for o in operations))


def same_but_wording_pieces(recorded: Pieces, api: Any, mine: Pieces, loads: Loads) -> bool:
    """Whether the recorded model equals ``api`` (whose pieces are ``mine``; None: a recorded model too, read from
    ``mine``) in everything but wording (diff.wording): pieces with equal bytes are equal; the others are loaded and
    compared."""
    rest, schemas, operations = recorded
    if len(schemas) != len(mine[1]) or len(operations) != len(mine[2]):
        return False
    mine_rest = loads(mine[0]) if api is None else dataclasses.replace(api, schemas=(), operations=())
    if rest != mine[0] and not same_but_wording(loads(rest), mine_rest):
        return False
    for old, new, values in ((schemas, mine[1], api and api.schemas), (operations, mine[2], api and api.operations)):
        for index, (a, b) in enumerate(zip(old, new)):
            if a != b and not same_but_wording(loads(a), loads(b) if values is None else values[index]):
                return False
    return True
