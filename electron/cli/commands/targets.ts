/** `targets` and `baseline`: show a year's target and monthly plan, or the baseline; or set them. */
import type { TargetsInput } from '../../core/api';
import { DEFAULT_LOSS_ALLOWANCE_PERCENT } from '../../core/defaults';
import { formatKgAsTonnes, kgToTonnes, quantityInputText } from '../../core/quantity';
import { baselinePaceOf } from '../../core/progress';
import type { LedgerService } from '../../core/service';
import { flag, given } from '../args';
import type { Command } from '../command';
import { EXIT, UsageError } from '../io';
import { t } from '../output';

/**
 * What `targets` sets: the flags given. `--allowance` alone keeps the year's target and plan as they
 * are; `--tonnes` without `--plan` spreads the target by days, as it always has.
 */
async function targetsRequest(
  service: LedgerService,
  year: number,
  tonnes: string | undefined,
  plan: string | undefined,
  allowance: string | undefined,
): Promise<TargetsInput> {
  const monthlyPlanTonnes = plan?.split(',').map((figure) => figure.trim());
  if (tonnes !== undefined || plan !== undefined)
    return { year, annualTonnes: tonnes, monthlyPlanTonnes, lossAllowancePercent: allowance };
  const current = await service.getTargets(year);
  return {
    year,
    annualTonnes: quantityInputText(current.annualKg),
    monthlyPlanTonnes: current.monthlyPlanKg?.map(quantityInputText),
    lossAllowancePercent: allowance,
  };
}

export const targets: Command = {
  kind: 'ledger',
  plan: ({ invocation }) => {
    const tonnes = flag(invocation, 'tonnes');
    const plan = flag(invocation, 'plan');
    const allowance = flag(invocation, 'allowance');
    const sets = tonnes !== undefined || plan !== undefined || allowance !== undefined;
    return {
      writes: sets,
      async run({ service, io, year }) {
        const shown = sets
          ? await service.setTargets(await targetsRequest(service, year, tonnes, plan, allowance))
          : await service.getTargets(year);
        if (given(invocation, 'json')) {
          const monthly = shown.monthlyPlanKg?.map(kgToTonnes) ?? null;
          io.out(
            JSON.stringify({
              year: shown.year,
              annualTonnes: kgToTonnes(shown.annualKg),
              monthlyPlanTonnes: monthly,
              lossAllowancePercent: shown.lossAllowancePercent,
              source: shown.source,
            }),
          );
          return EXIT.ok;
        }
        const label = sets ? 'Set: target' : 'Target';
        const byDefault = shown.source === 'default' ? ' (default)' : '';
        io.out(`${label} for ${shown.year}: ${t(shown.annualKg)}${byDefault}`);
        if (shown.monthlyPlanKg)
          io.out(`Monthly plan: ${shown.monthlyPlanKg.map((kg) => formatKgAsTonnes(kg)).join(', ')}`);
        if (allowance !== undefined || shown.lossAllowancePercent !== DEFAULT_LOSS_ALLOWANCE_PERCENT)
          io.out(`Loss allowance: ${shown.lossAllowancePercent}% of the B/L figure`);
        return EXIT.ok;
      },
    };
  },
};

export const baseline: Command = {
  kind: 'ledger',
  plan: ({ invocation }) => {
    const tonnes = flag(invocation, 'tonnes');
    const year = flag(invocation, 'year');
    const monthly = flag(invocation, 'monthly');
    const sets = tonnes !== undefined || year !== undefined || monthly !== undefined;
    if (sets && (tonnes === undefined || year === undefined)) {
      throw new UsageError(
        'To set the baseline give both --year and --tonnes, e.g. baseline --year 2023 --tonnes 1057000.',
      );
    }
    // A comma separates the months, so a figure's decimals take a point: 88083.5, never 88083,5.
    const monthlyTonnes = monthly?.split(',').map((figure) => figure.trim());
    return {
      writes: sets,
      async run({ service, io }) {
        const shown = sets
          ? await service.setBaseline(
              monthlyTonnes === undefined ? { year, tonnes } : { year, tonnes, monthlyTonnes },
            )
          : await service.getBaseline();
        const pace = baselinePaceOf(shown);
        if (given(invocation, 'json')) {
          const months = shown.monthlyKg?.map(kgToTonnes) ?? null;
          const json = { year: shown.year, tonnes: kgToTonnes(shown.kg), monthlyTonnes: months, pace };
          io.out(JSON.stringify({ ...json, source: shown.source }));
          return EXIT.ok;
        }
        const byDefault = shown.source === 'default' ? ' (default)' : '';
        io.out(`${sets ? 'Set: baseline' : 'Baseline'}: ${shown.year}, ${t(shown.kg)}${byDefault}`);
        io.out(
          shown.monthlyKg
            ? `Monthly figures: ${shown.monthlyKg.map((kg) => formatKgAsTonnes(kg)).join(', ')}`
            : 'No monthly figures: its pace is the total pro rata to the days.',
        );
        return EXIT.ok;
      },
    };
  },
};
