/**
 * Text as Russian Excel saves it, in Windows-1251, written by hand from the code page (А–я are
 * 0xC0–0xFF) so a test does not lean on the decoder it checks.
 */
const OUTSIDE_A_TO_YA: Record<string, number> = {
  '№': 0xb9,
  '«': 0xab,
  '»': 0xbb,
  '–': 0x96,
  '—': 0x97,
  '\u00a0': 0xa0,
  Ё: 0xa8,
  ё: 0xb8,
  І: 0xb2,
  і: 0xb3,
};

/** The Windows-1251 bytes of `text`; throws on a character the table above does not hold. */
export function cp1251(text: string): Uint8Array {
  return new Uint8Array(
    [...text].map((c) => {
      const code = c.charCodeAt(0);
      if (code < 0x80) return code;
      if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
      const byte = OUTSIDE_A_TO_YA[c];
      if (byte === undefined) throw new Error(`no Windows-1251 byte for ${c}`);
      return byte;
    }),
  );
}
