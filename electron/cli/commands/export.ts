/** `export`: a report of a year as a CSV file for Excel, written whole or not at all. */
import { flag, languageFlag } from '../args';
import type { Command } from '../command';
import { writeFileAtomically } from '../files';
import { EXIT, UsageError } from '../io';

export const exportCommand: Command = {
  kind: 'ledger',
  plan: ({ invocation }) => ({
    writes: false,
    async run({ service, io, year }) {
      const out = flag(invocation, 'out');
      if (!out) throw new UsageError('export needs --out FILE.');
      if (flag(invocation, 'year') === undefined) throw new UsageError('export needs --year Y.');
      const reportName = flag(invocation, 'report');
      if (reportName === undefined)
        throw new UsageError('export needs --report register, monthly or reconciliation.');
      const language = languageFlag(invocation);
      const report = await service.exportReport({
        year,
        report: reportName,
        separator: flag(invocation, 'separator') ?? ',',
        language,
      });
      writeFileAtomically(out, report.content);
      io.out(`Wrote ${report.rows} rows to ${out}.`);
      return EXIT.ok;
    },
  }),
};
