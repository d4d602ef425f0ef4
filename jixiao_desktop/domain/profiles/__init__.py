"""Rule profiles (规则方案): the local rules of a form, as data (``spec/profiles.md``).

A profile is a JSON file (schema: ``docs/profiles.md``); the built-in ones are package data in
``data/``. Pure Python: no Qt, no SQL.

    profile = get_profile("sc")                 # or load_profile_file(path), parse_profile(text, name)
    run_checks(form, profile=profile)           # None: profile_for_form(form)
    form.profile = profile.ref                  # stored with the form (exchange key ``profile``)
"""

from jixiao_desktop.domain.profiles.columns import column_text, set_column_text
from jixiao_desktop.domain.profiles.model import (
    COLUMN_KEYS,
    EXTRA_ITEM_COLUMNS,
    KINDS,
    Band,
    Cap,
    Column,
    Framework,
    FrameworkCategory,
    Operators,
    Profile,
    ProfileRef,
    ReservedWeight,
    ScheduleStep,
    Scoring,
    Source,
    Weights,
)
from jixiao_desktop.domain.profiles.parse import (
    FILE_SUFFIX,
    FORMAT_NAME,
    FORMAT_VERSION,
    ProfileError,
    load_profile_file,
    parse_profile,
)
from jixiao_desktop.domain.profiles.registry import (
    builtin_profiles,
    default_profile_id,
    find_profile,
    get_profile,
    is_builtin,
    known_profiles,
    missing_profile,
    profile_for_form,
    register_profile,
    registered_profiles,
    unregister_profile,
)

__all__ = [
    "COLUMN_KEYS",
    "EXTRA_ITEM_COLUMNS",
    "FILE_SUFFIX",
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "KINDS",
    "Band",
    "Cap",
    "Column",
    "Framework",
    "FrameworkCategory",
    "Operators",
    "Profile",
    "ProfileError",
    "ProfileRef",
    "ReservedWeight",
    "ScheduleStep",
    "Scoring",
    "Source",
    "Weights",
    "builtin_profiles",
    "column_text",
    "default_profile_id",
    "find_profile",
    "get_profile",
    "is_builtin",
    "known_profiles",
    "load_profile_file",
    "missing_profile",
    "parse_profile",
    "profile_for_form",
    "register_profile",
    "registered_profiles",
    "resolve_profile",
    "set_column_text",
    "unregister_profile",
]


def resolve_profile(spec: str) -> Profile:
    """``--profile ID|FILE``: a known id, else a file path (read and registered).

    Raises ``ProfileError`` naming the id or the file and the field.
    """
    from pathlib import Path

    text = spec.strip()
    found = find_profile(text)
    if found is not None:
        return found
    looks_like_file = text.endswith(".json") or "/" in text or "\\" in text or Path(text).exists()
    if not looks_like_file:
        return get_profile(text)  # raises: unknown id
    profile = load_profile_file(text)
    if not is_builtin(profile.id):
        register_profile(profile)
    return profile
