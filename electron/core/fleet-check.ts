/**
 * What the fleet says of a cargo's vessel and tonnes, for the validator (shipment.ts): a known
 * spelling or alias becomes the fleet's name; an unknown name is asked about with the closest names
 * offered; a cargo above its tanker's deadweight is asked about. Both questions refuse until the
 * person confirms (force), as every "unusual" figure does. Pure: no Node.
 */
import type { ShipmentFields } from './api';
import type { FieldIssue, IssueFacts } from './errors';
import {
  ABOVE_DEADWEIGHT,
  LOOKALIKE_VESSEL,
  matchVessel,
  SUGGESTION_SEPARATOR,
  UNKNOWN_VESSEL,
  type FleetVessel,
} from './fleet';
import { OVERRIDE_CARGO_KG } from './limits';
import { formatKgAsTonnes } from './quantity';

/** What the fleet looks at: the vessel's name and the tonnes it carries. */
type VesselAndTonnes = Pick<ShipmentFields, 'vessel' | 'netKg'>;

export interface FleetFindings<T extends VesselAndTonnes = ShipmentFields> {
  /** The fields with the vessel as the fleet writes it (unchanged when unknown). */
  fields: T;
  /** Questions: refusals until confirmed, warnings once confirmed. */
  questions: FieldIssue[];
}

function unknownVessel(typed: string, suggestions: readonly string[], force: boolean): FieldIssue {
  const offered = suggestions.length > 0 ? ` The closest in the fleet: ${suggestions.join(', ')}.` : '';
  const message = force
    ? `Vessel "${typed}" is not in the fleet; saved as typed, as confirmed.`
    : `Vessel "${typed}" is not in the fleet.${offered} Correct the name, or confirm it to keep it as typed ` +
      '(a new tanker can be added to the fleet in Settings, or with `fleet add`).';
  const facts: IssueFacts =
    suggestions.length > 0
      ? { value: typed, suggestions: suggestions.join(SUGGESTION_SEPARATOR) }
      : { value: typed };
  return { field: 'vessel', code: UNKNOWN_VESSEL, message, overridable: true, facts };
}

/** A name that reads as two or more tankers: which one is asked, each offered; confirmed, it is kept as typed. */
function lookalikeVessel(typed: string, vessels: readonly string[], force: boolean): FieldIssue {
  const message = force
    ? `Vessel "${typed}" reads as ${vessels.join(' or ')}; saved as typed, as confirmed.`
    : `Vessel "${typed}" reads as more than one tanker in the fleet: ${vessels.join(', ')}. ` +
      'Choose the one meant; its letters are mixed Latin and Cyrillic or spell two names alike.';
  const facts: IssueFacts = { value: typed, suggestions: vessels.join(SUGGESTION_SEPARATOR) };
  return { field: 'vessel', code: LOOKALIKE_VESSEL, message, overridable: true, facts };
}

function aboveDeadweight(
  fields: VesselAndTonnes,
  vessel: FleetVessel,
  deadweightKg: number,
  force: boolean,
): FieldIssue {
  const deadweight = formatKgAsTonnes(deadweightKg);
  const said = `${formatKgAsTonnes(fields.netKg)} t is more than ${vessel.name} carries (deadweight ${deadweight} t)`;
  return {
    field: 'netTonnes',
    code: ABOVE_DEADWEIGHT,
    message: force
      ? `${said}; saved as confirmed.`
      : `${said}. Check the figure and the vessel; if both are right, confirm them.`,
    overridable: true,
    facts: { vessel: vessel.name, deadweightKg, tonnesKg: fields.netKg },
  };
}

/** The fleet's questions about a cargo whose fields were read; `force`: the person confirmed unusual values. */
export function checkFleet<T extends VesselAndTonnes>(
  fields: T,
  fleet: readonly FleetVessel[],
  force: boolean,
): FleetFindings<T> {
  const match = matchVessel(fleet, fields.vessel);
  if (!match.known) {
    const ask = match.lookalike ? lookalikeVessel : unknownVessel;
    return { fields, questions: [ask(fields.vessel, match.suggestions, force)] };
  }
  const named = match.vessel.name === fields.vessel ? fields : { ...fields, vessel: match.vessel.name };
  const { deadweightKg } = match.vessel;
  // Above what any Caspian tanker carries the route's own question (netTonnes.unusual) is asked instead.
  const above = deadweightKg !== null && fields.netKg > deadweightKg && fields.netKg <= OVERRIDE_CARGO_KG;
  const questions = above ? [aboveDeadweight(fields, match.vessel, deadweightKg, force)] : [];
  return { fields: named, questions };
}
