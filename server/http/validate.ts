import type { z } from 'zod';
import { AppError } from '../errors';

/** Parses a body, query or path parameters with its schema; failures name each field and what is wrong with it. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown, where: 'body' | 'query' | 'path'): z.infer<S> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ path: i.path.join('.') || where, message: i.message }));
  throw new AppError('VALIDATION_FAILED', `Invalid ${where}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, { issues });
}
