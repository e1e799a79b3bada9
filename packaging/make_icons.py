"""Draw the kpidesk icon once (Pillow) and write the .png, .ico and .icns beside the app.

    python packaging/make_icons.py      # needs Pillow; the outputs are committed

A rounded blue tile with three bars and a rising line: a desk of KPIs.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parents[1] / "kpidesk" / "resources" / "icons"
SIZE = 1024


def draw(size: int = SIZE) -> Image.Image:
    s = size / 1024
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.rounded_rectangle(
        [int(64 * s), int(64 * s), int(960 * s), int(960 * s)], radius=int(200 * s), fill=(21, 101, 192, 255)
    )
    base = int(800 * s)
    for i, h in enumerate((260, 400, 330)):
        x = int((232 + i * 200) * s)
        d.rounded_rectangle(
            [x, base - int(h * s), x + int(140 * s), base], radius=int(28 * s), fill=(255, 255, 255, 235)
        )
    points = [(int(x * s), int(y * s)) for x, y in ((210, 600), (400, 450), (600, 520), (820, 260))]
    d.line(points, fill=(255, 193, 7, 255), width=int(56 * s), joint="curve")
    r = int(46 * s)
    x, y = points[-1]
    d.ellipse([x - r, y - r, x + r, y + r], fill=(255, 193, 7, 255))
    return img


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    big = draw()
    big.resize((256, 256), Image.LANCZOS).save(OUT / "kpidesk.png", optimize=True)
    big.save(OUT / "kpidesk.ico", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])
    big.resize((512, 512), Image.LANCZOS).save(OUT / "kpidesk.icns")
    for p in sorted(OUT.glob("kpidesk.*")):
        print(p, p.stat().st_size)


if __name__ == "__main__":
    main()
