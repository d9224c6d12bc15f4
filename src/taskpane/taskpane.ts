/**
 * Entry of the task pane: wait for Office, pick the language, follow the theme, wire the real host
 * and engine into the controller, and mount the view.
 */
import * as host from "../excel/host";
import { Controller } from "./controller";
import { saveDocx } from "./download";
import { ENGINE } from "./engine";
import { readPriorFile } from "./prior-file";
import { isMacPlatform, langFromDisplayLanguage } from "./i18n";
import { applyTheme, type OfficeThemeColors } from "./theme";
import { mountView } from "./view";

void Office.onReady(() => {
  const lang = langFromDisplayLanguage(Office.context?.displayLanguage);
  let theme: OfficeThemeColors | undefined;
  try {
    theme = Office.context?.officeTheme as OfficeThemeColors | undefined;
  } catch {
    theme = undefined; // Some hosts throw when the theme is not available.
  }
  applyTheme(document.documentElement, theme);

  const nav = navigator as Navigator & { userAgentData?: { platform?: string } };
  let officePlatform: string | undefined;
  try {
    officePlatform = String(Office.context?.platform ?? "");
  } catch {
    officePlatform = undefined;
  }
  const mac = isMacPlatform(nav.userAgentData?.platform, nav.platform, officePlatform);

  // 下载 Word 文档 needs what the Word writer uses and <a download>: IE11 has neither, EdgeHTML no
  // TextEncoder/TextDecoder. Without them the pane does not offer the download.
  const canSaveDocx =
    typeof TextEncoder === "function" && typeof TextDecoder === "function" && "download" in document.createElement("a");
  const controller = new Controller({
    host,
    engine: ENGINE,
    lang,
    mac,
    readPriorFile,
    ...(canSaveDocx ? { saveDocx } : {}),
  });
  mountView(document.getElementById("app")!, controller);
  window.addEventListener("pagehide", () => {
    void controller.dispose();
  });
  // The first read and check are done: the pane is ready (measured by the browser test).
  void controller.open().then(() => performance.mark("pane-ready"));
});
