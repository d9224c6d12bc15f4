/**
 * How findings write a value that was typed as text, so that "expected 2, actual 2" never happens:
 * the checks store 文本“2”, and every host shows it in the user's language (English: text "2").
 */
import type { Lang } from "./types";

const TYPED_TEXT = /^文本“(.*)”$/s;

export function typedText(text: string): string {
  return `文本“${text}”`;
}

/** A finding's expected or actual value as the user reads it. */
export function localizeValue(value: string | number, lang: Lang): string | number {
  if (lang === "zh" || typeof value !== "string") return value;
  const m = TYPED_TEXT.exec(value);
  return m ? `text "${m[1]}"` : value;
}
