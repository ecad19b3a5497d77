/** `targets` and `baseline`: show a year's target and monthly plan, or the baseline; or set them. */
import { formatKgAsTonnes, kgToTonnes } from '../../core/quantity';
import { flag, given } from '../args';
import type { Command } from '../command';
import { EXIT, UsageError } from '../io';
import { t } from '../output';

export const targets: Command = {
  kind: 'ledger',
  plan: ({ invocation }) => {
    const tonnes = flag(invocation, 'tonnes');
    const plan = flag(invocation, 'plan');
    const sets = tonnes !== undefined || plan !== undefined;
    return {
      writes: sets,
      async run({ service, io, year }) {
        const monthlyPlanTonnes = plan?.split(',').map((figure) => figure.trim());
        const shown = sets
          ? await service.setTargets({ year, annualTonnes: tonnes, monthlyPlanTonnes })
          : await service.getTargets(year);
        if (given(invocation, 'json')) {
          const monthly = shown.monthlyPlanKg?.map(kgToTonnes) ?? null;
          io.out(
            JSON.stringify({
              year: shown.year,
              annualTonnes: kgToTonnes(shown.annualKg),
              monthlyPlanTonnes: monthly,
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
    const sets = tonnes !== undefined || year !== undefined;
    if (sets && (tonnes === undefined || year === undefined)) {
      throw new UsageError(
        'To set the baseline give both --year and --tonnes, e.g. baseline --year 2023 --tonnes 1057000.',
      );
    }
    return {
      writes: sets,
      async run({ service, io }) {
        const shown = sets ? await service.setBaseline({ year, tonnes }) : await service.getBaseline();
        if (given(invocation, 'json'))
          io.out(JSON.stringify({ year: shown.year, tonnes: kgToTonnes(shown.kg), source: shown.source }));
        else
          io.out(`Baseline: ${shown.year}, ${t(shown.kg)}${shown.source === 'default' ? ' (default)' : ''}`);
        return EXIT.ok;
      },
    };
  },
};
