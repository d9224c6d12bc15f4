/**
 * Regular-expression lookbehind, written out for engines without it. `(?<!…)` and `(?<=…)` are a syntax
 * error in Internet Explorer 11, EdgeHTML and Safari before 16.4, and one such literal anywhere in the task
 * pane's bundle leaves the pane blank in Excel 2019 (issue 13; test/static/legacy.test.ts parses every
 * shipped script at ES5). These helpers give the same matches as the lookbehind forms.
 */

/**
 * The matches of `re` (made global) that the lookbehind `(?<!before)re` would give: a match whose preceding
 * character matches `before` (one character, no flags) is dropped and the search goes on one position
 * later, as the regex engine itself would.
 */
export function matchAllNotAfter(text: string, re: RegExp, before: RegExp): RegExpExecArray[] {
  return matchAllWhere(text, re, (prev) => prev === "" || !before.test(prev));
}

/** The matches of `re` (made global) whose preceding character ("" at the start) passes `keep`. */
export function matchAllWhere(
  text: string,
  re: RegExp,
  keep: (prev: string, m: RegExpExecArray) => boolean,
): RegExpExecArray[] {
  const r = new RegExp(re.source, re.flags.indexOf("g") >= 0 ? re.flags : re.flags + "g");
  const out: RegExpExecArray[] = [];
  let m: RegExpExecArray | null;
  while ((m = r.exec(text)) !== null) {
    const prev = m.index > 0 ? text.charAt(m.index - 1) : "";
    if (!keep(prev, m)) {
      r.lastIndex = m.index + 1;
      continue;
    }
    out.push(m);
    if (m[0] === "") r.lastIndex++;
  }
  return out;
}
