import { useId, useRef } from 'react';
import { Button, Spinner } from '@fluentui/react-components';
import { useLayout } from '../ui/styles';

/** A button opening the browser's file chooser (the input itself stays hidden), with a spinner while uploading. */
export function UploadButton(props: {
  label: string;
  accept?: string;
  multiple?: boolean;
  /** The spinner's label while an upload runs; null when idle. */
  busyLabel: string | null;
  testId: string;
  onFiles: (files: File[]) => Promise<void>;
}) {
  const layout = useLayout();
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const chosen = async (list: FileList | null) => {
    const files = list ? Array.from(list) : [];
    if (files.length > 0) await props.onFiles(files);
    if (input.current) input.current.value = '';
  };
  return (
    <div className={layout.row}>
      <input
        ref={input}
        id={id}
        type="file"
        accept={props.accept}
        multiple={props.multiple}
        className={layout.visuallyHidden}
        data-testid={`${props.testId}-input`}
        tabIndex={-1}
        aria-label={props.label}
        onChange={(e) => void chosen(e.target.files)}
      />
      <Button size="small" data-testid={props.testId} disabled={props.busyLabel !== null} onClick={() => input.current?.click()}>
        {props.label}
      </Button>
      {props.busyLabel && <Spinner size="tiny" label={props.busyLabel} />}
    </div>
  );
}
