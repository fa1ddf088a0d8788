import { Suspense, lazy, useCallback, useState } from 'react';
import { Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useI18n, type Locale } from '../i18n';
import type { Auth } from '../auth';
import type { OfficeHost } from '../office';
import { Header, type View } from './Header';
import { SignInNotice } from './SignInNotice';
import { newMailing, type Mailing, type Step } from './mailing';
import { Wizard } from './Wizard';

const MailboxView = lazy(() => import('../mailbox/MailboxView').then((m) => ({ default: m.MailboxView })));
const HistoryView = lazy(() => import('../history/HistoryView').then((m) => ({ default: m.HistoryView })));
const RunsView = lazy(() => import('../runs/RunsView').then((m) => ({ default: m.RunsView })));

const useStyles = makeStyles({
  main: {
    padding: tokens.spacingHorizontalM,
    maxWidth: '960px',
    boxSizing: 'border-box',
  },
});

/** The pane: header with navigation, then the guided flow, runs, a person's history or the mailbox. */
export function App(props: { host: OfficeHost | null; auth: Auth; onLocaleChange: (l: Locale) => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  // Reading a message, the pane opens on what was sent to its sender.
  const [view, setView] = useState<View>(props.host?.surface === 'read' ? 'history' : 'compose');
  const [mailing, setMailing] = useState<Mailing>(newMailing);
  const [mailboxFolder, setMailboxFolder] = useState<string | null>(null);

  const update = useCallback((patch: Partial<Mailing>) => setMailing((m) => ({ ...m, ...patch })), []);
  const openRun = useCallback((runId: string, step: Step) => {
    setMailing({ ...newMailing(), runId, step });
    setView('compose');
  }, []);
  const openFolder = useCallback((folderId: string | null) => {
    setMailboxFolder(folderId);
    setView('mailbox');
  }, []);
  const restart = useCallback(() => setMailing(newMailing()), []);

  const selectView = (next: View) => {
    if (next === 'mailbox') setMailboxFolder(null);
    setView(next);
  };

  return (
    <>
      <Header view={view} onView={selectView} onLocaleChange={props.onLocaleChange} />
      <main className={styles.main}>
        <SignInNotice auth={props.auth} />
        <Suspense fallback={<Spinner size="small" label={t('app.loading')} />}>
          {view === 'compose' && (
            <Wizard host={props.host} mailing={mailing} update={update} onOpenFolder={openFolder} onRestart={restart} />
          )}
          {view === 'runs' && <RunsView onOpen={openRun} />}
          {view === 'history' && <HistoryView host={props.host} />}
          {view === 'mailbox' && <MailboxView key={mailboxFolder ?? 'all'} initialFolderId={mailboxFolder} />}
        </Suspense>
      </main>
    </>
  );
}
