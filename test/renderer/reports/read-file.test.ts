import { readFileAsBase64 } from '../../../renderer/src/reports/read-file';

const bytesOf = (base64: string) => [...atob(base64)].map((c) => c.charCodeAt(0));

test('a file is read as its exact bytes: invalid UTF-8 and Windows-1251 reach the core unchanged', async () => {
  // "Ast\xFF(na", then "Судно" in Windows-1251: neither is UTF-8, and a page decoder would have changed both.
  const bytes = [0x41, 0x73, 0x74, 0xff, 0x28, 0x6e, 0x61, 0x0a, 0xd1, 0xf3, 0xe4, 0xed, 0xee];
  expect(bytesOf(await readFileAsBase64(new Blob([new Uint8Array(bytes)], { type: 'text/csv' })))).toEqual(
    bytes,
  );
});

test('UTF-16 with its BOM and zero bytes arrives whole', async () => {
  const bytes = [0xff, 0xfe, 0x41, 0x00, 0x0a, 0x00];
  expect(bytesOf(await readFileAsBase64(new Blob([new Uint8Array(bytes)])))).toEqual(bytes);
});

test('an empty file is empty base64', async () => {
  expect(await readFileAsBase64(new Blob([]))).toBe('');
});
