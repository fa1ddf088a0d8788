import type { ListSummary } from '../../../shared/api';
import { DEFAULT_ADDRESS_CHOICE } from '../audience/addressChoice';
import type { AudienceChoices } from '../audience/audienceSpec';
import { DEFAULT_COMPANY_CHOICE } from '../audience/companies';
import { EMPTY_FILTER } from '../audience/filterModel';
import { NO_MARKS } from '../audience/marks';
import { newRepeat, type RepeatInput } from '../options/repeat';
import { NO_FILES, type MessageFiles, type TemplateOrigin } from '../message/files';

/** The steps of the guided flow, in order. */
export const STEPS = ['recipients', 'message', 'options', 'review', 'sending', 'report'] as const;

/** One step of the guided flow. */
export type Step = (typeof STEPS)[number];

/** Where sent copies go: an existing folder, or a new one to create by name. */
export type FolderChoice = { mode: 'existing'; id: string | null } | { mode: 'new'; name: string };

/** Run options as typed into the form (strings until validated). */
export interface OptionInputs {
  maxErrors: string;
  batchSize: string;
  batchInterval: string;
  perMinute: string;
}

/** Everything the user has chosen so far for one mailing: who gets it (see audience/audienceSpec.ts), then the rest. */
export interface Mailing extends AudienceChoices {
  step: Step;
  list: ListSummary | null;
  subject: string;
  html: string;
  draftLoaded: boolean;
  /** Files for everyone and per recipient (see message/files.ts). */
  files: MessageFiles;
  /** The library template the message was filled from, if any. */
  fromTemplate: TemplateOrigin | null;
  folder: FolderChoice;
  folderId: string | null;
  folderName: string | null;
  options: OptionInputs;
  acceptUnknown: boolean;
  /** `datetime-local` value; empty starts at once. */
  scheduleAt: string;
  /** Once (a run), or a rule that saves the mailing as a schedule instead. */
  repeat: RepeatInput;
  /** Cc, Bcc and Reply-To as typed (see extras.ts). */
  cc: string;
  bcc: string;
  replyTo: string;
  runId: string | null;
}

/** A fresh mailing at its first step. */
export function newMailing(): Mailing {
  return {
    step: 'recipients',
    list: null,
    emailColumn: null,
    filter: EMPTY_FILTER,
    marks: NO_MARKS,
    exclusions: '',
    addressChoice: DEFAULT_ADDRESS_CHOICE,
    companies: DEFAULT_COMPANY_CHOICE,
    subject: '',
    html: '',
    draftLoaded: false,
    files: NO_FILES,
    fromTemplate: null,
    folder: { mode: 'existing', id: null },
    folderId: null,
    folderName: null,
    options: { maxErrors: '0', batchSize: '', batchInterval: '', perMinute: '' },
    acceptUnknown: false,
    scheduleAt: '',
    repeat: newRepeat(),
    cc: '',
    bcc: '',
    replyTo: '',
    runId: null,
  };
}

/** Applies a partial change to a mailing. */
export type UpdateMailing = (patch: Partial<Mailing>) => void;

/** Parses an optional whole number within bounds: undefined when empty, null when invalid. */
export function parseWhole(input: string, min: number, max: number): number | undefined | null {
  const trimmed = input.trim();
  if (trimmed === '') return undefined;
  if (!/^\d+$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return n >= min && n <= max ? n : null;
}

/** Limits of each numeric option, matching the server's RunOptions schema. */
export const OPTION_LIMITS: Record<keyof OptionInputs, { min: number; max: number }> = {
  maxErrors: { min: 0, max: 100_000 },
  batchSize: { min: 1, max: 100_000 },
  batchInterval: { min: 0, max: 86_400 },
  perMinute: { min: 1, max: 10_000 },
};

/** The run options to send, or null when some input is invalid. */
export function runOptionsOf(inputs: OptionInputs, acceptUnknownFields: boolean) {
  const value = (key: keyof OptionInputs) => parseWhole(inputs[key], OPTION_LIMITS[key].min, OPTION_LIMITS[key].max);
  const maxErrors = value('maxErrors');
  const batchSize = value('batchSize');
  const batchIntervalSeconds = value('batchInterval');
  const perMinute = value('perMinute');
  if ([maxErrors, batchSize, batchIntervalSeconds, perMinute].includes(null)) return null;
  return {
    maxErrors: maxErrors ?? 0,
    acceptUnknownFields,
    ...(batchSize !== undefined && { batchSize: batchSize as number }),
    ...(batchIntervalSeconds !== undefined && { batchIntervalSeconds: batchIntervalSeconds as number }),
    ...(perMinute !== undefined && { perMinute: perMinute as number }),
  };
}
