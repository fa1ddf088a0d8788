import type { TemplateAnalysis as ApiAnalysis, TemplateInput } from '../../shared/api';
import { analyseTemplate } from '../../shared/merge';
import { AppError } from '../errors';
import type { Row } from '../store/lists';

/** Analyses a template against a list: fields used, unknown fields with suggestions, syntax errors, empties. */
export function analyse(template: TemplateInput, columns: string[], rows: Row[]): ApiAnalysis {
  const a = analyseTemplate(template, columns, rows);
  return {
    fields: a.fields,
    unknownFields: a.unknownFields.map((field) => ({ field, suggestion: a.suggestions[field] ?? null })),
    syntaxErrors: a.syntaxErrors.map((e) => ({ part: e.part, line: e.line, column: e.column, message: e.message })),
    emptyPerField: a.emptyPerField.map((e) => ({ field: e.field, count: e.count })),
  };
}

/** Refuses a template that cannot be sent: syntax errors always, unknown fields unless accepted. */
export function assertSendable(analysis: ApiAnalysis, acceptUnknownFields: boolean): void {
  const [first] = analysis.syntaxErrors;
  if (first) {
    throw new AppError(
      'TEMPLATE_SYNTAX',
      `The ${first.part} has a template error at line ${first.line}, column ${first.column}: ${first.message}`,
      { syntaxErrors: analysis.syntaxErrors },
    );
  }
  if (analysis.unknownFields.length && !acceptUnknownFields) {
    const list = analysis.unknownFields.map((u) => (u.suggestion ? `{{${u.field}}} (did you mean {{${u.suggestion}}}?)` : `{{${u.field}}}`));
    throw new AppError(
      'UNKNOWN_FIELDS',
      `The template uses fields the list does not have: ${list.join(', ')}. Fix them, or accept that they stay empty.`,
      { unknownFields: analysis.unknownFields },
    );
  }
}
