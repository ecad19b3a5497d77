/**
 * `export`: a report of a year as a CSV file for Excel or an Excel workbook, written whole or not
 * at all. Without --format, a FILE named .xlsx gets a workbook, any other a CSV file.
 */
import { defaultSeparator } from '../../core/preferences';
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
        throw new UsageError(
          'export needs --report register, monthly, reconciliation, years, vessels or programme.',
        );
      const language = languageFlag(invocation);
      const report = await service.exportReport({
        year,
        report: reportName,
        // As the app's export: the separator the language's Excel reads, unless --separator says otherwise.
        separator: flag(invocation, 'separator') ?? defaultSeparator(language),
        language,
        format: flag(invocation, 'format') ?? (/\.xlsx$/i.test(out) ? 'xlsx' : 'csv'),
      });
      writeFileAtomically(out, Buffer.from(report.content, report.encoding));
      io.out(`Wrote ${report.rows} rows to ${out}.`);
      return EXIT.ok;
    },
  }),
};
