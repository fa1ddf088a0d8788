import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody, Run, SavedTemplate, SavedTemplatesResponse } from '../../shared/api';
import { insertTemplate } from '../../server/store/templates';
import { upsertUser } from '../../server/store/users';
import { startTestServer, type TestServer } from '../support/server';
import { newFolder, postBytes, sentMessages } from './support';

// A 1×1 transparent PNG: the kind of inline image an Outlook signature carries.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

describe('the template library', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => {
    await s.close();
  });

  it('saves a draft with its inline image, reads, renames, changes, duplicates and deletes it', async () => {
    const created = await s.api('POST', '/api/templates', {
      name: 'Doğum günü',
      subject: 'İyi ki doğdun {{firstName}}',
      html: '<p>Sevgili {{firstName}},</p><img src="cid:logo@seriatim">',
      note: 'HR greeting',
      attachments: [{ name: 'logo.png', contentType: 'image/png', contentId: 'logo@seriatim', contentBase64: PNG.toString('base64') }],
    });
    expect(created.status).toBe(201);
    const t = SavedTemplate.parse(created.body);
    expect(t).toMatchObject({ name: 'Doğum günü', note: 'HR greeting', text: null, lastSentAt: null, ownerId: 'local' });
    expect(t.attachments).toEqual([{ fileId: expect.any(String), name: 'logo.png', contentType: 'image/png', size: PNG.length, contentId: 'logo@seriatim', inline: true }]);

    const read = SavedTemplate.parse((await s.api('GET', `/api/templates/${t.id}`)).body);
    expect(read.html).toBe(t.html);

    const renamed = await s.api('PUT', `/api/templates/${t.id}`, { name: 'Birthday' });
    expect(renamed.status).toBe(200);
    expect(SavedTemplate.parse(renamed.body)).toMatchObject({ name: 'Birthday', subject: t.subject, attachments: t.attachments });

    const changed = SavedTemplate.parse((await s.api('PUT', `/api/templates/${t.id}`, { subject: 'Happy birthday {{firstName}}', note: '' })).body);
    expect(changed).toMatchObject({ name: 'Birthday', subject: 'Happy birthday {{firstName}}', note: '' });
    expect(Date.parse(changed.updatedAt)).toBeGreaterThanOrEqual(Date.parse(t.updatedAt));

    const copy = await s.api('POST', `/api/templates/${t.id}/duplicate`, {});
    expect(copy.status).toBe(201);
    expect(SavedTemplate.parse(copy.body)).toMatchObject({ name: 'Birthday (copy)', subject: changed.subject, attachments: t.attachments });
    const second = SavedTemplate.parse((await s.api('POST', `/api/templates/${t.id}/duplicate`)).body);
    expect(second.name).toBe('Birthday (copy 2)');

    const list = SavedTemplatesResponse.parse((await s.api('GET', '/api/templates')).body);
    expect(list.templates.map((x) => x.name).sort()).toEqual(['Birthday', 'Birthday (copy 2)', 'Birthday (copy)']);
    expect(list.templates.find((x) => x.id === t.id)?.attachmentCount).toBe(1);

    expect((await s.api('DELETE', `/api/templates/${t.id}`)).status).toBe(204);
    expect((await s.api('GET', `/api/templates/${t.id}`)).status).toBe(404);
    // The copies share the image, so it survives the original's deletion.
    const image = await fetch(`${s.url}/api/files/${t.attachments[0].fileId}`);
    expect(image.status).toBe(200);
    expect(Buffer.from(await image.arrayBuffer()).equals(PNG)).toBe(true);
  });

  it('refuses a duplicate name, a syntax error with its line and column, and an image the HTML shows but nobody attached', async () => {
    await s.api('POST', '/api/templates', { name: 'Invoice', subject: 's', html: '<p>x</p>' });
    const dup = await s.api('POST', '/api/templates', { name: 'INVOICE', subject: 's', html: '<p>y</p>' });
    expect(dup.status).toBe(409);
    expect(ErrorBody.parse(dup.body).error.code).toBe('CONFLICT');

    const syntax = await s.api('POST', '/api/templates', { name: 'Broken', subject: 'Hi', html: '<p>\n{{#vip}}Dear VIP</p>' });
    expect(syntax.status).toBe(422);
    expect(syntax.body.error.code).toBe('TEMPLATE_SYNTAX');
    expect(syntax.body.error.details.syntaxErrors[0]).toMatchObject({ part: 'html', line: 2 });

    const noImage = await s.api('POST', '/api/templates', { name: 'Logo', subject: 'Hi', html: '<img src="cid:missing@x">' });
    expect(noImage.status).toBe(400);
    expect(noImage.body.error.details.missingContentIds).toEqual(['missing@x']);

    const names = SavedTemplatesResponse.parse((await s.api('GET', '/api/templates')).body).templates.map((x) => x.name);
    expect(names).not.toContain('Broken');
    expect(names).not.toContain('Logo');
  });

  it("never shows another user's template: reading, changing, duplicating, deleting or sending it is 404", async () => {
    upsertUser(s.core.db, { id: 'other', tenantId: 'local', email: 'other@example.com', name: 'Other' });
    const theirs = insertTemplate(s.core.db, 'other', { name: 'Secret', subject: 'Theirs', html: '<p>theirs</p>', text: null, note: '' }, []);
    expect((await s.api('GET', `/api/templates/${theirs.id}`)).status).toBe(404);
    expect((await s.api('PUT', `/api/templates/${theirs.id}`, { name: 'Mine now' })).status).toBe(404);
    expect((await s.api('POST', `/api/templates/${theirs.id}/duplicate`)).status).toBe(404);
    expect((await s.api('DELETE', `/api/templates/${theirs.id}`)).status).toBe(404);
    const list = SavedTemplatesResponse.parse((await s.api('GET', '/api/templates')).body);
    expect(list.templates.map((x) => x.id)).not.toContain(theirs.id);
    const people = (await s.upload('one.csv', 'name,email\nAyşe,ayse@example.com\n')).body;
    const run = await s.api('POST', '/api/runs', { listId: people.id, templateId: theirs.id });
    expect(run.status).toBe(404);
  });

  it('sends a run from a library template, freezes its text, and records when it was last sent', async () => {
    const t = SavedTemplate.parse((await s.api('POST', '/api/templates', {
      name: 'Welcome', subject: 'Welcome {{name}}', html: '<p>Hello {{name}}</p><img src="cid:logo">',
      attachments: [{ fileId: (await postBytes(s, '/api/files?fileName=logo.png', PNG)).body.id, contentId: 'logo' }],
    })).body);
    const people = (await s.upload('people.csv', 'name,email\nÖmer,omer@example.com\nŻaneta,zaneta@example.com\n')).body;
    const folderId = await newFolder(s, 'Library run');
    const created = await s.api('POST', '/api/runs', { listId: people.id, templateId: t.id, folderId });
    expect(created.status).toBe(201);
    // Changing the template after planning does not change what the run sends.
    await s.api('PUT', `/api/templates/${t.id}`, { subject: 'Changed {{name}}' });
    const run = Run.parse(await s.waitForRun(created.body.id));
    expect(run.counts.sent).toBe(2);
    const messages = await sentMessages(s, folderId);
    expect(messages.map((m) => m.subject).sort()).toEqual(['Welcome Ömer', 'Welcome Żaneta']);
    expect(messages[0].attachments.map((a) => [a.filename, a.contentId, a.related])).toEqual([['logo.png', '<logo>', true]]);

    const after = SavedTemplate.parse((await s.api('GET', `/api/templates/${t.id}`)).body);
    expect(after.lastSentAt).toBe(run.startedAt);
  });
});
