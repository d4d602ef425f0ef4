"""Screenshots of the window for docs/screenshots.

usage: .venv/bin/python scripts/screenshots.py [NAME-PREFIX...]  (offscreen, or DISPLAY=:99 QT_QPA_PLATFORM=xcb)"""
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
tmp = tempfile.mkdtemp()
os.environ["JIXIAO_DB"] = tmp + "/j.db"; os.environ["JIXIAO_CONFIG_DIR"] = tmp + "/cfg"
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from benchmarks.bench_keystroke import key
from jixiao_desktop.app import create_application
from jixiao_desktop.domain import exchange
from jixiao_desktop.ui import msgbox
from jixiao_desktop.ui.main_window import MainWindow
from jixiao_desktop.ui.settings import Settings

OUT = ROOT / "docs" / "screenshots"
only = set(sys.argv[1:])
app = create_application()
msgbox.show_message = lambda *a, **k: msgbox.Button.Yes
msgbox.choose_index = lambda *a, **k: 0
s = Settings(); s.remember_department("北京市西城区人民政府牛街街道办事处"); s.remember_department("北京市西城区人民政府金融街街道办事处")
w = MainWindow(s, Path(os.environ["JIXIAO_DB"]))
w.resize(1280, 800); w.show(); w.finish_startup()
fx = ROOT / "tests" / "fixtures"
jid = w.repo.create(exchange.load(fx / "jinrongjie-2021.json"), note="导入")
nid = w.repo.create(exchange.load(fx / "niujie-2021.json"), note="导入")

def settle():
    for _ in range(5):
        app.processEvents()

def shot(name, widget=None):
    if only and not any(name.startswith(o) for o in only):
        return
    settle()
    (widget or w).grab().save(str(OUT / f"{name}.png"))
    print("wrote", name)

w.refresh_form_list(); w.show_form_list(); shot("01-form-list")

def tabs(prefix, fid):
    w.open_form(fid); settle()
    tw = w.editor.tab_widget()
    for i in range(tw.count()):
        tw.setCurrentIndex(i)
        shot(f"{prefix}-tab{i + 1}")

tabs("02-jinrongjie", jid)
# error: funds mismatch, finding selected
w.editor.focus_field("funds.basic"); wid = w.focusWidget(); wid.end(False); key(wid, "9"); w.checker.run_now()
w.checks_panel.select_row(0); shot("03-jinrongjie-sum-mismatch")
key(wid, "\b"); w.checker.run_now()
# acknowledge the quotes warning
row = next(i for i, f in enumerate(w.checks_panel.model.findings()) if f.rule == "text.unbalanced_quotes")
w.checks_panel.select_row(row); w.checks_panel.acknowledge_current()
w.findings.focus(w.checks_panel.model.findings()[row]); shot("04-jinrongjie-acknowledged")
tabs("05-niujie", nid)
row = next(i for i, f in enumerate(w.checks_panel.model.findings()) if f.rule == "text.numbering_broken")
w.checks_panel.select_row(row); w.findings.focus(w.checks_panel.model.findings()[row]); shot("06-niujie-numbering")
# copy to next year
w.form_actions.copy_from_last_year(jid); w.checker.run_now()
row = next((i for i, f in enumerate(w.checks_panel.model.findings()) if f.rule == "text.stale_year"), 0)
w.checks_panel.select_row(row); w.findings.focus(w.checks_panel.model.findings()[row]); shot("07-copied-2022-stale-year")
# finalised
w.open_form(jid); w.finalise(); shot("08-jinrongjie-finalised")
# dialogs
from jixiao_desktop.ui.dialogs.new_form import NewFormDialog

d = NewFormDialog(s.departments(), 2022, w); d.show(); shot("09-new-form-dialog", d); d.close()
w.open_form(nid)
w.editor.focus_field("other_notes"); wid = w.focusWidget(); key(wid, "无"); key(wid, "。"); w.session.save_with_snapshot("手动保存")
w.editor.focus_field("funds.basic"); wid = w.focusWidget(); wid.end(False); key(wid, "\b"); key(wid, "9"); w.session.save_with_snapshot("改基本支出")
from jixiao_desktop.ui.dialogs.history import DiffDialog, HistoryDialog

h = HistoryDialog(w.session, w); h.show(); shot("10-history-dialog", h)
infos = sorted(w.repo.list_snapshots(nid), key=lambda i: i.id)
old = w.repo.load_snapshot(infos[0].id)
dd = DiffDialog("历史版本 → 当前内容", exchange.load(fx / "niujie-2021.json"), w.session.form, h); dd.show(); shot("11-diff-dialog", dd); dd.close(); h.close()
from jixiao_desktop.ui.dialogs.settings_dialog import SettingsDialog

sd = SettingsDialog(s.satisfaction_min(), True, w); sd.show(); shot("12-settings-dialog", sd); sd.close()
from jixiao_desktop.ui.dialogs.about import AboutDialog

ad = AboutDialog(Path(os.environ["JIXIAO_DB"]), w); ad.show(); shot("13-about-dialog", ad); ad.close()
w.open_form(jid)
from jixiao_desktop.ui.printing import PdfPages, preview_dialog

pages = PdfPages.from_form(w.session.form, w.session.fingerprint)
pd = preview_dialog(pages, w); pd.resize(1000, 780); pd.show(); settle(); shot("14-print-preview", pd); pd.close(); pages.close()
w.form_actions.delete_form(nid); shot("15-deleted-undo-bar")
from jixiao_desktop.ui.dialogs.recycle_bin import RecycleBinDialog

rb = RecycleBinDialog(w.repo, w); rb.show(); shot("16-recycle-bin", rb); rb.close()
# last year's form from Word: the 导入预览 of a .docx with pending changes; 粘贴上年表格
from tests.importers.docx_builder import Shape, form_docx

docx = form_docx(exchange.load(fx / "niujie-2021.json"), Path(tmp) / "牛街2021年绩效目标申报表.docx",
                 Shape(tracked_changes=True, continue_goals_after=7, year_text="（   {year} 年度）"))
def grab_preview(dialog):
    dialog.resize(1000, 760); dialog.show(); shot("30-import-preview-word", dialog); dialog.close(); return False
w.import_flow.exec_preview = grab_preview; w.import_file(docx)
from jixiao_desktop.ui.dialogs.paste_table import PasteTableDialog

pt = PasteTableDialog(w); pt.set_text((fx / "reference" / "001_3499bd89704c2096.txt").read_text(encoding="utf-8"))
pt.show(); shot("31-paste-table", pt); pt.close()
w.close()
