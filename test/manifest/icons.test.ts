import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { PNG } from "pngjs";
import { ICON_SIZES, logoSvg, renderIcon } from "../../scripts/make-icons";

const ASSETS = path.resolve(__dirname, "../../assets");

function pixel(png: PNG, x: number, y: number): [number, number, number, number] {
  const i = (y * png.width + x) * 4;
  return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!, png.data[i + 3]!];
}

/** WCAG relative luminance of an sRGB colour. */
function luminance([r, g, b]: [number, number, number, number]): number {
  const lin = (c: number) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

describe("icons (static tier)", function () {
  for (const size of ICON_SIZES) {
    it(`assets/icon-${size}.png is what scripts/make-icons.ts draws (run it after changing the design)`, function () {
      const committed = PNG.sync.read(readFileSync(path.join(ASSETS, `icon-${size}.png`)));
      const drawn = renderIcon(size);
      assert.equal(committed.width, size);
      assert.equal(committed.height, size);
      assert.ok(Buffer.compare(committed.data, drawn.data) === 0, `icon-${size}.png differs from the script's output`);
    });
  }

  it("assets/logo.svg is the same mark", function () {
    assert.equal(readFileSync(path.join(ASSETS, "logo.svg"), "utf8"), logoSvg());
  });

  it("the 16 px icon keeps its parts legible: transparent corner, opaque badge, high-contrast tick", function () {
    const png = renderIcon(16);
    assert.equal(pixel(png, 15, 0)[3], 0, "top-right corner is transparent");
    const badge = pixel(png, 9, 13); // inside the badge, off the tick
    const tick = pixel(png, 11, 12); // the tick's vertex
    assert.equal(badge[3], 255);
    assert.equal(tick[3], 255);
    const [hi = 0, lo = 0] = [luminance(tick), luminance(badge)].sort((a, b) => b - a);
    assert.ok((hi + 0.05) / (lo + 0.05) >= 4.5, "tick contrasts with the badge (WCAG 4.5:1)");
    // The table's header row is drawn in solid green.
    assert.deepEqual(pixel(png, 4, 6), [0x10, 0x7c, 0x41, 255]);
  });
});
