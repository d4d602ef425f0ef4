"""Typed access to the window's settings (``settings.ini`` in ``paths.config_dir()``).

Only this module touches ``QSettings``. Every key has one accessor with its type and default,
and ``SETTINGS_VERSION`` plus ``_upgrade`` carry old files forward.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from jixiao_desktop import paths

SETTINGS_FILE = "settings.ini"
SETTINGS_VERSION = 1
MAX_DEPARTMENTS = 30
SATISFACTION_CHOICES = (Decimal(90), Decimal(95))


class Settings:
    """Typed accessors over one ``QSettings`` INI file.

    Attributes:
        path: the INI file.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or paths.config_dir() / SETTINGS_FILE
        self._qs = QSettings(str(self.path), QSettings.Format.IniFormat)
        self._upgrade()

    # --- plumbing ------------------------------------------------------------------------

    def _upgrade(self) -> None:
        version = self._int("meta/version", 0)
        if version == SETTINGS_VERSION:
            return
        # Version 0 → 1: nothing to convert (first release); future steps go here in order.
        self._qs.setValue("meta/version", SETTINGS_VERSION)

    def _int(self, key: str, default: int) -> int:
        value = self._qs.value(key, default)
        try:
            return int(str(value))
        except (TypeError, ValueError):
            return default

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._qs.value(key)
        if isinstance(value, QByteArray) and not value.isEmpty():
            return value
        return None

    def sync(self) -> None:
        """Write pending changes to disk (Qt also does this on its own)."""
        self._qs.sync()

    @property
    def version(self) -> int:
        return self._int("meta/version", 0)

    # --- window ---------------------------------------------------------------------------

    @staticmethod
    def _geometry_key(screen: str) -> str:
        # One geometry per screen size: a laptop on its own and docked on a big monitor.
        return f"window/geometry-{screen}" if screen else "window/geometry"

    def window_geometry(self, screen: str = "") -> QByteArray | None:
        return self._bytes(self._geometry_key(screen))

    def set_window_geometry(self, data: QByteArray, screen: str = "") -> None:
        self._qs.setValue(self._geometry_key(screen), data)

    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    def set_window_state(self, data: QByteArray) -> None:
        self._qs.setValue("window/state", data)

    # --- forms ----------------------------------------------------------------------------

    def last_form_id(self) -> int | None:
        value = self._int("forms/last_id", 0)
        return value or None

    def set_last_form_id(self, form_id: int | None) -> None:
        self._qs.setValue("forms/last_id", form_id or 0)

    def form_tab(self, form_id: int) -> int:
        """The editor tab the clerk was on in this form (reopening lands there)."""
        return self._int(f"forms/tab-{form_id}", 0)

    def set_form_tab(self, form_id: int, index: int) -> None:
        self._qs.setValue(f"forms/tab-{form_id}", index)

    def editor_zoom(self) -> int:
        """Points added to the editor's text size (Ctrl+wheel), 0 = as the system sets it."""
        return self._int("window/editor_zoom", 0)

    def set_editor_zoom(self, steps: int) -> None:
        self._qs.setValue("window/editor_zoom", steps)

    def export_filter(self) -> str:
        """The file type chosen at the last 导出 (its filter text), "" before the first."""
        return str(self._qs.value("files/export_filter", "") or "")

    def set_export_filter(self, value: str) -> None:
        self._qs.setValue("files/export_filter", value)

    def departments(self) -> list[str]:
        """Department names typed before, most recent first."""
        value = self._qs.value("forms/departments", [])
        items: list[object] = [value] if isinstance(value, str) else list(value) if isinstance(value, list) else []
        return [str(v) for v in items if str(v).strip()]

    def remember_department(self, name: str) -> None:
        name = name.strip()
        if not name:
            return
        names = [name] + [n for n in self.departments() if n != name]
        self._qs.setValue("forms/departments", names[:MAX_DEPARTMENTS])

    # --- checks ---------------------------------------------------------------------------

    def satisfaction_min(self) -> Decimal:
        from jixiao_desktop.domain.findings import ThresholdError, parse_satisfaction_min

        try:
            return parse_satisfaction_min(str(self._qs.value("checks/satisfaction_min", "90")))
        except ThresholdError:  # a hand-edited file: the default, as the dialog would refuse it
            return Decimal(90)

    def satisfaction_override(self) -> Decimal | None:
        """The clerk's own 满意度最低值 (设置), or ``None``: the form's rule profile decides."""
        return self.satisfaction_min() if self._qs.contains("checks/satisfaction_min") else None

    # --- rule profiles ----------------------------------------------------------------------

    def default_profile_id(self) -> str:
        """The rule profile 新建 offers first (您所在的省份/地区), "" before the clerk chose one."""
        return str(self._qs.value("profiles/default", "") or "")

    def set_default_profile_id(self, profile_id: str) -> None:
        self._qs.setValue("profiles/default", profile_id)

    def region_asked(self) -> bool:
        """Whether 您所在的省份/地区 was asked (it is asked once, at the first start)."""
        return str(self._qs.value("profiles/asked", "false")).lower() in ("1", "true", "yes")

    def set_region_asked(self) -> None:
        self._qs.setValue("profiles/asked", "true")

    def set_satisfaction_min(self, value: Decimal) -> None:
        self._qs.setValue("checks/satisfaction_min", str(value))

    def show_acknowledged(self) -> bool:
        value = self._qs.value("checks/show_acknowledged", "true")
        return str(value).lower() in ("1", "true", "yes")

    def set_show_acknowledged(self, value: bool) -> None:
        self._qs.setValue("checks/show_acknowledged", "true" if value else "false")

    # --- files ----------------------------------------------------------------------------

    def last_directory(self) -> str:
        return str(self._qs.value("files/last_dir", "") or "")

    def set_last_directory(self, directory: str) -> None:
        self._qs.setValue("files/last_dir", directory)

    def bureau_directory(self) -> str:
        """The folder the bureau's file dialogs last used (its inbox, its summaries)."""
        return str(self._qs.value("bureau/last_dir", "") or "")

    def set_bureau_directory(self, directory: str) -> None:
        self._qs.setValue("bureau/last_dir", directory)

    def reviewer_name(self) -> str:
        """The name the bureau's reviewer signs 审核意见 with (asked once)."""
        return str(self._qs.value("bureau/reviewer", "") or "")

    def set_reviewer_name(self, name: str) -> None:
        self._qs.setValue("bureau/reviewer", name)
