/** Errors the host raises itself, and the mapping of Office.js errors to messages for the user. */

export interface UserError {
  /** Stable code: "EditMode", "Protected", "ItemNotFound", "ApiNotSupported", "SheetExists", "TooLarge", "CellChanged", "Generic". */
  code: string;
  message: { zh: string; en: string };
}

/** An error raised by the host itself (not by Excel), carrying a code toUserError knows. */
export class HostError extends Error {
  constructor(
    readonly code: string,
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

function codeOf(e: unknown): string {
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

export function toUserErrorImpl(e: unknown): UserError {
  const code = codeOf(e);
  const text = textOf(e);
  const detail = e instanceof HostError ? e.detail : {};

  if (code === "InvalidOperationInCellEditMode" || (code === "InvalidOperation" && EDIT_MODE.test(text))) {
    return {
      code: "EditMode",
      message: {
        zh: "请先退出单元格编辑状态（按 Enter 或 Esc），再重试。",
        en: "Exit cell edit mode first (press Enter or Esc), then try again.",
      },
    };
  }
  if (code === "AccessDenied" || (code === "InvalidOperation" && PROTECTED.test(text))) {
    return {
      code: "Protected",
      message: {
        zh: "工作表受保护，无法写入。请在“审阅 > 撤消工作表保护”后重试。",
        en: "The worksheet is protected and cannot be written. Unprotect it (Review > Unprotect Sheet) and try again.",
      },
    };
  }
  if (code === "ItemNotFound") {
    const what = typeof detail.name === "string" ? `“${detail.name}”` : "";
    return {
      code: "ItemNotFound",
      message: {
        zh: `找不到工作表或名称${what}：可能在任务窗格打开期间被重命名或删除。请重新核对。`,
        en: `A worksheet or name${what ? ` (${String(detail.name)})` : ""} was not found: it may have been renamed or deleted while the pane was open. Please check again.`,
      },
    };
  }
  if (
    code === "ApiNotFound" ||
    code === "ApiNotSupported" ||
    code === "NotImplemented" ||
    code === "UnsupportedFeature"
  ) {
    const need = typeof detail.need === "string" ? detail.need : "ExcelApi 1.7";
    return {
      code: "ApiNotSupported",
      message: {
        zh: `此版本的 Excel 不支持该功能，需要 ${need}（Excel 2019、Microsoft 365 或网页版 Excel）。`,
        en: `This version of Excel does not support this feature; it needs ${need} (Excel 2019, Microsoft 365 or Excel on the web).`,
      },
    };
  }
  if (code === "SheetExists") {
    const names = Array.isArray(detail.sheets) ? (detail.sheets as string[]).join("、") : "";
    return {
      code: "SheetExists",
      message: {
        zh: `工作表“${names}”已存在。确认覆盖后将清空并重写该工作表（其他工作表不受影响）。`,
        en: `Worksheet "${names}" already exists. Confirm to clear and rewrite it (other worksheets are not touched).`,
      },
    };
  }
  if (
    code === "ResponsePayloadSizeLimitExceeded" ||
    code === "RequestPayloadSizeLimitExceeded" ||
    code === "TooLarge"
  ) {
    return {
      code: "TooLarge",
      message: {
        zh: "工作表数据量过大，Excel 无法一次读取或写入。请删除无关的大范围数据后重试。",
        en: "The worksheet holds too much data for Excel to read or write at once. Remove unrelated large ranges and try again.",
      },
    };
  }
  if (code === "CellChanged") {
    const cell = typeof detail.cell === "string" ? detail.cell : "";
    const found = typeof detail.found === "string" && detail.found !== "" ? detail.found : "";
    return {
      code: "CellChanged",
      message: {
        zh: `单元格 ${cell} 已被修改${found ? `（现为 ${found}）` : "（现为空）"}，未写入。请重新核对。`,
        en: `Cell ${cell} has changed${found ? ` (it now holds ${found})` : " (it is now blank)"}; nothing was written. Please check again.`,
      },
    };
  }
  const shown = text || code || "unknown";
  return {
    code: "Generic",
    message: {
      zh: `Excel 操作失败：${shown}`,
      en: `The Excel operation failed: ${shown}`,
    },
  };
}
