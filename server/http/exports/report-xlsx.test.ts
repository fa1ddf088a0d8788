import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/support/server';

describe('GET /api/runs/:id/report.xlsx', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => {
    await s.close();
  });

  it('is a workbook Excel opens, with Turkish and Cyrillic text intact', async () => {
    const csv = 'email,firstName,city\nsukru@example.com,Şükrü,İstanbul\nolga@example.com,Ольга,Москва\nbad-address,Ğülşen,İzmir\n';
    const list = (await s.upload('kişiler.csv', csv)).body;
    const run = (await s.api('POST', '/api/runs', { listId: list.id, template: { subject: 'Merhaba', html: '<p>{{firstName}}</p>' } })).body;
    await s.waitForRun(run.id);

    const res = await fetch(`${s.url}/api/runs/${run.id}/report.xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(res.headers.get('content-disposition')).toContain('.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.getWorksheet('Report')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 2)).toEqual(['to', 'status']);
    const rows = [2, 3, 4].map((n) => Object.fromEntries(header.map((h, i) => [h, sheet.getRow(n).getCell(i + 1).value])));
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ to: 'sukru@example.com', status: 'sent', firstName: 'Şükrü', city: 'İstanbul' }),
        expect.objectContaining({ to: 'olga@example.com', status: 'sent', firstName: 'Ольга', city: 'Москва' }),
        expect.objectContaining({ firstName: 'Ğülşen', status: 'skipped' }),
      ]),
    );
  });

  it("is not found for a run that is not the user's", async () => {
    const res = await fetch(`${s.url}/api/runs/no-such-run/report.xlsx`);
    expect(res.status).toBe(404);
  });
});
