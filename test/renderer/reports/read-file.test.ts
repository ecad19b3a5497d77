import { readCsvFile } from '../../../renderer/src/reports/read-file';

const { TextDecoder: NodeTextDecoder } = jest.requireActual<{ TextDecoder: typeof TextDecoder }>('node:util');

// jsdom has no TextDecoder; browsers and Electron do.
const globals = globalThis as { TextDecoder?: unknown };

afterEach(() => {
  delete globals.TextDecoder;
});

test('a UTF-8 file is read as it is', async () => {
  globals.TextDecoder = NodeTextDecoder;
  const file = new Blob([new Uint8Array([0x53, 0xd1, 0x83, 0xd0, 0xb4, 0xd0, 0xbd, 0xd0, 0xbe])]); // "Sудно" in UTF-8
  expect(await readCsvFile(file, 'ru')).toEqual({ text: 'Sудно', encoding: null });
});

test("a plain Excel CSV in the Windows code page of the person's language is read in that code page, and said so", async () => {
  globals.TextDecoder = NodeTextDecoder;
  // "Судно;Тонны" in windows-1251, as Russian Excel saves "CSV (разделители - точка с запятой)".
  const file = new Blob([new Uint8Array([0xd1, 0xf3, 0xe4, 0xed, 0xee, 0x3b, 0xd2, 0xee, 0xed, 0xed, 0xfb])]);
  expect(await readCsvFile(file, 'ru')).toEqual({ text: 'Судно;Тонны', encoding: 'windows-1251' });
});

test('without TextDecoder the file is read as UTF-8 text', async () => {
  expect(await readCsvFile(new Blob(['Vessel,Net tonnes\nAstana,9959.5\n']), 'en')).toEqual({ text: 'Vessel,Net tonnes\nAstana,9959.5\n', encoding: null });
});
