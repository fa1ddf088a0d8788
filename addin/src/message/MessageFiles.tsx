import { useRef } from 'react';
import type { Mailing, UpdateMailing } from '../app/mailing';
import { audienceSpecOf } from '../audience/audienceSpec';
import { useI18n } from '../i18n';
import { useLayout } from '../ui/styles';
import type { MessageFiles as Files } from './files';
import { RecipientFilesPicker } from './RecipientFilesPicker';
import { SharedFiles } from './SharedFiles';
import type { FilesChange } from './uploads';

/** The Message step's files (loaded on demand): files for everyone and a file for each recipient. */
export default function MessageFiles(props: { mailing: Mailing; update: UpdateMailing }) {
  const layout = useLayout();
  const { t } = useI18n();
  const { mailing, update } = props;
  // Uploads finish after later clicks: each change applies to the files as they are by then
  // (kept here, as `update` only merges a patch), never to the copy an upload started with.
  const latest = useRef<Files>(mailing.files);
  latest.current = mailing.files;
  const changeFiles = (change: FilesChange) => {
    latest.current = change(latest.current);
    update({ files: latest.current });
  };
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
