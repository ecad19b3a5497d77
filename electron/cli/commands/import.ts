/** `import FILE`: the rows of a sheet added all or none, the problems printed, or every row with --json. */
import { given } from '../args';
import type { Command } from '../command';
import { readInputFile } from '../files';
import { importText } from '../import-report';
import { EXIT } from '../io';

export const importCommand: Command = {
  kind: 'ledger',
  plan: ({ invocation }) => {
    const dryRun = given(invocation, 'dry-run');
    const json = given(invocation, 'json');
    // Read before the ledger is opened, so a missing file never touches it.
    const bytes = readInputFile(invocation.arg);
    return {
      writes: !dryRun,
      async run({ service, io }) {
        // --json lists every row; the text lists only the problems, so needs only the rows that have one.
        const report = await service.importCsv({
          base64: bytes.toString('base64'),
          dryRun,
          force: given(invocation, 'force'),
          allRows: json,
        });
        const refused = report.fileIssues.length > 0 || report.invalid > 0;
        (refused && !json ? io.err : io.out)(json ? JSON.stringify(report, null, 2) : importText(report));
        return refused ? EXIT.badInput : EXIT.ok;
      },
    };
  },
};
