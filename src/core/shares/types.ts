export type TieRule = "half-up" | "half-even";

export interface RoundingOptions {
  /** Decimals of a percent, 0-4. Default 2. */
  decimals: number;
  /** 四舍五入 (half away from zero, default) or GB/T 8170 四舍六入五成双. */
  rounding: TieRule;
  /** Adjust shares of a whole so that they sum to exactly 100% (Hamilton). */
  largestRemainder: boolean;
}

export const DEFAULT_ROUNDING: RoundingOptions = {
  decimals: 2,
  rounding: "half-up",
  largestRemainder: false,
};
