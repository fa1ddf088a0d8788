import { Suspense, lazy, useState } from 'react';
import { Button, useRestoreFocusTarget } from '@fluentui/react-components';
import { useI18n, type Locale } from '../i18n';

// Loaded on first use: the pane's first screen does not need the dialog.
const SettingsDialog = lazy(() => import('./SettingsDialog').then((m) => ({ default: m.SettingsDialog })));

/** A gear: its teeth are a dashed ring around a hub. */
function GearIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <circle cx="10" cy="10" r="6.5" fill="none" stroke="currentColor" strokeWidth="3" strokeDasharray="2.55 2.55" />
      <circle cx="10" cy="10" r="5" fill="none" stroke="currentColor" strokeWidth="2" />
      <circle cx="10" cy="10" r="1.6" fill="currentColor" />
    </svg>
  );
}

/** The header's settings button and the dialog it opens; focus returns to the button on close. */
export function SettingsButton(props: { onLocaleChange: (l: Locale) => void; className?: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(false);
  const restoreFocus = useRestoreFocusTarget();
  return (
    <>
      <Button
        {...restoreFocus}
        className={props.className}
        size="small"
        appearance="subtle"
        icon={<GearIcon />}
        aria-label={t('settings.title')}
        title={t('settings.title')}
        aria-haspopup="dialog"
        data-testid="settings-open"
        onClick={() => {
          setOpened(true);
          setOpen(true);
        }}
      />
      {opened && (
        <Suspense fallback={null}>
          <SettingsDialog open={open} onOpenChange={setOpen} onLocaleChange={props.onLocaleChange} />
        </Suspense>
      )}
    </>
  );
}
