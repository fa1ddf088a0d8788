import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { PreviewResponse } from '../../../shared/api';
import { useI18n } from '../i18n';
import { SandboxedFrame } from '../ui/SandboxedFrame';
import { useLayout } from '../ui/styles';

const useStyles = makeStyles({
  nav: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  meta: { display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  value: { margin: 0, overflowWrap: 'anywhere' },
});

/** The merged message of one recipient, with previous/next through the list. */
export function PreviewPane(props: { preview: PreviewResponse; onIndex: (index: number) => void; busy: boolean }) {
  const styles = useStyles();
  const layout = useLayout();
  const { t } = useI18n();
  const { preview } = props;
  const to = preview.to ?? t('common.none');
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
      <dl className={styles.meta}>
        <dt className={styles.term}>{t('review.to')}</dt>
        <dd className={styles.value} data-testid="preview-to">
          {to}
        </dd>
        <dt className={styles.term}>{t('review.subject')}</dt>
        <dd className={styles.value} data-testid="preview-subject">
          {preview.subject}
        </dd>
      </dl>
      <SandboxedFrame html={preview.html} title={t('review.previewFrame', { to })} testId="preview-frame" />
    </section>
  );
}
