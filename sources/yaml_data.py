"""YAML read as data only, and only as much of it as front matter ever needs.

PyYAML's safe loader builds no objects, but it still expands aliases: a "billion
laughs" block of nine nested anchors takes gigabytes, and a deeply nested one ends
in a RecursionError. Front matter never needs either, so this loader refuses
aliases outright, bounds nesting depth and size, and says so with one error.

TOML front matter (Hugo's `+++`) gets the same bounds: tomllib expands nothing, but it
reads nested arrays by recursion, so `a = [[[[…` a hundred thousand deep ended in a
RecursionError.
"""

from __future__ import annotations

import tomllib

import yaml

FRONT_MATTER_MAX_CHARS = 64_000
"""A front matter block is a few lines of metadata; a longer one is not read."""
MAX_DEPTH = 20


class UnsafeYaml(ValueError):
    """YAML that front matter has no business holding (aliases, deep nesting, size)."""


class _DataLoader(yaml.SafeLoader):
    def __init__(self, stream) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            raise UnsafeYaml("YAML aliases are not read")
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise UnsafeYaml(f"YAML nested deeper than {MAX_DEPTH} levels is not read")
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def load_yaml_data(text: str):
    """The YAML document as plain data; UnsafeYaml (a ValueError) for what is refused."""
    _check_size(text)
    loader = _DataLoader(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def load_toml_data(text: str) -> dict:
    """The TOML document as data; UnsafeYaml for what is refused, tomllib.TOMLDecodeError if invalid."""
    _check_size(text)
    try:
        return tomllib.loads(text)
    except RecursionError:
        raise UnsafeYaml("TOML nested too deeply is not read") from None


def _check_size(text: str) -> None:
    if len(text) > FRONT_MATTER_MAX_CHARS:
        raise UnsafeYaml(f"front matter longer than {FRONT_MATTER_MAX_CHARS:,} characters is not read")
