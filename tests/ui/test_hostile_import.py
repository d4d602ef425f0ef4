"""The window's 导入 over the hostile corpus: one Chinese message box per file, nothing stored,
the window still usable. One case of each kind (the full corpus runs in tests/hostile)."""

from __future__ import annotations

from pathlib import Path

from jixiao_desktop.domain.model import Form
from jixiao_desktop.ui import msgbox
from tests.hostile.corpus import corpus, db_hash
from tests.ui.conftest import Messages
from tests.ui.test_window import MakeWindow


def _kinds() -> list[str]:
    """The first hostile case of each kind (the name without its trailing number or part)."""
    seen: dict[str, str] = {}
    for case in corpus():
        if not case.hostile:
            continue
        kind = "-".join(part for part in case.name.split("-")[:3] if not part[:1].isdigit())
        seen.setdefault(kind, case.name)
    return sorted(seen.values())


def test_window_refuses_each_kind_in_a_message_box(make_window: MakeWindow, messages: Messages, tmp_path: Path,
                                                    niujie: Form) -> None:
    window = make_window()
    assert window.repo is not None
    window.repo.create(niujie)
    db = Path(window.repo.db_path)
    before = db_hash(db)
    wanted = set(_kinds())
    assert len(wanted) >= 40
    for case in corpus():
        if case.name not in wanted:
            continue
        path = tmp_path / case.filename
        path.write_bytes(case.data)
        shown = len(messages.shown)
        assert window.import_file(path) is None, case.name
        new = messages.shown[shown:]
        assert [(kind, title) for kind, title, _, _ in new] == [(msgbox.Kind.ERROR, "导入失败")], (case.name, new)
        text = new[0][2]
        assert path.name in text and any("\u4e00" <= ch <= "\u9fff" for ch in text.split("：", 1)[1]), text
        assert "Traceback" not in text + new[0][3]
        path.unlink()
    assert [s.department for s in window.repo.list_forms()] == [niujie.department]
    assert db_hash(db) == before
