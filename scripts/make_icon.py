"""Draws the suite's app icon (static/description/icon.png of each module).

Run once when the icon changes: .local/venv/bin/python scripts/make_icon.py
"""

from pathlib import Path

from PIL import Image, ImageDraw

SIZE = 256
ROOT = Path(__file__).resolve().parent.parent


def draw_icon():
    img = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.rounded_rectangle((0, 0, SIZE - 1, SIZE - 1), radius=40, fill=(0, 135, 132, 255))
    # A shield (the warranty) with a wrench across it (the service).
    shield = [(128, 38), (206, 68), (200, 150), (128, 220), (56, 150), (50, 68)]
    d.polygon(shield, fill=(255, 255, 255, 255))
    d.polygon(
        [(128, 62), (184, 84), (180, 146), (128, 196), (76, 146), (72, 84)],
        fill=(0, 135, 132, 255),
    )
    d.line((92, 170, 160, 102), fill=(255, 200, 60, 255), width=22)
    d.ellipse((142, 76, 192, 126), fill=(255, 200, 60, 255))
    d.ellipse((158, 86, 180, 108), fill=(0, 135, 132, 255))
    return img


if __name__ == "__main__":
    icon = draw_icon()
    for manifest in sorted(ROOT.glob("addons/aftersales_*/__manifest__.py")):
        target = manifest.parent / "static" / "description" / "icon.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        icon.save(target)
        print(target.relative_to(ROOT))
