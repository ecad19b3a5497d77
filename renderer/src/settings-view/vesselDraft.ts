/**
 * A tanker as the fleet editor holds it while it is typed: text, as the person wrote it. The core
 * reads it (saveVessel) and says what is wrong by codes, which are worded here in the page's language.
 */
import type { FieldIssue, FleetVessel, VesselInput } from '../../../electron/core/api';
import { integer, quantityInput, wholeTonnes } from '../format';
import { MESSAGES, translate, type Vars } from '../i18n';
import type { Language } from '../settings';

export interface VesselDraft {
  /** Null for a tanker not yet in the fleet. */
  id: string | null;
  name: string;
  imo: string;
  deadweight: string;
  /** Other spellings, comma-separated. */
  aliases: string;
  retired: boolean;
}

export const NEW_VESSEL: VesselDraft = {
  id: null,
  name: '',
  imo: '',
  deadweight: '',
  aliases: '',
  retired: false,
};

export function draftOf(vessel: FleetVessel, language: Language): VesselDraft {
  return {
    id: vessel.id,
    name: vessel.name,
    imo: vessel.imo ?? '',
    deadweight: vessel.deadweightKg === null ? '' : quantityInput(language, vessel.deadweightKg),
    aliases: vessel.aliases.join(', '),
    retired: vessel.retired,
  };
}

/** What saveVessel is sent for a draft. */
export function inputOf(draft: VesselDraft): VesselInput {
  return {
    ...(draft.id === null ? {} : { id: draft.id }),
    name: draft.name,
    imo: draft.imo,
    deadweightTonnes: draft.deadweight,
    aliases: draft.aliases,
    retired: draft.retired,
  };
}

/** A tanker already in the fleet, stated whole again with `retired` changed. */
export function retiredInput(vessel: FleetVessel, retired: boolean): VesselInput {
  return {
    id: vessel.id,
    name: vessel.name,
    imo: vessel.imo,
    deadweightTonnes: vessel.deadweightKg === null ? null : vessel.deadweightKg / 1000,
    aliases: [...vessel.aliases],
    retired,
  };
}

/** The form's field an issue belongs to, or null for the form as a whole. */
export type DraftField = 'name' | 'imo' | 'deadweight' | 'aliases';

export function draftFieldOf(issue: FieldIssue): DraftField | null {
  if (issue.field === 'deadweightTonnes') return 'deadweight';
  return issue.field === 'name' || issue.field === 'imo' || issue.field === 'aliases' ? issue.field : null;
}

/** The core's refusal in the page's language (`settings.fleet.issue.<code>`), or its own words when there is none. */
export function vesselIssueText(language: Language, issue: FieldIssue): string {
  const key = `settings.fleet.issue.${issue.code}`;
  if (!(key in MESSAGES.en)) return issue.message;
  const vars: Vars = {};
  for (const [name, fact] of Object.entries(issue.facts ?? {})) {
    const kg = name.endsWith('Kg');
    const shown = kg ? wholeTonnes(language, Number(fact)) : integer(language, Number(fact));
    vars[kg ? name.slice(0, -2) : name] = typeof fact === 'number' ? shown : fact;
  }
  const text = translate(language, key, vars);
  return /\{\w+\}/.test(text) ? issue.message : text;
}
