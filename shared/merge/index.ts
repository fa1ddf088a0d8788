// Public API of the merge module: template parsing, field discovery and rendering. Pure: imported
// by the add-in (browser) and the server (Node) alike.
export { analyseTemplate, isEmpty, resolvePath, suggestField } from './analyser';
export type { EmptyFieldCount, TemplateAnalysis, TemplateSyntaxProblem } from './analyser';
export { escapeHtml } from './value-formatter';
export { compileMessageTemplate } from './message-template';
export type { CompiledMessageTemplate, MergedMessage, MergeOptions, TemplateSource } from './message-template';
export { TemplateSyntaxError } from './parser';
export type { TemplatePart } from './parser';
export { htmlToText } from './text-converter';
