import { z } from 'zod';

/** Stable error codes of the HTTP API and the CLI; scripts may match on them. */
export const ERROR_CODES = [
  'BAD_REQUEST',
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_STATE',
  'IMPORT_FAILED',
  'NO_EMAIL_COLUMN',
  'TEMPLATE_SYNTAX',
  'UNKNOWN_FIELDS',
  'FOLDER_NOT_FOUND',
  'FOLDER_EXISTS',
  'INVALID_ADDRESS',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  'DRAFT_UNAVAILABLE',
  'DRAFT_NOT_FOUND',
  'SOURCE_UNAVAILABLE',
  'PROVIDER_FAILED',
  'INTERNAL',
] as const;

/** One of the stable error codes. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The body of every error response: `{ error: { code, message, details } }`. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
/** Parsed error body. */
export type ErrorBody = z.infer<typeof ErrorBody>;
