"""Render the app icon from ``resources/icons/annotator.svg``.

    python packaging/render_icons.py

Writes ``annotator-N.png`` for every size the Linux icon theme wants, and from
those PNGs ``annotator.ico`` (Windows) and ``annotator.icns`` (macOS).  Both
formats hold PNG images as they are, so no image library beyond Qt is needed.
The outputs are committed; run this again only after changing the SVG.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 32, 48, 64, 128, 256)  # 256 is the largest an .ico holds
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09"}


def render(svg: Path, size: int, out: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    if not image.save(str(out), "PNG"):
        raise SystemExit(f"{out}: cannot write it")


def ico(pngs: dict[int, bytes]) -> bytes:
    """An .ico whose images are PNGs (read by Windows Vista and later)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, images = b"", b""
    for size, data in sorted(pngs.items()):
        side = 0 if size == 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset + len(images))
        images += data
    return header + entries + images


def icns(pngs: dict[int, bytes]) -> bytes:
    """An .icns of PNG elements (macOS 10.7 and later)."""
    body = b"".join(ICNS_TYPES[size] + struct.pack(">I", len(data) + 8) + data for size, data in sorted(pngs.items()))
    return b"icns" + struct.pack(">I", len(body) + 8) + body


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication(sys.argv[:1])  # noqa: F841  (QSvgRenderer wants one)
    svg = ICONS / "annotator.svg"
    pngs = {}
    for size in SIZES:
        out = ICONS / f"annotator-{size}.png"
        render(svg, size, out)
        pngs[size] = out.read_bytes()
    (ICONS / "annotator.ico").write_bytes(ico({s: pngs[s] for s in ICO_SIZES}))
    (ICONS / "annotator.icns").write_bytes(icns({s: pngs[s] for s in ICNS_TYPES}))
    print(f"wrote {len(SIZES)} PNGs, annotator.ico and annotator.icns into {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
