import { AppError } from '../errors';
import { readMime } from '../mail/reader';
import { findMessage, listMessages, readRaw } from '../store/messages';
import { parseCommand, required } from './args';
import { out, outJson, table } from './output';
import { openCore } from './session';

/** `seriatim mailbox ls --folder NAME [--json]` and `seriatim mailbox show MESSAGE_ID [--raw]`. */
export async function mailboxCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'ls') return listFolderMessages(rest);
  if (sub === 'show') return showMessage(rest);
  throw new AppError('BAD_REQUEST', 'Use `seriatim mailbox ls --folder NAME` or `seriatim mailbox show MESSAGE_ID`.');
}

async function listFolderMessages(args: string[]): Promise<number> {
  const { values } = parseCommand(args, { folder: { type: 'string' }, json: { type: 'boolean' } });
  const core = openCore(new Set());
  try {
    const mailbox = core.provider.open(core.localUser);
    const name = required(values.folder, 'folder');
    const folder = await mailbox.findFolder(name);
    if (!folder) {
      const names = (await mailbox.listFolders()).map((f) => f.name).join(', ');
      throw new AppError('FOLDER_NOT_FOUND', `There is no folder "${name}". The folders are: ${names}.`);
    }
    const { messages } = listMessages(core.db, core.localUser.id, folder.id, 0, -1);
    const rows = messages.map((m) => ({ id: m.id, to: m.to, subject: m.subject, messageId: m.messageId, tag: m.tag, createdAt: m.createdAt }));
    if (values.json) outJson({ folder: folder.name, messages: rows });
    else out(table(['ID', 'TO', 'SUBJECT', 'MESSAGE-ID', 'TAG'], rows.map((r) => [r.id, r.to.join(', '), r.subject, `<${r.messageId}>`, r.tag ?? ''])));
    return 0;
  } finally {
    await core.close();
  }
}

async function showMessage(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(args, { raw: { type: 'boolean' } }, 1);
  const core = openCore(new Set());
  try {
    const id = (positionals[0] ?? '').replace(/^<|>$/g, '');
    const m = id ? findMessage(core.db, core.localUser.id, id) : undefined;
    const raw = m && readRaw(core.db, core.localUser.id, m.id);
    if (!m || !raw) throw new AppError('NOT_FOUND', `There is no message "${id}" in the local mailbox; \`seriatim mailbox ls --folder NAME\` lists them.`);
    if (values.raw) {
      process.stdout.write(raw);
      return 0;
    }
    const read = await readMime(raw);
    for (const h of read.headers) out(`${h.name}: ${h.value}`);
    out('');
    out(read.text ?? read.html ?? '');
    return 0;
  } finally {
    await core.close();
  }
}
