import { Router } from 'express';
import { DownloadTicketRequest, type DownloadTicketResponse } from '../../../shared/api';
import { userOf } from '../context';
import { parseWith } from '../validate';
import type { DownloadTickets } from './tickets';

/** `POST /api/downloads`: a one-minute, single-use link to a report, a message's MIME or a stored file. */
export function downloadRoutes(tickets: DownloadTickets): Router {
  const router = Router();
  router.post('/downloads', (req, res) => {
    const { path } = parseWith(DownloadTicketRequest, req.body, 'body');
    const { ticket, expiresAt } = tickets.issue(userOf(req), path);
    const body: DownloadTicketResponse = { url: `${path}?ticket=${encodeURIComponent(ticket)}`, expiresAt };
    res.status(201).json(body);
  });
  return router;
}
