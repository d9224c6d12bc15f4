/**
 * Building DOM for the pane: `h` makes an element with createElement; every piece of workbook text (messages,
 * sheet names, cells, the body's name) goes in through textContent, never innerHTML. Plus the pane's glyphs.
 */
import type { Severity } from "../../core/checks/types";

export type Child = Node | string | null | undefined | false;

export interface Props {
  id?: string;
  class?: string;
  text?: string;
  attrs?: Record<string, string>;
  on?: { [K in keyof HTMLElementEventMap]?: (e: HTMLElementEventMap[K]) => void };
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.id) el.id = props.id;
  if (props.class) el.className = props.class;
  if (props.text !== undefined) el.textContent = props.text;
  for (const [k, v] of Object.entries(props.attrs ?? {})) el.setAttribute(k, v);
  for (const [k, fn] of Object.entries(props.on ?? {})) el.addEventListener(k, fn as EventListener);
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === "string" ? document.createTextNode(c) : c);
  }
  return el;
}

const SVG_NS = "http://www.w3.org/2000/svg";

function icon16(cls: string): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, "svg");
  svg.setAttribute("viewBox", "0 0 16 16");
  svg.setAttribute("width", "16");
  svg.setAttribute("height", "16");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  svg.setAttribute("class", cls);
  return svg;
}

/** Fluent-style severity glyphs (our own fixed paths, 16 px). */
export function severityIcon(sev: Severity): SVGSVGElement {
  const svg = icon16(`sev-icon sev-${sev}`);
  let shape: SVGElement;
  if (sev === "warning") {
    shape = document.createElementNS(SVG_NS, "path");
    shape.setAttribute("d", "M7.13 1.5a1 1 0 0 1 1.74 0l6.5 11.5A1 1 0 0 1 14.5 14.5h-13a1 1 0 0 1-.87-1.5z");
  } else {
    shape = document.createElementNS(SVG_NS, "circle");
    shape.setAttribute("cx", "8");
    shape.setAttribute("cy", "8");
    shape.setAttribute("r", "7");
  }
  shape.setAttribute("class", "sev-shape");
  svg.append(shape);
  const mark = document.createElementNS(SVG_NS, "path");
  mark.setAttribute("class", "sev-mark");
  mark.setAttribute(
    "d",
    sev === "error" ? "M5.5 5.5l5 5M10.5 5.5l-5 5" : sev === "warning" ? "M8 5.6v3.8M8 11.6v.2" : "M8 7.2v4.2M8 4.6v.2",
  );
  svg.append(mark);
  return svg;
}

/** A stroked 16 px glyph: the disclosure chevron (points right; CSS turns it down when open) or a check mark. */
export function strokeIcon(kind: "chevron" | "check"): SVGSVGElement {
  const svg = icon16(`icon icon-${kind}`);
  const p = document.createElementNS(SVG_NS, "path");
  p.setAttribute("d", kind === "chevron" ? "M6 3.5L10.5 8 6 12.5" : "M3.5 8.5l3 3 6-7");
  svg.append(p);
  return svg;
}
