// Benchmark: building whole messages — merge (template, run-level fields, Cc/Reply-To) plus MIME
// composition — for 5,000 recipients of a 20 KB HTML template, as the engine does it (a run planned
// in a store, MessageBuilder, composeMime), against the same loop with mustache.render (and
// htmlToText for the text part) in place of the compiled merge, measured in the same run. The
// headline merges without a locale, as mustache can; the cost of locale formatting is shown apart.
// Run: npx tsx bench/message.bench.ts
import Mustache from 'mustache';
import { CreateRunRequest } from '../shared/api';
import { htmlToText } from '../shared/merge';
import { MessageBuilder } from '../server/engine/message-builder';
import { resolveAddressing } from '../server/mail/addressing';
import { composeMime } from '../server/mail/composer';
import { mergeValues } from '../server/mail/run-fields';
import { LocalMailbox } from '../server/providers/local/local-mailbox';
import type { OutgoingMessage } from '../server/providers/mailbox';
import { planRun } from '../server/services/runs';
import { openDb } from '../server/store/db';
import { listDeliveries, type DeliveryRecord } from '../server/store/deliveries';
import { insertList, type Row } from '../server/store/lists';
import { findRunMessage } from '../server/store/run-messages';
import { upsertUser } from '../server/store/users';

const recipients = 5_000;
const sender = { name: 'Ayşe Demir', email: 'ayse@firm.example' };
const columns = ['firstName', 'lastName', 'title', 'company', 'city', 'amount', 'dueDate', 'accountId', 'owner', 'email'];

/** A realistic statement mail of ~20 KB using the list's fields and the run's (~600 merges). */
function buildHtml(): string {
  const fields = [...columns.slice(0, 9), 'referenceNumber', 'runDate', 'senderName'];
  let html = '<!DOCTYPE html><html><head><meta charset="utf-8"><style>td{padding:4px}.k{color:#555}</style></head><body>\n';
  html += '<p>{{#title}}Dear {{title}} {{lastName}},{{/title}}{{^title}}Dear {{firstName}},{{/title}}</p>\n';
  for (let i = 0; html.length < 20_000; i += 5) {
    const f = (k: number) => `{{${fields[(i + k) % fields.length]}}}`;
    html += `<p>Regarding account <b>${f(0)}</b> of ${f(1)} in ${f(2)}: the balance of ${f(3)} is due on ${f(4)}.</p>\n`;
    html += `<table><tr><td class="k">Reference</td><td>{{referenceNumber}}</td><td class="k">Date</td><td>{{runDate}}</td></tr></table>\n`;
  }
  return `${html}<p>Kind regards,<br>{{senderName}}</p></body></html>\n`;
}

function buildRows(): Row[] {
  return Array.from({ length: recipients }, (_, i) => ({
    firstName: i % 7 === 0 ? `Ann & "Bo" <${i}>` : `Name${i}`, lastName: `Surname${i % 977}`, title: i % 3 === 0 ? '' : 'Dr.',
    company: i % 11 === 0 ? `O'Brien & Sons <Ltd>` : `Company ${i % 5003}`, city: ['İstanbul', 'Kraków', 'Москва', 'Bratislava'][i % 4],
    amount: (i * 37.25) % 100000, dueDate: `2026-0${1 + (i % 9)}-1${i % 10}`, accountId: `AC-${100000 + i}`,
    owner: `owner${i % 40}@firm.example`, email: `person${i}@example.com`,
  }));
}

async function measure(deliveries: DeliveryRecord[], build: (d: DeliveryRecord) => Promise<OutgoingMessage>): Promise<{ perSecond: number; bytes: number }> {
  for (const d of deliveries.slice(0, 200)) await composeMime(await build(d)); // warm up
  let bytes = 0;
  const started = process.hrtime.bigint();
  for (const d of deliveries) bytes += (await composeMime(await build(d))).length;
  return { perSecond: deliveries.length / (Number(process.hrtime.bigint() - started) / 1e9), bytes };
}

const db = openDb(':memory:');
const user = upsertUser(db, { id: 'bench', tenantId: 'bench', ...sender });
const list = insertList(db, { ownerId: user.id, name: 'bench', source: 'upload', fileName: null, columns: columns.map((name) => ({ name, type: 'text' as const })), emailColumn: 'email', problems: [] }, buildRows());
const template = { subject: 'Statement {{referenceNumber}} for {{firstName}} {{lastName}}', html: buildHtml() };
const mailbox = new LocalMailbox(db, user.id);

/** Plans a run as POST /api/runs does (never started: it is scheduled far ahead) and returns its builder. */
async function plan(options: Record<string, string>) {
  const request = CreateRunRequest.parse({ listId: list.id, template, cc: [{ column: 'owner' }], replyTo: { address: 'accounts@firm.example' }, options: { timeZone: 'Europe/Istanbul', scheduledAt: '2099-01-01T09:00:00Z', ...options } });
  const { run } = await planRun(db, mailbox, user.id, request);
  if (!run) throw new Error('no run planned');
  return { run, deliveries: listDeliveries(db, run.id).deliveries, builder: new MessageBuilder(run, sender, db), spec: findRunMessage(db, run.id)!.spec };
}

const plainRun = await plan({});
const { run, deliveries, builder, spec } = plainRun;
console.log(`template: ${template.html.length} chars; ${deliveries.length} recipients; each message merged, addressed and composed as MIME`);

const plain = { escape: String };
// The same message as the builder's, merged by mustache.render (and htmlToText for the text part)
// instead of the compiled template: same values (run fields included), same addressing, same MIME.
const withMustache = async (d: DeliveryRecord): Promise<OutgoingMessage> => {
  const values = mergeValues(spec.fields, sender, d.index, d.values);
  const addressing = resolveAddressing(spec, d.email, d.values);
  const html = Mustache.render(template.html, values);
  return {
    from: { name: sender.name, address: sender.email }, to: [d.email], cc: addressing.cc, replyTo: addressing.replyTo,
    subject: Mustache.render(template.subject, values, undefined, plain), html, text: htmlToText(html),
    tag: { runId: run.id, deliveryId: d.id }, messageId: `${d.id}@firm.example`,
  };
};

const sample = await builder.build(deliveries[21]);
const reference = await withMustache(deliveries[21]);
if (!sample.html.includes('Dear Ann &amp; &quot;Bo&quot; &lt;21&gt;,') || sample.cc?.[0] !== 'owner21@firm.example') throw new Error('built message is not what the run sends');
if (sample.html !== reference.html || sample.subject !== reference.subject || sample.text !== reference.text) throw new Error('the compiled merge and mustache.render differ');
console.log('built messages equal the mustache.render ones (subject, HTML, text)');

// Merge alone shows what share of a message's cost is MIME composition (quoted-printable in JS).
const mergeRate = async (build: (d: DeliveryRecord) => Promise<OutgoingMessage>, list: DeliveryRecord[]): Promise<number> => {
  for (const d of list.slice(0, 500)) await build(d);
  const started = process.hrtime.bigint();
  for (const d of list) await build(d);
  return list.length / (Number(process.hrtime.bigint() - started) / 1e9);
};
console.log(`merge only: mustache.render ${Math.round(await mergeRate(withMustache, deliveries))} messages/s, compiled ${Math.round(await mergeRate((d) => builder.build(d), deliveries))} messages/s`);
const localised = await plan({ locale: 'tr-TR' });
console.log(`merge only, compiled with tr-TR number and date formatting: ${Math.round(await mergeRate((d) => localised.builder.build(d), localised.deliveries))} messages/s`);

const baseline = await measure(deliveries, withMustache);
console.log(`baseline mustache.render + htmlToText + MIME: ${Math.round(baseline.perSecond)} messages/s (${(baseline.bytes / deliveries.length / 1024).toFixed(1)} KB each)`);
const compiled = await measure(deliveries, (d) => builder.build(d));
console.log(`MessageBuilder (compiled merge) + MIME: ${Math.round(compiled.perSecond)} messages/s (${(compiled.bytes / deliveries.length / 1024).toFixed(1)} KB each)`);
console.log(`message_build_per_sec: ${Math.round(compiled.perSecond)} (baseline ${Math.round(baseline.perSecond)} mustache.render, ratio ${(compiled.perSecond / baseline.perSecond).toFixed(2)})`);
db.close();
