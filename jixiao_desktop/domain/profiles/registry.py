"""Which profiles this program knows: the built-in files, and those a clerk or bureau added.

Built-in profiles are package data (``jixiao_desktop/domain/profiles/data/*.profile.json``),
read once. Profiles from files (a bureau's own) are added with ``register_profile`` by whoever
loads them (the window at start, the CLI for ``--profile FILE``); they live for the process.
"""

from __future__ import annotations

import threading
from importlib import resources
from typing import TYPE_CHECKING

from jixiao_desktop.domain.profiles.model import Profile, ProfileRef
from jixiao_desktop.domain.profiles.parse import FILE_SUFFIX, ProfileError, parse_profile

if TYPE_CHECKING:
    from jixiao_desktop.domain.model import Form

DEFAULT_BY_TEMPLATE = {"bj-2021-dept-overall": "bj-2021", "tabular": "tabular-generic"}
FALLBACK_PROFILE_ID = "bj-2021"
# Printed order of the built-ins in lists (others after, by id).
BUILTIN_ORDER = ("bj-2021", "tabular-generic", "sc", "hn", "cq", "overall-2023")

_lock = threading.Lock()
_builtins: dict[str, Profile] | None = None
_registered: dict[str, Profile] = {}


def _load_builtins() -> dict[str, Profile]:
    global _builtins
    with _lock:
        if _builtins is None:
            found: dict[str, Profile] = {}
            folder = resources.files("jixiao_desktop.domain.profiles").joinpath("data")
            for entry in folder.iterdir():
                if not entry.name.endswith(FILE_SUFFIX):
                    continue
                profile = parse_profile(entry.read_bytes(), f"内置：{entry.name}")
                profile = _with_origin(profile, "内置")
                found[profile.id] = profile
            order = {pid: k for k, pid in enumerate(BUILTIN_ORDER)}
            _builtins = dict(sorted(found.items(), key=lambda kv: (order.get(kv[0], 99), kv[0])))
        return _builtins


def _with_origin(profile: Profile, origin: str) -> Profile:
    from dataclasses import replace

    return replace(profile, origin=origin)


def builtin_profiles() -> tuple[Profile, ...]:
    """The profiles that ship with the program, in the order lists show them."""
    return tuple(_load_builtins().values())


def registered_profiles() -> tuple[Profile, ...]:
    """Profiles added from files in this process (a bureau's own), by id."""
    with _lock:
        return tuple(p for _k, p in sorted(_registered.items()))


def known_profiles() -> tuple[Profile, ...]:
    """Built-in, then registered."""
    return builtin_profiles() + registered_profiles()


def is_builtin(profile_id: str) -> bool:
    return profile_id in _load_builtins()


def register_profile(profile: Profile) -> None:
    """Make a profile read from a file known by its id (replacing an earlier one of that id).

    Raises ``ProfileError`` when the id is a built-in one (a bureau's file may not redefine
    ``sc``: give it its own id, such as ``sc-chengdu``).
    """
    if is_builtin(profile.id):
        raise ProfileError(f"规则方案文件“{profile.origin}”：字段 id 为“{profile.id}”，与内置方案重名；"
                           f"请另起一个编号（如“{profile.id}-cd”）")
    with _lock:
        _registered[profile.id] = profile


def unregister_profile(profile_id: str) -> None:
    with _lock:
        _registered.pop(profile_id, None)


def find_profile(profile_id: str) -> Profile | None:
    """The built-in or registered profile with this id, or ``None``."""
    found = _load_builtins().get(profile_id)
    if found is not None:
        return found
    with _lock:
        return _registered.get(profile_id)


def get_profile(profile_id: str) -> Profile:
    """The profile with this id. Raises ``ProfileError`` (Chinese, names the id and what is known)."""
    found = find_profile(profile_id)
    if found is None:
        known = "、".join(p.id for p in known_profiles())
        raise ProfileError(f"没有编号为“{profile_id}”的规则方案（本机已有：{known}）；"
                           "如是财政局下发的方案，请先导入其文件")
    return found


def default_profile_id(template: str) -> str:
    """The profile a form of this template uses when it names none."""
    return DEFAULT_BY_TEMPLATE.get(template, FALLBACK_PROFILE_ID)


def profile_for_form(form: Form) -> Profile:
    """The profile ``form`` is checked with: its own (``form.profile``) when this program knows
    it, else its template's default. ``missing_profile(form)`` says when the form's own is unknown."""
    ref = form.profile
    if ref is not None:
        found = find_profile(ref.id)
        if found is not None:
            return found
    return get_profile(default_profile_id(form.template))


def missing_profile(form: Form) -> ProfileRef | None:
    """The form's own profile when this program does not know it (checks say so), else ``None``."""
    ref = form.profile
    if ref is not None and find_profile(ref.id) is None:
        return ref
    return None
