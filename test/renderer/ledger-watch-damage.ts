/**
 * Damaged ledgers as the core reports them: a real ledger written by the core's service, damaged
 * the way a crash or a person would, and opened again, so the banner's specs read the report the
 * core gives today (its codes, numbers and excerpts), not a copy of it written by hand. The core's
 * modules use Node, which the page's types leave out: they are loaded untyped and typed here.
 */
import type { LedgerInfo, ShipmentInput } from '../../electron/core/api';

interface Fs {
  mkdtempSync(prefix: string): string;
  readFileSync(path: string, encoding: 'utf8'): string;
  writeFileSync(path: string, data: string): void;
  rmSync(path: string, options: { recursive: boolean; force: boolean }): void;
}

interface Service {
  recordShipment(
    input: ShipmentInput,
    options: { ledgerId: string; force?: boolean },
  ): Promise<{ shipment: { id: string } }>;
  amendShipment(
    id: string,
    changes: ShipmentInput,
    options: { ledgerId: string; reason: string },
  ): Promise<unknown>;
  info(): Promise<LedgerInfo>;
  close(): void;
}

const fs = jest.requireActual<Fs>('node:fs');
const { tmpdir } = jest.requireActual<{ tmpdir(): string }>('node:os');
const { LedgerService } = jest.requireActual<{
  LedgerService: { open(path: string, options: object): Service };
}>('../../electron/core/service');

const now = () => new Date('2024-08-15T12:00:00Z');

/** Cargoes as a clerk records them; the last is Бакы's, the one a torn write loses. */
const CARGOES: ShipmentInput[] = [
  { blDate: '2024-08-01', vessel: 'Astana', blNumber: 'AKT-0801', netTonnes: '9959.5' },
  { blDate: '2024-08-03', vessel: 'Aktau', blNumber: 'AKT-0803', netTonnes: '7200' },
  { blDate: '2024-08-05', vessel: 'Astana', blNumber: 'AKT-0805', netTonnes: '9980.25' },
  { blDate: '2024-08-07', vessel: 'Бакы', blNumber: 'AKT-0807', netTonnes: '10010.125' },
];

/**
 * torn-tail: a crash mid-write of the last cargo; cut-two: the last two lines deleted; swapped: two
 * lines out of order; amended-damaged: Aktau's record damaged after it was amended, so its
 * amendment is left out too.
 */
export type Damage = 'torn-tail' | 'cut-two' | 'swapped' | 'amended-damaged';

async function write(
  file: string,
  cargoes: readonly ShipmentInput[],
  beforeLast?: (file: string) => void,
): Promise<void> {
  const service = LedgerService.open(file, { actor: 'clerk', now });
  for (const [i, cargo] of cargoes.entries()) {
    if (i === cargoes.length - 1) beforeLast?.(file);
    // Confirmed, as a clerk would: Бакы is no tanker of the fleet.
    await service.recordShipment(cargo, { ledgerId: 'real', force: true });
  }
  service.close();
}

const lines = (file: string) =>
  fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '');

/** What opening the ledger after `damage` reports; `readOnly` as a second program would open it. */
export async function damagedLedgerInfo(damage: Damage, readOnly = false): Promise<LedgerInfo> {
  const dir = fs.mkdtempSync(`${tmpdir()}/transit-banner-`);
  const file = `${dir}/ledger.jsonl`;
  try {
    if (damage === 'torn-tail') {
      // A crash mid-write: the tip (written after each append) still names the entry before, and the last line is cut.
      let tip = '';
      await write(file, CARGOES, (path) => (tip = fs.readFileSync(`${path}.tip`, 'utf8')));
      fs.writeFileSync(`${file}.tip`, tip);
      const text = fs.readFileSync(file, 'utf8');
      fs.writeFileSync(file, text.slice(0, text.length - 60));
    } else if (damage === 'cut-two') {
      await write(file, CARGOES);
      fs.writeFileSync(file, `${lines(file).slice(0, -2).join('\n')}\n`); // sed -i '$d', twice
    } else if (damage === 'amended-damaged') {
      await write(file, CARGOES);
      const service = LedgerService.open(file, { actor: 'clerk', now });
      const { shipment } = await service.recordShipment(
        { blDate: '2024-08-09', vessel: 'Taraz', blNumber: 'AKT-0809', netTonnes: '6980' },
        { ledgerId: 'real' },
      );
      await service.amendShipment(
        shipment.id,
        { status: 'discharged' },
        { ledgerId: 'real', reason: 'arrived' },
      );
      service.close();
      // One digit of Taraz's tonnes changed by hand: its checksum no longer matches.
      const all = lines(file).map((line) => line.replace('"netKg":6980000', '"netKg":6980900'));
      fs.writeFileSync(file, `${all.join('\n')}\n`);
    } else {
      await write(file, CARGOES);
      const all = lines(file);
      [all[2], all[3]] = [all[3] as string, all[2] as string];
      fs.writeFileSync(file, `${all.join('\n')}\n`);
    }
    const service = LedgerService.open(file, { actor: 'clerk', now, readOnly });
    const info = await service.info();
    service.close();
    return info;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
