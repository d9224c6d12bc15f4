/**
 * How reports name their figures (../shared/reference/narrative-phrasing.md), as data: each phrase and
 * the table figure it may mean. A phrase with several readings ("办理": handled, or new + carried over)
 * lists them, preferred first.
 */

/** What a figure of the text may be, in the symbols of the reference page. */
export type Concept =
  | "N" // 一、本年新收
  | "C" // 二、上年结转
  | "NC" // 一 + 二
  | "H" // （七）总计
  | "F" // 四、结转下年度继续办理
  | "G1"
  | "G2"
  | "G12"
  | "G3"
  | "G4"
  | "G5"
  | "G6"
  | `A.${string}` // an applicant column of section 三 (A.natural, A.org = the five 法人或其他组织 columns)
  | `K.${string}`; // a section 四 figure: K.<group>.<result>, group review | suitDirect | suitAfterReview | suit

export interface PhraseDef {
  re: RegExp;
  /** Readings, preferred first. Case results ("维持") read against the case group of their context. */
  readings: Concept[] | "caseResult" | "caseGroup";
  /** For caseResult: upheld | corrected | other | pending; for caseGroup: the group. */
  key?: string;
  /** A 受理-type word: X = N, or N + C when the sentence says so (else a warning). */
  received?: boolean;
}

const CARRIED_NEXT =
  "结转(?:至|到)?下一?年度?|结转(?:至|到)?[0-9０-９]{4}年|顺延(?:到|至)下一?年度?|转(?:入|至)?下一?年度|结转下年";

/** Longest phrases first where one contains another (不同意公开 before 同意公开). */
export const PHRASES: PhraseDef[] = [
  { re: new RegExp(`(?:${CARRIED_NEXT})(?:继续)?(?:办理|处理|答复)?`, "g"), readings: ["F"] },
  { re: /上一?年度?结转|转至今年办理|转至本年度?办理/g, readings: ["C"] },
  { re: /本年度?新收|新收|新受理|新增申请/g, readings: ["N"] },
  { re: /共计?受理|受理|收到|接收|收办|新接收|共收到/g, readings: ["N", "NC"], received: true },
  { re: /共计?(?:办理|处理)|办理|处理(?!决定)/g, readings: ["H", "NC"] },
  { re: /办结|已答复|予以答复|答复|完成[^，。；]{0,12}答复/g, readings: ["H"] },
  { re: /(?:予以)?公开(?:及|和|与|、)部分公开/g, readings: ["G12"] },
  { re: /不同意公开|不予公开/g, readings: ["G3"] },
  { re: /同意公开|予以公开(?:答复)?/g, readings: ["G1"] },
  { re: /部分公开/g, readings: ["G2"] },
  { re: /无法提供/g, readings: ["G4"] },
  { re: /不予处理/g, readings: ["G5"] },
  { re: /其他处理|作其他处理/g, readings: ["G6"] },
  { re: /自然人/g, readings: ["A.natural"] },
  { re: /法人或其他组织|法人和其他组织/g, readings: ["A.org"] },
  { re: /商业企业/g, readings: ["A.commercial"] },
  { re: /科研机构/g, readings: ["A.research"] },
  { re: /社会公益组织/g, readings: ["A.publicInterest"] },
  { re: /法律服务机构/g, readings: ["A.legal"] },
  { re: /未经复议直接(?:提起)?(?:行政)?起诉/g, readings: "caseGroup", key: "suitDirect" },
  { re: /复议后(?:提起)?(?:行政)?起诉/g, readings: "caseGroup", key: "suitAfterReview" },
  { re: /行政复议|复议/g, readings: "caseGroup", key: "review" },
  { re: /行政诉讼|诉讼|起诉/g, readings: "caseGroup", key: "suit" },
  { re: /(?:结果)?维持/g, readings: "caseResult", key: "upheld" },
  { re: /(?:结果)?纠正/g, readings: "caseResult", key: "corrected" },
  { re: /其他结果/g, readings: "caseResult", key: "other" },
  { re: /尚未审结|未审结/g, readings: "caseResult", key: "pending" },
];

/** Words that say the figure before them includes last year's carried-over applications. */
export const INCLUDES_CARRIED = /(?:含|包含|包括|其中)[^，。；）)]{0,8}?(?:上一?年度?结转|\d{4}年转至|转至今年)/;

/** Words that narrow a count to part of the body ("代表市政府", "区政府", "本级"): a mismatch may be explained. */
export const NARROWING = /代表[^，。；]{1,8}|本级|本机关|本部门|区政府|市政府|县政府|部门|街道|乡镇|镇街|片区/g;

/** Count units (a figure with another unit is not a count of applications). */
export const COUNT_UNITS = new Set([
  "件",
  "条",
  "个",
  "项",
  "篇",
  "期",
  "次",
  "家",
  "人",
  "名",
  "起",
  "份",
  "场",
  "批",
  "通",
  "类",
  "所",
  "户",
  "人次",
]);

/** Claims about all cases or all applications. */
export const CLAIMS: { re: RegExp; kind: "allUpheld" | "allPending" | "noPending" | "noCorrected" | "allDone" }[] = [
  { re: /均获维持|均维持|全部维持|均予维持|均被维持/g, kind: "allUpheld" },
  { re: /均尚未审结|均未审结/g, kind: "allPending" },
  { re: /均已结案|均已审结|全部审结|全部结案/g, kind: "noPending" },
  { re: /零败诉|无败诉|未发生[^，。；]{0,12}(?:纠错|败诉)|无被纠错/g, kind: "noCorrected" },
  {
    re: /全部办结|均已办结|均已办理完成|所有申请均已办理完成|办结率(?:为|达)?100(?:\.0+)?[%％]|均在[^，。；]{0,12}(?:办结|答复)|均已(?:按时)?答复/g,
    kind: "allDone",
  },
];
