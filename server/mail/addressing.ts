import type { AddressSource } from '../../shared/api';
import { isValidAddress, normaliseAddress } from '../recipients/address';
import type { Row } from '../store/lists';

/** Cc, Bcc and Reply-To of a run: fixed addresses or columns of the list. */
export interface AddressingSpec { cc: AddressSource[]; bcc: AddressSource[]; replyTo: AddressSource | null }

/** A value that is not an address, and where it came from. */
export interface AddressProblem { field: 'cc' | 'bcc' | 'replyTo'; column: string | null; value: string }

/** One recipient's resolved addressing. */
export interface Addressing { cc: string[]; bcc: string[]; replyTo: string | undefined; problems: AddressProblem[] }

/** Exchange Online refuses a message with more recipients than this. */
export const MAX_RECIPIENTS_PER_MESSAGE = 500;

/** True when the spec adds nothing to a message. */
export function isEmptyAddressing(spec: AddressingSpec): boolean {
  return spec.cc.length === 0 && spec.bcc.length === 0 && spec.replyTo === null;
}

/** The columns an addressing spec reads. */
export function addressingColumns(spec: AddressingSpec): string[] {
  const sources = [...spec.cc, ...spec.bcc, ...(spec.replyTo ? [spec.replyTo] : [])];
  return sources.flatMap((s) => ('column' in s ? [s.column] : []));
}

/**
 * Resolves Cc, Bcc and Reply-To for one row. A column may hold several addresses separated by `;`
 * or `,`; an empty cell adds nobody. Each person receives one copy: Cc drops the To address, Bcc
 * drops both, and duplicates go (case-insensitively).
 */
export function resolveAddressing(spec: AddressingSpec, to: string, row: Row): Addressing {
  const problems: AddressProblem[] = [];
  const seen = new Set([to.toLowerCase()]);
  const collect = (field: 'cc' | 'bcc', sources: AddressSource[]): string[] => {
    const out: string[] = [];
    for (const source of sources) {
      for (const address of addressesOf(source, row, field, problems)) {
        const key = address.toLowerCase();
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(address);
      }
    }
    return out;
  };
  const cc = collect('cc', spec.cc);
  const bcc = collect('bcc', spec.bcc);
  const replyTo = spec.replyTo ? addressesOf(spec.replyTo, row, 'replyTo', problems)[0] : undefined;
  return { cc, bcc, replyTo, problems };
}

function addressesOf(source: AddressSource, row: Row, field: AddressProblem['field'], problems: AddressProblem[]): string[] {
  if ('address' in source) return [source.address];
  const cell = row[source.column];
  if (cell === null || cell === undefined) return [];
  const out: string[] = [];
  for (const part of String(cell).split(/[;,]/)) {
    const address = normaliseAddress(part);
    if (!address) continue;
    if (isValidAddress(address)) out.push(address);
    else problems.push({ field, column: source.column, value: part.trim() });
  }
  return out;
}
