import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';
import { AppError } from '../errors';
import type { User } from '../store/users';
import type { MicrosoftAuth } from '../auth/microsoft';
import { localAuth } from './auth';
import type { AppContext } from './context';
import { errorHandler } from './error-handler';
import { authConfigRoutes } from './auth-config/routes';
import { downloadRoutes } from './downloads/routes';
import { DownloadTickets, ticketOrAuth } from './downloads/tickets';
import { exportRoutes } from './exports/routes';
import { historyRoutes } from './history/routes';
import { listRoutes } from './lists/routes';
import { mailboxRoutes } from './mailbox/routes';
import { meRoutes } from './me/routes';
import { previewRoutes } from './preview/routes';
import { runRoutes } from './runs/routes';
import { sourceRoutes } from './sources/routes';
import { suppressionRoutes } from './suppression/routes';
import { templateRoutes } from './templates/routes';

/** Where the built task pane lives (`npm run build`). */
export const ADDIN_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../addin/dist');

/** Builds the Express app: the API under /api (authenticated), the task pane's files at the root. */
export function createApp(ctx: AppContext, localUser: User, microsoft?: Pick<MicrosoftAuth, 'authenticate' | 'routes'>): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    next();
  });
  const api = express.Router();
  // Microsoft mode validates the pane's access token (or, for a download link, its ticket); local mode has one user on loopback.
  const tickets = new DownloadTickets(ctx.db);
  api.use(microsoft ? ticketOrAuth(tickets, microsoft.authenticate) : localAuth(localUser));
  api.use(express.json({ limit: '10mb' }));
  if (microsoft) api.use(microsoft.routes);
  for (const routes of [meRoutes, listRoutes, mailboxRoutes, previewRoutes, runRoutes, templateRoutes]) api.use(routes(ctx));
  api.use(historyRoutes(ctx));
  api.use(exportRoutes(ctx));
  api.use(suppressionRoutes(ctx));
  api.use(sourceRoutes(ctx));
  api.use(downloadRoutes(tickets));
  api.use((req, _res, next) => next(new AppError('NOT_FOUND', `There is no API route ${req.method} ${req.originalUrl}.`)));
  app.use('/api', authConfigRoutes(ctx));
  app.use('/api', api);
  app.get('/', (_req, res) => res.redirect('/taskpane.html'));
  if (fs.existsSync(ADDIN_DIST)) {
    app.use(express.static(ADDIN_DIST, { index: false, maxAge: '1h', setHeaders: noCacheForHtml }));
  } else {
    app.get('/taskpane.html', (_req, res) => {
      res.status(503).type('text/plain').send('The task pane has not been built yet: run `npm run build` (npm start does it for you).');
    });
  }
  app.use(errorHandler(ctx.log));
  return app;
}

function noCacheForHtml(res: express.Response, file: string): void {
  if (file.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
}
