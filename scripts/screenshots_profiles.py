"""Screenshots of rule profiles (规则方案) in the window, at 1366×768 and 1024×768 (issue 16):
the first-start question, 新建 with a province chosen, and a Hunan / Sichuan / Chongqing form's
indicator table in its province's columns.

usage: .venv/bin/python scripts/screenshots_profiles.py [OUT-FOLDER]  (default docs/screenshots)"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
TMP = tempfile.mkdtemp()
os.environ["JIXIAO_DB"] = TMP + "/j.db"
os.environ["JIXIAO_CONFIG_DIR"] = TMP + "/cfg"
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from jixiao_desktop.app import create_application  # noqa: E402
from jixiao_desktop.domain import exchange  # noqa: E402
from jixiao_desktop.domain.model import Category  # noqa: E402
from jixiao_desktop.ui import msgbox  # noqa: E402
from jixiao_desktop.ui.dialogs.new_form import NewFormDialog  # noqa: E402
from jixiao_desktop.ui.main_window import MainWindow  # noqa: E402
from jixiao_desktop.ui.profile_actions import ProfileActions  # noqa: E402
from jixiao_desktop.ui.settings import Settings  # noqa: E402

OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
SIZES = ((1366, 768), (1024, 768))


def main() -> None:
    app = create_application()
    msgbox.show_message = lambda *a, **k: msgbox.Button.Yes  # type: ignore[assignment]
    msgbox.choose_index = lambda *a, **k: 0  # type: ignore[assignment]
    window = MainWindow(Settings(), Path(os.environ["JIXIAO_DB"]))
    window.show()
    window.finish_startup()
    assert window.repo is not None
    actions = window.findChild(ProfileActions)
    assert actions is not None

    def settle() -> None:
        for _ in range(8):
            app.processEvents()

    def shot(name: str, widget: object = None) -> None:
        settle()
        target = widget or window
        target.grab().save(str(OUT / f"{name}.png"))  # type: ignore[attr-defined]
        print("wrote", OUT / f"{name}.png")

    school = exchange.load(ROOT / "tests" / "fixtures" / "school-tabular-2023.json")
    for n, item in enumerate(i for ind in school.indicators for i in ind.items):
        item.explanation = "以年末在册数为准" if n % 2 == 0 else "按验收报告统计"
        item.scoring = f"完成得满分，每低1%扣{n % 3 + 1}分"
    ids = {}
    for pid in ("hn", "sc", "cq"):
        ids[pid] = window.repo.create(school.copy(), note="导入")
    for width, height in SIZES:
        window.resize(width, height)
        size = f"{width}x{height}"
        window.show_form_list()
        actions.ask_region_if_needed()
        shot(f"profiles-{size}-1-first-start")
        dialog = NewFormDialog(["长沙市某区教育局"], 2024, window, profile_id="hn")
        dialog.show()
        shot(f"profiles-{size}-2-new-form-hn", dialog)
        dialog.close()
        for k, pid in enumerate(("hn", "sc", "cq"), start=3):
            window.open_form(ids[pid])
            if window.editor is not None and (window.editor.form().profile is None
                                              or window.editor.form().profile.id != pid):
                actions.switch_form_profile(pid)
            assert window.editor is not None
            tab = window.editor.category_tab(Category.OUTPUT)
            window.editor.tab_widget().setCurrentWidget(tab)
            shot(f"profiles-{size}-{k}-{pid}-grid")
        window.open_form(ids["sc"])
        window.editor.tab_widget().setCurrentIndex(0)
        shot(f"profiles-{size}-6-sc-basic")
    window.close()


if __name__ == "__main__":
    main()
