import type { AddressSource } from '../../../shared/api';

const ADDRESS = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;
const COLUMN = /^\{\{\s*([^{}]+?)\s*\}\}$/;

/**
 * The start time typed into a `datetime-local` input (the user's local time) as an ISO instant:
 * undefined when empty (start at once), null when unreadable or not in the future.
 */
export function scheduledAtOf(input: string, now: Date): string | undefined | null {
  if (!input.trim()) return undefined;
  const at = new Date(input);
  if (Number.isNaN(at.getTime()) || at.getTime() <= now.getTime()) return null;
  return at.toISOString();
}

/**
 * Cc/Bcc/Reply-To as typed: addresses separated by commas or semicolons; `{{column}}` takes each
 * recipient's value of that column. Undefined when empty, null when an entry is not an address.
 */
export function addressSourcesOf(input: string): AddressSource[] | undefined | null {
  const parts = input.split(/[,;]/).map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0) return undefined;
  const sources: AddressSource[] = [];
  for (const part of parts) {
    const column = COLUMN.exec(part);
    if (column) sources.push({ column: column[1] });
    else if (ADDRESS.test(part)) sources.push({ address: part });
    else return null;
  }
  return sources;
}
