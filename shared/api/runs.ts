import { z } from 'zod';
import { AudienceSpec } from './audience';
import { RecipientRow } from './lists';
import { isLocale, isTimeZone } from './locale';
import { MessageExtras } from './templates';

/** The parts of a message template. */
export const TemplateInput = z.object({
  subject: z.string().max(998),
  html: z.string().max(5_000_000),
  text: z.string().max(5_000_000).optional(),
});
/** Parsed template input. */
export type TemplateInput = z.infer<typeof TemplateInput>;

/** Pacing and safety options of a run; absent values take the provider's limits. */
export const RunOptions = z.object({
  perMinute: z.number().int().min(1).max(10_000).optional(),
  perDay: z.number().int().min(1).max(1_000_000).optional(),
  batchSize: z.number().int().min(1).max(100_000).optional(),
  batchIntervalSeconds: z.number().int().min(0).max(86_400).optional(),
  maxErrors: z.number().int().min(0).max(100_000).default(0),
  scheduledAt: z.iso.datetime({ offset: true }).optional(),
  acceptUnknownFields: z.boolean().default(false),
  /** BCP 47 locale for merged numbers and dates (`tr-TR`); absent: values as written. */
  locale: z.string().max(35).refine(isLocale, 'Not a known locale (e.g. tr-TR, pl-PL)').optional(),
  /** IANA time zone of the user: the run date (`{{runDate}}`) is the date there. */
  timeZone: z.string().max(64).refine(isTimeZone, 'Not a known time zone (e.g. Europe/Istanbul)').optional(),
});
/** Parsed run options. */
export type RunOptions = z.infer<typeof RunOptions>;

/** `POST /api/runs`: plan (and start, unless scheduled) a run. */
export const CreateRunRequest = z
  .object({
    listId: z.string(),
    emailColumn: z.string().optional(),
    template: TemplateInput.optional(),
    ...MessageExtras,
    folderId: z.string().optional(),
    folderName: z.string().trim().min(1).max(255).optional(),
    options: RunOptions.default({ maxErrors: 0, acceptUnknownFields: false }),
    dryRun: z.boolean().default(false),
    /** Who the run goes to, evaluated when it is planned; absent: every row of the list. */
    audience: AudienceSpec.optional(),
  })
  .refine((r) => r.folderId === undefined || r.folderName === undefined, {
    message: 'Give either folderId or folderName, not both',
    path: ['folderName'],
  })
  .refine((r) => (r.template === undefined) !== (r.templateId === undefined), {
    message: 'Give either template or templateId',
    path: ['template'],
  });
/** Parsed create-run request. */
export type CreateRunRequest = z.infer<typeof CreateRunRequest>;

/** Run statuses; transitions are checked by the server's state machine. */
export const RunStatus = z.enum(['scheduled', 'queued', 'running', 'paused', 'completed', 'cancelled']);
/** A run status. */
export type RunStatus = z.infer<typeof RunStatus>;

/** Delivery statuses. */
export const DeliveryStatus = z.enum(['pending', 'sending', 'sent', 'failed', 'skipped']);
/** A delivery status. */
export type DeliveryStatus = z.infer<typeof DeliveryStatus>;

/** Counts of a run's deliveries by status. */
export const RunCounts = z.object({
  planned: z.number().int(),
  pending: z.number().int(),
  sending: z.number().int(),
  sent: z.number().int(),
  failed: z.number().int(),
  skipped: z.number().int(),
});
/** Parsed run counts. */
export type RunCounts = z.infer<typeof RunCounts>;

/**
 * Why an active run is not sending right now: the mailbox's or the run's rate, its daily budget
 * (Cc and Bcc count), the run's batch interval, a provider's request to slow down, a retry
 * backoff, or a start time still to come.
 */
export const WaitReason = z.enum(['rate', 'day', 'batch', 'throttled', 'retry', 'schedule']);
/** A wait reason. */
export type WaitReason = z.infer<typeof WaitReason>;

/** A run as the API presents it. */
export const Run = z.object({
  id: z.string(),
  status: RunStatus,
  subject: z.string(),
  listName: z.string(),
  folderId: z.string(),
  folderName: z.string(),
  provider: z.string(),
  options: RunOptions,
  counts: RunCounts,
  pauseReason: z.string().nullable(),
  createdAt: z.string(),
  scheduledAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  estimatedFinishAt: z.string().nullable(),
  /** Set while an active or scheduled run waits: when it continues (ISO) and why. */
  waitingUntil: z.string().nullable().optional(),
  waitReason: WaitReason.nullable().optional(),
});
/** Parsed run. */
export type Run = z.infer<typeof Run>;

/** `GET /api/runs` */
export const RunsResponse = z.object({ runs: z.array(Run) });

/** One recipient's delivery in a run report. */
export const Delivery = z.object({
  id: z.string(),
  index: z.number().int(),
  to: z.string(),
  status: DeliveryStatus,
  reason: z.string().nullable(),
  messageId: z.string().nullable(),
  sentAt: z.string().nullable(),
  values: RecipientRow,
});
/** Parsed delivery. */
export type Delivery = z.infer<typeof Delivery>;

/** `GET /api/runs/:id/deliveries?status&offset&limit` */
export const DeliveriesResponse = z.object({
  total: z.number().int(),
  deliveries: z.array(Delivery),
});

/** Server-sent event `progress` on `GET /api/runs/:id/events`. */
export const ProgressEvent = z.object({
  runId: z.string(),
  status: RunStatus,
  counts: RunCounts,
  ratePerMinute: z.number(),
  estimatedFinishAt: z.string().nullable(),
  pauseReason: z.string().nullable(),
  /** Set while the run waits: when it continues (ISO) and why ("waiting for daily budget, continues at 09:12"). */
  waitingUntil: z.string().nullable().optional(),
  waitReason: WaitReason.nullable().optional(),
});
/** Parsed progress event. */
export type ProgressEvent = z.infer<typeof ProgressEvent>;
