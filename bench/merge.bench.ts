// Benchmark: merging a 20 KB HTML template (10 fields used ~600 times) for 100,000 recipients with
// the compiled template, against mustache.render (which caches its parse: its normal use) on the
// same data, measured in the same run. The headline (last line) is the compiled whole message
// (subject, HTML and generated text) against mustache.render of the HTML body alone, i.e. the
// compiled side does strictly more work. Run: npx tsx bench/merge.bench.ts
import Mustache from 'mustache';
import { compileMessageTemplate, htmlToText } from '../shared/merge';

const recipients = 100_000;
// mustache.render can need ~30 s for 100,000 on a slow machine, so the baselines are timed on the
// first 30,000 (10,000 with htmlToText) and compared as rates (messages per second).
const baselineRecipients = 30_000;
const fieldNames = ['firstName', 'lastName', 'title', 'company', 'city', 'amount', 'dueDate', 'accountId', 'manager', 'region'];

/** Builds the template: a realistic mail layout, ~20 KB, each field used ~60 times. */
function buildTemplate(): { subject: string; html: string; uses: number } {
  let uses = 0;
  const field = (i: number): string => {
    uses++;
    return `{{${fieldNames[i % fieldNames.length]}}}`;
  };
  let html = '<!DOCTYPE html><html><head><meta charset="utf-8"><style>td{padding:4px}.k{color:#555}</style></head><body>\n';
  html += `<p class="MsoNormal">Dear ${field(2)} ${field(0)} ${field(1)},</p>\n`;
  let i = 3;
  while (uses < 590) {
    html += `<p>Regarding account <b>${field(i++)}</b> of ${field(i++)} in ${field(i++)}: the balance of ${field(i++)} is due on ${field(i++)}.</p>\n`;
    html += `<table><tr><td class="k">Manager</td><td>${field(i++)}</td><td class="k">Region</td><td>${field(i++)}</td></tr></table>\n`;
    html += `<ul><li>${field(i++)}</li><li><a href="https://example.com/a/${field(i++)}">Statement for ${field(i++)}</a></li></ul>\n`;
  }
  html += '<p>Kind regards,<br>Accounts team</p></body></html>\n';
  return { subject: 'Statement for {{firstName}} {{lastName}}, due {{dueDate}}', html, uses };
}

/** Generates recipient rows, some with characters that must be escaped and some blank fields. */
function buildRows(count: number): Array<Record<string, unknown>> {
  const rows: Array<Record<string, unknown>> = [];
  for (let i = 0; i < count; i++) {
    rows.push({
      firstName: i % 7 === 0 ? `Ann & "Bo" <${i}>` : `Name${i}`,
      lastName: `Surname${i % 977}`,
      title: i % 50 === 0 ? '' : i % 3 === 0 ? 'Dr.' : 'Ms.', // some blanks, as real data has
      company: i % 11 === 0 ? `O'Brien & Sons <Ltd>` : `Company ${i % 5003}`,
      city: ['İstanbul', 'Kraków', 'Москва', 'Bratislava'][i % 4],
      amount: (i * 37.25) % 100000,
      dueDate: `2026-0${1 + (i % 9)}-1${i % 10}`,
      accountId: `AC-${100000 + i}`,
      manager: i % 13 === 0 ? 'Zoë "Z" <z@example.com>' : `Manager ${i % 101}`,
      region: i % 2 ? 'Marmara' : 'Black Sea',
    });
  }
  return rows;
}

/** Renders `count` rows and returns messages per second; reading a character of each part forces
 * its string flat (as composing the MIME message would), so neither side is timed on lazy ropes. */
function measure(count: number, render: (row: Record<string, unknown>) => string[]): number {
  let checksum = 0;
  for (let i = 0; i < 2_000; i++) checksum += render(rows[i]).length; // warm up the JIT
  const started = process.hrtime.bigint();
  for (let i = 0; i < count; i++) {
    for (const part of render(rows[i])) checksum += part.charCodeAt(part.length >> 1);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (checksum === 0) throw new Error('nothing rendered');
  return count / seconds;
}

const template = buildTemplate();
const rows = buildRows(recipients);
const compiled = compileMessageTemplate({ subject: template.subject, html: template.html });
const usedFields = compiled.fields.filter((f) => fieldNames.includes(f)).length;
console.log(`template: ${template.html.length} chars, ${usedFields} fields used ${template.uses} times; ${recipients} recipients`);

const plain = { escape: String };
for (const index of [0, 7, 11, 13, 77, 1001, 99_999]) {
  const merged = compiled.render(rows[index]);
  const html = Mustache.render(template.html, rows[index]);
  if (merged.html !== html) throw new Error(`HTML differs from mustache.render for recipient ${index}`);
  if (merged.subject !== Mustache.render(template.subject, rows[index], undefined, plain)) throw new Error(`subject differs for recipient ${index}`);
  if (merged.text !== htmlToText(html)) throw new Error(`text differs from htmlToText(merged HTML) for recipient ${index}`);
}
console.log('outputs equal mustache.render (and htmlToText of it) on a sample of recipients');

const rate = (label: string, perSecond: number, count: number): void =>
  console.log(`${label}: ${Math.round(perSecond)} messages/s on ${count} recipients (100,000 in ${(recipients / perSecond).toFixed(1)} s)`);
const baseline = measure(baselineRecipients, (row) => [Mustache.render(template.html, row)]);
rate('baseline mustache.render, HTML body', baseline, baselineRecipients);
const uncompiledMessage = measure(baselineRecipients / 3, (row) => {
  const html = Mustache.render(template.html, row);
  return [Mustache.render(template.subject, row, undefined, plain), html, htmlToText(html)];
});
rate('baseline mustache.render + htmlToText, whole message', uncompiledMessage, baselineRecipients / 3);
const htmlOnly = measure(recipients, (row) => [compiled.renderHtml(row)]);
rate('compiled renderHtml, HTML body', htmlOnly, recipients);
const whole = measure(recipients, (row) => {
  const merged = compiled.render(row);
  return [merged.subject, merged.html, merged.text];
});
rate('compiled render, whole message (subject + HTML + generated text)', whole, recipients);
console.log(`whole message vs mustache.render + htmlToText: ratio ${(whole / uncompiledMessage).toFixed(1)}; HTML body vs mustache.render: ratio ${(htmlOnly / baseline).toFixed(1)}`);
console.log(`merge_messages_per_sec: ${Math.round(whole)} (baseline ${Math.round(baseline)} mustache.render, ratio ${(whole / baseline).toFixed(1)})`);
