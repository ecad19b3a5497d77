/**
 * A tanker added to the fleet or changed (Settings, the CLI): untrusted input read into a whole
 * FleetVessel, or refused with codes and facts. A name or alias another tanker already answers to
 * is refused, so that every typed name still means one tanker.
 */
import { z } from 'zod';
import { lookKey, vesselKey, vesselKeys, type FleetVessel } from './fleet';
import { invalid, type FieldIssue } from './errors';
import { ambiguityIssue, formatKgAsTonnes, readQuantity } from './quantity';
import { shown, strictShape } from './requests';

const vesselShape = z.strictObject({
  id: z.unknown().optional(),
  name: z.unknown(),
  imo: z.unknown().optional(),
  deadweightTonnes: z.unknown().optional(),
  aliases: z.unknown().optional(),
  retired: z.unknown().optional(),
});

/** No tanker on the Caspian carries this much; a deadweight above it is mistyped. */
const MAX_DEADWEIGHT_KG = 100_000_000;
const MAX_NAME_LENGTH = 100;
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

function refuse(field: string, code: string, message: string, facts?: FieldIssue['facts']): never {
  throw invalid([facts ? { field, code, message, facts } : { field, code, message }]);
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function readName(value: unknown, field: string, label: string): string {
  if (isBlank(value)) return refuse(field, 'fleet.name_required', `${label} is required.`);
  if (typeof value !== 'string') return refuse(field, 'request.invalid', `${label} must be text.`);
  const name = value.trim().replace(/\s+/g, ' ');
  if (name.length > MAX_NAME_LENGTH)
    return refuse(
      field,
      'fleet.name_too_long',
      `${label} is ${name.length} characters long; at most ${MAX_NAME_LENGTH} are allowed.`,
      { length: name.length, limit: MAX_NAME_LENGTH },
    );
  if (CONTROL_CHARS.test(name) || vesselKey(name) === '')
    return refuse(field, 'fleet.name_invalid', `${label} "${shown(name)}" is not a tanker's name.`, {
      value: shown(name),
    });
  return name;
}

function readImo(value: unknown): string | null {
  if (isBlank(value)) return null;
  const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
  const digits = /^(?:IMO\s*)?(\d{7})$/i.exec(text)?.[1];
  if (!digits)
    return refuse('imo', 'imo.format', `IMO number "${shown(text)}" must be 7 digits, e.g. 9301615.`, {
      value: shown(text),
    });
  let sum = 0;
  for (let i = 0; i < 6; i++) sum += Number(digits[i]) * (7 - i);
  if (sum % 10 !== Number(digits[6]))
    return refuse('imo', 'imo.check_digit', `IMO number ${digits} fails its check digit.`, { value: digits });
  return digits;
}

function readDeadweight(value: unknown): number | null {
  if (isBlank(value)) return null;
  const reading = typeof value === 'string' || typeof value === 'number' ? readQuantity(value) : null;
  const text = shown(value).trim();
  if (reading !== null && !reading.ok && reading.reason === 'ambiguous')
    throw invalid([ambiguityIssue('deadweightTonnes', 'Deadweight', text, reading, 't')]);
  if (reading === null || !reading.ok || reading.kg <= 0 || reading.kg > MAX_DEADWEIGHT_KG)
    return refuse(
      'deadweightTonnes',
      'deadweightTonnes.invalid',
      `Deadweight "${text}" must be tonnes above zero, up to ${formatKgAsTonnes(MAX_DEADWEIGHT_KG)}, e.g. 13000.`,
      { value: text },
    );
  return reading.kg;
}

function readAliases(value: unknown): string[] {
  if (isBlank(value)) return [];
  const list = typeof value === 'string' ? value.split(/[,;\n]/) : value;
  if (!Array.isArray(list)) return refuse('aliases', 'request.invalid', 'Aliases must be a list of names.');
  const names = list.filter((item) => !isBlank(item)).map((item) => readName(item, 'aliases', 'An alias'));
  const keys = new Set<string>();
  return names.filter((name) => !keys.has(vesselKey(name)) && keys.add(vesselKey(name)));
}

function readRetired(value: unknown, was: boolean): boolean {
  if (value === undefined || value === null) return was;
  if (typeof value !== 'boolean')
    return refuse('retired', 'request.invalid', 'Retired must be true or false.');
  return value;
}

/**
 * Refuses a name or alias another tanker already answers to (the same spelling), or that looks
 * like one of its names on screen (`Tapa3` in Latin letters beside `Тара3` in Cyrillic).
 */
function checkUnique(vessel: FleetVessel, fleet: readonly FleetVessel[]): void {
  const mine = [['name', vessel.name], ...vessel.aliases.map((a) => ['aliases', a])] as const;
  for (const other of fleet) {
    if (other.id === vessel.id) continue;
    const theirs = [other.name, ...other.aliases];
    const taken = new Set(theirs.flatMap(vesselKeys));
    for (const [field, name] of mine) {
      if (vesselKeys(name).some((key) => taken.has(key)))
        refuse(field, 'fleet.name_taken', `"${name}" is already ${other.name} in the fleet.`, {
          value: name,
          vessel: other.name,
        });
      const like = theirs.find((spelling) => lookKey(spelling) === lookKey(name));
      if (like !== undefined)
        refuse(
          field,
          'fleet.name_lookalike',
          `"${name}" looks the same as "${like}" (${other.name} in the fleet), written in other letters; ` +
            'a clerk could not tell them apart. Give the tanker a name that reads differently.',
          { value: name, vessel: other.name, like },
        );
    }
  }
}

/** The tanker the request describes, whole; `newId` names a new one. */
export function parseVesselRequest(
  value: unknown,
  fleet: readonly FleetVessel[],
  newId: () => string,
): FleetVessel {
  const input = strictShape(vesselShape, value, 'a fleet vessel');
  const existing = isBlank(input.id) ? null : fleet.find((vessel) => vessel.id === input.id);
  if (existing === undefined)
    return refuse('id', 'fleet.not_found', `There is no vessel with id ${shown(input.id)} in the fleet.`);
  const vessel: FleetVessel = {
    id: existing?.id ?? newId(),
    name: readName(input.name, 'name', 'The vessel name'),
    imo: readImo(input.imo),
    deadweightKg: readDeadweight(input.deadweightTonnes),
    aliases: readAliases(input.aliases),
    retired: readRetired(input.retired, existing?.retired ?? false),
  };
  checkUnique(vessel, fleet);
  return vessel;
}
