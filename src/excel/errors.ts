/**
 * Errors the host raises itself, and the mapping of Office.js errors to a code with data.
 * The host never words a message: the task pane renders each code in Chinese or English in one place
 * (src/taskpane/i18n.ts, hostMessage).
 */

/** What went wrong, as a stable code the pane words. */
export type HostErrorCode =
  | "EditMode" // the user is typing in a cell
  | "Protected" // the sheet is protected
  | "WorkbookProtected" // the workbook's structure is protected (Review > Protect Workbook): the plan's sheets (data.sheets) cannot be written
  | "ItemNotFound" // a sheet or name went away (data.name)
  | "ApiNotSupported" // this Excel is older than the feature needs (data.need: "ExcelApi 1.7")
  | "SheetExists" // the report sheets exist (data.sheets: "报告表格、报告正文")
  | "TooLarge" // more data than Excel sends in one request, even in the smallest chunk
  | "CellChanged" // a suggested fix's cell changed meanwhile (data.cell, data.found)
  | "Timeout" // Excel did not answer in time (data.seconds)
  | "InvalidValue"
  | "NoExactArithmetic" // a share needs numbers beyond 2^53 and this webview has no BigInt (IE11, EdgeHTML)
  | "Generic"; // anything else (data.detail: Excel's own text)

export interface UserError {
  code: HostErrorCode;
  /** Values for the message's placeholders; only strings, so the pane can show them as they are. */
  data: Record<string, string>;
}

/** An error raised by the host itself (not by Excel), carrying a code toUserError knows. */
export class HostError extends Error {
  constructor(
    readonly code: HostErrorCode,
    message: string,
    readonly detail: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "HostError";
  }
}

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  debugInfo?: { code?: unknown; message?: unknown; errorLocation?: unknown };
}

export function codeOf(e: unknown): string {
  if (typeof e !== "object" || e === null) return "";
  const x = e as ErrorLike;
  if (typeof x.code === "string" && x.code) return x.code;
  if (typeof x.debugInfo?.code === "string") return x.debugInfo.code;
  return "";
}

function textOf(e: unknown): string {
  if (typeof e === "string") return e;
  if (typeof e !== "object" || e === null) return String(e);
  const x = e as ErrorLike;
  const parts = [x.message, x.debugInfo?.message, x.debugInfo?.errorLocation].filter((p) => typeof p === "string");
  return parts.join(" ");
}

const EDIT_MODE = /edit mode|cell editing|编辑模式|编辑状态/i;
const PROTECTED = /protect|受保护/i;

/** Excel refused because the user is editing a cell (Excel's code, or InvalidOperation with that text). */
export function isEditModeError(e: unknown): boolean {
  const code = codeOf(e);
  return (
    code === "InvalidOperationInCellEditMode" ||
    (code === "InvalidOperation" && EDIT_MODE.test(textOf(e))) ||
    (e instanceof HostError && e.code === "EditMode")
  );
}

/** Excel on the web refused a request or a response over its size limit (5 MB). */
export function isPayloadLimitError(e: unknown): boolean {
  const code = codeOf(e);
  return code === "ResponsePayloadSizeLimitExceeded" || code === "RequestPayloadSizeLimitExceeded";
}

function str(v: unknown): string | undefined {
  return typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined;
}

export function toUserErrorImpl(e: unknown): UserError {
  const code = codeOf(e);
  const text = textOf(e);
  const detail = e instanceof HostError ? e.detail : {};
  const data: Record<string, string> = {};
  for (const [k, v] of Object.entries(detail)) {
    const s = Array.isArray(v) ? v.map(String).join("、") : str(v);
    if (s !== undefined) data[k] = s;
  }

  if (isEditModeError(e)) return { code: "EditMode", data };
  if (code === "WorkbookProtected") return { code: "WorkbookProtected", data };
  if (code === "AccessDenied" || code === "Protected" || (code === "InvalidOperation" && PROTECTED.test(text))) {
    return { code: "Protected", data };
  }
  if (code === "ItemNotFound") return { code: "ItemNotFound", data };
  if (
    code === "ApiNotFound" ||
    code === "ApiNotSupported" ||
    code === "NotImplemented" ||
    code === "UnsupportedFeature"
  ) {
    return { code: "ApiNotSupported", data: { need: "ExcelApi 1.7", ...data } };
  }
  if (code === "SheetExists") return { code: "SheetExists", data };
  if (isPayloadLimitError(e) || code === "TooLarge") return { code: "TooLarge", data };
  if (code === "CellChanged") return { code: "CellChanged", data };
  if (code === "Timeout") return { code: "Timeout", data };
  if (code === "InvalidValue") return { code: "InvalidValue", data };
  // Thrown by the engine (src/core/shares NO_EXACT_ARITHMETIC), not by Excel: no figure is better than a wrong one.
  if (code === "NoExactArithmetic") return { code: "NoExactArithmetic", data };
  return { code: "Generic", data: { detail: text || code || "unknown" } };
}
