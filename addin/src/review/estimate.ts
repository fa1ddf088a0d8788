/** Minutes a run of `count` messages takes at `perMinute`, plus the pauses between batches. */
export function estimateMinutes(
  count: number,
  perMinute: number,
  batchSize?: number,
  batchIntervalSeconds?: number,
): number {
  if (count <= 0 || perMinute <= 0) return 0;
  const sending = count / perMinute;
  const batches = batchSize ? Math.ceil(count / batchSize) : 1;
  const pauses = ((batches - 1) * (batchIntervalSeconds ?? 0)) / 60;
  return Math.max(1, Math.ceil(sending + pauses));
}

/** Replaces every `{{ field }}` tag (any inner spacing) with `{{replacement}}`. */
export function replaceField(template: string, field: string, replacement: string): string {
  const escaped = field.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return template.replace(new RegExp(`\\{\\{(\\s*[#^/&]?\\s*)${escaped}(\\s*)\\}\\}`, 'g'), `{{$1${replacement}$2}}`);
}
