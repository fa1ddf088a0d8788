import { useState, type ReactNode } from 'react';
import { Link } from '@fluentui/react-components';
import { apiUrl, downloadUrl } from '../api';
import { ErrorBar } from './ErrorBar';

/**
 * A link that downloads a server file (a report, a message's source). Clicking fetches a ticketed
 * URL first, so it works with a bearer-token sign-in (Microsoft mode) as well as in local mode; the
 * plain `href` stays for "copy link" and right-click in local mode.
 */
export function DownloadLink(props: { path: string; fileName: string; testId: string; children: ReactNode }) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const open = async () => {
    setBusy(true);
    setError(null);
    try {
      const a = document.createElement('a');
      a.href = await downloadUrl(props.path);
      a.download = props.fileName;
      a.hidden = true;
      document.body.append(a);
      a.click();
      a.remove();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Link
        href={apiUrl(props.path)}
        download={props.fileName}
        data-testid={props.testId}
        aria-busy={busy || undefined}
        onClick={(e) => {
          e.preventDefault();
          if (!busy) void open();
        }}
      >
        {props.children}
      </Link>
      <ErrorBar error={error} testId={`${props.testId}-error`} />
    </>
  );
}
