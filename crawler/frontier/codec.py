"""Requests in Redis as JSON, not pickle: whoever can write to Redis must not run code in the workers."""

import base64
import json
from datetime import date, datetime
from typing import Any


def _default(value: Any) -> Any:
    if isinstance(value, bytes):
        return {"__bytes__": base64.b64encode(value).decode("ascii")}
    if isinstance(value, datetime):
        return {"__datetime__": value.isoformat()}
    if isinstance(value, date):
        return {"__date__": value.isoformat()}
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    raise TypeError(f"cannot queue a request whose meta holds a {type(value).__name__}")


def _object_hook(obj: dict[str, Any]) -> Any:
    if len(obj) == 1:
        key, value = next(iter(obj.items()))
        if key == "__bytes__":
            return base64.b64decode(value)
        if key == "__datetime__":
            return datetime.fromisoformat(value)
        if key == "__date__":
            return date.fromisoformat(value)
        if key == "__pairs__":
            return {k: v for k, v in value}
    return obj


def _keyed(value: Any) -> Any:
    """Dicts keyed by bytes (a request's headers) as a list of pairs JSON can hold."""
    if isinstance(value, dict):
        if any(isinstance(k, bytes) for k in value):
            return {"__pairs__": [[_default(k) if isinstance(k, bytes) else k, _keyed(v)] for k, v in value.items()]}
        return {k: _keyed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_keyed(v) for v in value]
    return value


def dumps(obj: dict[str, Any]) -> str:
    """A request dict (Request.to_dict) as JSON; bytes (also as keys, as in headers), dates and datetimes
    survive the round trip."""
    return json.dumps(_keyed(obj), default=_default, separators=(",", ":"))


def loads(data: str | bytes) -> dict[str, Any]:
    """The request dict `dumps` wrote."""
    result: dict[str, Any] = json.loads(data, object_hook=_object_hook)
    return result
