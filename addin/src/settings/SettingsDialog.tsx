import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useI18n, type Locale } from '../i18n';
import { SettingsPanel } from './SettingsPanel';

const useStyles = makeStyles({
  // Fluent's surface keeps a wide margin; in a 320 px pane the content needs the room.
  surface: { '@media (max-width: 480px)': { maxWidth: 'calc(100vw - 16px)', padding: tokens.spacingHorizontalL } },
});

/** The settings as a modal dialog: focus moves in, stays in, Escape or Close closes it and returns focus to the opener. */
export function SettingsDialog(props: { open: boolean; onOpenChange: (open: boolean) => void; onLocaleChange: (l: Locale) => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <Dialog open={props.open} onOpenChange={(_, d) => props.onOpenChange(d.open)}>
      <DialogSurface className={styles.surface} aria-describedby={undefined} data-testid="settings-dialog">
        <DialogBody>
          <DialogTitle>{t('settings.title')}</DialogTitle>
          <DialogContent>
            <SettingsPanel onLocaleChange={props.onLocaleChange} />
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" data-testid="settings-close" onClick={() => props.onOpenChange(false)}>
              {t('settings.close')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
