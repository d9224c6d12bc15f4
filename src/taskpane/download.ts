/**
 * 下载 Word 文档 in the browser: the Word writer (the `docx` package, about 100 KB gzipped) is loaded only
 * here, on demand, as a chunk of its own, so that the pane's first load stays small. The file is saved
 * with a Blob and <a download> (works in Excel on the web and in WebView2 on Windows; not in a Mac task pane).
 */
import type { DocumentPlan } from "../core/document/plan";

export async function saveDocx(plan: DocumentPlan, fileName: string): Promise<void> {
  const { writeDocx } = await import(/* webpackChunkName: "docx" */ "../docx/write");
  const bytes = await writeDocx(plan);
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], {
    type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The download has started from the URL; give it a moment before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
