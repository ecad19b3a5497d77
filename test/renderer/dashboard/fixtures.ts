/**
 * A small 2024 ledger whose every dashboard figure is worked out by hand below, turned into a
 * Progress by the core's own computeProgress (the function the app uses).
 *
 * 2024 is a leap year: 366 days. As of 31 July, days elapsed = 31+29+31+30+31+30+31 = 213, days
 * left = 366 − 213 = 153.
 * Counted cargoes (kg): 9,959,500 (15 Jan) + 8,800,000 (29 Feb) + 6,900,000 (5 Mar) + 7,800,000
 * (31 Jul, the as-of day itself) = 33,459,500 kg = 33,459.5 t. Not counted: 31 Dec 2023 (another
 * year) and 1 Aug 2024 (after the as-of date).
 *
 * Against 2,200,000 t:
 *   share          = 33,459,500 / 2,200,000,000 × 100 = 1.5208…%                 → "1.5%"
 *   pro-rata       = 2,200,000,000 × 213 / 366 = 1,280,327,868.85… → 1,280,327,869 kg
 *                    = 1,280,327.869 t                                              → "1.280 Mt"
 *   ahead          = 33,459,500 − 1,280,327,869 = −1,246,868,369 kg                  → "−1.247 Mt"
 *   run rate       = 33,459,500 / 213 = 157,086.85… kg/day                          → "157 t/day"
 *   forecast       = 157,086.85… × 366 = 57,493,788.73… → 57,493,789 kg             → "57.5 kt"
 *   required       = (2,200,000,000 − 33,459,500) / 153 = 14,160,395.42… kg/day     → "14,160 t/day"
 *   baseline pace  = 1,057,000,000 × 213 / 366 = 615,139,344.26… → 615,139,344 kg   → "615.1 kt"
 *   vs baseline    = 33,459,500 − 615,139,344 = −581,679,844 kg                      → "−581.7 kt"
 *                    −581,679,844 / 615,139,344 × 100 = −94.56…%                     → "−94.6%"
 * Against a 50,000 t target instead (the "ahead" case):
 *   pro-rata       = 50,000,000 × 213 / 366 = 29,098,360.66… → 29,098,361 kg         → "29.1 kt"
 *   ahead          = 33,459,500 − 29,098,361 = +4,361,139 kg                          → "+4,361 t"
 *   required       = (50,000,000 − 33,459,500) / 153 = 108,107.84… kg/day            → "108 t/day"
 */
import type { LedgerInfo, Progress } from '../../../electron/core/api';
import { computeProgress, type ProgressShipment } from '../../../electron/core/progress';

export const SHIPMENTS: ProgressShipment[] = [
  { blDate: '2023-12-31', netKg: 9_000_000 },
  { blDate: '2024-01-15', netKg: 9_959_500 },
  { blDate: '2024-02-29', netKg: 8_800_000 },
  { blDate: '2024-03-05', netKg: 6_900_000 },
  { blDate: '2024-07-31', netKg: 7_800_000 },
  { blDate: '2024-08-01', netKg: 9_000_000 },
];

export const BASELINE = { year: 2023, kg: 1_057_000_000, source: 'default' as const };

export function progress2024(
  options: { annualKg?: number; asOf?: string; shipments?: ProgressShipment[] } = {},
): Progress {
  return computeProgress({
    year: 2024,
    asOf: options.asOf ?? '2024-07-31',
    shipments: options.shipments ?? SHIPMENTS,
    targets: {
      year: 2024,
      annualKg: options.annualKg ?? 2_200_000_000,
      monthlyPlanKg: null,
      lossAllowancePercent: 0.5,
      source: 'default',
    },
    baseline: BASELINE,
  });
}

export function ledgerInfo(overrides: Partial<LedgerInfo> = {}): LedgerInfo {
  return {
    path: '/home/ops/Transit Ledger/ledger.jsonl',
    ledgerId: 'real',
    readOnly: false,
    writer: null,
    demo: false,
    entries: SHIPMENTS.length,
    shipments: SHIPMENTS.length,
    years: [2023, 2024],
    recovery: null,
    ...overrides,
  };
}
