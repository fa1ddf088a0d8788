import type { Folder } from '../../../shared/api';
import { AppError } from '../../errors';
import { runBatches } from './batch';
import type { GraphApi } from './client';
import { GraphHttpError } from './client';
import { toAppError } from './errors';
import { readAll } from './paging';
import { buildCreateFolder, buildQuery, toFolder, type GraphFolder } from './requests';
import type { RetryPolicy } from './retry';
import { withRetry } from './retry';

/** Well-known folder names Graph accepts in place of an id (`msgfolderroot` is the parent of the top level). */
export const WELL_KNOWN_FOLDERS = ['msgfolderroot', 'inbox', 'drafts', 'sentitems', 'deleteditems', 'junkemail', 'archive', 'outbox'] as const;

const FOLDER_SELECT = 'id,displayName,parentFolderId,childFolderCount,totalItemCount';
const isWellKnown = (name: string) => (WELL_KNOWN_FOLDERS as readonly string[]).includes(name.toLowerCase());

/**
 * A mailbox's folders through Graph. Folder ids never change, so the well-known ones are looked
 * up once (one `$batch`) and kept for the provider's life.
 */
export class GraphFolders {
  constructor(private readonly api: GraphApi, private readonly retry: RetryPolicy, private readonly cache: Map<string, string>) {}

  /** Every folder, nested ones included, parents before children; all pages read. */
  async list(): Promise<Folder[]> {
    return this.interactive(async () => {
      const known = await this.wellKnown();
      const out: Folder[] = [];
      const walk = async (path: string): Promise<void> => {
        for (const f of await readAll<GraphFolder>(this.api, `${path}${buildQuery({ $select: FOLDER_SELECT, $top: 100 })}`, this.retry)) {
          out.push(toFolder(f, known.root, known.byId));
          if ((f.childFolderCount ?? 0) > 0) await walk(`/me/mailFolders/${encodeURIComponent(f.id)}/childFolders`);
        }
      };
      await walk('/me/mailFolders');
      return out;
    });
  }

  /** A folder by id, well-known name, or top-level display name (any case). */
  async find(idOrName: string): Promise<Folder | undefined> {
    return this.interactive(async () => {
      const known = await this.wellKnown();
      const direct = await this.get(idOrName);
      if (direct) return toFolder(direct, known.root, known.byId);
      if (isWellKnown(idOrName)) return undefined;
      const top = await readAll<GraphFolder>(this.api, `/me/mailFolders${buildQuery({ $select: FOLDER_SELECT, $top: 100 })}`, this.retry);
      const named = top.find((f) => f.displayName.toLowerCase() === idOrName.toLowerCase());
      return named && toFolder(named, known.root, known.byId);
    });
  }

  /** Creates a folder (top level, or under `parentId`); a taken name is FOLDER_EXISTS. */
  async create(name: string, parentId?: string): Promise<Folder> {
    return this.interactive(async () => {
      const known = await this.wellKnown();
      const path = parentId ? `/me/mailFolders/${encodeURIComponent(parentId)}/childFolders` : '/me/mailFolders';
      try {
        // Not retried: a lost reply would make the retry see its own folder as "exists".
        return toFolder(await this.api.post<GraphFolder>(path, buildCreateFolder(name)), known.root, known.byId);
      } catch (err) {
        if (err instanceof GraphHttpError && err.code === 'ErrorFolderExists') {
          throw new AppError('FOLDER_EXISTS', `A folder named "${name}" already exists here; choose it or pick another name.`);
        }
        if (parentId && err instanceof GraphHttpError && (err.status === 404 || err.code === 'ErrorInvalidIdMalformed')) {
          throw new AppError('FOLDER_NOT_FOUND', `There is no folder with id "${parentId}" to create "${name}" in.`);
        }
        throw err;
      }
    });
  }

  private async get(idOrName: string): Promise<GraphFolder | undefined> {
    try {
      return await withRetry(this.retry, () => this.api.get<GraphFolder>(`/me/mailFolders/${encodeURIComponent(idOrName)}${buildQuery({ $select: FOLDER_SELECT })}`));
    } catch (err) {
      // A display name is not an id: Graph answers 404, or 400 for a malformed id.
      if (err instanceof GraphHttpError && (err.status === 404 || err.status === 400)) return undefined;
      throw err;
    }
  }

  private async wellKnown(): Promise<{ root: string | undefined; byId: Map<string, string> }> {
    if (this.cache.size === 0) {
      const replies = await runBatches(
        this.api,
        WELL_KNOWN_FOLDERS.map((name) => ({ id: name, method: 'GET' as const, url: `/me/mailFolders/${name}?$select=id` })),
        this.retry,
      );
      for (const [name, reply] of replies) {
        const id = (reply.body as { id?: string } | undefined)?.id;
        // Some mailboxes have no archive folder; a 404 just leaves it out.
        if (reply.status === 200 && id) this.cache.set(name, id);
      }
    }
    const byId = new Map<string, string>();
    for (const [name, id] of this.cache) if (name !== 'msgfolderroot') byId.set(id, name);
    return { root: this.cache.get('msgfolderroot'), byId };
  }

  private async interactive<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (err) {
      throw err instanceof AppError ? err : toAppError(err);
    }
  }
}
