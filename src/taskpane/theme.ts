/**
 * Follow the Office theme when the host reports one: its four colours become CSS variables, and a
 * dark body switches the pane to its dark palette. Without a theme the Fluent light palette stays.
 */
export interface OfficeThemeColors {
  bodyBackgroundColor?: string;
  bodyForegroundColor?: string;
  controlBackgroundColor?: string;
  controlForegroundColor?: string;
  isDarkTheme?: boolean;
}

const HEX = /^#?([0-9a-f]{6})$/i;

/** "#RRGGBB" (with or without #) -> relative luminance 0..1; null for anything else. */
export function luminance(color: string): number | null {
  const m = HEX.exec(color.trim());
  if (!m) return null;
  const n = parseInt(m[1]!, 16);
  const ch = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * ch[0]! + 0.7152 * ch[1]! + 0.0722 * ch[2]!;
}

/** CSS custom properties for a theme; only well-formed colours are taken. */
export function themeVariables(theme: OfficeThemeColors | undefined | null): {
  vars: Record<string, string>;
  dark: boolean;
} {
  const vars: Record<string, string> = {};
  if (!theme) return { vars, dark: false };
  const take = (name: string, value: string | undefined): void => {
    const m = value ? HEX.exec(value.trim()) : null;
    if (m) vars[name] = `#${m[1]!.toLowerCase()}`;
  };
  take("--office-body-bg", theme.bodyBackgroundColor);
  take("--office-body-fg", theme.bodyForegroundColor);
  take("--office-control-bg", theme.controlBackgroundColor);
  take("--office-control-fg", theme.controlForegroundColor);
  const bg = theme.bodyBackgroundColor ? luminance(theme.bodyBackgroundColor) : null;
  const dark = theme.isDarkTheme ?? (bg !== null && bg < 0.2);
  return { vars, dark };
}

export function applyTheme(root: HTMLElement, theme: OfficeThemeColors | undefined | null): void {
  const { vars, dark } = themeVariables(theme);
  for (const [k, v] of Object.entries(vars)) root.style.setProperty(k, v);
  root.classList.toggle("theme-dark", dark);
  root.classList.toggle("theme-office", Object.keys(vars).length > 0);
}
