import type { Mailing } from '../app/mailing';
import { audienceSpecOf } from '../audience/audienceSpec';
import { useI18n } from '../i18n';
import { useLayout } from '../ui/styles';
import { RecipientFilesPicker } from './RecipientFilesPicker';
import { SharedFiles } from './SharedFiles';
import type { FilesChange } from './uploads';

/**
 * The Message step's files (loaded on demand): files for everyone and a file for each recipient.
 * Each change goes through `changeFiles`, which applies it to the latest files.
 */
export default function MessageFiles(props: { mailing: Mailing; changeFiles: (change: FilesChange) => void }) {
  const layout = useLayout();
  const { t } = useI18n();
  const { mailing, changeFiles } = props;
  return (
    <section className={layout.stack} aria-labelledby="message-files-heading">
      <h3 id="message-files-heading" className={layout.subheading}>
        {t('message.files')}
      </h3>
      <SharedFiles files={mailing.files} templateFileIds={mailing.fromTemplate?.fileIds ?? []} onChange={changeFiles} />
      <RecipientFilesPicker
        list={mailing.list}
        emailColumn={mailing.emailColumn}
        audience={audienceSpecOf(mailing)}
        files={mailing.files}
        onChange={changeFiles}
      />
    </section>
  );
}
