/**
 * Every string the task pane shows, in Chinese (first) and English. Workbook text never comes
 * through here: it is always inserted with textContent by the view.
 */
import { META_HELP } from "../core/render/template";

export type Lang = "zh" | "en";

export const STRINGS = {
  appTitle: { zh: "政府信息公开年报助手", en: "Disclosure Report Assistant" },
  appSubtitle: { zh: "政府信息公开工作年度报告", en: "Annual government information disclosure report" },
  counts: { zh: "数据表：{sheet}", en: "Counts sheet: {sheet}" },
  fillProgress: {
    zh: "编制进度：已填 {filled} / {total} 项（空白为尚未填写，生成报告时按0计）",
    en: "Preparing: {filled} of {total} figures filled (a blank is not filled yet; 生成报告 counts it as 0)",
  },
  year: { zh: "{year}年度", en: "Year {year}" },
  reportPicker: { zh: "报告（本工作簿共{n}份）", en: "Report ({n} in this workbook)" },
  reportPickerErrors: {
    zh: "报告（本工作簿共{n}份，{m}份有错误）",
    en: "Report ({n} in this workbook, {m} with errors)",
  },
  reportErrors: { zh: "{n}个错误", en: "{n} error(s)" },
  reportNoErrors: { zh: "无错误", en: "no errors" },
  reportPickerHint: {
    zh: "检查、生成报告和自动更新都针对所选的这一份报告。",
    en: "Check, generate and automatic updates work on the report picked here.",
  },

  busyReading: { zh: "正在读取工作簿…", en: "Reading the workbook…" },
  busyChecking: { zh: "正在检查…", en: "Checking…" },
  busyGenerating: { zh: "正在生成报告…", en: "Generating the report…" },
  busyDownloading: { zh: "正在生成 Word 文档…", en: "Making the Word document…" },
  busyInserting: { zh: "正在插入模板…", en: "Inserting the template…" },
  busySaving: { zh: "正在保存设置…", en: "Saving settings…" },
  busySelecting: { zh: "正在选中…", en: "Selecting…" },
  busyFixing: { zh: "正在修改单元格…", en: "Changing the cell…" },
  busyImporting: { zh: "正在读取上年数据…", en: "Reading last year's figures…" },

  actionsLabel: { zh: "操作", en: "Actions" },
  check: { zh: "检查", en: "Check" },
  checkTitle: { zh: "读取数据表并核对勾稽关系", en: "Read the counts sheet and check every relation" },
  generate: { zh: "生成报告", en: "Generate report" },
  generateTitle: {
    zh: "按国家格式生成报告表格和报告正文工作表",
    en: "Write the report tables and text sheets in the national format",
  },
  insertTemplate: { zh: "插入模板", en: "Insert template" },
  insertTemplateTitle: {
    zh: "插入“公开数据”数据表模板（{year}年度）",
    en: "Insert the 公开数据 counts-sheet template (year {year})",
  },
  importPrior: { zh: "导入上年数据…", en: "Import last year's figures…" },
  importPriorTitle: {
    zh: "选择上年的年报工作簿（.xlsx），把上年结转、上年现行有效件数等填入本表空白的上年栏目",
    en: "Pick last year's report workbook (.xlsx) to fill this sheet's blank 上年 (last year) cells",
  },
  importPriorHint: {
    zh: "只填空白单元格，已填写的不改动；文件只在本机读取，不上传。",
    en: "Only blank cells are filled; nothing typed is changed. The file is read on this computer, never uploaded.",
  },
  priorFailed: { zh: "无法导入上年数据：{reason}", en: "Last year's figures were not imported: {reason}" },
  priorNoReport: {
    zh: "所选工作簿中没有找到年度报告数据（{reason}）",
    en: "no annual report was found in the workbook picked ({reason})",
  },
  priorProblem_empty: { zh: "所选文件是空的（0 字节）", en: "the file picked is empty (0 bytes)" },
  priorProblem_xls: {
    zh: "所选文件是旧版 Excel 97-2003 (.xls) 文件；请在 Excel 或 WPS 中另存为 .xlsx 后再选",
    en: "the file picked is an old Excel 97-2003 (.xls) file; save it as .xlsx in Excel or WPS and pick it again",
  },
  priorProblem_encrypted: {
    zh: "所选文件设置了打开密码；请在 Excel 中取消密码后另存为 .xlsx 再选",
    en: "the file picked is password-protected; remove the password in Excel, save as .xlsx and pick it again",
  },
  priorProblem_not_xlsx: {
    zh: "所选文件不是 .xlsx 工作簿；如是其他表格格式，请在 Excel 或 WPS 中另存为 .xlsx",
    en: "the file picked is not an .xlsx workbook; if it is another spreadsheet format, save it as .xlsx in Excel or WPS",
  },
  priorProblem_damaged: {
    zh: "所选文件已损坏或不是有效的 .xlsx 工作簿，无法读取",
    en: "the file picked is damaged or not a valid .xlsx workbook and cannot be read",
  },
  priorProblem_too_large: { zh: "所选文件过大", en: "the file picked is too large" },
  priorProblem_unreadable: { zh: "无法读取所选文件", en: "the file picked cannot be read" },
  autoUpdate: { zh: "自动更新报告", en: "Update report automatically" },
  autoUpdateHint: {
    zh: "数据表修改后自动重新检查并重新生成报告",
    en: "Re-check and regenerate the report when the counts sheet changes",
  },
  stale: { zh: "报告已过期，请重新生成", en: "The report is out of date. Generate it again." },
  regenerate: { zh: "重新生成", en: "Regenerate" },
  replace: { zh: "覆盖", en: "Replace" },
  replaceSheets: {
    zh: "{why}。要用报告替换这些工作表吗？",
    en: "{why}. Replace them with the report?",
  },
  cancel: { zh: "取消", en: "Cancel" },
  fixButton: { zh: "改为 {value}", en: "Set to {value}" },
  fixButtonLabel: { zh: "将 {cell} 改为 {value}", en: "Set {cell} to {value}" },
  fixConfirm: {
    zh: "将 {cell} 由 {was} 改为 {value}？此操作会清除 Excel 的撤消记录。",
    en: "Change {cell} from {was} to {value}? This clears Excel's undo history.",
  },
  fixConfirmBlank: {
    zh: "将空白的 {cell} 填为 {value}？此操作会清除 Excel 的撤消记录。",
    en: "Fill the blank {cell} with {value}? This clears Excel's undo history.",
  },
  fixOk: { zh: "确定", en: "OK" },
  fixApplied: { zh: "已将 {cell} 改为 {value}，已重新检查。", en: "Set {cell} to {value} and checked again." },

  emptyTitle: { zh: "未找到公开数据表", en: "No counts sheet found" },
  emptyBody: {
    zh: "插入“公开数据”模板，填写本年度数据后点“检查”。",
    en: "Insert the 公开数据 template, fill in this year's figures, then choose Check.",
  },
  reportInfo: { zh: "报告信息", en: "Report details" },
  reportYear: { zh: "报告年度", en: "Reporting year" },
  yearHelp: {
    zh: "报告所属的年度，不是填报年份；默认是应报告的年度（12月为当年，其他月份为上一年）。报告标题、正文和跨年核对都按这个年度。",
    en: "The year the report covers, not the year it is written; by default the year whose report is due (December: this year; other months: last year). The title, the text and the cross-year checks use it.",
  },
  templateYearHelp: {
    zh: "插入的模板按这个年度（默认是应报告的年度：12月为当年，其他月份为上一年）。",
    en: "The template is for this year (by default the year whose report is due: December, this year; other months, last year).",
  },
  unitName: { zh: "单位名称", en: "Unit name" },
  // zh: the template's own one-line help (META_HELP), so that the sheet and the pane say the same.
  unitHelp: {
    zh: META_HELP.body,
    en: "Used in the title and the text: “某某县教育局” gives the title “某某县教育局××年政府信息公开工作年度报告” and “本局” in the text.",
  },
  scopeName: { zh: "公开范围", en: "Scope (公开范围)" },
  scopeHelp: {
    zh: META_HELP.scope,
    en: "本机关: this unit only, the text says “本局” / “本机关”; 本级政府: every administrative body of the county (city, district), the text says “全县各级行政机关”.",
  },
  notFilled: { zh: "（未填写）", en: "(not filled in)" },
  selectCell: { zh: "选中", en: "Select" },
  selectCellLabel: { zh: "在表中选中“{field}”单元格", en: "Select the “{field}” cell in the sheet" },
  yearInvalid: {
    zh: "报告年度请填写四位年份（1990—{max}）。",
    en: "Write the reporting year as four digits (1990–{max}).",
  },
  yearChanged: {
    zh: "已将报告年度改为 {year} 年（{cell}），已重新检查。",
    en: "Reporting year set to {year} ({cell}) and checked again.",
  },
  emptyReason: { zh: "原因：{reason}", en: "Reason: {reason}" },

  findings: { zh: "检查结果", en: "Findings" },
  error: { zh: "错误", en: "Errors" },
  warning: { zh: "警告", en: "Warnings" },
  info: { zh: "提示", en: "Notes" },
  errorOne: { zh: "错误", en: "Error" },
  warningOne: { zh: "警告", en: "Warning" },
  infoOne: { zh: "提示", en: "Note" },
  summary: {
    zh: "错误 {error} 项，警告 {warning} 项，提示 {info} 项",
    en: "{error} errors, {warning} warnings, {info} notes",
  },
  notChecked: { zh: "尚未检查。点“检查”核对数据表。", en: "Not checked yet. Choose Check to check the counts sheet." },
  noFindings: { zh: "未发现问题，数据勾稽关系正确。", en: "No problems found: every relation holds." },
  expected: { zh: "应为", en: "Expected" },
  actual: { zh: "实际", en: "Actual" },
  selectCellsHint: { zh: "选中单元格：{cells}", en: "Select cells: {cells}" },
  showFindingHint: { zh: "点击条目，在工作表中选中相关单元格", en: "Choose an item to select its cells in the sheet" },
  textGroup: { zh: "正文", en: "Report text" },
  textSentence: { zh: "原文", en: "Text" },
  selectTextHint: { zh: "选中正文所在单元格：{cell}", en: "Select the text cell: {cell}" },
  selectTableCells: { zh: "选中表格单元格", en: "Select table cells" },
  selectTableCellsLabel: { zh: "选中表格中的相关单元格：{cells}", en: "Select the table cells: {cells}" },

  tables: { zh: "报告表格", en: "Report tables" },
  selectTable: { zh: "选中", en: "Select" },
  selectTableLabel: { zh: "选中表格以复制：{title}", en: "Select table to copy: {title}" },
  tableSelected: { zh: "已选中", en: "Selected" },
  tableSelectedStatus: {
    zh: "已选中表格“{title}”，按 {key} 复制",
    en: "Table “{title}” selected; press {key} to copy it",
  },
  copyHint: {
    zh: "选中表格后，点一下当前工作表的标签（或按 F6）回到表格，按 {key} 复制，再粘贴到 Word。",
    en: "Select a table, click the sheet tab (or press F6) to return to the sheet, press {key} to copy, then paste into Word.",
  },
  generated: { zh: "报告已生成：{sheets}", en: "Report generated: {sheets}" },
  downloadDocx: { zh: "下载 Word 文档", en: "Download Word document" },
  downloadDocxTitle: {
    zh: "把完整报告（公文格式，含全部表格）保存为 .docx 文件",
    en: "Save the whole report (公文 layout, every table) as a .docx file",
  },
  docxSaved: {
    zh: "已生成 Word 文档“{file}”，请在下载中查看。",
    en: "Word document “{file}” made; see your downloads.",
  },
  docxMac: {
    zh: "Mac 版 Excel 的任务窗格不能下载文件。要得到 Word 文档，请在命令行运行 disclosure-report generate 文件.xlsx --docx 报告.docx；或逐表“选中”后复制到 Word。",
    en: "Task panes in Excel for Mac cannot download files. For the Word document run disclosure-report generate FILE.xlsx --docx REPORT.docx, or select each table and copy it into Word.",
  },
  reportText: { zh: "报告正文（全文）", en: "Report text (all of it)" },
  selectTextLabel: { zh: "选中报告正文以复制", en: "Select the report text to copy" },
  textSelectedStatus: {
    zh: "已选中报告正文，按 {key} 复制",
    en: "Report text selected; press {key} to copy it",
  },
  textPasteHint: {
    zh: "报告正文粘贴到 Word 时，在“粘贴选项”中选“只保留文本”，每段即成为一个段落。",
    en: "When pasting the report text into Word, choose “Keep Text Only” in Paste Options: each paragraph becomes a paragraph.",
  },
  generatedWithErrors: {
    zh: "报告已生成，但仍有 {n} 项错误，请核对后重新生成。",
    en: "Report generated, but {n} errors remain; correct them and generate again.",
  },
  templateInserted: {
    zh: "已插入模板“{sheet}”，请填写数据。",
    en: "Template “{sheet}” inserted; fill in the figures.",
  },
  recheckDone: { zh: "数据已修改，已重新检查", en: "The counts sheet changed; checked again" },

  settings: { zh: "设置", en: "Settings" },
  decimals: { zh: "占比小数位数", en: "Decimals of shares" },
  tieRule: { zh: "舍入规则", en: "Rounding" },
  halfUp: { zh: "四舍五入", en: "Round half up (四舍五入)" },
  halfEven: { zh: "四舍六入五成双", en: "Round half to even (GB/T 8170)" },
  largestRemainder: {
    zh: "最大余数法调整，使各项占比合计为100%",
    en: "Largest remainder: shares of a whole sum to 100%",
  },
  tableSheet: { zh: "报告表格工作表名称", en: "Table sheet name" },
  textSheet: { zh: "报告正文工作表名称", en: "Text sheet name" },
  fontName: { zh: "字体（报告表格和报告正文）", en: "Font (report tables and text)" },
  titleSize: { zh: "报告表格标题字号（磅）", en: "Table title size (pt)" },
  bodySize: { zh: "报告表格内容字号（磅）", en: "Table text size (pt)" },
  textSizesHint: {
    zh: "报告正文按公文格式排版：标题宋体二号，一级标题黑体三号，正文仿宋三号（正文字体随上面的字体设置）。",
    en: "The report text follows official-document layout: title 宋体 22 pt, headings 黑体 16 pt, body 16 pt in the font set below.",
  },
  saveSettings: { zh: "保存设置", en: "Save settings" },
  settingsSaved: { zh: "设置已保存到本工作簿", en: "Settings saved in this workbook" },
  settingsInvalid: { zh: "设置有误：{errors}", en: "Invalid settings: {errors}" },

  errDecimals: { zh: "小数位数应为 0 至 4 的整数", en: "decimals must be a whole number from 0 to 4" },
  errSheetName: {
    zh: "工作表名称应为 1 至 31 个字符，不含 : \\ / ? * [ ]，且不以 ' 开头或结尾",
    en: "a sheet name has 1 to 31 characters, none of : \\ / ? * [ ], and does not start or end with '",
  },
  errSheetSame: {
    zh: "报告表格、报告正文与数据表应为三个不同的工作表",
    en: "the table sheet, the text sheet and the counts sheet must be three different sheets",
  },
  errFontName: { zh: "请填写字体名称", en: "enter a font name" },
  errFontSize: { zh: "字号应在 6 至 72 磅之间", en: "font sizes are from 6 to 72 pt" },

  failed: { zh: "操作失败：{message}", en: "Failed: {message}" },
  dismiss: { zh: "关闭提示", en: "Dismiss" },
  progress: { zh: "处理中", en: "Working" },
  privacy: {
    zh: "所有数据只在本工作簿内处理，不上传。",
    en: "All data stays in this workbook; nothing is sent anywhere.",
  },
} as const;

export type StringKey = keyof typeof STRINGS;

/**
 * What the Office.js host reports (src/excel/errors.ts: a code with data), in plain words. The host never
 * words a message; this is the one place that does. {placeholders} come from the error's data.
 */
export const HOST_MESSAGES = {
  EditMode: { zh: "请先结束单元格编辑（按 Enter 或 Esc）", en: "Finish editing the cell first (press Enter or Esc)" },
  Protected: {
    zh: "工作表{quotedSheets}受保护，无法写入。请在“审阅 > 撤消工作表保护”后重试。",
    en: "The worksheet{quotedSheets} is protected and cannot be written. Unprotect it (Review > Unprotect Sheet) and try again.",
  },
  WorkbookProtected: {
    zh: "工作簿结构受保护（不能新建、显示或隐藏工作表），无法写入工作表{quotedSheets}，未写入任何内容。请在“审阅 > 保护工作簿”中取消保护（设有密码的需输入密码）后重试。",
    en: "The workbook's structure is protected (no worksheet can be added, shown or hidden), so the worksheet{quotedSheets} cannot be written; nothing was written. Unprotect it (Review > Protect Workbook; enter the password if it has one) and try again.",
  },
  ItemNotFound: {
    zh: "找不到工作表或名称{quotedName}：可能在任务窗格打开期间被重命名或删除。请重新核对。",
    en: "A worksheet or name{quotedName} was not found: it may have been renamed or deleted while the pane was open. Please check again.",
  },
  ApiNotSupported: {
    zh: "此功能需要 {version} 或更新版本（或 Microsoft 365、网页版 Excel）",
    en: "This feature needs {version} or later (or Microsoft 365, or Excel on the web)",
  },
  SheetExists: {
    zh: "工作表“{sheets}”已存在。确认覆盖后将清空并重写该工作表（其他工作表不受影响）。",
    en: "Worksheet “{sheets}” already exists. Confirm to clear and rewrite it (other worksheets are not touched).",
  },
  TooLarge: {
    zh: "工作表数据量过大，Excel 无法一次读取或写入。请删除无关的大范围数据后重试。",
    en: "The worksheet holds too much data for Excel to read or write at once. Remove unrelated large ranges and try again.",
  },
  CellChanged: {
    zh: "单元格 {cell} 已被修改（现为 {found}），未写入。请重新核对。",
    en: "Cell {cell} has changed (it now holds {found}); nothing was written. Please check again.",
  },
  CellChangedBlank: {
    zh: "单元格 {cell} 已被修改（现为空），未写入。请重新核对。",
    en: "Cell {cell} has changed (it is now blank); nothing was written. Please check again.",
  },
  Timeout: {
    zh: "Excel 在 {seconds} 秒内没有响应，操作已取消。请稍后重试；若一直如此，请保存工作簿并重新打开任务窗格。",
    en: "Excel did not answer within {seconds} seconds; the action was cancelled. Try again later; if it persists, save the workbook and reopen the pane.",
  },
  InvalidValue: { zh: "要写入的不是有效数字。", en: "The value to write is not a valid number." },
  NoExactArithmetic: {
    zh: "表中数字过大，此版本 Excel 的内置浏览器（Internet Explorer 11 或旧版 Edge）无法精确计算占比，因此未给出结果。请核对数字，或改用 Excel 2021、Microsoft 365 或网页版 Excel。",
    en: "The figures are too large for this Excel's built-in browser (Internet Explorer 11 or Edge legacy) to compute the shares exactly, so no result is given. Check the figures, or use Excel 2021, Microsoft 365 or Excel on the web.",
  },
  Generic: { zh: "Excel 操作失败：{detail}", en: "The Excel operation failed: {detail}" },
} as const;

/** The Excel version a user can act on, for an ExcelApi requirement set ("ExcelApi 1.7" -> Excel 2019). */
export function excelVersionFor(need: string | undefined, lang: Lang): string {
  const m = /1\.(\d+)/.exec(need ?? "");
  const minor = m ? Number(m[1]) : 7;
  // Office 2019 has ExcelApi 1.8, Office 2021 has 1.14; newer sets come with Microsoft 365 only.
  if (minor <= 8) return "Excel 2019";
  if (minor <= 14) return "Excel 2021";
  return lang === "zh" ? "最新的 Microsoft 365 版 Excel" : "the current Microsoft 365 Excel";
}

/** A host error (code + data) in the user's language. */
export function hostMessage(lang: Lang, err: { code: string; data?: Record<string, string> }): string {
  const data: Record<string, string> = { ...(err.data ?? {}) };
  let key = (
    Object.prototype.hasOwnProperty.call(HOST_MESSAGES, err.code) ? err.code : "Generic"
  ) as keyof typeof HOST_MESSAGES;
  if (key === "ApiNotSupported") data.version = excelVersionFor(data.need, lang);
  if (key === "ItemNotFound") data.quotedName = data.name ? (lang === "zh" ? `“${data.name}”` : ` (${data.name})`) : "";
  if (key === "Protected" || key === "WorkbookProtected")
    data.quotedSheets = data.sheets ? (lang === "zh" ? `“${data.sheets}”` : ` (${data.sheets})`) : "";
  if (key === "CellChanged" && !data.found) key = "CellChangedBlank";
  if (key === "Generic" && !data.detail) data.detail = err.code || "unknown";
  return HOST_MESSAGES[key][lang].replace(/\{(\w+)\}/g, (m, name: string) =>
    Object.prototype.hasOwnProperty.call(data, name) ? data[name]! : m,
  );
}

/** Chinese for zh, zh-CN, zh-TW, zh-Hans…; English for everything else. */
export function langFromDisplayLanguage(displayLanguage: string | undefined | null): Lang {
  return typeof displayLanguage === "string" && /^zh(\b|[-_])/i.test(displayLanguage) ? "zh" : "en";
}

/** The string for `key`, with {name} placeholders filled. Unknown placeholders stay visible. */
export function t(lang: Lang, key: StringKey, params: Record<string, string | number> = {}): string {
  return STRINGS[key][lang].replace(/\{(\w+)\}/g, (m, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : m,
  );
}

/** The copy shortcut users press: ⌘C on a Mac (or an iPad with a keyboard), Ctrl+C elsewhere. */
export function copyShortcut(mac: boolean): string {
  return mac ? "⌘C" : "Ctrl+C";
}

/**
 * Whether the pane runs on a Mac (or an iPad/iPhone, where ⌘C copies too), from any of
 * navigator.userAgentData.platform ("macOS"), navigator.platform ("MacIntel", "iPad") and
 * Office.context.platform ("Mac", "iOS").
 */
export function isMacPlatform(...platforms: (string | undefined | null)[]): boolean {
  return platforms.some((p) => typeof p === "string" && /mac|iphone|ipad|^ios$/i.test(p));
}

/** A list joined the way each language writes it: "、" in Chinese, ", " in English. */
export function joinList(lang: Lang, items: string[]): string {
  return items.join(lang === "zh" ? "、" : ", ");
}
