/**
 * A stand-in for the pane's controller in tests of the view: a state the test sets, and a record of the
 * actions the view asked for. Panels render it with a DOM from ./dom.
 */
import { DEFAULT_SETTINGS, type FindingView, type PaneState } from "../../src/taskpane/controller";
import type { PaneActions } from "../../src/taskpane/panels/context";
import type { Lang } from "../../src/taskpane/i18n";

export function paneState(patch: Partial<PaneState> = {}): PaneState {
  return {
    phase: "ready",
    lang: "zh",
    busy: null,
    findings: null,
    generated: false,
    stale: false,
    tables: [],
    settings: { ...DEFAULT_SETTINGS },
    settingsProblems: [],
    notice: null,
    templateYear: 2025,
    metaCells: {},
    live: false,
    confirmReplace: null,
    confirmFix: null,
    canFix: true,
    canImportPrior: true,
    copyKey: "Ctrl+C",
    selectedTable: null,
    reports: [],
    wordDocument: "download",
    ...patch,
  };
}

export function findingView(patch: Partial<FindingView> = {}): FindingView {
  return {
    id: 0,
    rule: "s3-row-sum",
    severity: "error",
    message: "第三部分 本年新收政府信息公开申请数量：合计应为 5，实为 6",
    cells: ["公开数据!D64"],
    cellsLabel: "公开数据!D64",
    refs: [{ sheet: "公开数据", row: 63, col: 3 }],
    expected: "5",
    actual: "6",
    ...patch,
  };
}

type Action = Exclude<keyof PaneActions, "state">;

export class FakePane implements PaneActions {
  state: PaneState;
  /** Every action the view asked for, with its arguments, in order. */
  readonly calls: [Action, ...unknown[]][] = [];
  private listeners: ((s: PaneState) => void)[] = [];

  constructor(lang: Lang = "zh", patch: Partial<PaneState> = {}) {
    this.state = paneState({ lang, ...patch });
  }

  set(patch: Partial<PaneState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l(this.state);
  }

  subscribe(fn: (s: PaneState) => void): () => void {
    this.listeners.push(fn);
    fn(this.state);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== fn);
    };
  }

  private record(action: Action, ...args: unknown[]): Promise<void> {
    this.calls.push([action, ...args]);
    return Promise.resolve();
  }

  open = (): Promise<void> => this.record("open");
  pickReport = (sheet: string): Promise<void> => this.record("pickReport", sheet);
  check = (): Promise<void> => this.record("check");
  generate = (): Promise<void> => this.record("generate");
  insertTemplate = (): Promise<void> => this.record("insertTemplate");
  confirmReplace = (): Promise<void> => this.record("confirmReplace");
  cancelReplace = (): void => void this.record("cancelReplace");
  askFix = (id: number): void => void this.record("askFix", id);
  cancelFix = (): void => void this.record("cancelFix");
  confirmFix = (): Promise<void> => this.record("confirmFix");
  selectFinding = (id: number): Promise<void> => this.record("selectFinding", id);
  selectFindingTableCells = (id: number): Promise<void> => this.record("selectFindingTableCells", id);
  selectTable = (name: string): Promise<void> => this.record("selectTable", name);
  setAutoUpdate = (on: boolean): Promise<void> => this.record("setAutoUpdate", on);
  saveSettings = async (next: PaneState["settings"]): Promise<boolean> => {
    await this.record("saveSettings", next);
    return true;
  };
  dismissNotice = (): void => void this.record("dismissNotice");
  downloadDocx = (): Promise<void> => this.record("downloadDocx");
  setTemplateYear = (year: number): boolean => {
    void this.record("setTemplateYear", year);
    return true;
  };
  changeReportYear = (year: number): Promise<void> => this.record("changeReportYear", year);
  selectMetaCell = (field: keyof PaneState["metaCells"]): Promise<void> => this.record("selectMetaCell", field);
  importPrior = (file: Blob & { name?: string }): Promise<void> => this.record("importPrior", file);
}
