"""An xlsx export in a fresh process loads only what it writes with (issue 20: whole process
≤ 0.2 s): openpyxl without numpy and Pillow, and not the workbook reader; the file still reads
back, and numpy/Pillow import as usual afterwards for whoever needs them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import JINRONGJIE

CODE = """
import sys
from pathlib import Path
from jixiao_desktop.domain import exchange
from jixiao_desktop.exporters.xlsx import export_xlsx
out = Path(sys.argv[2])
export_xlsx(exchange.load(Path(sys.argv[1])), out)
print("loaded:", sorted(m for m in ("numpy", "PIL", "jixiao_desktop.exporters.xlsx.reader") if m in sys.modules))
from jixiao_desktop.exporters.xlsx import import_xlsx
print("department:", import_xlsx(out).department)
import PIL.Image
print("Pillow after:", "PIL" in sys.modules)
"""


def test_xlsx_export_loads_only_the_writer(tmp_path: Path) -> None:
    out = tmp_path / "金融街.xlsx"
    result = subprocess.run([sys.executable, "-c", CODE, str(JINRONGJIE), str(out)], capture_output=True,
                            text=True, encoding="utf-8", timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "loaded: []"
    assert lines[1] == "department: 北京市西城区人民政府金融街街道办事处"
    assert lines[2] == "Pillow after: True"
