/**
 * Merge values that a filter's date rules imply for each row: the age of someone greeted on
 * their birthday, the years of service on a work anniversary, what changed in a change notice.
 */
import { completedYears, packDate } from './calendar';
import { foldPersonKey, indexChanges, prepareContext } from './context';
import type { ChangeLogEntry, FilterContext } from './context';
import { createFieldReader, readText } from './rowReader';
import type { FilterNode, RecipientRow } from './schema';

/** Values a template can merge, e.g. `{{yearsOfService}}`; absent when not computable. */
export interface DerivedValues {
  age?: number;
  yearsOfService?: number;
  changeDate?: string;
  changeReason?: string;
  changeOldValue?: string | number | boolean | null;
  changeNewValue?: string | number | boolean | null;
}

/** The merge field name of each derived value. */
export type DerivedField = keyof DerivedValues;

interface Sources {
  ageField?: string;
  serviceField?: string;
  change?: { date: string; reason?: string };
}

// The first rule of each kind wins: a filter with two birthday fields is rare, and picking the
// first in reading order is what the user sees at the top of the editor.
function findSources(node: FilterNode, found: Sources): Sources {
  switch (node.type) {
    case 'group':
      node.children.forEach((child) => findSources(child, found));
      break;
    case 'not':
      findSources(node.child, found);
      break;
    case 'birthdayToday':
    case 'ageOver':
    case 'ageUnder':
      found.ageField ??= node.field;
      break;
    case 'workAnniversaryToday':
      found.serviceField ??= node.field;
      break;
    case 'changedOn':
      found.change ??= { date: node.date, reason: node.reason };
      break;
  }
  return found;
}

/** Which derived merge fields a filter makes available (for template field discovery). */
export function listDerivedFields(node: FilterNode | undefined): DerivedField[] {
  if (!node) return [];
  const sources = findSources(node, {});
  const fields: DerivedField[] = [];
  if (sources.ageField) fields.push('age');
  if (sources.serviceField) fields.push('yearsOfService');
  if (sources.change) fields.push('changeDate', 'changeReason', 'changeOldValue', 'changeNewValue');
  return fields;
}

function describeChange(entry: ChangeLogEntry): DerivedValues {
  const values: DerivedValues = {
    changeDate: entry.date,
    changeOldValue: entry.oldValue ?? null,
    changeNewValue: entry.newValue ?? null,
  };
  if (entry.reason != null) values.changeReason = entry.reason;
  return values;
}

/** Compiles the derivation once for many rows (the planner freezes these per delivery). */
export function compileDerivedValues(
  node: FilterNode | undefined,
  ctx: FilterContext,
): (row: RecipientRow) => DerivedValues {
  const prepared = prepareContext(ctx);
  const { ageField, serviceField, change } = node ? findSources(node, {}) : ({} as Sources);
  const readBirth = ageField ? createFieldReader(ageField) : null;
  const readHire = serviceField ? createFieldReader(serviceField) : null;
  const changes = change ? indexChanges(prepared, change.date, change.reason) : null;
  const readPerson = changes ? createFieldReader(prepared.source.personKey!) : null;
  return (row) => {
    const values: DerivedValues = {};
    const age = readBirth ? completedYears(packDate(readBirth(row)), prepared.run) : -1;
    if (age >= 0) values.age = age;
    const service = readHire ? completedYears(packDate(readHire(row)), prepared.run) : -1;
    if (service >= 0) values.yearsOfService = service;
    const person = readPerson ? readText(readPerson(row)) : null;
    const entry = person !== null ? changes!.get(foldPersonKey(person)) : undefined;
    return entry ? { ...values, ...describeChange(entry) } : values;
  };
}

/** The derived merge values for one row (compile with `compileDerivedValues` for many). */
export function derivedValues(node: FilterNode | undefined, row: RecipientRow, ctx: FilterContext): DerivedValues {
  return compileDerivedValues(node, ctx)(row);
}
