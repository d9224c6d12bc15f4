/**
 * A small, fast XML scanner for the parts of Office files we read (document.xml, sheet XML, shared strings):
 * tags and text in order, attributes on demand. Not a validating parser: Office writes plain, well-formed XML.
 */

export interface XmlTag {
  /** Qualified name as written ("w:tc"). */
  name: string;
  close: boolean;
  selfClose: boolean;
  /** The raw attribute text; read with attr(). */
  attrs: string;
}

const TOKEN =
  /<(\/?)([A-Za-z_][\w.:-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>|<!\[CDATA\[([\s\S]*?)\]\]>|<[!?][\s\S]*?>|([^<]+)/g;

/** Calls onTag for every element tag and onText for every run of text (entities decoded), in document order. */
export function scanXml(xml: string, onTag: (t: XmlTag) => void, onText: (text: string) => void): void {
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(xml)) !== null) {
    if (m[2] !== undefined) {
      onTag({ name: m[2], close: m[1] === "/", selfClose: m[4] === "/", attrs: m[3] ?? "" });
    } else if (m[5] !== undefined) {
      onText(m[5]);
    } else if (m[6] !== undefined) {
      onText(decodeEntities(m[6]));
    }
  }
}

/** The value of attribute `name` ("w:val") in a tag's raw attribute text, entities decoded; undefined if absent. */
export function attr(attrs: string, name: string): string | undefined {
  let from = 0;
  for (;;) {
    const i = attrs.indexOf(name + "=", from);
    if (i < 0) return undefined;
    const before = attrs.charCodeAt(i - 1);
    if (i > 0 && (before === 32 || before === 9 || before === 10 || before === 13)) {
      const q = attrs.charAt(i + name.length + 1);
      const start = i + name.length + 2;
      const end = attrs.indexOf(q, start);
      return end < 0 ? undefined : decodeEntities(attrs.slice(start, end));
    }
    from = i + 1;
  }
}

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (all, e: string) => {
    if (e.startsWith("#x")) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith("#")) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return NAMED[e] ?? all;
  });
}
