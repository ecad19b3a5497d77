/**
 * One reading and one refusal for every date a person types: the B/L date, a laycan's days, a
 * what-if stoppage's. 31.11.2026 and 31.04.2026 are refused alike wherever they are typed: they do
 * not exist, and the refusal says how many days the month has (its facts let a screen say it in
 * any language); only text that is no date at all is "not a date".
 */
import type { FieldIssue } from '../electron/core/api';
import { DEFAULT_FLEET } from '../electron/core/fleet';
import { readNomination } from '../electron/core/nomination';
import { readStoppage } from '../electron/core/scenario';
import { validateShipment } from '../electron/core/shipment';

const context = { today: '2026-12-15', findByBlNumber: () => undefined, findSameCargo: () => [] };

function blDateIssue(blDate: string): FieldIssue | undefined {
  const result = validateShipment({ blDate, vessel: 'Astana', netTonnes: '9000' }, context);
  return result.ok ? undefined : result.errors.find((issue) => issue.field === 'blDate');
}

function laycanIssues(laycanFrom: string, laycanTo: string): FieldIssue[] {
  const read = readNomination(
    { month: '2026-11', vessel: 'Astana', laycanFrom, laycanTo, tonnes: '9000' },
    DEFAULT_FLEET,
    false,
  );
  return read.ok ? [] : read.issues.filter((issue) => issue.field.startsWith('laycan'));
}

function stoppageIssues(from: string, to: string): FieldIssue[] {
  const read = readStoppage(from, to);
  return Array.isArray(read) ? read : [];
}

describe('a day past the end of its month', () => {
  test('31.11.2026 as a B/L date: November 2026 has 30 days', () => {
    expect(blDateIssue('31.11.2026')).toEqual({
      field: 'blDate',
      code: 'blDate.impossible',
      message: 'B/L date 31.11.2026 does not exist: November 2026 has 30 days.',
      facts: { value: '31.11.2026', year: 2026, month: 11, days: 30 },
    });
  });

  test('31.11.2026 as a laycan day is refused the same way, with the same facts', () => {
    expect(laycanIssues('31.11.2026', '31.04.2026')).toEqual([
      {
        field: 'laycanFrom',
        code: 'laycan.impossible',
        message: 'Laycan from 31.11.2026 does not exist: November 2026 has 30 days.',
        facts: { value: '31.11.2026', year: 2026, month: 11, days: 30 },
      },
      {
        field: 'laycanTo',
        code: 'laycan.impossible',
        message: 'Laycan to 31.04.2026 does not exist: April 2026 has 30 days.',
        facts: { value: '31.04.2026', year: 2026, month: 4, days: 30 },
      },
    ]);
  });

  test('31.04.2026 as a stoppage day is refused the same way, with the same facts', () => {
    expect(stoppageIssues('31.04.2026', '2026-04-31')).toEqual([
      {
        field: 'stoppageFrom',
        code: 'stoppageFrom.impossible',
        message: 'Stoppage from 31.04.2026 does not exist: April 2026 has 30 days.',
        facts: { value: '31.04.2026', year: 2026, month: 4, days: 30 },
      },
      {
        field: 'stoppageTo',
        code: 'stoppageTo.impossible',
        message: 'Stoppage to 2026-04-31 does not exist: April 2026 has 30 days.',
        facts: { value: '2026-04-31', year: 2026, month: 4, days: 30 },
      },
    ]);
  });
});

describe('a month that does not exist, and text that is no date', () => {
  test('01.13.2026 names the month read, wherever it is typed', () => {
    const facts = { value: '01.13.2026', year: 2026, month: 13 };
    expect(blDateIssue('01.13.2026')).toMatchObject({ code: 'blDate.impossible', facts });
    expect(laycanIssues('01.13.2026', '2026-11-05')[0]).toMatchObject({ code: 'laycan.impossible', facts });
    expect(stoppageIssues('01.13.2026', '2026-11-05')[0]).toMatchObject({
      code: 'stoppageFrom.impossible',
      facts,
    });
  });

  test('"soon" is not a date, as typed, in every field', () => {
    const facts = { value: 'soon' };
    expect(blDateIssue('soon')).toMatchObject({ code: 'blDate.format', facts });
    expect(laycanIssues('2026-11-01', 'soon')).toEqual([
      expect.objectContaining({ field: 'laycanTo', code: 'laycan.format', facts }),
    ]);
    expect(stoppageIssues('2026-11-01', 'soon')).toEqual([
      expect.objectContaining({ field: 'stoppageTo', code: 'stoppageTo.format', facts }),
    ]);
  });
});
