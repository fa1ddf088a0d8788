import { createContext, useContext, type ReactNode } from 'react';
import { createTranslator, type Translator } from './translator';

const I18nContext = createContext<Translator>(createTranslator('en'));

/** Makes a translator available to every component below it. */
export function I18nProvider(props: { translator: Translator; children: ReactNode }) {
  return <I18nContext.Provider value={props.translator}>{props.children}</I18nContext.Provider>;
}

/** The translator of the nearest I18nProvider. */
export function useI18n(): Translator {
  return useContext(I18nContext);
}
