import type { Locale, Message } from './catalog';
import { en, type MessageKey } from './en';
import { tr } from './tr';
import { ru } from './ru';
import { pl } from './pl';
import { sk } from './sk';

/** A complete catalog: every key of the English reference, in one locale. */
export type Catalog = Record<MessageKey, Message>;

/** All shipped catalogs by locale. */
export const catalogs: Record<Locale, Catalog> = { en, tr, ru, pl, sk };
