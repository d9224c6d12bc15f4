/**
 * Draws the add-in's icon: a document with a red government header rule, a green table and a
 * check-mark badge. One scene, described in a 16-unit coordinate system (1 unit = 1 pixel at 16 px,
 * so edges land on whole pixels at every size), rendered to PNG with supersampling and to SVG.
 *
 *   npx tsx scripts/make-icons.ts        writes assets/icon-{16,32,64,80}.png and assets/logo.svg
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PNG } from "pngjs";

type Point = [number, number];
type Color = string; // "#rrggbb"

type Shape =
  | { kind: "polygon"; points: Point[]; fill: Color }
  | { kind: "circle"; cx: number; cy: number; r: number; fill: Color }
  | { kind: "stroke"; points: Point[]; width: number; color: Color };

export interface Scene {
  /** The document, drawn first. */
  base: Shape[];
  /** Circles cut out of the base (transparent gap around the badge). */
  cutouts: { cx: number; cy: number; r: number }[];
  /** The badge, drawn over everything. */
  overlay: Shape[];
}

export const ICON_SIZES = [16, 32, 64, 80] as const;

const PALETTE = {
  outline: "#5f6368",
  paper: "#ffffff",
  fold: "#dadce0",
  govRed: "#c4262e",
  grid: "#107c41",
  badge: "#0f6cbd",
  tick: "#ffffff",
};

/** Line width in units for a given pixel size: thin lines stay one device pixel at 16 px and grow slowly. */
function lineUnits(size: number): number {
  const px = size <= 16 ? 1 : size <= 32 ? 2 : size <= 64 ? 3 : 4;
  return (px * 16) / size;
}

function rect(x0: number, y0: number, x1: number, y1: number, fill: Color): Shape {
  return {
    kind: "polygon",
    points: [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
    ],
    fill,
  };
}

/**
 * The check mark. At 16 px a diagonal stroke only blurs, so it is hinted: a two-pixel-thick staircase of
 * whole pixels. Larger sizes draw a round-capped stroke.
 */
function tick(size: number): Shape[] {
  if (size === 16) {
    // [column, first row] of each 1x2 pixel step.
    const steps: Point[] = [
      [10, 11],
      [11, 12],
      [12, 11],
      [13, 10],
      [14, 9],
    ];
    return steps.map(([x, y]) => rect(x, y, x + 1, y + 2, PALETTE.tick));
  }
  return [
    {
      kind: "stroke",
      points: [
        [10.1, 12.1],
        [11.4, 13.4],
        [13.9, 10.9],
      ],
      width: Math.max(1.1, lineUnits(size) * 1.2),
      color: PALETTE.tick,
    },
  ];
}

/** The scene for one pixel size (line widths depend on it; positions do not). */
export function iconScene(size: number): Scene {
  const w = lineUnits(size);
  const [x0, y0, x1, y1, fold] = [1, 1, 12, 15, 4];
  const page: Point[] = [
    [x0, y0],
    [x1 - fold, y0],
    [x1, y0 + fold],
    [x1, y1],
    [x0, y1],
  ];
  // The same outline moved inwards by w (the diagonal edge moves along its normal).
  const r2 = Math.SQRT2;
  const inner: Point[] = [
    [x0 + w, y0 + w],
    [x1 - fold + w - w * r2, y0 + w],
    [x1 - w, y0 + fold - w + w * r2],
    [x1 - w, y1 - w],
    [x0 + w, y1 - w],
  ];
  const foldFlap: Point[] = [
    [x1 - fold, y0],
    [x1 - fold, y0 + fold],
    [x1, y0 + fold],
  ];
  const foldInner: Point[] = [
    [x1 - fold + w, y0 + w * r2],
    [x1 - fold + w, y0 + fold - w],
    [x1 - w * r2, y0 + fold - w],
  ];

  // Table: a filled header row, then ruled rows and columns.
  const [tx0, ty0, tx1, ty1] = [3, 6, 10, 13];
  const g = w;
  const table: Shape[] = [
    rect(tx0, ty0, tx1, ty0 + 2, PALETTE.grid),
    rect(tx0, ty0, tx0 + g, ty1, PALETTE.grid),
    rect(tx1 - g, ty0, tx1, ty1, PALETTE.grid),
    rect(6, ty0, 6 + g, ty1, PALETTE.grid),
    rect(tx0, 10, tx1, 10 + g, PALETTE.grid),
    rect(tx0, ty1 - g, tx1, ty1, PALETTE.grid),
  ];

  const badge = { cx: 12, cy: 12, r: 3.9 };
  return {
    base: [
      { kind: "polygon", points: page, fill: PALETTE.outline },
      { kind: "polygon", points: inner, fill: PALETTE.paper },
      { kind: "polygon", points: foldFlap, fill: PALETTE.outline },
      { kind: "polygon", points: foldInner, fill: PALETTE.fold },
      rect(3, 3, 8, 3 + Math.max(w, 1), PALETTE.govRed),
      ...table,
    ],
    cutouts: [{ cx: badge.cx, cy: badge.cy, r: badge.r + Math.max(w, 0.75) }],
    overlay: [{ kind: "circle", ...badge, fill: PALETTE.badge }, ...tick(size)],
  };
}

// ---------- raster ----------

function insidePolygon(points: Point[], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i]!;
    const [xj, yj] = points[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function distanceToSegment(x: number, y: number, [ax, ay]: Point, [bx, by]: Point): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

function hits(shape: Shape, x: number, y: number): boolean {
  switch (shape.kind) {
    case "polygon":
      return insidePolygon(shape.points, x, y);
    case "circle":
      return Math.hypot(x - shape.cx, y - shape.cy) <= shape.r;
    case "stroke":
      for (let i = 1; i < shape.points.length; i++) {
        if (distanceToSegment(x, y, shape.points[i - 1]!, shape.points[i]!) <= shape.width / 2) return true;
      }
      return false;
  }
}

function rgb(color: Color): [number, number, number] {
  const n = parseInt(color.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Renders the scene at `size` px, averaging samples x samples points per pixel. */
export function renderIcon(size: number, samples = 8): PNG {
  return renderScene(iconScene(size), size, samples);
}

export function renderScene(scene: Scene, size: number, samples = 8): PNG {
  const png = new PNG({ width: size, height: size });
  const unit = 16 / size;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) * unit;
          const y = (py + (sy + 0.5) / samples) * unit;
          let color = colorOf(scene.overlay, x, y);
          if (color === null && !scene.cutouts.some((c) => Math.hypot(x - c.cx, y - c.cy) <= c.r)) {
            color = colorOf(scene.base, x, y);
          }
          if (color === null) continue;
          const [cr, cg, cb] = rgb(color);
          r += cr;
          g += cg;
          b += cb;
          a += 1;
        }
      }
      const i = (py * size + px) * 4;
      // Colour averaged over covered samples only (straight alpha), coverage as alpha.
      png.data[i] = a ? Math.round(r / a) : 0;
      png.data[i + 1] = a ? Math.round(g / a) : 0;
      png.data[i + 2] = a ? Math.round(b / a) : 0;
      png.data[i + 3] = Math.round((255 * a) / (samples * samples));
    }
  }
  return png;
}

function colorOf(shapes: Shape[], x: number, y: number): Color | null {
  for (let i = shapes.length - 1; i >= 0; i--) {
    const s = shapes[i]!;
    if (hits(s, x, y)) return s.kind === "stroke" ? s.color : s.fill;
  }
  return null;
}

// ---------- SVG ----------

function svgShape(s: Shape): string {
  const pts = (p: Point[]) => p.map(([x, y]) => `${+x.toFixed(3)},${+y.toFixed(3)}`).join(" ");
  switch (s.kind) {
    case "polygon":
      return `<polygon points="${pts(s.points)}" fill="${s.fill}"/>`;
    case "circle":
      return `<circle cx="${s.cx}" cy="${s.cy}" r="${s.r}" fill="${s.fill}"/>`;
    case "stroke":
      return `<polyline points="${pts(s.points)}" fill="none" stroke="${s.color}" stroke-width="${+s.width.toFixed(3)}" stroke-linecap="round" stroke-linejoin="round"/>`;
  }
}

/** The same mark as SVG (line widths of the 80 px icon, which scale well). */
export function logoSvg(): string {
  const scene = iconScene(80);
  const cut = scene.cutouts.map((c) => `<circle cx="${c.cx}" cy="${c.cy}" r="${+c.r.toFixed(3)}" fill="#000"/>`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16" width="80" height="80" role="img" aria-label="政府信息公开年报助手">`,
    `  <defs><mask id="badge-gap"><rect width="16" height="16" fill="#fff"/>${cut.join("")}</mask></defs>`,
    `  <g mask="url(#badge-gap)">`,
    ...scene.base.map((s) => `    ${svgShape(s)}`),
    `  </g>`,
    ...scene.overlay.map((s) => `  ${svgShape(s)}`),
    `</svg>`,
    ``,
  ].join("\n");
}

function main(): void {
  const outDir = path.resolve(__dirname, "../assets");
  mkdirSync(outDir, { recursive: true });
  for (const size of ICON_SIZES) {
    const file = path.join(outDir, `icon-${size}.png`);
    writeFileSync(file, PNG.sync.write(renderIcon(size)));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
  writeFileSync(path.join(outDir, "logo.svg"), logoSvg());
  console.log(`wrote ${path.relative(process.cwd(), path.join(outDir, "logo.svg"))}`);
}

if (require.main === module) main();
