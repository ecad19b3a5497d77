/** The agreement's figures (shared/domain/facts.md), used until a ledger sets its own. */
export const DEFAULT_BASELINE = { year: 2023, kg: 1_057_000_000 } as const;

/** The 2024 phased increase to 2.2 Mt/year; before it, the Nov 2022 master agreement's 1.5 Mt/year. */
export function defaultAnnualTargetKg(year: number): number {
  return year >= 2024 ? 2_200_000_000 : 1_500_000_000;
}

/**
 * The customary trade allowance for transit loss on crude: 0.5% of the B/L quantity (charter
 * parties and cargo insurers use the same figure). A year's targets may set another.
 */
export const DEFAULT_LOSS_ALLOWANCE_PERCENT = 0.5;

export const DEFAULT_LOAD_PORT = 'Aktau';
export const DEFAULT_DISCHARGE_TERMINAL = 'Sangachal';
export const DEFAULT_SHIPPER = 'KMG';
export const DEFAULT_RECEIVER = 'SOCAR';
