/**
 * Filters and exclusion lists as people type them outside the task pane (the CLI): the filter
 * model as JSON, or the readable expression language; addresses and domains one per line.
 */
import { FilterSyntaxError, parseFilterExpression } from '../../shared/audience';
import type { FilterNode } from '../../shared/audience';

/** A filter that cannot be read; the message says where, with the expression and a caret under the spot. */
export class FilterInputError extends Error {}

/**
 * Reads a filter expression. The tree is returned as the JSON model so that it is validated the
 * same way as one sent over HTTP.
 */
export function parseFilterText(text: string): FilterNode {
  try {
    return parseFilterExpression(text);
  } catch (err) {
    if (!(err instanceof FilterSyntaxError)) throw err;
    // The caret line only helps for one-line expressions, which is what a command line holds.
    const shown = text.includes('\n') ? '' : `\n  ${text}\n  ${' '.repeat(err.position)}^`;
    throw new FilterInputError(`${err.message}.${shown}`);
  }
}

/** Reads a JSON filter file's text; the model is validated later, with paths, by the request schema. */
export function parseFilterJson(text: string, fileName: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new FilterInputError(`${fileName} is not valid JSON: ${(err as Error).message}`);
  }
}

/** Addresses and domains from a file: one per line (or separated by `;` or `,`); blank lines and lines starting with `#` ignored. */
export function parseAddressList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .filter((line) => !line.trimStart().startsWith('#'))
    .flatMap((line) => line.split(/[;,]/))
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}
