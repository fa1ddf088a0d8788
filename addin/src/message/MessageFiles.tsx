import type { Mailing, UpdateMailing } from '../app/mailing';
import { useI18n } from '../i18n';
import { useLayout } from '../ui/styles';
import { RecipientFilesPicker } from './RecipientFilesPicker';
import { SharedFiles } from './SharedFiles';

/** The Message step's files (loaded on demand): files for everyone and a file for each recipient. */
export default function MessageFiles(props: { mailing: Mailing; update: UpdateMailing }) {
  const layout = useLayout();
  const { t } = useI18n();
  const { mailing, update } = props;
  return (
    <section className={layout.stack} aria-labelledby="message-files-heading">
      <h3 id="message-files-heading" className={layout.subheading}>
        {t('message.files')}
      </h3>
      <SharedFiles
        files={mailing.files}
        templateFileIds={mailing.fromTemplate?.fileIds ?? []}
        onChange={(files) => update({ files })}
      />
      <RecipientFilesPicker list={mailing.list} emailColumn={mailing.emailColumn} files={mailing.files} onChange={(files) => update({ files })} />
    </section>
  );
}
