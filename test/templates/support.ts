import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts } from '@cantoo/pdf-lib';
import { zipSync } from 'fflate';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { TestServer } from '../support/server';

/** Uploads raw bytes to a route that takes a file as its body. */
export async function postBytes(s: TestServer, url: string, bytes: Uint8Array): Promise<{ status: number; body: any }> {
  const res = await fetch(s.url + url, { method: 'POST', body: bytes as BodyInit, headers: { 'content-type': 'application/octet-stream' } });
  return { status: res.status, body: await res.json() };
}

/** A zip of the given files (names as written, UTF-8 flagged as modern tools do). */
export function zipOf(files: Record<string, Uint8Array | string>): Uint8Array {
  const entries = Object.fromEntries(Object.entries(files).map(([name, data]) => [name, typeof data === 'string' ? Buffer.from(data) : data]));
  return zipSync(entries, { level: 6 });
}

/** A one-page PDF whose title and text carry a marker, to tell whose file it is once decrypted. */
export async function pdfFor(marker: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(marker);
  const page = doc.addPage([300, 200]);
  page.drawText(`Payslip ${marker}`, { x: 20, y: 100, size: 12, font: await doc.embedFont(StandardFonts.Helvetica) });
  return doc.save({ useObjectStreams: false });
}

/** Every message of a folder, parsed from the MIME the mailbox stored, oldest first. */
export async function sentMessages(s: TestServer, folderId: string): Promise<ParsedMail[]> {
  const list = (await s.api('GET', `/api/mailbox/folders/${folderId}/messages?limit=500`)).body.messages as Array<{ id: string }>;
  const parsed = await Promise.all(list.map(async (m) => simpleParser(Buffer.from(await (await fetch(`${s.url}/api/mailbox/messages/${m.id}/raw`)).arrayBuffer()))));
  return parsed.sort((a, b) => addressOf(a.to).localeCompare(addressOf(b.to)));
}

/** The first address of a parsed address header. */
export function addressOf(field: ParsedMail['to'] | ParsedMail['cc'] | ParsedMail['replyTo']): string {
  const first = Array.isArray(field) ? field[0] : field;
  return first?.value[0]?.address ?? '';
}

/** Every address of a parsed address header. */
export function addressesOf(field: ParsedMail['to'] | ParsedMail['cc']): string[] {
  const all = Array.isArray(field) ? field : field ? [field] : [];
  return all.flatMap((f) => f.value.map((v) => v.address ?? ''));
}

/** The message sent to an address. */
export function messageTo(messages: ParsedMail[], address: string): ParsedMail {
  const found = messages.find((m) => addressOf(m.to).toLowerCase() === address.toLowerCase());
  if (!found) throw new Error(`No message to ${address}; sent to ${messages.map((m) => addressOf(m.to)).join(', ')}`);
  return found;
}

/** Opens a PDF with qpdf: the decrypted, uncompressed file as text, or the error qpdf gave. */
export function openPdf(bytes: Uint8Array, password?: string): { ok: true; text: string } | { ok: false; error: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seriatim-pdf-'));
  try {
    fs.writeFileSync(path.join(dir, 'in.pdf'), bytes);
    const args = [...(password === undefined ? [] : [`--password=${password}`]), '--decrypt', '--qdf', '--object-streams=disable', 'in.pdf', 'out.pdf'];
    execFileSync('qpdf', args, { cwd: dir, stdio: 'pipe' });
    return { ok: true, text: fs.readFileSync(path.join(dir, 'out.pdf'), 'latin1') };
  } catch (err) {
    return { ok: false, error: String((err as { stderr?: Buffer }).stderr ?? err) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Creates a folder for a test's messages and returns its id. */
export async function newFolder(s: TestServer, name: string): Promise<string> {
  const res = await s.api('POST', '/api/mailbox/folders', { name });
  if (res.status !== 201) throw new Error(`folder: ${JSON.stringify(res.body)}`);
  return res.body.id;
}
