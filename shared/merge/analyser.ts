import { collectFieldUsages, listParts, parsePart, type FieldUsage, type MergeOptions, type ParsedPart, type TemplateSource } from './message-template';
import { TemplateSyntaxError, type TemplatePart } from './parser';

/** A syntax error found by analysis (which reports rather than throws). */
export interface TemplateSyntaxProblem { part: TemplatePart; line: number; column: number; message: string }

/** A field that is empty for some recipients. */
export interface EmptyFieldCount { field: string; count: number; sampleRowIndexes: number[] }

/** What a template uses, what is wrong with it, and what is missing per recipient. */
export interface TemplateAnalysis {
  /** Every field name used, in order of first use (as CompiledMessageTemplate.fields). */
  fields: string[];
  /** Fields used that are not columns (nor found inside a section's values in the rows). */
  unknownFields: string[];
  /** "Did you mean": the likely column for each unknown field that has one. */
  suggestions: Record<string, string>;
  syntaxErrors: TemplateSyntaxProblem[];
  /** Known fields merged outside a guard on themselves, with the rows where they are empty. */
  emptyPerField: EmptyFieldCount[];
}

const sampleSize = 5;

/** Analyses a template against the columns (and optionally rows) of the recipient data. */
export function analyseTemplate(
  src: TemplateSource,
  columns: string[],
  rows: Array<Record<string, unknown>> = [],
  options: MergeOptions = {},
): TemplateAnalysis {
  const syntaxErrors: TemplateSyntaxProblem[] = [];
  const parsed: ParsedPart[] = [];
  for (const part of listParts(src)) {
    try {
      parsed.push(parsePart(src, part));
    } catch (err) {
      if (!(err instanceof TemplateSyntaxError)) throw err;
      syntaxErrors.push(toProblem(err));
    }
  }
  let usages = new Map<string, FieldUsage>();
  try {
    usages = collectFieldUsages(parsed, options.partials);
  } catch (err) {
    if (!(err instanceof TemplateSyntaxError)) throw err;
    syntaxErrors.push(toProblem(err));
  }
  const columnSet = new Set(columns);
  const isColumn = (field: string): boolean => columnSet.has(field) || columnSet.has(field.split('.')[0]);
  const unknownFields: string[] = [];
  const suggestions: Record<string, string> = {};
  for (const usage of usages.values()) {
    if (isColumn(usage.name) || isSectionMember(usage, rows)) continue;
    unknownFields.push(usage.name);
    const suggestion = suggestField(usage.name, columns);
    if (suggestion !== undefined) suggestions[usage.name] = suggestion;
  }
  const emptyPerField = [...usages.values()]
    .filter((usage) => usage.mergedUnguarded && isColumn(usage.name))
    .map((usage) => countEmpty(usage.name, rows))
    .filter((entry) => entry.count > 0);
  return { fields: [...usages.keys()], unknownFields, suggestions, syntaxErrors, emptyPerField };
}

function toProblem(err: TemplateSyntaxError): TemplateSyntaxProblem {
  return { part: err.part, line: err.line, column: err.column, message: err.message };
}

// `{{#orders}}{{total}}{{/orders}}`: total is a key of the orders' items, not a column.
function isSectionMember(usage: FieldUsage, rows: Array<Record<string, unknown>>): boolean {
  const first = usage.name.split('.')[0];
  for (const section of usage.enclosingSections) {
    for (const row of rows) {
      const value = resolvePath(row, section);
      const items = Array.isArray(value) ? value : [value];
      if (items.some((item) => item !== null && typeof item === 'object' && first in item)) return true;
    }
  }
  return false;
}

function countEmpty(field: string, rows: Array<Record<string, unknown>>): EmptyFieldCount {
  const sampleRowIndexes: number[] = [];
  let count = 0;
  rows.forEach((row, index) => {
    if (!isEmpty(resolvePath(row, field))) return;
    count++;
    if (sampleRowIndexes.length < sampleSize) sampleRowIndexes.push(index);
  });
  return { field, count, sampleRowIndexes };
}

/** A field's value in a row: the whole name as a column first, then as a dotted path (`company.name`). */
export function resolvePath(row: Record<string, unknown>, name: string): unknown {
  if (Object.prototype.hasOwnProperty.call(row, name)) return row[name];
  let value: unknown = row;
  for (const segment of name.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

/** Whether a merged value would print nothing: missing, blank text or an empty list. */
export function isEmpty(value: unknown): boolean {
  if (value == null) return true;
  if (typeof value === 'string') return value.trim() === '';
  return Array.isArray(value) && value.length === 0;
}

/**
 * Finds the column an unknown field name was most likely meant to be ("frstName" → "firstName"):
 * first one equal once case, spaces, dashes and underscores are ignored ("First_Name"), else the
 * closest by edit distance (transpositions count as one edit), if close enough to be a typo.
 */
export function suggestField(field: string, columns: string[]): string | undefined {
  const wanted = normalise(field);
  const exact = columns.find((column) => normalise(column) === wanted);
  if (exact !== undefined) return exact;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const column of columns) {
    const distance = editDistance(wanted, normalise(column));
    if (distance < bestDistance) {
      best = column;
      bestDistance = distance;
    }
  }
  // One edit in short names, about one in three in longer ones: "nme" → "name", not "id" → "city".
  const allowed = Math.max(1, Math.floor(wanted.length / 3));
  return bestDistance <= allowed ? best : undefined;
}

function normalise(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, '');
}

/** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previous2[j - 2] + 1);
      current.push(value);
    }
    previous2 = previous;
    previous = current;
  }
  return previous[b.length];
}
