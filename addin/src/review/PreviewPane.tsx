import { Badge, Button, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { Fragment } from 'react';
import type { PreviewResponse, RowWarning } from '../../../shared/api';
import { useI18n, type MessageKey } from '../i18n';
import { SandboxedFrame } from '../ui/SandboxedFrame';
import { useLayout } from '../ui/styles';
import { warningNeighbours } from './warnings';

const useStyles = makeStyles({
  nav: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  meta: { display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  value: { margin: 0, overflowWrap: 'anywhere' },
  files: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  file: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalXS, overflowWrap: 'anywhere' },
  warnings: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

/**
 * The merged message of one recipient, as it will be sent: To, Cc, Bcc, Reply-To, subject, files
 * and the body (sandboxed); previous/next through the list, and jumps to the recipients the
 * server found something wrong with, whose warnings are listed in the pane's language.
 */
export function PreviewPane(props: { preview: PreviewResponse; onIndex: (index: number) => void; busy: boolean }) {
  const styles = useStyles();
  const layout = useLayout();
  const { t, formatBytes } = useI18n();
  const { preview } = props;
  const to = preview.to ?? t('common.none');
  const warningRows = preview.warningRows ?? [];
  const around = warningNeighbours(warningRows, preview.rowIndex);
  const describe = (w: RowWarning) => t(`review.rowWarning.${w.code}` as MessageKey, { field: w.field ?? '' });
  const addresses: Array<[MessageKey, string]> = [
    ['review.cc', (preview.cc ?? []).join(', ')],
    ['review.bcc', (preview.bcc ?? []).join(', ')],
    ['review.replyTo', preview.replyTo ?? ''],
  ];
  return (
    <section className={layout.tight} aria-labelledby="preview-heading">
      <div className={styles.nav}>
        <h3 id="preview-heading" className={layout.subheading}>
          {t('review.preview')}
        </h3>
        <span aria-live="polite" data-testid="preview-position">
          {t('review.previewOf', { index: preview.rowIndex + 1, total: preview.total })}
        </span>
      </div>
      <div className={styles.nav}>
        <Button
          size="small"
          data-testid="preview-prev"
          disabled={props.busy || preview.rowIndex <= 0}
          onClick={() => props.onIndex(preview.rowIndex - 1)}
        >
          {t('review.previous')}
        </Button>
        <Button
          size="small"
          data-testid="preview-next"
          disabled={props.busy || preview.rowIndex >= preview.total - 1}
          onClick={() => props.onIndex(preview.rowIndex + 1)}
        >
          {t('review.next')}
        </Button>
      </div>
      {warningRows.length > 0 && (
        <div className={styles.nav} data-testid="preview-warning-nav">
          <span className={layout.muted}>{t('review.warningRows', { count: warningRows.length })}</span>
          <Button
            size="small"
            appearance="subtle"
            data-testid="preview-prev-warning"
            disabled={props.busy || around.previous === null}
            onClick={() => around.previous !== null && props.onIndex(around.previous)}
          >
            {t('review.prevWarning')}
          </Button>
          <Button
            size="small"
            appearance="subtle"
            data-testid="preview-next-warning"
            disabled={props.busy || around.next === null}
            onClick={() => around.next !== null && props.onIndex(around.next)}
          >
            {t('review.nextWarning')}
          </Button>
        </div>
      )}
      {preview.rowWarnings && preview.rowWarnings.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="preview-row-warnings">
          <MessageBarBody>
            <ul className={styles.warnings}>
              {preview.rowWarnings.map((w, i) => (
                <li key={`${w.code}-${w.field ?? ''}-${i}`}>{describe(w)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <dl className={styles.meta}>
        <dt className={styles.term}>{t('review.to')}</dt>
        <dd className={styles.value} data-testid="preview-to">
          {to}
        </dd>
        {addresses
          .filter(([, value]) => value !== '')
          .map(([key, value]) => (
            <Fragment key={key}>
              <dt className={styles.term}>{t(key)}</dt>
              <dd className={styles.value} data-testid={`preview-${key.slice('review.'.length).toLowerCase()}`}>
                {value}
              </dd>
            </Fragment>
          ))}
        <dt className={styles.term}>{t('review.subject')}</dt>
        <dd className={styles.value} data-testid="preview-subject">
          {preview.subject}
        </dd>
        {preview.attachments && preview.attachments.length > 0 && (
          <>
            <dt className={styles.term}>{t('review.attachments')}</dt>
            <dd className={styles.value}>
              <ul className={styles.files} data-testid="preview-attachments">
                {preview.attachments.map((file, i) => (
                  <li key={`${file.name}-${i}`} className={styles.file}>
                    <span>{file.name}</span>
                    <span className={layout.muted}>{formatBytes(file.size)}</span>
                    {file.protected && <Badge appearance="tint" color="informative">{t('review.protectedFile')}</Badge>}
                    {file.inline && <Badge appearance="tint">{t('review.inlineFile')}</Badge>}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
      <SandboxedFrame html={preview.html} title={t('review.previewFrame', { to })} testId="preview-frame" />
    </section>
  );
}
