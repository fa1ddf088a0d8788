/** Largest single stored file: Graph's upload-session limit; a mailbox's message limit is usually lower. */
export const MAX_FILE_BYTES = 150 * 1024 * 1024;
/** Largest zip upload of per-recipient files. */
export const MAX_ZIP_BYTES = 512 * 1024 * 1024;
/** Most files in one zip. */
export const MAX_ZIP_FILES = 20_000;
/** Most bytes a zip may unpack to (a guard against zip bombs). */
export const MAX_UNZIPPED_BYTES = 1024 * 1024 * 1024;
