import { defineCheck } from "./define";
import { emitTextVerdicts } from "../text";

/** Claims in the text (均获维持, 均已结案, 零败诉, 全部办结 …) agree with the tables. The facts come from src/core/text (one extraction per run). */
export const textClaim = defineCheck({
  id: "text-claim",
  severity: "error",
  description: {
    zh: "正文中“均获维持”“均已结案”“零败诉”“全部办结”等说法与表格相符",
    en: "Claims in the text (均获维持, 均已结案, 零败诉, 全部办结 …) agree with the tables",
  },
  messages: {
    allUpheld: {
      zh: "正文称“{claim}”，但表格中{group}共{total}件：结果维持{upheld}件、结果纠正{corrected}件、其他结果{other}件、尚未审结{pending}件。",
      en: "The text says “{claim}” (all upheld), but the tables give {group}: {total} in all, {upheld} upheld, {corrected} corrected, {other} other, {pending} pending.",
    },
    allPending: {
      zh: "正文称“{claim}”，但表格中{group}共{total}件，尚未审结{pending}件。",
      en: "The text says “{claim}” (all pending), but the tables give {group}: {total} in all, {pending} pending.",
    },
    noPending: {
      zh: "正文称“{claim}”，但表格中{group}尚未审结{pending}件。",
      en: "The text says “{claim}” (all closed), but the tables give {pending} {group} pending.",
    },
    noCorrected: {
      zh: "正文称“{claim}”，但表格中{group}结果纠正{corrected}件。",
      en: "The text says “{claim}” (none lost), but the tables give {corrected} {group} corrected.",
    },
    allDone: {
      zh: "正文称“{claim}”，但表格中结转下年度继续办理为{carryNext}件。",
      en: "The text says “{claim}” (all done), but the tables carry {carryNext} over to next year.",
    },
  },
  run: emitTextVerdicts("claim", ["allUpheld", "allPending", "noPending", "noCorrected", "allDone"]),
});
