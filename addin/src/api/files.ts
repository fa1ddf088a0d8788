import { request } from './http';

const enc = encodeURIComponent;

/** Deletes a stored file (an attachment or inline image); refused while a template, unfinished run or schedule uses it. */
export const deleteFile = async (id: string): Promise<void> => {
  await request(`/api/files/${enc(id)}`, { method: 'DELETE' });
};

/** Deletes a stored zip of per-recipient files with all its files, under the same rule. */
export const deleteFileSet = async (id: string): Promise<void> => {
  await request(`/api/files/sets/${enc(id)}`, { method: 'DELETE' });
};
